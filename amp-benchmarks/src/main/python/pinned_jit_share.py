#!/usr/bin/python3
"""Where the one CPU goes while a fresh Java client runs the pinned sequential ``Sum``.

    /usr/bin/python3 amp-benchmarks/src/main/python/pinned_jit_share.py [WARMUP_SECONDS ...]

(after ``amp-benchmarks/run.sh`` or ``mvn -DskipTests package`` has built ``amp-peer.jar``.) Starts
the Java peer, warms it up and pins it to the last CPU, as the harness's pinned row does; then, for
each warm-up given (default: 1 1 1 3 5 5), runs a fresh pinned client that makes about one second
of calls after that warm-up, samples the CPU time of each of its threads every 20 ms, and prints
the client's calls/s and the share of the CPU each kind of thread took in the last second of the
run (the measured calls): the JIT compiler threads, the connection's reader, the rest.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
PEER_JAR = ROOT / "amp-conformance" / "target" / "amp-peer.jar"
JAVA = shutil.which("java") or "java"
CPU = str((os.cpu_count() or 1) - 1)
TICKS = os.sysconf("SC_CLK_TCK")
SAMPLE_SECONDS = 0.02
CALLS = 40_000  # about a second at the rate a 1 s warm-up gives, a little less at steady state


def thread_cpu(pid):
    """{tid: (name, CPU seconds)} of every thread of ``pid``; empty once it has exited."""
    threads = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return threads
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, (int(fields[11]) + int(fields[12])) / TICKS)  # utime + stime
    return threads


def kind(thread_name):
    if "CompilerThre" in thread_name:
        return "JIT " + thread_name.split()[0]
    if thread_name.startswith("amp-reader"):
        return "reader"
    return "other"


def run_client(socket, warmup):
    client = subprocess.Popen(["taskset", "-c", CPU, JAVA, "-jar", str(PEER_JAR), "bench", "--unix", socket,
                               "--calls", str(CALLS), "--outstanding", "1", "--command", "Sum",
                               "--warmup-seconds", str(warmup)], stdout=subprocess.PIPE, text=True)
    samples = []
    while client.poll() is None:
        threads = thread_cpu(client.pid)
        if threads:
            samples.append((time.monotonic(), threads))
        time.sleep(SAMPLE_SECONDS)
    rate = re.findall(r"calls/s: *([0-9.]+)", client.stdout.read())
    # The calls end with the connection, whose reader thread then ends: the window ends at the last
    # sample that still has it (the JVM's exit after it is not the calls' time).
    calling = [sample for sample in samples if any(kind(name) == "reader" for name, _ in sample[1].values())]
    end, last = calling[-1]
    start, first = min(samples, key=lambda sample: abs(sample[0] - (end - 1.0)))
    span = end - start
    shares = {}
    for tid, (name, cpu) in last.items():
        shares[kind(name)] = shares.get(kind(name), 0.0) + cpu - first.get(tid, (name, 0.0))[1]
    listed = ", ".join("%s %.0f%%" % (k, 100 * v / span) for k, v in sorted(shares.items(), key=lambda kv: -kv[1]))
    print("warm-up %s s: %s calls/s; CPU in the last %.2f s: %s" % (warmup, rate[-1] if rate else "?", span, listed),
          flush=True)


def main():
    warmups = sys.argv[1:] or ["1", "1", "1", "3", "5", "5"]
    if not PEER_JAR.is_file():
        sys.exit("%s is missing: run amp-benchmarks/run.sh or mvn -DskipTests package first" % PEER_JAR)
    directory = tempfile.mkdtemp(prefix="amp-pinned-")
    socket = os.path.join(directory, "peer.sock")
    server = subprocess.Popen([JAVA, "-jar", str(PEER_JAR), "serve", "--unix", socket], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    try:
        server.stdout.readline()  # READY
        subprocess.run([JAVA, "-jar", str(PEER_JAR), "bench", "--unix", socket, "--calls", "200000",
                        "--outstanding", "1", "--command", "Sum"], stdout=subprocess.DEVNULL, check=True)
        subprocess.run(["taskset", "-a", "-p", "-c", CPU, str(server.pid)], stdout=subprocess.DEVNULL, check=True)
        for warmup in warmups:
            run_client(socket, warmup)
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
