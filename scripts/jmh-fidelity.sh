#!/usr/bin/env bash
# Fidelity of the JMH harness: at equal concurrency, does JMH's EVALSHA throughput for the admission
# token bucket match redis-benchmark sending the same EVALSHA (same script, same key) to the same Redis?
# A benchmark, not a test: it prints every run, the medians and the load averages. The ratio depends on
# how loaded the machine is (docs/measurements.md, "JMH against redis-benchmark"): run it on a quiet one.
#
#   scripts/jmh-fidelity.sh [RUNS=3] [MEASURE_SEC=1] [ITERATIONS=10] [WARMUP_ITERATIONS=10]
#
# For each concurrency in $CLIENTS (default "4 50"), alternating so that drift hits both alike:
#   redis-benchmark -c N -n <about 8 s of calls> EVALSHA <sha> 1 qb:jmh:admission:bucket:evt-hot 500 50 <now> 1
#   queuebench jmh ScriptBenchmarks.evalsha -p script=ADMISSION_BUCKET -p keys=HOT -t N -f 1 -wi WARMUP_ITERATIONS -i ITERATIONS
# (ten 1-second warm-ups outlast the JIT's climb on a 2-core machine; a run whose measured iterations
# still rose or fell is marked "not steady", as queuebench jmh judges it).
# against one private redis-server (Debian's, from the PATH) on 127.0.0.1, nothing persisted.
# Needs redis-server and redis-tools (apt-get install redis-server redis-tools), python3 (to read
# JMH's JSON) and a built jar (./mvnw -q -B package -DskipTests).
set -euo pipefail
runs=${1:-3}
measure_sec=${2:-1}
iterations=${3:-10}
warmup_iterations=${4:-10}
clients=${CLIENTS:-"4 50"}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/queuebench.jar"
port=${REDIS_PORT:-16399}
key="qb:jmh:admission:bucket:evt-hot"

for tool in redis-server redis-cli redis-benchmark python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install redis-server redis-tools python3)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q -B package -DskipTests first" >&2; exit 1; }

work=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis_pid=$!
trap 'redis-cli -p $port shutdown nosave >/dev/null 2>&1 || kill $redis_pid 2>/dev/null; wait $redis_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# -x sends the file's exact bytes, so the SHA-1 is the one the gateway and JMH compute.
sha=$(redis-cli -p "$port" -x script load <"$here/src/main/resources/lua/admission_bucket.lua")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "redis-server $(redis-server --version | grep -oE 'v=[0-9.]+') on 127.0.0.1:$port; admission_bucket.lua = $sha"

redis_benchmark_ops() {
  local c=$1 n=$2
  redis-benchmark -p "$port" -c "$c" -n "$n" --csv \
    EVALSHA "$sha" 1 "$key" 500 50 "$(date +%s).000" 1 | tail -1 | cut -d, -f2 | tr -d '"'
}

jmh_ops() {
  local t=$1
  local out="$work/jmh-out-$t"
  java -jar "$jar" jmh --redis "redis://127.0.0.1:$port" --out "$out" \
    'ScriptBenchmarks\.evalsha$' -p script=ADMISSION_BUCKET -p keys=HOT \
    -t "$t" -f 1 -wi "$warmup_iterations" -w "${measure_sec}s" -i "$iterations" -r "${measure_sec}s" >"$work/jmh-out-$t.log" 2>&1 \
    || { cat "$work/jmh-out-$t.log" >&2; exit 1; }
  local steadiness
  steadiness=$(grep -m1 -oE 'Not steady: .*: (rises|falls) [^;]*' "$work/jmh-out-$t.log" | sed 's/.*: \(rises\|falls\)/\1/' || true)
  python3 - "$out" "${steadiness:-steady}" <<'PY'
import glob, json, sys
result = json.load(open(sorted(glob.glob(sys.argv[1] + "/*.json"))[-1]))[0]["primaryMetric"]
print("%.0f %.0f %s" % (result["score"], result["scoreError"], sys.argv[2]))
PY
  rm -rf "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for c in $clients; do
  : >"$work/rb-$c"; : >"$work/jmh-$c"
  # About 8 s of calls at the rate seen on 2 cores (40k/s with 4 clients, 90k/s with 50).
  n=$(( c < 10 ? 320000 : 720000 ))
  for run in $(seq 1 "$runs"); do
    rb=$(redis_benchmark_ops "$c" "$n")
    read -r jmh jmh_error jmh_steadiness < <(jmh_ops "$c")
    echo "c=$c run $run: redis-benchmark $rb ops/s, JMH $jmh ± $jmh_error ops/s ($jmh_steadiness)"
    echo "$rb" >>"$work/rb-$c"; echo "$jmh" >>"$work/jmh-$c"
  done
  rb_median=$(median <"$work/rb-$c"); jmh_median=$(median <"$work/jmh-$c")
  echo "c=$c median: redis-benchmark $rb_median ops/s, JMH $jmh_median ops/s, JMH/redis-benchmark $(awk -v a="$jmh_median" -v b="$rb_median" 'BEGIN {printf "%.2f", a / b}')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
