#!/usr/bin/env bash
# Measures the regression gate on this machine (README, "Regression gate: how often it is right"):
#   A/A: N smoke runs of the same build gated against one baseline; how many fail (false alarms).
#   Detection: N smoke runs with a TEST-ONLY regression injected into the reference gateway; how many fail.
# Usage: scripts/gate-validation.sh [N=10] [OUT=target/gate-validation]
# Needs target/queuebench.jar (./mvnw -q -B package -DskipTests). About 50 s per run.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
OUT=${2:-target/gate-validation}
JAR=target/queuebench.jar
rm -rf "$OUT" && mkdir -p "$OUT"

run() { # label, extra args...
  local label=$1; shift
  java -jar "$JAR" run --profile smoke --no-gatling-report --label "$label" --results-dir "$OUT/runs" "$@" \
    > "$OUT/$label.log" 2>&1
  ls -d "$OUT"/runs/*-"$label" | tail -1
}

gate() { # candidate dir -> exit code
  java -jar "$JAR" gate --baseline "$BASE" --candidate "$1" > "$1/gate.log" 2>&1
  echo $?
}

BASE=$(run base)
echo "baseline: $BASE"
declare -A failed
for kind in aa delay keys; do failed[$kind]=0; done
for i in $(seq 1 "$N"); do
  for kind in aa delay keys; do
    case $kind in
      aa) extra=() ;;
      delay) extra=(--inject-status-delay-ms "${DELAY_MS:-5}") ;;
      keys) extra=(--inject-status-keys-scan) ;;
    esac
    dir=$(run "$kind-$i" "${extra[@]}")
    code=$(gate "$dir")
    [ "$code" = 3 ] && failed[$kind]=$((failed[$kind] + 1))
    echo "$kind run $i: gate exit $code"
  done
done
echo "A/A false alarms: ${failed[aa]}/$N; status +${DELAY_MS:-5} ms detected: ${failed[delay]}/$N; KEYS per status detected: ${failed[keys]}/$N" | tee "$OUT/summary.txt"
