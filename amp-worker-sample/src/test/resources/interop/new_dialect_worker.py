"""
A trial worker that speaks the manager commands of Twisted 22.10 and later (streams), for testing a
manager's new dialect with Twisted's own AMP (Debian's Twisted 22.4 has only the old dialect).

Runs like workertrial.py: AMP in on fd 3, out on fd 4, one byte at a time, exit 0 at EOF. The
commands are declared here as Twisted 22.10 declares them (twisted/trial/_dist/stream.py and
managercommands.py). Each Run reports a fixed script of results, whatever its test name says:

  <name>.pass -> AddSuccess                 <name>.todo -> AddExpectedFailure (streamed text)
  <name>.fail -> AddFailure (streamed)      <name>.unexpected -> AddUnexpectedSuccess
  <name>.error -> AddError (streamed)       <name>.skip -> AddSkip
  <name>.long -> AddError with a 200,000-character text and 1,000 frames, over streams
"""

import os
import sys

from twisted.internet.defer import inlineCallbacks
from twisted.internet.protocol import FileWrapper
from twisted.protocols import amp


class StreamOpen(amp.Command):
    response = [(b"streamId", amp.Integer())]


class StreamWrite(amp.Command):
    arguments = [(b"streamId", amp.Integer()), (b"data", amp.String())]


class AddSuccess(amp.Command):
    arguments = [(b"testName", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class AddError(amp.Command):
    arguments = [
        (b"testName", amp.Unicode()),
        (b"errorClass", amp.Unicode()),
        (b"errorStreamId", amp.Integer()),
        (b"framesStreamId", amp.Integer()),
    ]
    response = [(b"success", amp.Boolean())]


class AddFailure(amp.Command):
    arguments = [
        (b"testName", amp.Unicode()),
        (b"failStreamId", amp.Integer()),
        (b"failClass", amp.Unicode()),
        (b"framesStreamId", amp.Integer()),
    ]
    response = [(b"success", amp.Boolean())]


class AddSkip(amp.Command):
    arguments = [(b"testName", amp.Unicode()), (b"reason", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class AddExpectedFailure(amp.Command):
    arguments = [
        (b"testName", amp.Unicode()),
        (b"errorStreamId", amp.Integer()),
        (b"todo", amp.Unicode()),
    ]
    response = [(b"success", amp.Boolean())]


class AddUnexpectedSuccess(amp.Command):
    arguments = [(b"testName", amp.Unicode()), (b"todo", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class TestWrite(amp.Command):
    arguments = [(b"out", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class Run(amp.Command):
    arguments = [(b"testCase", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class Start(amp.Command):
    arguments = [(b"directory", amp.Unicode())]
    response = [(b"success", amp.Boolean())]


class NewDialectWorker(amp.AMP):
    @inlineCallbacks
    def stream(self, chunks):
        streamId = (yield self.callRemote(StreamOpen))["streamId"]
        for chunk in chunks:
            yield self.callRemote(StreamWrite, streamId=streamId, data=chunk)
        return streamId

    @Start.responder
    def start(self, directory):
        os.chdir(directory)
        return {"success": True}

    @Run.responder
    @inlineCallbacks
    def run(self, testCase):
        kind = testCase.rsplit(".", 1)[-1]
        yield self.callRemote(TestWrite, out="--> %s <--" % (testCase,))
        frames = [b"test_it", b"/tests/sample.py", b"12", b"helper", b"/tests/helpers.py", b"34"]
        if kind == "pass":
            yield self.callRemote(AddSuccess, testName=testCase)
        elif kind == "fail":
            fail = yield self.stream(["expected 5, got 4 \u2603".encode("utf-8")])
            framesId = yield self.stream(frames)
            yield self.callRemote(AddFailure, testName=testCase, failStreamId=fail,
                                  failClass="twisted.trial.unittest.FailTest", framesStreamId=framesId)
        elif kind == "error":
            error = yield self.stream([b"python error"])
            framesId = yield self.stream(frames)
            yield self.callRemote(AddError, testName=testCase, errorClass="builtins.ValueError",
                                  errorStreamId=error, framesStreamId=framesId)
        elif kind == "long":
            text = ("\u20ac" + "x" * 9) * 20000
            data = text.encode("utf-8")
            chunks = [data[i:i + 65535] for i in range(0, len(data), 65535)]
            error = yield self.stream(chunks)
            framesId = yield self.stream(
                [part for i in range(1000) for part in (b"deep%d" % i, b"/tests/deep.py", b"%d" % i)])
            yield self.callRemote(AddError, testName=testCase, errorClass="builtins.RuntimeError",
                                  errorStreamId=error, framesStreamId=framesId)
        elif kind == "skip":
            yield self.callRemote(AddSkip, testName=testCase, reason="skipping on purpose")
        elif kind == "todo":
            error = yield self.stream([b"known broken"])
            yield self.callRemote(AddExpectedFailure, testName=testCase, errorStreamId=error, todo="not done yet")
        elif kind == "unexpected":
            yield self.callRemote(AddUnexpectedSuccess, testName=testCase, todo="should fail")
        return {"success": True}


def main():
    protocol = NewDialectWorker()
    protocolIn = os.fdopen(3, "rb")
    protocolOut = os.fdopen(4, "wb")
    protocol.makeConnection(FileWrapper(protocolOut))
    protocol.callRemote(TestWrite, out="Log opened.")
    while True:
        byte = protocolIn.read(1)
        if byte == b"":
            break
        protocol.dataReceived(byte)
        protocolOut.flush()
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    main()
