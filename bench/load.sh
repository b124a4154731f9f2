#!/usr/bin/env bash
# Web load test (issues 5 and 17): `redline serve --no-poll` (-Xmx512m) over a generated archive
# (bench/archive.sh), driven with wrk over loopback, route by route: the home page, article pages,
# diff pages, version pages, source record pages, Atom feeds, the JSON API and search, each at about
# RATE requests/second (paced connections, bench/web/paced.lua) for DURATION; then one unpaced burst
# over all routes for peak throughput. Every request names an article and versions that exist,
# sampled at random from the store. Per route: achieved rate, p50/p99 latency and the server's CPU
# time per request (from /proc/PID/stat: on a shared machine it does not depend on the others' load).
#
#   ARCHIVE=/work/data-webscale/archive-1m bench/load.sh            # SQLite archive made by archive.sh
#   DB=postgres ARCHIVE=/work/data-webscale/archive-1m-pg bench/load.sh
#   ARTICLES=2000 DURATION=10s bench/load.sh                          # generates a small archive first
#   SERVE_OPTS="-XX:StartFlightRecording=filename=/tmp/serve.jfr,settings=profile" bench/load.sh   # a profile of the server
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES=${ARTICLES:-10000}
DB=${DB:-sqlite}
ARCHIVE=${ARCHIVE:-}
RATE=${RATE:-200}
DURATION=${DURATION:-20s}
DELAY_MS=${DELAY_MS:-50}
HEAP=${HEAP:-512m}
ROUTES=${ROUTES:-home article diff version source feed api search}
PORT=${PORT:-$((20000 + RANDOM % 10000))}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
server_pid=""
pg_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n "$pg_pid" ]]; then kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building the application and bench jars" >&2
  (cd "$root" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -o -pl bench -am package -DskipTests >&2)
fi
jar="$root/app/target/redline.jar"
if [[ -z "$ARCHIVE" ]]; then
  ARCHIVE=/work/data-webscale/load-$DB-$ARTICLES
  SKIP_BUILD=1 DB="$DB" ARTICLES="$ARTICLES" OUT="$ARCHIVE" "$root/bench/archive.sh" >&2
fi

if [[ "$DB" == postgres ]]; then
  "$java" -cp "${BENCH_JAR:-$root/bench/target/benchmarks.jar}" dev.redline.bench.archive.ArchivePostgres "$ARCHIVE/pg" > "$work/pg.url" 2> "$work/pg.log" &
  pg_pid=$!
  for _ in $(seq 1 300); do [[ -s "$work/pg.url" ]] && break; sleep 0.2; done
  url=$(head -1 "$work/pg.url")
  [[ -n "$url" ]] || { cat "$work/pg.log" >&2; exit 1; }
  db_args=(--db "$url")
  pg_port=$(sed -E 's|.*localhost:([0-9]+)/.*|\1|' <<<"$url")
  query() { psql -h localhost -p "$pg_port" -U postgres -d postgres -At -F '|' -c "$1"; }
else
  DB_FILE=${DB_FILE:-$ARCHIVE/redline.db}
  db_args=(--db "$DB_FILE")
  query() { sqlite3 -separator '|' "file:$DB_FILE?mode=ro" "$1"; }
fi

echo "== sampling request paths from the store" >&2
query "SELECT a.id, a.version_count FROM articles a WHERE a.version_count > 0" > "$work/articles"
query "SELECT name FROM sources" > "$work/sources"
articles=$(wc -l < "$work/articles")
versions=$(awk -F'|' '{s += $2} END {print s}' "$work/articles")
sample() { # route -> paths, 5000 of them
  awk -F'|' -v route="$1" -v seed=17 -v sources="$(paste -sd, "$work/sources")" '
    BEGIN { srand(seed); ns = split(sources, src, ","); nq = split("okafor|harbour ferry|bridge repairs|saltholm|novak budget|flood defences delayed|lindqvist|tram extension|kingsferry|storm damage", q, "|") }
    { id[NR] = $1; count[NR] = $2 }
    END {
      for (i = 0; i < 5000; i++) {
        k = int(rand() * NR) + 1; a = id[k]; c = count[k]; n = c > 1 ? int(rand() * (c - 1)) + 1 : 0
        if (route == "home") { r = rand(); print (r < 0.6 ? "/" : r < 0.8 ? "/?page=2" : "/?source=" src[int(rand() * ns) + 1]) }
        else if (route == "article") print "/articles/" a
        else if (route == "diff") { if (c > 1) print "/articles/" a "/diff/" (n - 1) "/" n; else i-- }
        else if (route == "version") print "/articles/" a "/versions/" int(rand() * c)
        else if (route == "source") print "/sources/" src[int(rand() * ns) + 1]
        else if (route == "feed") { r = rand(); print (r < 0.4 ? "/feeds/changes.atom" : r < 0.7 ? "/sources/" src[int(rand() * ns) + 1] "/changes.atom" : "/articles/" a "/changes.atom") }
        else if (route == "api") { r = rand(); if (r < 0.4 && c > 1) print "/api/articles/" a "/diff/" (n - 1) "/" n; else if (r < 0.6) print "/api/articles/" a "/versions"; else if (r < 0.8) print "/api/changes?limit=50"; else print "/api/articles?after=" a "&limit=50" }
        else if (route == "search") print "/search?q=" q[int(rand() * nq) + 1]
      }
    }' "$work/articles" | sed 's/ /+/g' > "$work/paths-$1"
}
for r in $ROUTES; do sample "$r"; done
cat "$work"/paths-* > "$work/paths-all"

