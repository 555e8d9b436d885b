"""
Drives a trial worker with Twisted's own manager code, the way ``trial -j`` does.

Usage: drive_worker_with_twisted.py LOG_DIRECTORY TEST... -- WORKER_COMMAND...

Spawns WORKER_COMMAND with ``childFDs={0: "w", 1: "r", 2: "r", 3: "w", 4: "r"}`` under
``twisted.trial._dist.worker.LocalWorker`` and ``LocalWorkerAMP`` (Twisted's manager side), runs each
TEST through ``LocalWorkerAMP.run`` against a ``twisted.trial.reporter.TestResult``, closes the
worker's fd 3 and waits for it to exit. Prints one line per recorded result, tab separated:

    RESULT <test> <kind> <class> <message>      kind: success failure error skip ...
    ANSWER <test> <Run's success>
    EXIT <exit code>

The message has newlines written as \\n; the class is the Python class Twisted resolved.
"""

import os
import sys

from twisted.internet import defer, reactor
from twisted.internet.error import ProcessDone, ProcessTerminated
from twisted.python.reflect import qual
from twisted.trial._dist.worker import LocalWorker, LocalWorkerAMP
from twisted.trial.reporter import TestResult


class NamedTest:
    """The manager only needs a test's id."""

    def __init__(self, name):
        self._name = name

    def id(self):
        return self._name

    def __str__(self):
        return self._name


def flat(text):
    return str(text).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ")


def emit(*fields):
    print("\t".join(flat(field) for field in fields), flush=True)


def report(name, result, answer):
    for _ in range(result.successes):
        emit("RESULT", name, "success", "", "")
    for _, failure in result.failures:
        emit("RESULT", name, "failure", qual(failure.type), failure.getErrorMessage() + " [frames=%d]" % len(failure.frames))
    for _, failure in result.errors:
        emit("RESULT", name, "error", qual(failure.type), failure.getErrorMessage() + " [frames=%d]" % len(failure.frames))
    for _, reason in result.skips:
        emit("RESULT", name, "skip", "", reason)
    emit("ANSWER", name, answer.get("success"))


@defer.inlineCallbacks
def drive(logDirectory, tests, command):
    amp = LocalWorkerAMP()
    worker = LocalWorker(amp, logDirectory, "test.log")
    reactor.spawnProcess(
        worker, command[0], command, env=os.environ,
        childFDs={0: "w", 1: "r", 2: "r", 3: "w", 4: "r"},
    )
    try:
        for name in tests:
            result = TestResult()
            answer = yield amp.run(NamedTest(name), result)
            report(name, result, answer)
    finally:
        worker.transport.closeChildFD(3)
        try:
            yield worker.endDeferred
            code = 0
        except ProcessDone:
            code = 0
        except ProcessTerminated as terminated:
            code = terminated.exitCode if terminated.exitCode is not None else -(terminated.signal or 0)
        emit("EXIT", code)


def main(argv):
    split = argv.index("--")
    logDirectory, tests, command = argv[1], argv[2:split], argv[split + 1:]
    failures = []

    def timeout():
        failures.append("timed out")
        reactor.stop()

    deadline = reactor.callLater(float(os.environ.get("DRIVER_TIMEOUT", "120")), timeout)

    def done(result):
        if hasattr(result, "getTraceback"):
            failures.append(result.getTraceback())
        if deadline.active():
            deadline.cancel()
            reactor.stop()

    reactor.callWhenRunning(lambda: drive(logDirectory, tests, command).addBoth(done))
    reactor.run()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
