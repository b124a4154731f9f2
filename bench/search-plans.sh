#!/usr/bin/env bash
# The CPU of search's ranking query on a SQLite archive, per query of bench/load.sh: bm25 over every
# match (the plan before the window) against the window (find the 5,000th newest match, then rank
# from it on: JdbcSearch on SQLite), the top 1,000 each, in sqlite3 (.timer, user + system ms).
# Read-only.   bench/search-plans.sh /work/data-webscale/mine-1m/redline.db
set -euo pipefail
db="file:${1:?db}?mode=ro"
for q in okafor 'harbour ferry' 'bridge repairs' saltholm 'novak budget' 'flood defences delayed' lindqvist 'tram extension' kingsferry 'storm damage'; do
  fts=$(sed -E 's/([a-z]+)/"\1"/g; s/" "/" AND "/g' <<<"$q")
  n=$(sqlite3 "$db" "SELECT count(*) FROM versions_fts WHERE versions_fts MATCH '$fts'")
  floor=$(sqlite3 "$db" "SELECT rowid FROM versions_fts WHERE versions_fts MATCH '$fts' ORDER BY rowid DESC LIMIT 1 OFFSET 4999")
  old=$(printf '%s\n' ".timer on" "SELECT count(*) FROM (SELECT rowid, rank FROM versions_fts WHERE versions_fts MATCH '$fts' ORDER BY rank LIMIT 1000);" | sqlite3 "$db" 2>&1 | awk '/Run Time/ {printf "%.1f", ($6 + $8) * 1000}')
  if [[ -n "$floor" ]]; then
    new=$(printf '%s\n' ".timer on" "SELECT rowid FROM versions_fts WHERE versions_fts MATCH '$fts' ORDER BY rowid DESC LIMIT 2 OFFSET 4999;" "SELECT count(*) FROM (SELECT rowid, rank FROM versions_fts WHERE versions_fts MATCH '$fts' AND rowid >= $floor ORDER BY rank LIMIT 1000);" | sqlite3 "$db" 2>&1 | awk '/Run Time/ {t += ($6 + $8) * 1000} END {printf "%.1f", t}')
  else new="$old (all ranked)"; fi
  echo "| $q | $n | $old | $new |"
done
