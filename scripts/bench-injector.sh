#!/usr/bin/env bash
# Injector capacity, side by side with Gatling's own ceiling on the same machine at the same moment:
# at each rate, the journey simulation (`queuebench run`, the baseline-10k shape scaled: 30 s warm-up,
# 60 s ramp, hold) and a bare Gatling GET loop (BareGetSimulation: one GET per user, the same plan,
# shared connections), both against `queuebench canned` (fixed JSON, no Redis; it never admits, so
# journeys are full length).
# Prints per rate and round: the journey's outcome, requests delivered in the hold, users per journey,
# injector CPU max, and the CPU µs per request of both (the Gatling process's CPU time ÷ requests sent,
# the ratio that stays meaningful on a noisy machine); then the medians over the rounds.
# Usage: scripts/bench-injector.sh HOLD_SEC RATE... (e.g. scripts/bench-injector.sh 30 10000 20000 25000)
# ROUNDS=3 repeats every rate three times; RUN_ARGS adds options to every journey run.
set -euo pipefail
cd "$(dirname "$0")/.."
hold_sec=${1:?usage: scripts/bench-injector.sh HOLD_SEC RATE...}
shift
[ $# -gt 0 ] || { echo "usage: scripts/bench-injector.sh HOLD_SEC RATE..." >&2; exit 2; }
rounds=${ROUNDS:-1}
jar=${JAR:-target/queuebench.jar}
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time: apt-get install -y time" >&2; exit 1; }
port=18089
java -jar "$jar" canned --port "$port" > /tmp/qb-canned.log 2>&1 &
canned=$!
trap 'kill $canned 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
results=$(mktemp -d /tmp/qb-injector-XXXX)
table="$results/table.tsv"

bare_loop() { # RATE ROUND: prints "requests cpu_sec"
  local rate=$1 round=$2 dir="$results/bare-$1-$2"
  mkdir -p "$dir"
  local plan
  plan=$(python3 -c "r=$rate; print(f'30:0:{r/10};60:{r/10}:{r};$hold_sec:{r}:{r}')")
  # The JVM options of the journey's Gatling (load.GatlingProcess), so the two differ only in the simulation.
  /usr/bin/time -f "%U %S" -o "$dir/time" java -Xms512m -Xmx1024m -XX:+UseG1GC -XX:MaxGCPauseMillis=30 \
    -Dio.netty.eventLoopThreads="$(nproc)" -Dio.netty.leakDetection.level=disabled \
    --add-opens=java.base/java.lang=ALL-UNNAMED -Dqb.baseUrl="http://127.0.0.1:$port" -Dqb.requestRate="$plan" \
    -cp "$jar" io.gatling.app.Gatling --simulation dev.queuebench.simulations.BareGetSimulation \
    --results-folder "$dir" --no-reports --launcher queuebench > "$dir/console.log" 2>&1 || true
  python3 - "$dir/console.log" "$dir/time" <<'PY'
import re, sys
# Gatling's console: "> Global   |   774,000 |   774,000 |   0" every 5 s, the last one at the end.
counts = re.findall(r"^> Global\s+\|\s+([\d,]+)", open(sys.argv[1]).read(), re.M)
user, system = open(sys.argv[2]).read().split()[-2:]
print(counts[-1].replace(",", "") if counts else 0, float(user) + float(system))
PY
}

for round in $(seq "$rounds"); do
  for rate in "$@"; do
    scale=$(python3 -c "print($rate / 10000)")
    java -jar "$jar" run --profile baseline-10k --scale "$scale" --hold-sec "$hold_sec" \
      --target "http://127.0.0.1:$port" --no-gatling-report --label "canned-$rate-r$round" \
      --results-dir "$results" ${RUN_ARGS:-} > "$results/$rate-r$round.log" 2>&1 || true
    dir=$(ls -d "$results"/*-canned-"$rate"-r"$round")
    read -r bare_requests bare_cpu <<< "$(bare_loop "$rate" "$round")"
    python3 - "$dir/run.json" "$rate" "$round" "$bare_requests" "$bare_cpu" "$table" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
rate, rnd, bare_requests, bare_cpu, table = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
holds = [p for p in run["delivery"] if p["phase"].startswith("hold")]
requests = sum(r["ok"] + r["ko"] for r in run["totals"]["requests"].values())
cpu = run["injector"].get("cpu_sec") or float("nan")
journey_us = 1e6 * cpu / requests if requests else float("nan")
bare_us = 1e6 * bare_cpu / bare_requests if bare_requests else float("nan")
# A run stopped before its hold (saturated in the ramp) has no hold to report: 0%.
held = 100 * holds[-1]["sent_requests"] / holds[-1]["intended_requests"] if holds else 0.0
users = run["totals"]["users_injected"] / max(1, run["totals"]["journeys_started"])
print(f"{rate:>6} req/s round {rnd}: {run['outcome']:<18} hold requests {held:6.2f}%  users/journey {users:.2f}"
      f"  injector CPU max {100 * run['injector']['max_cpu_share']:.0f}%  CPU/request journey {journey_us:.1f} µs,"
      f" bare GET {bare_us:.1f} µs ({bare_requests} requests): {journey_us / bare_us:.2f}x")
with open(table, "a") as out:
    out.write(f"{rate}\t{run['outcome']}\t{held}\t{journey_us}\t{bare_us}\n")
PY
  done
done
if [ "$rounds" -gt 1 ]; then
  python3 - "$table" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    rate, outcome, held, journey, bare = line.rstrip("\n").split("\t")
    rows.setdefault(int(rate), []).append((outcome, float(held), float(journey), float(bare)))
print("medians:")
for rate, runs in sorted(rows.items()):
    completed = sum(1 for r in runs if r[0] == "completed")
    print(f"{rate:>6} req/s: {completed} of {len(runs)} completed, hold requests "
          f"{statistics.median(r[1] for r in runs):.2f}%, CPU/request journey {statistics.median(r[2] for r in runs):.1f} µs,"
          f" bare GET {statistics.median(r[3] for r in runs):.1f} µs, ratio {statistics.median(r[2] / r[3] for r in runs):.2f}x")
PY
fi
echo "run directories: $results"
