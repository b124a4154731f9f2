#!/usr/bin/env bash
# What grows with the archive (issue 17): for each store given (made by bench/archive.sh), the
# file size, the size of each table and index, and the time of the queries behind the pages, each
# run REPEAT times in one process.
#   - a SQLite file: sizes from SQLite's dbstat; CPU time as sqlite3's .timer reports it (the shared
#     machine's load does not inflate it the way it does wall time);
#   - an embedded PostgreSQL data folder (ARCHIVE/pg of archive.sh DB=postgres, started here with
#     bench's ArchivePostgres; it is written to, so give a copy of a shared one): sizes from
#     pg_table_size (heap and TOAST) and pg_relation_size (each index); the server's CPU time over the
#     REPEAT runs (bench/pgcpu.sh: the query's backend and the rest of the server, which idles) and
#     the wall time psql's \timing reports.
#
#   bench/growth.sh /work/data-webscale/archive-100k/redline.db /work/data-webscale/archive-1m/redline.db
#   bench/growth.sh /work/data-pgscale/archive-100k-pg/pg /work/data-pgscale/archive-1m-pg/pg
set -euo pipefail
REPEAT=${REPEAT:-20}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
source "$root/bench/pgcpu.sh"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

postgres_growth() { # DATA_DIR
  local dir=$1 work pg_pid url port
  work=$(mktemp -d)
  "$JAVA_HOME/bin/java" -cp "${BENCH_JAR:-$root/bench/target/benchmarks.jar}" dev.redline.bench.archive.ArchivePostgres "$dir" \
    > "$work/url" 2> "$work/log" &
  pg_pid=$!
  for _ in $(seq 1 600); do [[ -s "$work/url" ]] && break; sleep 0.2; done
  url=$(head -1 "$work/url")
  [[ -n "$url" ]] || { cat "$work/log" >&2; kill "$pg_pid"; return 1; }
  port=$(sed -E 's|.*localhost:([0-9]+)/.*|\1|' <<<"$url")
  pg() { psql -h localhost -p "$port" -U postgres -d postgres -At "$@"; }
  echo
  echo "## $dir: $(du -sm "$dir" | cut -f1) MiB data folder, $(pg -c 'SELECT COUNT(*) FROM articles') articles, $(pg -c 'SELECT SUM(version_count) FROM articles') versions"
  echo
  echo "| table (heap and TOAST) or index | MiB |"
  echo "|---|---|"
  pg -F ' | ' -c "SELECT '| ' || c.relname || CASE WHEN c.relkind = 'r' THEN ' (table)' ELSE '' END,
      to_char(CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) ELSE pg_relation_size(c.oid) END / 1048576.0, 'FM999990.0') || ' |'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
      AND (CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) ELSE pg_relation_size(c.oid) END) > 1048576
    ORDER BY CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) ELSE pg_relation_size(c.oid) END DESC"
  local max
  max=$(pg -c 'SELECT MAX(id) FROM articles')
  local rank="SELECT id, -ts_rank(search, to_tsquery('simple', 'okafor')) AS score FROM versions WHERE search @@ to_tsquery('simple', 'okafor')"
  local queries=(
    "versions of one article (article page)|SELECT COUNT(paragraphs) FROM versions WHERE article_id = $(( (RANDOM * 32768 + RANDOM) % max + 1 ))"
    "latest 51 changes (home page 1)|SELECT COUNT(*) FROM (SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.n > 0 AND v.boring = 0 ORDER BY v.fetched_at DESC, v.id DESC LIMIT 51) t"
    "latest 51 changes of one source (source feed)|SELECT COUNT(*) FROM (SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id WHERE a.source_id = 3 AND v.n > 0 AND v.boring = 0 ORDER BY v.fetched_at DESC, v.id DESC LIMIT 51) t"
    "latest 51 changes at offset 5000 (home page 101)|SELECT COUNT(*) FROM (SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.n > 0 AND v.boring = 0 ORDER BY v.fetched_at DESC, v.id DESC LIMIT 51 OFFSET 5000) t"
    "store mark (validators)|SELECT (SELECT MAX(id) FROM articles), (SELECT MAX(id) FROM versions), (SELECT MAX(id) FROM article_events)"
    "version count, SUM over articles (PostgreSQL's way)|SELECT SUM(version_count) FROM articles"
    "search 'okafor': top 1000 of the newest 2000 matches (after)|SELECT COUNT(*) FROM (SELECT id, score FROM ($rank ORDER BY id DESC LIMIT 2000) w ORDER BY score, id LIMIT 1000) t"
    "search 'okafor': top 1000 of every match (before)|SELECT COUNT(*) FROM ($rank ORDER BY score, id LIMIT 1000) t"
  )
  echo
  echo "| query | ms per run (server CPU) | ms per run (wall) |"
  echo "|---|---|---|"
  local q label sql script before after
  for q in "${queries[@]}"; do
    label=${q%%|*}; sql=${q#*|}
    script="\\timing on"$'\n'
    for _ in $(seq 1 "$REPEAT"); do script+="$sql;"$'\n'; done
    before=$(pg_cpu "$dir")
    out=$(pg <<<"$script")
    after=$(pg_cpu "$dir")
    awk -v label="$label" -v n="$REPEAT" -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" \
      '/^Time:/ {real += $2} END {printf "| %s | %.2f | %.2f |\n", label, t * 1000 / hz / n, real / n}' <<<"$out"
  done
  kill "$pg_pid"; wait "$pg_pid" 2>/dev/null || true
  rm -rf "$work"
}

