#!/usr/bin/env bash
# Measures how many status requests per second the reference gateway sustains on this machine, with
# its embedded Redis beside it, and the CPU both spend per request. A benchmark, not a test: run it
# several times and report the median.
#
#   scripts/bench-gateway-status.sh [DURATION_SEC=20] [CONNECTIONS=64] [USERS=1000]
#
# Needs wrk, curl and redis-cli (Debian: apt-get install wrk curl redis-tools) and a built jar (./mvnw -q -B package -DskipTests).
# Traffic goes to 127.0.0.1 only and stops after DURATION_SEC.
set -euo pipefail
duration_sec=${1:-20}
connections=${2:-64}
users=${3:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/queuebench.jar"
port=${PORT:-18080}
threads=${WRK_THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q -B package -DskipTests first" >&2; exit 1; }

work=$(mktemp -d)
log="$work/serve.log"
java -jar "$jar" serve --port "$port" ${SERVE_ARGS:-} >"$log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null; wait $serve_pid 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "gateway did not start:"; cat "$log"; exit 1; }
redis_port=$(grep -oE 'redis://127\.0\.0\.1:[0-9]+' "$log" | head -1 | sed 's/.*://')
redis_pid=$(redis-cli -p "$redis_port" info server 2>/dev/null | awk -F: '/^process_id/ {print $2}' | tr -d '\r' || true)

echo "joining $users users..."
{
  echo 'tokens = {'
  for i in $(seq 1 "$users"); do
    token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/queue/join" \
      -d "{\"event_id\":\"bench\",\"user_id\":\"user-$i\"}" | sed -E 's/.*"waiting_token":"([^"]+)".*/\1/')
    echo "\"$token\","
  done
  echo '}'
  cat <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/queue/status?token=" .. tokens[(counter % #tokens) + 1])
end
LUA
} >"$work/status.lua"

# Warm-up: a cold JVM at full rate is slower than it will be.
wrk -t"$threads" -c"$connections" -d5s -s "$work/status.lua" "http://127.0.0.1:$port" >/dev/null

clk_tck=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
gw_before=$(cpu_ticks "$serve_pid")
redis_before=$([ -n "$redis_pid" ] && cpu_ticks "$redis_pid" || echo 0)
wrk -t"$threads" -c"$connections" -d"${duration_sec}s" --latency -s "$work/status.lua" \
  "http://127.0.0.1:$port" | tee "$work/wrk.out"
gw_after=$(cpu_ticks "$serve_pid")
redis_after=$([ -n "$redis_pid" ] && cpu_ticks "$redis_pid" || echo 0)

requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")
awk -v req="$requests" -v dur="$duration_sec" -v gw=$((gw_after - gw_before)) -v rd=$((redis_after - redis_before)) \
    -v tck="$clk_tck" -v bad="${non2xx:-0}" 'BEGIN {
  printf "status requests/s: %.0f (non-2xx: %d)\n", req / dur, bad
  printf "gateway CPU per request: %.1f us; redis CPU per request: %.1f us\n", gw / tck * 1e6 / req, rd / tck * 1e6 / req
  printf "gateway CPU: %.0f%% of one core; redis CPU: %.0f%% of one core\n", gw / tck / dur * 100, rd / tck / dur * 100
}'