echo "== starting redline serve --no-poll on 127.0.0.1:$PORT" >&2
# REDLINE_CP=JAR runs another build's classes (a before/after comparison on the same archive)
launch=(-jar "$jar")
[[ -n "${REDLINE_CP:-}" ]] && launch=(-cp "$REDLINE_CP" dev.redline.cli.Redline)
# SERVE_OPTS: more JVM options for the server (a JFR recording, say)
# SERVE_FLAGS: serve's own options; by default no background trace-index repair (it would compete with
# the routes measured) and public metrics (the response cache's counts, printed at the end). An older
# build without these options: SERVE_FLAGS=""
# shellcheck disable=SC2086
"$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss4m -Xmx"$HEAP" ${SERVE_OPTS:-} "${launch[@]}" "${db_args[@]}" --data "$work" \
  serve --no-poll --port "$PORT" ${SERVE_FLAGS---no-trace-repair --public-metrics} > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/health" >&2 || { cat "$work/serve.log" >&2; exit 1; }
echo >&2

# Each connection waits DELAY_MS after each response; with ~10 ms of latency and client timer overhead
# per request, CONNECTIONS = RATE * (DELAY_MS + 10) / 1000 connections give about RATE requests/second.
CONNECTIONS=${CONNECTIONS:-$(( (RATE * (DELAY_MS + 10) + 999) / 1000 ))}
# the server's CPU (user + system) less its background trace-index repair thread's, which runs on a
# store whose trace index is incomplete and is no request's cost (printed on its own at the end)
repair_ticks() { # the repair thread's CPU ticks ("redline-trace-repair", cut to 15 characters by the kernel)
  local t=0 task
  for task in /proc/"$server_pid"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == redline-trace-r* ]] && t=$(awk -v t="$t" '{print t + $14 + $15}' "$task/stat" 2>/dev/null || echo "$t")
  done
  echo "$t"
}
cpu_ticks() { awk -v r="$(repair_ticks)" '{print $14 + $15 - r}' "/proc/$server_pid/stat"; }
# PostgreSQL's own processes (bench/pgcpu.sh): counted beside the server's, since the queries' work
# (ranking, heap reads) is done there; 0 on SQLite, whose work is inside the server process
source "$root/bench/pgcpu.sh"
db_ticks() { if [[ "$DB" == postgres ]]; then pg_cpu "$ARCHIVE/pg"; else echo 0; fi; }
tick=$(getconf CLK_TCK)
per_request() { awk -v t="$1" -v hz="$tick" -v n="$2" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}'; }
run() { # label paths connections delay duration
  local out before after db_before db_after
  before=$(cpu_ticks); db_before=$(db_ticks)
  out=$(PATHS="$2" DELAY_MS="$4" wrk -t1 -c"$3" -d"$5" --timeout 10s --latency -s "$root/bench/web/paced.lua" "http://127.0.0.1:$PORT" 2>&1)
  after=$(cpu_ticks); db_after=$(db_ticks)
  local rps p50 p99 errors requests cpu db_cpu
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(per_request $(( after - before )) "$requests")
  db_cpu=$(per_request $(( db_after - db_before )) "$requests")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr '\n' ' ')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$rps" "$p50" "$p99" "$cpu" "$db_cpu" \
    "$(cut -d' ' -f1 /proc/loadavg)" "${errors:-none}"
}

echo "== warm-up (JIT, page cache, each source's record)" >&2
PATHS="$work/paths-all" DELAY_MS=0 wrk -t1 -c4 -d"${WARMUP:-30s}" --timeout 30s -s "$root/bench/web/paced.lua" "http://127.0.0.1:$PORT" >/dev/null
if [[ " $ROUTES " == *" source "* ]]; then
  while read -r s; do curl -s -o /dev/null "http://127.0.0.1:$PORT/sources/$s"; done < "$work/sources"
fi

echo "store: $DB, $articles articles, $versions versions; heap -Xmx$HEAP; $(nproc) cores; target $RATE req/s ($CONNECTIONS connections, ${DELAY_MS} ms pause each), $DURATION per route"
echo "load average before the runs (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| route | connections | achieved req/s | p50 | p99 | server CPU ms/request | PostgreSQL CPU ms/request | load avg (1 min) | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
for r in $ROUTES; do
  run "$r, paced" "$work/paths-$r" "$CONNECTIONS" "$DELAY_MS" "$DURATION"
done
run "all routes, unpaced (peak)" "$work/paths-all" 8 0 "${PEAK_DURATION:-15s}"
echo
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "trace-index repair thread CPU (left out above): $(awk -v t="$(repair_ticks)" -v hz="$tick" 'BEGIN {printf "%.1f", t / hz}') s"
cache=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^redline_response_cache_(hits|misses|chars) / {printf "%s %s; ", $1, $2}')
echo "rendered-response cache after the runs: ${cache:-no figures (an older build, or metrics not public)}"
echo "server RSS after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )) MiB (heap limit $HEAP)"
if [[ "$DB" == sqlite ]]; then
  echo "SQLite file: $(( $(stat -c %s "$DB_FILE") >> 20 )) MiB"
else
  pg_rss=0
  pm=$(head -1 "$ARCHIVE/pg/postmaster.pid")
  for p in "$pm" $(ps -o pid= --ppid "$pm"); do pg_rss=$(( pg_rss + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0) )); done
  echo "PostgreSQL processes' RSS after the runs: $(( pg_rss >> 10 )) MiB (summed, so shared buffers count once per process that touched them); data folder $(du -sm "$ARCHIVE/pg" | cut -f1) MiB"
fi
