#!/usr/bin/env bash
# Measures how fast, and in how much memory, simulation.log becomes latency.hlog and requests.csv:
# writes a synthetic Gatling 3.15.1 log (the queue journey, 30k requests/s) once, then converts it
# RUNS times with ConvertBenchmark under /usr/bin/time -v. A benchmark, not a test: report the median.
#
#   scripts/bench-convert.sh [RECORDS=54000000] [HEAP=1g] [RUNS=3]
#
# Needs a built jar and test classes (./mvnw -q -B package -DskipTests) and GNU time (apt-get install time).
# The log goes to $LOG (default /tmp/qb-convert/simulation-RECORDS.log, about 1.4 GB for 54 million
# records) and is reused by later calls with the same RECORDS.
set -euo pipefail
records=${1:-54000000}
heap=${2:-1g}
runs=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
cp="$here/target/queuebench.jar:$here/target/test-classes"
work=${WORK:-/tmp/qb-convert}
log=${LOG:-$work/simulation-$records.log}

[ -f "$here/target/queuebench.jar" ] || { echo "no target/queuebench.jar: run ./mvnw -q -B package -DskipTests first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed: apt-get install time" >&2; exit 1; }
mkdir -p "$work"
if [ ! -f "$log" ]; then
  java -cp "$cp" dev.queuebench.record.SimulationLogGenerator "$log" "$records"
fi

for run in $(seq 1 "$runs"); do
  out="$work/out-$run"
  rm -rf "$out"
  /usr/bin/time -v java -Xmx"$heap" -cp "$cp" dev.queuebench.record.ConvertBenchmark "$log" "$out" 2>"$work/time-$run.txt" \
    | sed "s/^/run $run: /"
  # GNU time writes its report after the program's own stderr; keep the two lines that matter.
  grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time-$run.txt" | sed "s/^\s*/run $run: /"
done
