#!/usr/bin/env bash
# Web load test (issue 5): seed ARTICLES generated articles (3 versions each) into a fresh SQLite
# store, start `redline serve --no-poll`, then load the HTML diff page and the JSON diff API with
# wrk at about RATE requests/second (paced connections, see bench/web/paced.lua), reporting the
# achieved requests/second and p50/p99 latency. Also runs one unpaced burst for peak throughput.
#
#   bench/load.sh                      # 10k articles, 200 req/s, 30 s per endpoint
#   ARTICLES=2000 DURATION=10s bench/load.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES=${ARTICLES:-10000}
RATE=${RATE:-200}
DURATION=${DURATION:-30s}
DELAY_MS=${DELAY_MS:-50}
PORT=${PORT:-$((20000 + RANDOM % 10000))}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
echo "== building the application jar" >&2
(cd "$root" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -o -pl app -am package -DskipTests >&2)
jar="$root/app/target/redline.jar"

echo "== seeding $ARTICLES articles x 3 versions" >&2
mkdir -p "$work/data"
start=$(date +%s)
"$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/web/SeedStore.java" \
  "jdbc:sqlite:$work/data/redline.db" "$ARTICLES" 2>&1 | tail -1 >&2
echo "   seeded in $(( $(date +%s) - start )) s" >&2

echo "== starting redline serve --no-poll on 127.0.0.1:$PORT" >&2
"$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss4m -jar "$jar" --data "$work/data" \
  serve --no-poll --port "$PORT" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/health" >&2 || { cat "$work/serve.log" >&2; exit 1; }
echo >&2

# Each connection waits DELAY_MS after each response; with ~10 ms of latency and client timer overhead
# per request, CONNECTIONS = RATE * (DELAY_MS + 10) / 1000 connections give about RATE requests/second.
delay_ms=$DELAY_MS
CONNECTIONS=${CONNECTIONS:-$(( (RATE * (DELAY_MS + 10) + 999) / 1000 ))}
# The server's CPU time (user + system, in clock ticks): CPU per request does not depend on what
# else the machine is running, unlike latency on a shared machine.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
tick=$(getconf CLK_TCK)
run() { # label kind connections delay duration
  local out before after
  before=$(cpu_ticks)
  out=$(ARTICLES="$ARTICLES" KIND="$2" DELAY_MS="$4" wrk -t1 -c"$3" -d"$5" --latency \
        -s "$root/bench/web/paced.lua" "http://127.0.0.1:$PORT" 2>&1)
  after=$(cpu_ticks)
  local rps p50 p99 errors requests cpu
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(awk -v t=$(( after - before )) -v hz="$tick" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr '\n' ' ')
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$rps" "$p50" "$p99" "$cpu" "${errors:-none}"
}

echo "== warm-up (JIT, page cache)" >&2
ARTICLES="$ARTICLES" KIND=page DELAY_MS=0 wrk -t1 -c4 -d20s -s "$root/bench/web/paced.lua" "http://127.0.0.1:$PORT" >/dev/null
ARTICLES="$ARTICLES" KIND=api DELAY_MS=0 wrk -t1 -c4 -d10s -s "$root/bench/web/paced.lua" "http://127.0.0.1:$PORT" >/dev/null

echo "load average before the runs (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "articles: $ARTICLES x 3 versions; target rate: $RATE req/s ($CONNECTIONS connections, ${delay_ms} ms pause each); duration $DURATION each; $(nproc) cores"
echo
echo "| endpoint | connections | achieved req/s | p50 | p99 | server CPU ms/request | errors |"
echo "|---|---|---|---|---|---|---|"
run "diff page /articles/{id}/diff/0/2, paced" page "$CONNECTIONS" "$delay_ms" "$DURATION"
run "JSON diff /api/articles/{id}/diff/0/2, paced" api "$CONNECTIONS" "$delay_ms" "$DURATION"
run "diff page, unpaced (peak)" page 8 0 10s
run "JSON diff, unpaced (peak)" api 8 0 10s
echo
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server RSS after the runs: $(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )) MiB"
