#!/usr/bin/python3
"""The Twisted conformance peer: an amp.AMP subclass serving the conformance command table.

    /usr/bin/python3 twisted_peer.py serve --unix PATH
    /usr/bin/python3 twisted_peer.py serve --tcp PORT        # 127.0.0.1; 0 picks a port

Prints one line ``READY unix:PATH`` or ``READY tcp:127.0.0.1:PORT`` once it accepts connections,
like the Java peer, and serves until killed (or, with --exit-on-eof, until standard input closes, so
a test harness that dies cannot leave it behind). Twisted's own log goes to standard error.

Everything about the wire comes from Twisted's amp module; the responders below only implement what
the command table says each command does. The commands themselves come from conformance_commands,
the module amp-java's annotation processor generates from io.ampjava.conformance.commands (the build
writes it to amp-conformance/target/generated-sources/annotations; put that on PYTHONPATH).
"""

import argparse
import hashlib
import os
import sys

from twisted.internet import protocol, reactor, stdio, task
from twisted.logger import globalLogBeginner, textFileLogObserver
from twisted.protocols import amp

try:
    import conformance_commands as c
except ImportError as missing:
    sys.exit("%s: build amp-conformance (mvn package -pl amp-conformance -am) and put its"
             " target/generated-sources/annotations on PYTHONPATH" % missing)

#: Bytes 0..65535 of a Blob answer are i mod 251: a prime, so no power-of-two period hides bugs.
BLOB_MODULUS = 251
#: The largest Blob answer: the largest AMP value.
BLOB_MAX = 0xFFFF


def blob(size):
    """The bytes a Blob(size) answer carries."""
    return bytes(i % BLOB_MODULUS for i in range(size))


class ConformancePeer(amp.AMP):
    """One connection. Notify's memory is per connection, so it lives on the protocol instance."""

    def __init__(self):
        super().__init__()
        self._last_notified = None

    @c.Sum.responder
    def sum(self, a, b):
        return {"total": a + b}

    @c.Divide.responder
    def divide(self, numerator, denominator):
        if denominator == 0:
            raise ZeroDivisionError("division by zero")
        return {"result": numerator / denominator}

    @c.EchoTypes.responder
    def echo_types(self, **arguments):
        # Absent optionals arrive as None and must stay absent; False, 0 and "" are present values.
        return {name: value for name, value in arguments.items() if value is not None}

    @c.Fail.responder
    def fail(self, mode):
        if mode == "declared":
            raise c.DeclaredFailure("declared failure")
        if mode == "fatal":
            raise c.FatalFailure("fatal failure")
        if mode == "undeclared":
            raise RuntimeError("undeclared failure")
        return {}

    @c.Notify.responder
    def notify(self, value):
        self._last_notified = value
        return {}

    @c.LastNotified.responder
    def last_notified(self):
        return {"value": self._last_notified}

    @c.Delay.responder
    def delay(self, millis, token):
        # A negative delay answers at once (callLater refuses negative delays).
        return task.deferLater(reactor, max(millis, 0) / 1000.0, lambda: {"token": token})

    @c.Goodbye.responder
    def goodbye(self):
        return {}

    @c.WriteDescriptor.responder
    def write_descriptor(self, fd, data):
        try:
            view = memoryview(data)
            written = 0
            while written < len(data):
                written += os.write(fd, view[written:])
        finally:
            os.close(fd)
        return {"written": written}

    @c.OpenDescriptor.responder
    def open_descriptor(self, path):
        fd = os.open(path.path, os.O_RDONLY | os.O_CLOEXEC)
        self._close_once_sent(fd)
        return {"fd": fd}

    @c.Callback.responder
    def callback(self, a, b):
        answer = self.callRemote(c.Sum, a=a, b=b)
        answer.addCallback(lambda response: {"total": response["total"]})
        return answer

    @c.Blob.responder
    def blob(self, size):
        if size > BLOB_MAX:
            raise c.TooBig("size too big")
        return {"data": blob(size)}

    @c.EchoLarge.responder
    def echo_large(self, data, text):
        return {"data": data, "text": text, "digest": hashlib.sha256(data).hexdigest()}

    def _close_once_sent(self, fd):
        """Closes our copy of ``fd`` once the UNIX transport has passed it on.

        The answer is serialized (queueing the fd) in the same call that runs the responder, but the
        transport sends queued fds later, when the socket is writable, and has no completion hook.
        So poll its queue (a private attribute of Twisted's UNIX transport: test code only). Over
        TCP the fd is never queued, because serialization fails, and it is closed at once.
        """

        def check():
            queue = getattr(self.transport, "_sendmsgQueue", ())
            if fd in queue and self.transport.connected:
                reactor.callLater(0.005, check)
            else:
                os.close(fd)

        reactor.callLater(0, check)


class _StopOnEof(protocol.Protocol):
    def connectionLost(self, reason):
        if reactor.running:
            reactor.stop()


def main(argv):
    parser = argparse.ArgumentParser(prog="twisted_peer.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the conformance commands")
    where = serve.add_mutually_exclusive_group(required=True)
    where.add_argument("--unix", metavar="PATH", help="listen on a Unix socket at PATH")
    where.add_argument("--tcp", metavar="PORT", type=int, help="listen on 127.0.0.1:PORT (0 picks one)")
    serve.add_argument("--exit-on-eof", action="store_true", help="exit when standard input closes")
    args = parser.parse_args(argv)

    globalLogBeginner.beginLoggingTo([textFileLogObserver(sys.stderr)], redirectStandardIO=False)
    factory = protocol.Factory.forProtocol(ConformancePeer)
    if args.unix is not None:
        reactor.listenUNIX(args.unix, factory)
        address = "unix:" + args.unix
    else:
        port = reactor.listenTCP(args.tcp, factory, interface="127.0.0.1")
        address = "tcp:127.0.0.1:%d" % port.getHost().port
    print("READY " + address, flush=True)
    if args.exit_on_eof:
        stdio.StandardIO(_StopOnEof())
    reactor.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
