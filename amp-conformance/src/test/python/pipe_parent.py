"""
A Twisted parent that drives a child over inherited pipes, as trial -j and Ampoule drive workers:
the child reads AMP on its fd 3 and writes it on its fd 4.

Usage: pipe_parent.py close|die DELAYS -- CHILD_COMMAND...

Spawns CHILD_COMMAND with childFDs={0: "w", 1: "r", 2: 2, 3: "w", 4: "r"} and speaks Twisted's own
amp.AMP with it, then:
  1. calls Sum(20, 22) and prints "SERVED <total>";
  2. sends DELAYS calls of Delay(10**15 ms), whose answers never come, and then Sum(1, 2): with
     DELAYS at or above the child's limit of requests in progress, the child stops reading and the
     Sum stays unanswered; prints "PAUSED <child pid>" once a second has passed without its answer
     (or "ANSWERED" if it came, and exits);
  3. close: closes the child's fds 3 and 4 (the AMP connection) and waits up to 20 s for the child
     to exit; prints "EXITED <seconds>" or "STILL RUNNING" (and kills it).
     die: waits to be killed (the test sends SIGKILL, and watches the child itself).
"""

import os
import sys
import time

from twisted.internet import defer, protocol, reactor
from twisted.protocols import amp

from conformance_commands import Delay, Sum


def emit(*fields):
    print(" ".join(str(field) for field in fields), flush=True)


class PipeTransport:
    """What amp.AMP writes to: the child's fd 3. Like trial's LocalWorkerTransport."""

    def __init__(self, process):
        self._process = process

    def write(self, data):
        self._process.writeToChild(3, data)

    def writeSequence(self, sequence):
        for data in sequence:
            self._process.writeToChild(3, data)

    def loseConnection(self):
        self._process.closeChildFD(3)
        self._process.closeChildFD(4)

    def getPeer(self):
        return "child"

    def getHost(self):
        return "parent"


class Child(protocol.ProcessProtocol):
    """The child process: its fd 4 feeds the AMP protocol, its stdout says READY."""

    def __init__(self):
        self.amp = amp.AMP()
        self.ready = defer.Deferred()
        self.ended = defer.Deferred()
        self._stdout = b""

    def connectionMade(self):
        self.amp.makeConnection(PipeTransport(self.transport))

    def childDataReceived(self, fd, data):
        if fd == 4:
            self.amp.dataReceived(data)
        elif fd == 1:
            self._stdout += data
            if b"READY" in self._stdout and not self.ready.called:
                self.ready.callback(None)

    def processEnded(self, reason):
        self.amp.connectionLost(reason)
        if not self.ready.called:
            self.ready.errback(reason)
        self.ended.callback(reason.value)


def sleep(seconds):
    d = defer.Deferred()
    reactor.callLater(seconds, d.callback, None)
    return d


@defer.inlineCallbacks
def drive(mode, delays, command):
    child = Child()
    process = reactor.spawnProcess(child, command[0], command, env=os.environ,
                                   childFDs={0: "w", 1: "r", 2: 2, 3: "w", 4: "r"})
    yield child.ready
    answer = yield child.amp.callRemote(Sum, a=20, b=22)
    emit("SERVED", answer["total"])
    for token in range(delays):
        child.amp.callRemote(Delay, millis=10 ** 15, token=token).addErrback(lambda failure: None)
    late = child.amp.callRemote(Sum, a=1, b=2)
    late.addErrback(lambda failure: None)
    yield sleep(1.0)
    if late.called:
        emit("ANSWERED")
        return
    emit("PAUSED", process.pid)
    if mode == "die":
        yield defer.Deferred()  # until SIGKILL
    start = time.monotonic()
    child.amp.transport.loseConnection()
    yield defer.DeferredList([child.ended, sleep(20)], fireOnOneCallback=True, consumeErrors=True)
    if child.ended.called:
        emit("EXITED", "%.2f" % (time.monotonic() - start))
    else:
        emit("STILL RUNNING")
        process.signalProcess("KILL")
        yield child.ended


def main(argv):
    split = argv.index("--")
    mode, delays, command = argv[1], int(argv[2]), argv[split + 1:]
    failures = []

    def done(result):
        if hasattr(result, "getTraceback"):
            failures.append(result.getTraceback())
        reactor.stop()

    reactor.callWhenRunning(lambda: drive(mode, delays, command).addBoth(done))
    reactor.run()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
