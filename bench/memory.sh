#!/usr/bin/env bash
# Memory of `redline poll` or `redline serve` on a large store (issue 17): runs the command from the
# application jar with -Xmx$HEAP on a store made by bench/archive.sh for DURATION seconds while the
# trace index repair (IndexRepair) runs beside it, samples the process's RSS every 5 s, then stops it
# (SIGTERM: the repair stops between pages and resumes at the next start). Prints the peak RSS, the
# heap limit, the process's CPU time and the versions the repair indexed meanwhile, so that the
# indexing speed of one heap limit (which sizes the SQLite bulk page cache) can be set beside another.
#
#   DB_FILE=/work/data-pgscale/sqlite-1m/redline.db bench/memory.sh            # poll, SQLite (writes to DB_FILE: use a copy)
#   CMD=serve DB_FILE=… bench/memory.sh
#   DB=postgres ARCHIVE=/work/data-pgscale/archive-1m-pg bench/memory.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB=${DB:-sqlite}
CMD=${CMD:-poll}
HEAP=${HEAP:-512m}
DURATION=${DURATION:-300}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=${JAR:-$root/app/target/redline.jar}
work="$(mktemp -d)"
pid=""
pg_pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [[ -n "$pg_pid" ]]; then kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ "$DB" == postgres ]]; then
  "$java" -cp "${BENCH_JAR:-$root/bench/target/benchmarks.jar}" dev.redline.bench.archive.ArchivePostgres "$ARCHIVE/pg" \
    > "$work/pg.url" 2> "$work/pg.log" &
  pg_pid=$!
  for _ in $(seq 1 300); do [[ -s "$work/pg.url" ]] && break; sleep 0.2; done
  url=$(head -1 "$work/pg.url")
  [[ -n "$url" ]] || { cat "$work/pg.log" >&2; exit 1; }
  pg_port=$(sed -E 's|.*localhost:([0-9]+)/.*|\1|' <<<"$url")
  db_args=(--db "$url")
  indexed() { psql -h localhost -p "$pg_port" -U postgres -d postgres -At -c "SELECT COUNT(*) FROM trace_version" 2>/dev/null || echo 0; }
else
  db_args=(--db "$DB_FILE")
  indexed() { sqlite3 "file:$DB_FILE?mode=ro" "SELECT COUNT(*) FROM trace_version" 2>/dev/null || echo 0; }
fi
case "$CMD" in
  poll) args=(poll) ;;
  serve) args=(serve --no-poll --port "$((20000 + RANDOM % 10000))") ;;
  *) echo "memory.sh: CMD is poll or serve, not '$CMD'" >&2; exit 2 ;;
esac

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
before=$(indexed)
"$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx"$HEAP" -jar "$jar" "${db_args[@]}" --data "$work" \
  "${args[@]}" > "$work/out.log" 2>&1 &
pid=$!
peak=0
for _ in $(seq 1 $(( DURATION / 5 ))); do
  sleep 5
  kill -0 "$pid" 2>/dev/null || break
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  (( rss > peak )) && peak=$rss
done
ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=""
after=$(indexed)
cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
echo "$CMD on $DB, heap -Xmx$HEAP, ${DURATION} s: peak RSS $(( peak >> 10 )) MiB (sampled), high-water mark $(( hwm >> 10 )) MiB"
echo "process CPU ${cpu} s; trace index: $before -> $after versions indexed ($(( after - before )) in this run," \
  "$(awk -v n=$(( after - before )) -v c="$cpu" 'BEGIN {printf "%.0f", (c > 0 ? n / c : 0)}') per CPU second)"
grep -E "trace index|OutOfMemory|Exception" "$work/out.log" | head -5 || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
