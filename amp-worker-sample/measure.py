#!/usr/bin/python3
"""Measures the worker sample's bundled suite on 1 worker, 2 workers and in process.

Runs `java -jar amp-worker.jar run` with `--jobs 1`, `--jobs 2` and `--in-process`, alternated, for
a number of rounds, and prints each command's wall times, median, the manager's own "Ran ... in"
time and the CPU time of the whole process tree, then the speed-up of 2 workers over 1. This is how
the figures in docs/worker-sample.md ("Measurements") are taken. Build first:

    mvn -B -q -DskipTests package
    /usr/bin/python3 amp-worker-sample/measure.py --rounds 6

Measure on an otherwise idle machine: the script says so when the machine was busy just before.

With --bound it also measures the ratio two JVMs reach on this suite with no runner around them:
the tests each worker ran in a 2-worker run, run in process (no manager, no worker processes, no
AMP) by two JVMs with the workers' options side by side, against one such JVM running them all.
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
# The manager's first line names the worker command; each result line names its worker.
WORKER_COMMAND = re.compile(r"^amp-worker: \d+ tests on \d+ workers?: (\S+) (.*?) -cp ", re.M)
RESULT = re.compile(r"^\[\s*\d+/\d+\] \w+\s+(\S+)\s+\(worker (\d+)\)$", re.M)
IN_PROCESS_ALL = "in process, workers' JVM options, all tests"
IN_PROCESS_HALVES = "in process, workers' JVM options, each 2-worker half, side by side"


def start(jar, args, directory, jvm_options=()):
    return subprocess.Popen(["java", *jvm_options, "-jar", str(jar), "run", *args], cwd=directory,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(process, args):
    """Waits for a manager run; returns its output and its printed run seconds."""
    output = process.communicate()[0]
    if process.returncode != 0:
        sys.exit("amp-worker run %s failed (exit %d):\n%s" % (describe(args), process.returncode, output))
    ran = RAN.search(output)
    if ran is None:
        sys.exit("no 'Ran ... in' line in the output of run %s:\n%s" % (describe(args), output))
    return output, float(ran.group(2))


def describe(args):
    return " ".join(args) if len(args) < 6 else " ".join(args[:5]) + " ... (%d arguments)" % len(args)


def run_side_by_side(jar, runs, directory, jvm_options=()):
    """Runs several manager commands at once: (wall seconds until all ended, slowest printed run
    seconds, CPU seconds of the process trees, the outputs)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    processes = []
    for number, args in enumerate(runs):
        own = Path(directory) / str(number)
        own.mkdir(exist_ok=True)
        processes.append(start(jar, args, own, jvm_options))
    finished = [finish(process, args) for process, args in zip(processes, runs)]
    wall = time.monotonic() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Workers are the manager's children: their CPU time reaches us once the manager has waited for them.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, max(ran for _, ran in finished), cpu, [output for output, _ in finished]


def run_once(jar, args, directory, jvm_options=()):
    """One manager run: (wall seconds, printed run seconds, CPU seconds of the process tree)."""
    return run_side_by_side(jar, [args], directory, jvm_options)[:3]


def split_of_two_workers(jar, directory):
    """The workers' JVM options and the tests each of two workers ran, from one 2-worker run."""
    output = run_side_by_side(jar, [["--jobs", "2"]], directory)[3][0]
    command = WORKER_COMMAND.search(output)
    if command is None:
        sys.exit("cannot find the worker command in:\n" + output)
    tests = {}
    for name, worker in RESULT.findall(output):
        tests.setdefault(worker, []).append(name)
    if len(tests) != 2:
        sys.exit("expected results from 2 workers, got %d:\n%s" % (len(tests), output))
    return command.group(2).split(), [tests[worker] for worker in sorted(tests)]


def print_table(results):
    print("| command | runs (s) | median | \"Ran … in\" median | CPU |")
    print("|---|---|---|---|---|")
    medians = {}
    for label in results:
        walls = sorted(r[0] for r in results[label])
        cpus = [r[2] for r in results[label]]
        medians[label] = (statistics.median(walls), statistics.median(r[1] for r in results[label]))
        print("| %s | %s | %.2f s | %.2f s | %.1f–%.1f s |" % (
            label, ", ".join("%.2f" % w for w in walls), medians[label][0], medians[label][1], min(cpus), max(cpus)))
    return medians


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
    parser.add_argument("--bound", action="store_true",
                        help="also measure the two workers' tests in process, side by side (see above)")
    parser.add_argument("--jar", type=Path, default=Path(__file__).resolve().parent / "target" / "amp-worker.jar",
                        help="the packaged amp-worker.jar (default: this module's target/)")
    args = parser.parse_args()
    if not args.jar.is_file():
        sys.exit("%s is missing: run `mvn -B -q -DskipTests package` first" % args.jar)
    sys.stdout.reconfigure(line_buffering=True)
    busy = busy_share()
    if busy is not None and busy > 0.1:
        print("note: the CPUs were %.0f%% busy before this started; other work skews the figures" % (busy * 100))

    commands = {"`run --jobs 1`": ["--jobs", "1"], "`run --jobs 2`": ["--jobs", "2"],
                "`run --in-process`": ["--in-process"]}
    results = {label: [] for label in commands}
    with tempfile.TemporaryDirectory(prefix="amp-measure-") as directory:
        run_once(args.jar, ["--jobs", "2"], directory)  # warms the page cache; not counted
        if args.bound:
            options, halves = split_of_two_workers(args.jar, directory)
            results[IN_PROCESS_ALL] = []
            results[IN_PROCESS_HALVES] = []
        for round_number in range(1, args.rounds + 1):
            for label, command in commands.items():
                results[label].append(run_once(args.jar, command, directory))
            if args.bound:
                results[IN_PROCESS_ALL].append(
                    run_once(args.jar, ["--in-process", *halves[0], *halves[1]], directory, options))
                results[IN_PROCESS_HALVES].append(run_side_by_side(
                    args.jar, [["--in-process", *half] for half in halves], directory, options)[:3])
            print("round %d of %d done" % (round_number, args.rounds), file=sys.stderr)

    print()
    medians = print_table(results)
    one, two = medians["`run --jobs 1`"], medians["`run --jobs 2`"]
    print()
    print("2 workers against 1: %.2f× (%.2f× by the printed run time)" % (one[0] / two[0], one[1] / two[1]))
    if args.bound:
        all_, halves_ = medians[IN_PROCESS_ALL], medians[IN_PROCESS_HALVES]
        print("the 2-worker split in process, side by side, against all in one process: %.2f× (%.2f× by the"
              " printed run time)" % (all_[0] / halves_[0], all_[1] / halves_[1]))



if __name__ == "__main__":
    main()
