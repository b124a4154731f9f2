#!/usr/bin/env bash
# Generated archive for the scale figures (issue 17): ARTICLES articles of about ten versions each
# (bench/src/main/java/dev/redline/bench/archive/ArchiveGenerator.java, through the import path of
# VersionRecorder, BATCH articles per transaction), over SOURCES sources, into
#   DB=sqlite   (default)  $OUT/redline.db            — a SQLite file any redline command opens with --db
#   DB=postgres            $OUT/pg (embedded PostgreSQL data folder, kept; bench/load.sh DB=postgres
#                          and `ArchivePostgres $OUT/pg` start it again)
# Re-running with the same OUT adds only what is missing. Data stays outside the repository.
#
#   bench/archive.sh                                        # 100,000 articles (~1 M versions), SQLite
#   ARTICLES=10000 OUT=/work/data-webscale/archive-100k bench/archive.sh
#   DB=postgres OUT=/work/data-pgscale/archive-1m-pg bench/archive.sh   # also prints PostgreSQL's own CPU
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES=${ARTICLES:-100000}
SOURCES=${SOURCES:-8}
BATCH=${BATCH:-100}
THREADS=${THREADS:-2}
DB=${DB:-sqlite}
OUT=${OUT:-/work/data-webscale/archive-$((ARTICLES / 1000))k}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
jar=${JAR:-$root/bench/target/benchmarks.jar}  # JAR=COPY keeps a long run off later rebuilds
if [[ -z "${SKIP_BUILD:-}" && -z "${JAR:-}" ]]; then
  echo "== building the bench jar" >&2
  (cd "$root" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -o -pl bench -am package -DskipTests >&2)
fi
mkdir -p "$OUT"
case "$DB" in
  sqlite) target=(--db "$OUT/redline.db") ;;
  postgres) target=(--postgres "$OUT/pg") ;;
  *) echo "archive.sh: DB is sqlite or postgres, not '$DB'" >&2; exit 2 ;;
esac
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
/usr/bin/time -f "archive.sh: %e s wall, %U s user, %S s system, max RSS %M KB" \
  "$java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$jar" dev.redline.bench.archive.ArchiveGenerator \
  "${target[@]}" --articles "$ARTICLES" --sources "$SOURCES" --batch "$BATCH" --threads "$THREADS" &
generator=$!
if [[ "$DB" == postgres ]]; then
  # PostgreSQL's own CPU (its processes are not the generator's children): sampled until it stops
  source "$root/bench/pgcpu.sh"
  pg_ticks=0
  while kill -0 "$generator" 2>/dev/null; do
    t=$(pg_cpu "$OUT/pg"); (( t > pg_ticks )) && pg_ticks=$t
    sleep 5
  done
fi
status=0
wait "$generator" || status=$?
if [[ "$DB" == postgres ]]; then
  echo "archive.sh: PostgreSQL server CPU $(awk -v t="$pg_ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}') s (user+system, sampled every 5 s)" >&2
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit "$status"
