#!/usr/bin/env bash
# The integrity audit's cost on a long, busy run (docs/integrity.md, "Cost"): writes a synthetic journey
# log of USERS users (default 10,000,000: about the users and the 60 million records of a 30-minute
# 30k requests/s run), then audits it RUNS times (default 3) in a JVM limited to 1 GiB of heap, and prints
# each audit's wall time, CPU time and the JVM's peak resident memory.
#   scripts/bench-audit.sh [USERS=10000000] [RUNS=3]
# Needs the jar and the test classes: ./mvnw -q -B package -DskipTests && ./mvnw -q -B test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-10000000}
runs=${2:-3}
jar=target/queuebench.jar
[ -f "$jar" ] && [ -d target/test-classes ] || {
  echo "build first: ./mvnw -q -B package -DskipTests && ./mvnw -q -B test-compile" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
out=target/bench-audit
mkdir -p "$out"
log="$out/journeys.bin.gz"
java -Xmx2g -cp "target/test-classes:$jar" dev.queuebench.analysis.integrity.SyntheticJourneys "$log" "$users"
echo "journey log: $(du -h "$log" | cut -f1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "audit $i: %e s wall, %U s user + %S s system CPU, peak RSS %M KB" \
    java -Xmx1g -jar "$jar" audit "$log" > "$out/audit-$i.txt"
done 2>&1 | grep '^audit'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
head -3 "$out/audit-1.txt"
