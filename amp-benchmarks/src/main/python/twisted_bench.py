#!/usr/bin/python3
"""The Twisted bench client: the same command line and output as the Java peer's ``bench``.

    /usr/bin/python3 twisted_bench.py bench --unix PATH --calls N --outstanding K [--command Sum|WriteDescriptor]
                                           [--warmup-seconds S]

Connects to a peer serving the conformance commands at PATH (Java or Twisted), makes N calls with
``callRemote``, keeping at most K unanswered at any time (a new call goes out as soon as an answer
comes back), and prints ``calls/s: <number>`` as its last line. With K = 1 it first prints the
latency percentiles of the calls, ``latency p50 us: <x>`` and ``latency p99 us: <y>``.

``Sum`` sends a=i, b=1 for the i-th call and checks the total; ``WriteDescriptor`` passes /dev/null
with the data ``bench``: what ``amp-peer.jar bench`` sends. The command classes come from the conformance
suite's ``conformance_commands.py``, which amp-java's annotation processor generates from the Java
declarations (found through ``--commands-dir``, by default where the build writes it), so no side can
disagree about a wire name.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_COMMANDS_DIR = os.path.join(HERE, "..", "..", "..", "..", "amp-conformance", "target", "generated-sources",
                                    "annotations")

#: The WriteDescriptor payload; the other bench clients and the raw floor send the same bytes.
WRITE_DATA = b"bench"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="twisted_bench.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="mode", required=True)
    bench = commands.add_parser("bench", help="call a peer N times with at most K outstanding")
    bench.add_argument("--unix", metavar="PATH", required=True, help="the peer's Unix socket")
    bench.add_argument("--calls", metavar="N", type=int, required=True)
    bench.add_argument("--outstanding", metavar="K", type=int, required=True)
    bench.add_argument("--command", choices=["Sum", "WriteDescriptor"], default="Sum")
    bench.add_argument("--warmup-seconds", metavar="S", type=float, default=0.0,
                       help="make untimed calls for this long first (as amp-peer.jar bench does)")
    bench.add_argument("--commands-dir", default=DEFAULT_COMMANDS_DIR,
                       help="where conformance_commands.py lives (default: where the build generates it)")
    arguments = parser.parse_args(argv)
    if arguments.calls < 1 or arguments.outstanding < 1:
        parser.error("--calls and --outstanding must be positive")
    return arguments


class Bench:
    """Keeps K calls in flight until N have been answered, then stops the reactor."""

    def __init__(self, reactor, protocol, call, calls, outstanding):
        self.reactor = reactor
        self.protocol = protocol
        self.call = call
        self.calls = calls
        self.outstanding = outstanding
        self.sent = 0
        self.answered = 0
        self.latencies = [] if outstanding == 1 else None
        self.failure = None
        self.started = self.finished = None
        self.done = None  # called instead of stopping the reactor (a warm-up round)

    def start(self):
        self.started = time.perf_counter()
        for _ in range(min(self.outstanding, self.calls)):
            self._send()

    def _send(self):
        i = self.sent
        self.sent += 1
        sent_at = time.perf_counter()
        deferred = self.call(self.protocol, i)
        deferred.addCallbacks(self._answered, self._failed, callbackArgs=(sent_at,))

    def _answered(self, _response, sent_at):
        now = time.perf_counter()
        if self.latencies is not None:
            self.latencies.append(now - sent_at)
        self.answered += 1
        if self.answered == self.calls:
            self.finished = now
            if self.done is not None:
                self.done()
            else:
                self.reactor.stop()
        elif self.sent < self.calls:
            self._send()

    def _failed(self, failure):
        if self.failure is None:
            self.failure = failure
            from twisted.internet import reactor
            if reactor.running:
                reactor.stop()


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


def main(argv):
    arguments = parse_arguments(argv)
    sys.path.insert(0, os.path.abspath(arguments.commands_dir))
    import conformance_commands as c
    from twisted.internet import reactor
    from twisted.internet.endpoints import UNIXClientEndpoint, connectProtocol
    from twisted.protocols import amp

    if arguments.command == "Sum":
        def call(protocol, i):
            def check(response):
                if response["total"] != i + 1:
                    raise ValueError("Sum(%d, 1) answered %r" % (i, response["total"]))
                return response
            return protocol.callRemote(c.Sum, a=i, b=1).addCallback(check)
    else:
        devnull = os.open(os.devnull, os.O_WRONLY | os.O_CLOEXEC)

        def call(protocol, i):
            # Twisted sends a copy of the fd (SCM_RIGHTS); ours stays open for the next call.
            def check(response):
                if response["written"] != len(WRITE_DATA):
                    raise ValueError("WriteDescriptor answered %r bytes written" % response["written"])
                return response
            return protocol.callRemote(c.WriteDescriptor, fd=devnull, data=WRITE_DATA).addCallback(check)

    state = {}

    def connected(protocol):
        warmup_end = time.perf_counter() + arguments.warmup_seconds

        def measure():
            bench = Bench(reactor, protocol, call, arguments.calls, arguments.outstanding)
            state["bench"] = bench
            bench.start()

        def warm(_=None):
            if time.perf_counter() >= warmup_end:
                measure()
                return
            rounds = Bench(None, protocol, call, max(100, 8 * arguments.outstanding), arguments.outstanding)
            rounds.done = warm
            state["bench"] = rounds
            rounds.start()

        warm()

    def not_connected(failure):
        state["failure"] = failure
        reactor.stop()

    endpoint = UNIXClientEndpoint(reactor, arguments.unix)
    connectProtocol(endpoint, amp.AMP()).addCallbacks(connected, not_connected)
    reactor.run()

    bench = state.get("bench")
    failure = state.get("failure") or (bench and bench.failure)
    if failure is not None or bench is None or bench.finished is None:
        print("bench failed: %s" % (failure.getErrorMessage() if failure else "interrupted"), file=sys.stderr)
        return 1
    if bench.latencies:
        ordered = sorted(bench.latencies)
        print("latency p50 us: %.1f" % (percentile(ordered, 0.50) * 1e6))
        print("latency p99 us: %.1f" % (percentile(ordered, 0.99) * 1e6))
    print("calls/s: %.0f" % (bench.calls / (bench.finished - bench.started)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
