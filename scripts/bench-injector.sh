#!/usr/bin/env bash
# Injector capacity: the journey simulation against `queuebench canned` (fixed JSON, no Redis) on this
# machine, at each given rate, with the baseline-10k shape scaled (30 s warm-up, 60 s ramp, hold).
# Prints per rate: outcome, requests delivered in the hold, candidates injected, injector CPU.
# Usage: scripts/bench-injector.sh HOLD_SEC RATE... (e.g. scripts/bench-injector.sh 30 10000 20000 25000)
# RUN_ARGS adds options to every run, e.g. RUN_ARGS="--shortest-journey-requests 8" (canned never admits).
set -euo pipefail
cd "$(dirname "$0")/.."
hold_sec=${1:?usage: scripts/bench-injector.sh HOLD_SEC RATE...}
shift
jar=target/queuebench.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
port=18089
java -jar "$jar" canned --port "$port" > /tmp/qb-canned.log 2>&1 &
canned=$!
trap 'kill $canned 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
results=$(mktemp -d /tmp/qb-injector-XXXX)
for rate in "$@"; do
  scale=$(python3 -c "print($rate / 10000)")
  java -jar "$jar" run --profile baseline-10k --scale "$scale" --hold-sec "$hold_sec" --target "http://127.0.0.1:$port" \
    --no-gatling-report --label "canned-$rate" --results-dir "$results" ${RUN_ARGS:-} > "$results/$rate.log" 2>&1 || true
  dir=$(ls -d "$results"/*-canned-"$rate")
  python3 - "$dir/run.json" "$rate" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
hold = [p for p in run["delivery"] if p["phase"].startswith("hold")][-1]
print(f"{sys.argv[2]:>6} req/s: {run['outcome']:<18} hold requests {100 * hold['sent_requests'] / hold['intended_requests']:6.2f}%"
      f"  candidates {100 * hold['injected_candidates'] / hold['planned_candidates']:6.2f}%"
      f"  injector CPU max {100 * run['injector']['max_cpu_share']:.0f}%"
      f"  requests/user {run['totals']['requests_per_user_measured']}")
PY
done
echo "run directories: $results"
