#!/usr/bin/env bash
# Measures each local drill on this machine (docs/drills.md, "Measured here"): N runs of the smoke
# profile scaled to RATE_SCALE (10 = 500 requests/s) against the embedded gateway, with one drill at the
# 10th second of a 30 s hold, and prints per run and as medians: the drill's own duration, the error
# window, seconds over 1% errors, failed requests, recovery, users lost, queue entries lost of those waiting.
# Usage: scripts/drill-validation.sh [N=3] [OUT=target/drill-validation]
#        KINDS="pause failover" scripts/drill-validation.sh 5      only those kinds
#        scripts/drill-validation.sh --table OUT                    the table of the runs already in OUT
# Needs target/queuebench.jar (./mvnw -q -B package -DskipTests), or JAR=path; HAProxy for failover.
# About 70 s per run. Run it on a quiet machine: nothing else building or measuring.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/queuebench.jar}
KINDS=${KINDS:-pause kill-connections restart failover}
RATE_SCALE=${RATE_SCALE:-10}

drill_of() {
  case $1 in
    pause) echo pause:2000@10 ;;
    kill-connections) echo kill-connections@10 ;;
    restart) echo restart@10 ;;
    failover) echo failover@10 ;;
    *) echo "unknown kind '$1' in KINDS; choose from: pause kill-connections restart failover" >&2; exit 2 ;;
  esac
}

table() {
  python3 - "$1" <<'PY'
import json, os, re, statistics, sys
out = sys.argv[1]
rows = {}
for kind in sorted(os.listdir(out)):
    kind_dir = os.path.join(out, kind)
    if not os.path.isdir(kind_dir):
        continue
    for run in sorted(os.listdir(kind_dir)):
        summary_file = os.path.join(kind_dir, run, "summary.json")
        if not os.path.exists(summary_file):
            continue
        summary = json.load(open(summary_file))
        drills = summary.get("drills") or []
        if not drills:
            continue
        d = drills[0]
        took = ""
        for line in open(os.path.join(kind_dir, run, "events.csv")):
            fields = line.rstrip("\n").split(",", 3)
            if len(fields) == 4 and fields[2].endswith("-done"):
                m = re.search(r"after (\d+) ms", fields[3])
                took = int(m.group(1)) if m else ""
        rows.setdefault(kind, []).append({
            "outcome": summary["run"]["outcome"], "took_ms": took,
            "window_s": d["error_window_sec"], "over1pct_s": d["seconds_over1_pct_errors"],
            "failed": d["failed_requests"], "recovery_s": d["recovery_sec"], "users_lost": d["users_lost"],
            "queue_lost": d.get("queue_entries_lost"), "queue_before": d.get("queue_entries_before")})
cols = ["outcome", "took_ms", "window_s", "over1pct_s", "failed", "recovery_s", "users_lost", "queue_lost", "queue_before"]
print("| kind | run | " + " | ".join(cols) + " |")
print("|" + "---|" * (len(cols) + 2))
for kind, runs in rows.items():
    for i, r in enumerate(runs, 1):
        print(f"| {kind} | {i} | " + " | ".join(str(r[c]) for c in cols) + " |")
    medians = []
    for c in cols[1:]:
        values = [r[c] for r in runs if isinstance(r[c], (int, float)) and r[c] == r[c]]
        medians.append(str(statistics.median(values)) if values else "")
    print(f"| {kind} | median | {sum(r['outcome'] == 'completed' for r in runs)}/{len(runs)} completed | "
          + " | ".join(medians) + " |")
PY
}

if [ "${1:-}" = "--table" ]; then
  table "${2:?give the OUT directory}"
  exit 0
fi
N=${1:-3}
OUT=${2:-target/drill-validation}
[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -q -B package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
for kind in $KINDS; do
  drill=$(drill_of "$kind") || exit 2
  for i in $(seq 1 "$N"); do
    echo "== $kind run $i of $N ($drill)"
    java -jar "$JAR" run --profile smoke --scale "$RATE_SCALE" --hold-sec 30 --no-gatling-report \
      --drill "$drill" --results-dir "$OUT/$kind" > "$OUT/$kind-$i.log" 2>&1
    echo "   exit $? ($(grep -m1 '^Outcome' "$OUT/$kind-$i.log"))"
  done
done
table "$OUT"
