#!/usr/bin/env bash
# The side-by-side AMP benchmark (docs/benchmarks.md): builds what it needs, then measures the raw
# socket floors, Twisted and Java against each other, and the JMH codec benchmarks, and rewrites
# docs/benchmarks.md and docs/benchmarks.svg. Options go to harness.py (--help). Needs Java 17,
# Maven, gcc and Debian's Twisted for /usr/bin/python3. About 9-10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import twisted' >/dev/null 2>&1; then
  echo "Twisted is missing for /usr/bin/python3: apt-get install -y python3-twisted" >&2
  exit 1
fi
# The peers' and the benchmarks' jars only; no tests (this is a measurement, not a build check).
mvn -B -q -DskipTests package -pl amp-benchmarks,amp-conformance -am
exec /usr/bin/python3 amp-benchmarks/src/main/python/harness.py "$@"
