#!/usr/bin/env bash
# Measures the queue-integrity audit on this machine (docs/integrity.md, "How often it is right"):
#   clean:  N smoke runs of the reference gateway as it is; how many are gated as failing (false findings).
#   Planted faults, N smoke runs each, TEST-ONLY switches of the embedded gateway:
#     drop    5% of joins lose their position_index write: those users are refused   (lost_users)
#     racy    enter without its claim, so a double click is granted twice          (double_admissions)
#     random  admission ignores rank and minimum wait, with 30% abandoners          (order_violations_pct)
#   deep:   clean runs with 30% abandoners, the random kind's clean counterpart (false findings)
#     eta     every eta_sec multiplied by 5                                          (eta_error_median_pct)
#     stale   status answers the position stored at join, not the live rank       (position_error_p99)
# Each run is gated alone against the first clean run with examples/gate/integrity-rules.json; a fault
# counts as caught when the gate exits 3 and the rule named for it failed.
# Usage: scripts/integrity-validation.sh [N=10] [OUT=target/integrity-validation]
#        scripts/integrity-validation.sh --regate OUT        gates the runs already in OUT
#        KINDS="clean racy" scripts/integrity-validation.sh 3  only those kinds
# Needs target/queuebench.jar (./mvnw -q -B package -DskipTests), or JAR=path. About 80 s per run.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/queuebench.jar}
RULES=${RULES:-examples/gate/integrity-rules.json}
KINDS=${KINDS:-clean deep drop racy random eta stale}

kind_args() {
  case $1 in
    clean) ;;
    drop) echo --inject-drop-position-writes-pct 5 ;;
    racy) echo --inject-racy-enter ;;
    # The order rule can only see a fault where the queue is deeper than the rules' windows (positions
    # beyond 50 wait 5 s); smoke's 10% abandoners build that only late in a run, 30% early.
    random) echo --inject-random-order --abandon-fraction 0.3 ;;
    deep) echo --abandon-fraction 0.3 ;;
    eta) echo --inject-eta-factor 5 ;;
    stale) echo --inject-stale-positions ;;
    *) echo "unknown kind '$1' in KINDS; choose from: clean deep drop racy random eta stale" >&2; exit 2 ;;
  esac
}
rule_of() {
  case $1 in
    drop) echo lost_users ;;
    stale) echo position_error_p99 ;;
    racy) echo double_admissions ;;
    random) echo order_violations_pct ;;
    eta) echo eta_error_median_pct ;;
    *) echo "" ;;
  esac
}
for kind in $KINDS; do kind_args "$kind" > /dev/null || exit 2; done

run() { # label, extra args...
  local label=$1; shift
  java -jar "$JAR" run --profile smoke --no-gatling-report --label "$label" --results-dir "$OUT/runs" "$@" \
    > "$OUT/$label.log" 2>&1
  ls -d "$OUT"/runs/*-"$label" | tail -1
}

# The integrity rules that failed in a gate's JUnit file, by the metric their name starts with.
failed_rules() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    sys.exit(0)
for case in root.iter("testcase"):
    if case.find("failure") is not None:
        print(case.get("name").split(":")[0])
PY
}

regate() {
  BASE=$(ls -d "$OUT"/runs/*-clean-base | tail -1)
  mkdir -p "$OUT/gates"
  local summary=""
  for kind in $KINDS; do
    local dirs=() failed=0 caught=0 integrity=0 rule
    rule=$(rule_of "$kind")
    mapfile -t dirs < <(ls -d "$OUT"/runs/*-"$kind"-[0-9]* 2> /dev/null)
    [ ${#dirs[@]} -eq 0 ] && continue
    for dir in "${dirs[@]}"; do
      local log="$OUT/gates/$(basename "$dir")"
      java -jar "$JAR" gate --baseline "$BASE" --candidate "$dir" --rules "$RULES" --junit "$log.xml" \
        --markdown "$log.md" > "$log" 2>&1
      local code=$?
      local failing
      # Read whole before matching: grep -q closing the pipe early would fail the pipeline under pipefail.
      failing=$(failed_rules "$log.xml")
      [ "$code" = 3 ] && failed=$((failed + 1))
      if [ -n "$rule" ] && [ "$code" = 3 ] && grep -qx "$rule" <<< "$failing"; then
        caught=$((caught + 1))
      fi
      # An integrity rule failed (the rules file's names start with their metric; "runs delivered their
      # load (outcome)" is the gate's own rule, about the load, not the audit).
      if grep -v "^runs delivered their load" <<< "$failing" | grep -q .; then
        integrity=$((integrity + 1))
      fi
    done
    if [ "$kind" = clean ] || [ "$kind" = deep ]; then
      summary+="$kind: an integrity rule failed (a false finding) on $integrity of ${#dirs[@]} runs (gate failed on $failed)"$'\n'
    else
      summary+="$kind: caught by $rule on $caught of ${#dirs[@]} runs (gate failed on $failed)"$'\n'
    fi
  done
  printf '%s' "$summary" | tee "$OUT/summary.txt"
  for dir in "$OUT"/runs/*; do
    python3 - "$dir/summary.json" <<'PY'
import json, sys
try:
    s = json.load(open(sys.argv[1]))
except Exception:
    sys.exit(0)
i = s.get("integrity") or {}
print("%-52s lost %s expired %s double %s order %s%% pos p99 %s eta median %s%% journeys %s" % (
    sys.argv[1].split("/")[-2], i.get("lost_users"), i.get("expired_users"), i.get("double_admissions"),
    i.get("order_violations_pct"), i.get("position_error_p99"), i.get("eta_error_median_pct"), i.get("journeys")))
PY
  done > "$OUT/figures.txt"
  echo "per run: $OUT/figures.txt"
}

if [ "${1:-}" = "--regate" ]; then
  OUT=$2
  regate
  exit 0
fi
N=${1:-10}
OUT=${2:-target/integrity-validation}
if [ "${KEEP:-}" = 1 ] && [ -d "$OUT/runs" ]; then
  : # KEEP=1 adds rounds of KINDS to the runs already in OUT (labels must not repeat: ROUND0 offsets them)
else
  rm -rf "$OUT" && mkdir -p "$OUT"
  run clean-base > /dev/null
fi
for i in $(seq $((1 + ${ROUND0:-0})) $((N + ${ROUND0:-0}))); do
  for kind in $KINDS; do
    # shellcheck disable=SC2046
    run "$kind-$i" $(kind_args "$kind") > /dev/null
  done
  echo "round $i of $N done"
done
regate
