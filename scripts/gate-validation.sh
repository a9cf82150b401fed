#!/usr/bin/env bash
# Measures the regression gate on this machine (README, "Regression gate: how often it is right"):
#   A/A: N smoke runs of the same build gated against one baseline; how many fail (false alarms).
#   Detection: N smoke runs with each TEST-ONLY regression injected into the reference gateway; how many fail:
#     delay5 and delay2 (5 ms and 2 ms added to every status request), keys (a KEYS in every status request).
# Each kind is gated run by run (one candidate) and in pairs of runs (two candidates, as the README
# recommends on a shared machine).
# Usage: scripts/gate-validation.sh [N=10] [OUT=target/gate-validation]      runs, then gates
#        scripts/gate-validation.sh --regate OUT                               gates the runs already in OUT
#        KINDS="aa delay5" scripts/gate-validation.sh 5                       only those kinds (default: all four)
#        RULES=my-rules.json scripts/gate-validation.sh --regate OUT          the same runs under other rules
# Needs target/queuebench.jar (./mvnw -q -B package -DskipTests), or JAR=path. About 80 s per run
# (smoke's 50 s hold), 4N+1 runs.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/queuebench.jar}

run() { # label, extra args...
  local label=$1; shift
  java -jar "$JAR" run --profile smoke --no-gatling-report --label "$label" --results-dir "$OUT/runs" "$@" \
    > "$OUT/$label.log" 2>&1
  ls -d "$OUT"/runs/*-"$label" | tail -1
}

gate() { # log file, candidate dirs... -> exit code
  local log=$1; shift
  local args=()
  for dir in "$@"; do args+=(--candidate "$dir"); done
  java -jar "$JAR" gate --baseline "$BASE" "${args[@]}" ${RULES:+--rules "$RULES"} --junit "$log.xml" \
    --markdown "$log.md" > "$log" 2>&1
  echo $?
}

regate() {
  BASE=$(ls -d "$OUT"/runs/*-base | tail -1)
  mkdir -p "$OUT/gates"
  local summary=""
  for kind in $KINDS; do
    local dirs=() single=0 paired=0 pairs=0
    mapfile -t dirs < <(ls -d "$OUT"/runs/*-"$kind"-* 2> /dev/null)
    [ ${#dirs[@]} -eq 0 ] && continue
    for dir in "${dirs[@]}"; do
      [ "$(gate "$OUT/gates/$(basename "$dir")" "$dir")" = 3 ] && single=$((single + 1))
    done
    for ((i = 0; i + 1 < ${#dirs[@]}; i += 2)); do
      pairs=$((pairs + 1))
      [ "$(gate "$OUT/gates/$kind-pair-$pairs" "${dirs[i]}" "${dirs[i+1]}")" = 3 ] && paired=$((paired + 1))
    done
    summary+="$kind: gate failed on $single of ${#dirs[@]} single runs, on $paired of $pairs pairs"$'\n'
  done
  printf '%s' "$summary" | tee "$OUT/summary.txt"
}

KINDS=${KINDS:-aa delay5 delay2 keys}
# One kind's extra run options.
kind_args() {
  case $1 in
    aa) ;;
    delay5) echo --inject-status-delay-ms 5 ;;
    delay2) echo --inject-status-delay-ms 2 ;;
    keys) echo --inject-status-keys-scan ;;
    *) echo "unknown kind '$1' in KINDS; choose from: aa delay5 delay2 keys" >&2; exit 2 ;;
  esac
}
for kind in $KINDS; do kind_args "$kind" > /dev/null || exit 2; done

if [ "${1:-}" = "--regate" ]; then
  OUT=$2
  regate
  exit 0
fi
N=${1:-10}
OUT=${2:-target/gate-validation}
rm -rf "$OUT" && mkdir -p "$OUT"
BASE=$(run base)
for i in $(seq 1 "$N"); do
  for kind in $KINDS; do
    # shellcheck disable=SC2046
    run "$kind-$i" $(kind_args "$kind") > /dev/null
  done
  echo "round $i of $N done"
done
regate
