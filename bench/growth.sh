#!/usr/bin/env bash
# What grows with the archive (issue 17): for each SQLite store given (made by bench/archive.sh), the
# file size, the size of each table and index (SQLite's dbstat), and the time of the queries behind
# the pages, each run REPEAT times in one sqlite3 process (CPU time as sqlite3's .timer reports it,
# which the shared machine's load does not inflate the way it does wall time).
#
#   bench/growth.sh /work/data-webscale/archive-100k/redline.db /work/data-webscale/archive-1m/redline.db
set -euo pipefail
REPEAT=${REPEAT:-20}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for db in "$@"; do
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
