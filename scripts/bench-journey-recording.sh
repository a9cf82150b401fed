#!/usr/bin/env bash
# What recording the journeys (journeys.bin.gz) costs the injector (docs/integrity.md, "Cost"): the journey
# simulation against `queuebench canned` at RATE requests/s, alternately with and without --no-journeys,
# ROUNDS times each. For each run it reads the Gatling JVM's CPU time (/proc/PID/stat) over a window of the
# hold and divides by the requests sent in that window (requests.csv): injector CPU µs per request, the
# ratio that stays meaningful on a noisy machine. The injector's requests/s ceiling falls by the same share
# as its CPU per request rises.
#   scripts/bench-journey-recording.sh [ROUNDS=3] [RATE=10000] [HOLD_SEC=40]
# BEFORE_JAR=path adds a third run per round with that jar (e.g. a build from before journeys were
# recorded), so the cost of reading the answers is measured too, not only the cost of writing them.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
rate=${2:-10000}
hold_sec=${3:-40}
jar=${JAR:-target/queuebench.jar}
[ -f "$jar" ] || { echo "no $jar: ./mvnw -q -B package -DskipTests" >&2; exit 1; }
port=18090
java -jar "$jar" canned --port "$port" > /tmp/qb-canned-rec.log 2>&1 &
canned=$!
trap 'kill $canned 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
results=$(mktemp -d /tmp/qb-recording-XXXX)
ticks=$(getconf CLK_TCK)
scale=$(python3 -c "print($rate / 10000)")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

one() { # label, jar, extra args
  local label=$1 run_jar=$2; shift 2
  java -jar "$run_jar" run --profile baseline-10k --scale "$scale" --warmup-sec 20 --ramp-sec 20 --hold-sec "$hold_sec" \
    --target "http://127.0.0.1:$port" --no-gatling-report --label "$label" --results-dir "$results" "$@" \
    > "$results/$label.log" 2>&1 &
  local run=$!
  # The hold starts 40 s into the plan; measure from 10 s into it to 10 s before its end.
  until grep -q "hold-" "$results/$label.log" 2>/dev/null; do sleep 0.5; done
  sleep 10
  local gatling
  gatling=$(pgrep -f -- "-$label-i0.*io.gatling.app.Gatling" | head -1)
  local from_sec to_sec c0 c1
  from_sec=$(date +%s); c0=$(cpu_ticks "$gatling")
  sleep $((hold_sec - 20))
  to_sec=$(date +%s); c1=$(cpu_ticks "$gatling")
  wait $run || true
  local dir
  dir=$(ls -d "$results"/*-"$label")
  python3 - "$dir/requests.csv" "$from_sec" "$to_sec" "$c0" "$c1" "$ticks" "$label" <<'PY'
import csv, sys
path, start, end, c0, c1, ticks, label = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
sent = sum(int(r["ok"]) + int(r["ko"]) for r in csv.DictReader(open(path)) if start <= int(r["epoch_sec"]) < end)
cpu_us = (c1 - c0) / ticks * 1e6
print(f"{label:<14} {sent / (end - start):8.0f} req/s  injector CPU {cpu_us / sent:6.1f} µs/request")
PY
}

for i in $(seq 1 "$rounds"); do
  one "with-$i" "$jar"
  one "without-$i" "$jar" --no-journeys
  if [ -n "${BEFORE_JAR:-}" ]; then one "before-$i" "$BEFORE_JAR"; fi
done | tee "$results/summary.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results/summary.txt" <<'PY'
import re, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(prefix):
    return statistics.median(float(r[5]) for r in rows if r[0].startswith(prefix))
w, wo = med("with-"), med("without-")
print(f"median µs/request: with journeys {w:.1f}, without {wo:.1f}: recording costs {100 * (w / wo - 1):+.1f}%")
if any(r[0].startswith("before-") for r in rows):
    b = med("before-")
    print(f"median µs/request before journeys were recorded: {b:.1f}; with journeys costs {100 * (w / b - 1):+.1f}% against it")
PY
echo "run directories: $results"
