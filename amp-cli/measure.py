#!/usr/bin/python3
"""Measures what docs/cli.md reports of amp: the wall time of one `amp call`, and what `amp proxy`
adds to a Sum benchmark.

  call   Runs `amp call unix:... Sum a=13 b=81` (and the same over TCP) against the Java conformance
         peer, N times each, and prints the median and the slowest wall time.
  proxy  Runs `amp-peer.jar bench --command Sum --outstanding K` against the Java peer (or, with
         --twisted, the Twisted conformance peer) directly and through `amp proxy` (its output to
         /dev/null), alternated for a number of rounds, and prints the calls/s of each, their medians
         and the ratio direct / proxied. With socat installed, the same through `socat`, a C relay
         that forwards bytes and prints nothing: what any extra hop costs on this machine.

Build first, then measure on an otherwise idle machine (the script says when it was busy):

    mvn -B -q -DskipTests package -pl amp-cli -am
    /usr/bin/python3 amp-cli/measure.py
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AMP = ROOT / "amp-cli" / "target" / "amp"
PEER_JAR = ROOT / "amp-conformance" / "target" / "amp-peer.jar"
TWISTED_PEER = ROOT / "amp-conformance" / "src" / "test" / "python" / "twisted_peer.py"
# The command module the Twisted peer imports, generated from the Java declarations by the build.
COMMANDS_DIR = ROOT / "amp-conformance" / "target" / "generated-sources" / "annotations"
CALLS_PER_SECOND = re.compile(r"^calls/s: ([0-9.]+)$", re.M)


def start_ready(command, **kwargs):
    """Starts a server that prints 'READY <address>' first; returns (process, address)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True, **kwargs)
    line = process.stdout.readline().strip()
    if not line.startswith("READY "):
        process.kill()
        sys.exit("%s did not start: %r" % (" ".join(map(str, command)), line))
    return process, line[len("READY "):]


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def load_note():
    one_minute = os.getloadavg()[0]
    return " (load average %.1f: the machine was busy, the figures are pessimistic)" % one_minute \
        if one_minute > 1.5 else ""


def measure_calls(runs, unix, tcp):
    for name, address in (("unix", unix), ("tcp", tcp)):
        times = []
        for _ in range(runs):
            started = time.monotonic()
            done = subprocess.run([str(AMP), "call", address, "Sum", "a=13", "b=81"], capture_output=True, text=True)
            times.append(time.monotonic() - started)
            if done.returncode != 0 or done.stdout != "total: 94\n":
                sys.exit("amp call failed: %r %r" % (done.stdout, done.stderr))
        times.sort()
        print("amp call over %s: median %.3f s, slowest %.3f s (%d runs)" % (name, statistics.median(times), times[-1], runs))


def bench(address, calls, outstanding, warmup):
    done = subprocess.run(["java", "-jar", str(PEER_JAR), "bench", "--unix", address[len("unix:"):],
                           "--calls", str(calls), "--outstanding", str(outstanding), "--command", "Sum",
                           "--warmup-seconds", str(warmup)], capture_output=True, text=True)
    found = CALLS_PER_SECOND.search(done.stdout)
    if done.returncode != 0 or found is None:
        sys.exit("bench failed: %s %s" % (done.stdout, done.stderr))
    return float(found.group(1))


