#!/usr/bin/env bash
# Measures `queuebench merge` on large parts (docs/measurements.md, "Merging a multi-injector run"):
# PARTS synthetic parts of DURATION_SEC seconds at RPS requests/s each (LargeRunGenerator: join, status,
# enter; a server.csv on part 0), stamped as one run group, merged RUNS times with a 1 GiB heap; prints
# the wall time and peak RSS of each merge (GNU time) and the merged run's request count.
# Usage: scripts/bench-merge.sh [OUT=target/bench-merge]
#        PARTS=3 DURATION_SEC=1800 RPS=10000 RUNS=3 scripts/bench-merge.sh
# Needs target/queuebench.jar and target/test-classes (./mvnw -q -B test-compile package -DskipTests),
# python3 and /usr/bin/time. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/bench-merge}
PARTS=${PARTS:-3}
DURATION_SEC=${DURATION_SEC:-1800}
RPS=${RPS:-10000}
RUNS=${RUNS:-3}
JAR=${JAR:-target/queuebench.jar}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p "$OUT"
start_at_ms=$(( $(date +%s) * 1000 ))
for i in $(seq 0 $((PARTS - 1))); do
  part="$OUT/part$i"
  if [ ! -f "$part/run.json" ]; then
    echo "== generating part $i: $DURATION_SEC s at $RPS requests/s"
    java -Xmx2g -cp "$JAR:target/test-classes" dev.queuebench.analysis.LargeRunGenerator "$part" "$DURATION_SEC" "$RPS" >/dev/null
    [ "$i" = 0 ] || rm -f "$part/server.csv" "$part/server-info.json"
  fi
  python3 - "$part/run.json" "$i" "$PARTS" "$start_at_ms" <<'PY'
import json, sys
path, index, count, start_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
run = json.load(open(path))
injector = run.setdefault("injector", {})
injector.update({"index": index, "count": count, "run_group": "bench-merge", "start_at_ms": start_at})
run["outcome"] = "completed"
json.dump(run, open(path, "w"), indent=2)
PY
done
parts=$(for i in $(seq 0 $((PARTS - 1))); do printf '%s ' "$OUT/part$i"; done)
for r in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/merged"
  /usr/bin/time -f "merge $r: %e s wall, %M KB peak RSS" java -Xmx1g -jar "$JAR" merge $parts --out "$OUT/merged" \
    > "$OUT/merge-$r.log" 2> "$OUT/merge-$r.time" || { cat "$OUT/merge-$r.log" "$OUT/merge-$r.time"; exit 1; }
  tail -1 "$OUT/merge-$r.time"
done
python3 - "$OUT/merged/requests.csv" <<'PY'
import sys
total = 0
with open(sys.argv[1]) as f:
    next(f)
    for line in f:
        fields = line.split(",")
        total += int(fields[2]) + int(fields[3])
print(f"merged requests: {total:,}")
PY
