#!/usr/bin/python3
"""Measures the worker sample's bundled suite on 1 worker, 2 workers and in process.

Runs `java -jar amp-worker.jar run` with `--jobs 1`, `--jobs 2` and `--in-process`, alternated, for
a number of rounds, and prints each command's wall times, median, the manager's own "Ran ... in"
time and the CPU time of the whole process tree, then the speed-up of 2 workers over 1. This is how
the figures in docs/worker-sample.md ("Measurements") are taken. Build first:

    mvn -B -q -DskipTests package
    /usr/bin/python3 amp-worker-sample/measure.py --rounds 6

Measure on an otherwise idle machine: the script says so when the machine was busy just before.
"""

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAN = re.compile(r"^Ran (\d+) tests in ([0-9.]+)s", re.M)


def run_once(jar, args, directory):
    """One manager run: (wall seconds, printed run seconds, CPU seconds of the process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(["java", "-jar", str(jar), "run", *args], cwd=directory,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit("amp-worker run %s failed (exit %d):\n%s" % (" ".join(args), done.returncode, done.stdout))
    ran = RAN.search(done.stdout)
    if ran is None:
        sys.exit("no 'Ran ... in' line in the output of run %s:\n%s" % (" ".join(args), done.stdout))
    # Workers are the manager's children: their CPU time reaches us once the manager has waited for them.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, float(ran.group(2)), cpu


def busy_share(seconds=1.0):
    """How busy the CPUs were over the next `seconds` (0 to 1), from /proc/stat; None elsewhere."""
    def sample():
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]  # all, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except OSError:
        return None
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=6, help="runs of each command (default 6)")
    parser.add_argument("--jar", type=Path, default=Path(__file__).resolve().parent / "target" / "amp-worker.jar",
                        help="the packaged amp-worker.jar (default: this module's target/)")
    args = parser.parse_args()
    if not args.jar.is_file():
        sys.exit("%s is missing: run `mvn -B -q -DskipTests package` first" % args.jar)
    sys.stdout.reconfigure(line_buffering=True)
    busy = busy_share()
    if busy is not None and busy > 0.1:
        print("note: the CPUs were %.0f%% busy before this started; other work skews the figures" % (busy * 100))

    commands = [("run --jobs 1", ["--jobs", "1"]), ("run --jobs 2", ["--jobs", "2"]),
                ("run --in-process", ["--in-process"])]
    results = {label: [] for label, _ in commands}
    with tempfile.TemporaryDirectory(prefix="amp-measure-") as directory:
        run_once(args.jar, ["--jobs", "2"], directory)  # warms the page cache; not counted
        for round_number in range(1, args.rounds + 1):
            for label, command in commands:
                results[label].append(run_once(args.jar, command, directory))
            print("round %d of %d done" % (round_number, args.rounds), file=sys.stderr)

    print()
    print("| command | runs (s) | median | \"Ran … in\" median | CPU |")
    print("|---|---|---|---|---|")
    medians = {}
    for label, _ in commands:
        walls = sorted(r[0] for r in results[label])
        cpus = [r[2] for r in results[label]]
        medians[label] = (statistics.median(walls), statistics.median(r[1] for r in results[label]))
        print("| `%s` | %s | %.2f s | %.2f s | %.1f–%.1f s |" % (
            label, ", ".join("%.2f" % w for w in walls), medians[label][0], medians[label][1], min(cpus), max(cpus)))
    one, two = medians["run --jobs 1"], medians["run --jobs 2"]
    print()
    print("2 workers against 1: %.2f× (%.2f× by the printed run time)" % (one[0] / two[0], one[1] / two[1]))


if __name__ == "__main__":
    main()
