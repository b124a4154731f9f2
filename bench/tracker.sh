#!/usr/bin/env bash
# Tracker throughput against the newsroom simulator on loopback.
#
#   bench/tracker.sh [ARTICLE_COUNTS...]        (default: 10000 100000)
#
# For each count N: a generated newsroom of N articles on 20 simulated sites runs in its own JVM
# (dev.redline.sim.SimulatorMain, virtual time); a fresh SQLite store gets the sites as sources.
#   round 1: `redline poll --once`       discovers all N articles from the RSS feeds and checks each
#            (fetch, WARC, extraction, store) -> N first versions;
#   round 2: the simulator moves 3 virtual hours on (many stories change), then
#            `redline poll --once --all` re-checks every article (conditional GET, extraction,
#            comparison, Diff for changed ones) -> new versions for the changed ones, 304s otherwise.
# Reported per round: checks, seconds, checks/s, new versions, versions/s, max RSS of the tracker
# process and its CPU time (user+sys, from /usr/bin/time; includes JVM start-up) — on a shared,
# loaded machine wall-clock rates understate what 2 free cores do, CPU ms/check does not.
# Host delay 0 (loopback), 4 worker threads (WORKERS=N to change; SKIP_BUILD=1 to reuse the jar).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
COUNTS=("$@")
[ ${#COUNTS[@]} -eq 0 ] && COUNTS=(10000 100000)
SITES=20
WORKERS=${WORKERS:-4}
TRACKER_HEAP=${TRACKER_HEAP:-1g}

# clean: a resource moved in the sources must not linger in target/ (Flyway would see it twice)
[ -n "${SKIP_BUILD:-}" ] || rm -rf core/target app/target
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -o -pl app -am package -DskipTests
JAR=app/target/redline.jar

run_round() { # label, extra poll args...
  local label=$1; shift
  local log
  log=$(mktemp)
  /usr/bin/time -v "$JAVA" -Xmx"$TRACKER_HEAP" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
      --db "$WORK/redline.db" --data "$WORK" poll --once --host-delay 0 --allow-private-network \
      --workers "$WORKERS" "$@" 2>"$log" >/dev/null
  local summary rss checks versions secs
  summary=$(grep '^poll: .* in [0-9.]* s$' "$log" | tail -1)
  rss=$(awk '/Maximum resident set size/ {print int($6/1024)}' "$log")
  cpu=$(awk '/User time \(seconds\)/ {u=$4} /System time \(seconds\)/ {s=$4} END {print u+s}' "$log")
  checks=$(sed -E 's/.* ([0-9]+) checks:.*/\1/' <<<"$summary")
  versions=$(sed -E 's/.*checks: ([0-9]+) new versions.*/\1/' <<<"$summary")
  secs=$(sed -E 's/.* in ([0-9.]+) s$/\1/' <<<"$summary")
  printf '%-8s %-8s checks=%-7s %7.1f s  %7.1f checks/s  versions=%-7s %7.1f versions/s  maxRSS=%s MB  cpu=%.1f s (%.1f ms/check)\n' \
      "$N" "$label" "$checks" "$secs" "$(echo "$checks / $secs" | bc -l)" "$versions" \
      "$(echo "$versions / $secs" | bc -l)" "$rss" "$cpu" "$(echo "1000 * $cpu / $checks" | bc -l)"
  echo "         $summary"
  rm -f "$log"
}

for N in "${COUNTS[@]}"; do
  WORK=$(mktemp -d)
  PER_SITE=$((N / SITES))
  mkfifo "$WORK/ctl"
  "$JAVA" -Xmx3g --enable-native-access=ALL-UNNAMED -cp "$JAR" dev.redline.sim.SimulatorMain \
      "$SITES" "$PER_SITE" 3 "$WORK/redline.db" <"$WORK/ctl" >"$WORK/sim.out" 2>"$WORK/sim.err" &
  SIM=$!
  exec 3>"$WORK/ctl"
  until grep -q '^ready$' "$WORK/sim.out"; do
    kill -0 $SIM 2>/dev/null || { cat "$WORK/sim.err"; exit 1; }
    sleep 0.5
  done
  run_round first
  echo "advance PT3H" >&3
  sleep 1
  run_round recheck --all
  echo quit >&3
  exec 3>&-
  wait $SIM || true
  echo "         store: $(du -sh "$WORK/redline.db" | cut -f1) SQLite, $(du -sh "$WORK/warc" | cut -f1) WARC"
  rm -rf "$WORK"
done
