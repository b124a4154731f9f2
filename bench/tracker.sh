#!/usr/bin/env bash
# Tracker throughput against the newsroom simulator on loopback.
#
#   bench/tracker.sh [ARTICLE_COUNTS...]        (default: 10000)
#
# For each count N and each build (this tree's jar, and BASE_JAR when set: a same-run baseline,
# e.g. the previous commit built into /work/data-trackscale/base) and each trace mode (TRACE="off on"
# by default; a baseline without the --no-trace-index option runs "on" only):
# a generated newsroom of N articles on 20 simulated sites runs in its own JVM
# (dev.redline.sim.SimulatorMain, virtual time); a fresh SQLite store gets the sites as sources.
#   round 1 (first):   `redline poll --once` discovers all N articles from the RSS feeds and checks
#                      each (fetch, WARC, extraction, store, index) -> N first versions;
#   round 2 (recheck): the simulator moves 3 virtual hours on (many stories change), then
#                      `redline poll --once --all` re-checks every article (conditional GET,
#                      extraction, comparison, diff for changed ones) -> new versions, 304s otherwise.
# Reported per round: checks, seconds, checks/s, new versions, the tracker's CPU time (user+sys from
# /usr/bin/time, JVM start-up included) per check, the simulator's CPU per check over the same round
# (from /proc), the tracker's max RSS, and the load average at the end of the round. On a shared
# machine wall-clock rates understate what 2 free cores do; CPU ms per check, and the ratio to the
# baseline measured in the same run, are the steadier figures.
# Host delay 0 (loopback), 4 worker threads (WORKERS=N), tracker heap TRACKER_HEAP (default 512m).
# SKIP_BUILD=1 reuses the jar (NEW_JAR=FILE measures that one instead); JFR=DIR records a flight recording of every tracker round into DIR.
# ARCHIVE=FILE starts each store as a copy of a generated archive (bench/archive.sh, e.g. 1 M versions)
# instead of an empty one, so the rounds run beside a large stored history (memory: TRACKER_HEAP=512m).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
COUNTS=("$@")
[ ${#COUNTS[@]} -eq 0 ] && COUNTS=(10000)
SITES=20
WORKERS=${WORKERS:-4}
TRACKER_HEAP=${TRACKER_HEAP:-512m}
TRACE=${TRACE:-off on}
TICKS=$(getconf CLK_TCK)

# clean: a resource moved in the sources must not linger in target/ (Flyway would see it twice)
[ -n "${SKIP_BUILD:-}" ] || rm -rf core/target app/target
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -o -pl app -am package -DskipTests
JARS=("new=${NEW_JAR:-$PWD/app/target/redline.jar}")
[ -z "${BASE_JAR:-}" ] || JARS=("base=$BASE_JAR" "${JARS[@]}")
[ -z "${JFR:-}" ] || mkdir -p "$JFR"

sim_cpu() { # user+sys seconds of the simulator process so far
  awk -v t="$TICKS" '{print ($14 + $15) / t}' "/proc/$SIM/stat"
}

run_round() { # build, trace, label, extra poll args...
  local build=$1 trace=$2 label=$3; shift 3
  local log opts=() sim0 sim1
  log=$(mktemp)
  [ -z "${JFR:-}" ] || opts+=("-XX:StartFlightRecording=filename=$JFR/$N-$build-$trace-$label.jfr,settings=profile")
  [ "$trace" = on ] || set -- "$@" --no-trace-index
  sim0=$(sim_cpu)
  /usr/bin/time -v "$JAVA" -Xmx"$TRACKER_HEAP" "${opts[@]}" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
      --db "$WORK/redline.db" --data "$WORK" poll --once --host-delay 0 --allow-private-network \
      --workers "$WORKERS" "$@" 2>"$log" >/dev/null || { tail -20 "$log"; exit 1; }
  sim1=$(sim_cpu)
  local summary rss cpu checks versions secs
  summary=$(grep '^poll: .* in [0-9.]* s$' "$log" | tail -1)
  rss=$(awk '/Maximum resident set size/ {print int($6/1024)}' "$log")
  cpu=$(awk '/User time \(seconds\)/ {u=$4} /System time \(seconds\)/ {s=$4} END {print u+s}' "$log")
  checks=$(sed -E 's/.* ([0-9]+) checks:.*/\1/' <<<"$summary")
  versions=$(sed -E 's/.*checks: ([0-9]+) new versions.*/\1/' <<<"$summary")
  secs=$(sed -E 's/.* in ([0-9.]+) s$/\1/' <<<"$summary")
  printf '%-7s %-5s trace=%-3s %-8s checks=%-7s %7.1f s %7.1f checks/s versions=%-7s tracker cpu=%6.1f s (%.2f ms/check) sim cpu %.2f ms/check  maxRSS=%s MB  load %s\n' \
      "$N" "$build" "$trace" "$label" "$checks" "$secs" "$(echo "$checks / $secs" | bc -l)" "$versions" \
      "$cpu" "$(echo "1000 * $cpu / $checks" | bc -l)" "$(echo "1000 * ($sim1 - $sim0) / $checks" | bc -l)" \
      "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)"
  rm -f "$log"
}

for N in "${COUNTS[@]}"; do
  for entry in "${JARS[@]}"; do
    build=${entry%%=*}
    JAR=${entry#*=}
    for trace in $TRACE; do
      if [ "$trace" = off ] && ! unzip -p "$JAR" 'dev/redline/cli/PollCommand.class' | grep -aq no-trace-index; then
        continue # a build before --no-trace-index always indexes
      fi
      WORK=$(mktemp -d "${WORK_ROOT:-/tmp}/tracker-bench.XXXXXX")
      [ -z "${ARCHIVE:-}" ] || cp "$ARCHIVE" "$WORK/redline.db"
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
      run_round "$build" "$trace" first
      echo "advance PT3H" >&3
      sleep 1
      run_round "$build" "$trace" recheck --all
      echo quit >&3
      exec 3>&-
      wait $SIM || true
      echo "        store: $(du -sh "$WORK/redline.db" | cut -f1) SQLite, $(du -sh "$WORK/warc" | cut -f1) WARC"
      rm -rf "$WORK"
    done
  done
done
