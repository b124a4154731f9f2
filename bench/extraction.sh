#!/usr/bin/env bash
# Extraction benchmark: Redline beside readability4j 1.0.8 and boilerpipe 1.2.2 (in the same JVM) and
# Readability.js 0.6.0 (Node), on both sets in ../shared/bench/extraction (EXTRACTION_BENCH to
# override; nothing of them is copied into the repo): the Scrapinghub article set (181 pages, its
# evaluate.py) and the multilingual set (990 pages, its score.py).
#
# Each set is scored on a dev part (~70 %) and a held-out part (~30 %), split by a hash of the site
# (bench/extraction/score.py), and in full. The Java extractors run in one JVM per set
# (dev.redline.bench.ExtractionPeers), each over all pages PASSES (3; PASSES_MULTILINGUAL, 3, on the
# large set) times in turn; their last pass is timed in process CPU time (timing.json also gives every
# pass's CPU, the extracting thread's CPU and the JIT's compilation time over the timed pass: with two
# passes the JIT was still compiling Redline's code during the second, about 40 % of its CPU there). Readability.js runs the Scrapinghub pages twice (the warm pass timed the
# same way, process.cpuUsage) and the multilingual pages once (RJS_PASSES_MULTILINGUAL), each page in a
# worker thread: a page that takes over RJS_TIMEOUT wall seconds (60) or crashes the worker is skipped,
# scored as empty and counted in the report; a run resumed with the same WORK keeps its Readability.js results. Everything is pinned to one CPU (CPU=0 by default). Output: the Markdown
# tables on stdout, files under WORK. JAR=FILE runs a copied bench jar instead of building one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${EXTRACTION_BENCH:-$here/../shared/bench/extraction}"
work="${WORK:-$(mktemp -d /tmp/redline-extraction.XXXXXX)}"
peer="${READABILITY_DIR:-/tmp/redline-readability}"
cpu="${CPU:-0}"
passes="${PASSES:-3}"                            # Java passes on the 181-page set
passes_multilingual="${PASSES_MULTILINGUAL:-3}"  # and on the 990-page set (2 left the JIT compiling in the timed pass)
rjs_timeout="${RJS_TIMEOUT:-60}"                 # Readability.js: wall seconds per page before it is skipped
[[ -f "$bench/scrapinghub/ground-truth.json" && -f "$bench/multilingual/segments.json" ]] \
  || { echo "extraction.sh: benchmark not found at $bench" >&2; exit 2; }
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$work"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/load.txt" >&2

if [[ -n "${JAR:-}" ]]; then
  jar="$JAR"   # a copied bench jar: a build in the worktree meanwhile cannot replace it under the running JVM
else
  echo "== building the benchmark jar" >&2
  (cd "$here" && ./mvnw -B -q -pl bench -am package -DskipTests >&2)
  jar="$here/bench/target/benchmarks.jar"
fi

echo "== readability.js: install into $peer" >&2
mkdir -p "$peer"
cat > "$peer/package.json" <<'JSON'
{"name":"redline-readability-peer","private":true,
 "dependencies":{"@mozilla/readability":"0.6.0","jsdom":"27.0.0"},
 "overrides":{"cssstyle":"5.3.1"}}
JSON
if [[ ! -d "$peer/node_modules/jsdom" || ! -d "$peer/node_modules/@mozilla/readability" ]]; then
  (cd "$peer" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
cp "$here/bench/extraction/readability.mjs" "$peer/"

# Readability.js first: it is by far the slowest, and a run resumed with the same WORK keeps its results
for set in scrapinghub multilingual; do
  urls="$bench/scrapinghub/ground-truth.json"
  [[ "$set" == multilingual ]] && urls="$bench/multilingual/segments.json"
  mkdir -p "$work/$set"
  # two passes (the second timed warm) on the small set; on the large one a single pass already
  # amortises the warm-up, and two would take an hour of CPU 0 on a busy machine
  rjs_passes=2
  [[ "$set" == multilingual ]] && rjs_passes="${RJS_PASSES_MULTILINGUAL:-1}"
  if [[ ! -s "$work/$set/readability.timing.json" ]]; then
    echo "== $set: readability.js ($rjs_passes passes, CPU $cpu)" >&2
    (cd "$peer" && taskset -c "$cpu" node readability.mjs "$bench/$set/html" "$urls" "$work/$set/readability.json" \
      "$work/$set/readability.timing.json" "$rjs_passes" "$rjs_timeout") >&2
  fi
done
echo "load average after readability.js: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/load.txt" >&2

for set in scrapinghub multilingual; do
  urls="$bench/scrapinghub/ground-truth.json"
  [[ "$set" == multilingual ]] && urls="$bench/multilingual/segments.json"
  set_passes="$passes"
  [[ "$set" == multilingual ]] && set_passes="$passes_multilingual"
  echo "== $set: Redline, readability4j, boilerpipe in one JVM ($set_passes passes each, CPU $cpu)" >&2
  taskset -c "$cpu" "$java" -XX:+UseSerialGC -Xss4m -cp "$jar" dev.redline.bench.ExtractionPeers \
    "$bench/$set/html" "$work/$set" "$set_passes" "$urls" 2> >(grep -v ' ERROR \| at \|^java\.' >&2)
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/load.txt" >&2

echo "== scoring" >&2
python3 "$here/bench/extraction/score.py" "$bench" --report "$work"
echo
cat "$work/load.txt"
echo "files in $work"