def measure_proxy(rounds, calls, outstanding, warmup, peer, directory):
    proxy, proxied = start_ready([str(AMP), "proxy", "unix:%s/proxy.sock" % directory, peer],
                                 stderr=subprocess.DEVNULL)
    # From here on its log goes nowhere: the READY line was all the script needed to read.
    sink = subprocess.Popen(["cat"], stdin=proxy.stdout, stdout=subprocess.DEVNULL)
    relay, relayed = None, None
    if shutil.which("socat"):
        relayed = "unix:%s/socat.sock" % directory
        relay = subprocess.Popen(["socat", "UNIX-LISTEN:%s/socat.sock,fork" % directory,
                                  "UNIX-CONNECT:" + peer[len("unix:"):]], stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not os.path.exists(relayed[len("unix:"):]) and time.monotonic() < deadline:
            time.sleep(0.05)
    try:
        direct_rates, proxy_rates, socat_rates = [], [], []
        for _ in range(rounds):
            direct_rates.append(bench(peer, calls, outstanding, warmup))
            proxy_rates.append(bench(proxied, calls, outstanding, warmup))
            if relay is not None:
                socat_rates.append(bench(relayed, calls, outstanding, warmup))
        print("Sum @%d, %d calls, %d rounds:" % (outstanding, calls, rounds))
        print("  direct:        " + " ".join("%.0f" % r for r in direct_rates) + " calls/s")
        print("  through proxy: " + " ".join("%.0f" % r for r in proxy_rates) + " calls/s")
        ratio = statistics.median(direct_rates) / statistics.median(proxy_rates)
        print("  medians %.0f / %.0f calls/s: the proxy takes %.2fx the time" % (
            statistics.median(direct_rates), statistics.median(proxy_rates), ratio))
        if socat_rates:
            print("  through socat: " + " ".join("%.0f" % r for r in socat_rates) + " calls/s")
            print("  median %.0f calls/s: socat takes %.2fx the time" % (
                statistics.median(socat_rates), statistics.median(direct_rates) / statistics.median(socat_rates)))
    finally:
        stop(proxy)
        sink.wait(10)
        if relay is not None:
            stop(relay)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="*", help="call, proxy or both (the default)")
    parser.add_argument("--runs", type=int, default=20, help="amp call runs per transport (default 20)")
    parser.add_argument("--rounds", type=int, default=5, help="proxy benchmark rounds (default 5)")
    parser.add_argument("--calls", type=int, default=100_000, help="calls per benchmark (default 100000)")
    parser.add_argument("--outstanding", type=int, default=16, help="calls in flight (default 16)")
    parser.add_argument("--warmup", type=float, default=1.0, help="benchmark warm-up seconds (default 1)")
    parser.add_argument("--twisted", action="store_true", help="proxy to the Twisted peer instead of the Java one")
    args = parser.parse_args()
    args.what = args.what or ["call", "proxy"]
    if not set(args.what) <= {"call", "proxy"}:
        parser.error("what to measure: call, proxy or both")
    for needed in (AMP, PEER_JAR):
        if not needed.exists():
            sys.exit("%s is missing: mvn -B -q -DskipTests package -pl amp-cli -am" % needed)
    print("amp measurements" + load_note())
    with tempfile.TemporaryDirectory() as directory:
        unix_peer, unix = start_ready(["java", "-jar", str(PEER_JAR), "serve", "--unix", directory + "/peer.sock"])
        tcp_peer, tcp = start_ready(["java", "-jar", str(PEER_JAR), "serve", "--tcp", "0"])
        try:
            if "call" in args.what:
                measure_calls(args.runs, unix, tcp)
            if "proxy" in args.what and args.twisted:
                environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
                    filter(None, [str(COMMANDS_DIR), os.environ.get("PYTHONPATH")])))
                twisted, address = start_ready(["/usr/bin/python3", str(TWISTED_PEER), "serve", "--unix",
                                                directory + "/twisted.sock"], stderr=subprocess.DEVNULL,
                                               env=environment)
                try:
                    print("through the Twisted peer:")
                    measure_proxy(args.rounds, args.calls, args.outstanding, args.warmup, address, directory)
                finally:
                    stop(twisted)
            elif "proxy" in args.what:
                measure_proxy(args.rounds, args.calls, args.outstanding, args.warmup, unix, directory)
        finally:
            stop(unix_peer)
            stop(tcp_peer)
    print("done" + load_note())


if __name__ == "__main__":
    main()