for db in "$@"; do
  if [[ -f "$db/PG_VERSION" ]]; then
    postgres_growth "$db"
    continue
  fi
  ro="file:$db?mode=ro"
  echo
  echo "## $db: $(( $(stat -c %s "$db") >> 20 )) MiB, $(sqlite3 "$ro" 'SELECT COUNT(*) FROM articles') articles, $(sqlite3 "$ro" 'SELECT SUM(version_count) FROM articles') versions"
  echo
  echo "| table or index | MiB |"
  echo "|---|---|"
  sqlite3 -separator ' | ' "$ro" "SELECT '| ' || name, printf('%.1f', SUM(pgsize) / 1048576.0) || ' |' FROM dbstat GROUP BY name HAVING SUM(pgsize) > 1048576 ORDER BY SUM(pgsize) DESC"
  max=$(sqlite3 "$ro" 'SELECT MAX(id) FROM articles')
  queries=(
    "versions of one article (article page)|SELECT COUNT(paragraphs) FROM versions WHERE article_id = abs(random()) % $max + 1"
    "latest 51 changes (home page 1)|SELECT COUNT(*) FROM (SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.n > 0 AND v.boring = 0 ORDER BY v.fetched_at DESC, v.id DESC LIMIT 51)"
    "latest 51 changes at offset 5000 (home page 101)|SELECT COUNT(*) FROM (SELECT v.id FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.n > 0 AND v.boring = 0 ORDER BY v.fetched_at DESC, v.id DESC LIMIT 51 OFFSET 5000)"
    "store mark (validators)|SELECT (SELECT MAX(id) FROM articles), (SELECT MAX(id) FROM versions), (SELECT MAX(id) FROM article_events)"
    "version count, SUM over articles (PostgreSQL's way)|SELECT SUM(version_count) FROM articles"
    "version count, COUNT(*) over versions (SQLite's way)|SELECT COUNT(*) FROM versions"
    "search 'okafor': top 1000 by rank|SELECT COUNT(*) FROM (SELECT rowid FROM versions_fts WHERE versions_fts MATCH 'okafor' ORDER BY rank LIMIT 1000)"
    "search 'okafor': every match grouped by article (before)|SELECT COUNT(*) FROM (SELECT v.article_id FROM versions_fts m JOIN versions v ON v.id = m.rowid WHERE versions_fts MATCH 'okafor' GROUP BY v.article_id)"
  )
  echo
  echo "| query | ms per run (CPU, user+sys) | ms per run (wall) |"
  echo "|---|---|---|"
  for q in "${queries[@]}"; do
    label=${q%%|*}; sql=${q#*|}
    script=".timer on"$'\n'
    for _ in $(seq 1 "$REPEAT"); do script+="$sql;"$'\n'; done
    sqlite3 "$ro" <<<"$script" | awk -v label="$label" -v n="$REPEAT" '/^Run Time/ {real += $4; cpu += $6 + $8} END {printf "| %s | %.2f | %.2f |\n", label, cpu * 1000 / n, real * 1000 / n}'
  done
done
