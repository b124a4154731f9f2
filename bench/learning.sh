#!/usr/bin/env bash
# Per-source learned boilerplate (issue 9): leave-one-out per site on the Scrapinghub set (sites with
# two pages learn from the other one) and a simulated local paper through the simulator, each beside
# the generic extraction of the same pages, scored by the Scrapinghub evaluate.py. Data from
# ../shared/bench/extraction (EXTRACTION_BENCH to override); output under WORK (default
# /work/data-boiler/learning), never in the repository. STORIES simulated articles (default 60).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${EXTRACTION_BENCH:-$here/../shared/bench/extraction}"
work="${WORK:-/work/data-boiler/learning}"
stories="${STORIES:-60}"
[[ -f "$bench/scrapinghub/ground-truth.json" ]] || { echo "learning.sh: benchmark not found at $bench" >&2; exit 2; }
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$work/scrapinghub" "$work/sim"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
(cd "$here" && ./mvnw -B -q -o -pl bench -am package -DskipTests >&2)
jar="$here/bench/target/benchmarks.jar"
"$java" -cp "$jar" dev.redline.bench.LearnedBoilerplateBench scrapinghub "$bench/scrapinghub/html" \
  "$bench/scrapinghub/ground-truth.json" "$work/scrapinghub" 2> >(grep -v ' INFO \| WARN ' >&2)
"$java" -cp "$jar" dev.redline.bench.LearnedBoilerplateBench sim "$work/sim" "$stories" 2> >(grep -v ' INFO \| WARN ' >&2)
s="$work/scrapinghub"
# the multi-page sites' pages split like the extraction bench's parts (site hash, bench/extraction/score.py)
python3 - "$here/bench/extraction" "$s" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1])
import score
truth = json.load(open(f"{sys.argv[2]}/ground-truth-multi.json"))
for part in ("dev", "held-out"):
    json.dump(score.part_of(truth, part), open(f"{sys.argv[2]}/ground-truth-multi-{part}.json", "w"))
PY
echo "== Scrapinghub, all 181 pages (one-page sites unchanged)"
python3 "$bench/evaluate.py" "$bench/scrapinghub/ground-truth.json" "$s/generic.json" "$s/learned-default.json" "$s/learned-one-article.json"
echo "== Scrapinghub, pages of sites with two pages, leave-one-out"
python3 "$bench/evaluate.py" "$s/ground-truth-multi.json" "$s/generic.json" "$s/learned-default.json" "$s/learned-one-article.json" --allow-missing \
  --per-page "$s/one-article.tsv"
for part in dev held-out; do
  echo "== Scrapinghub, multi-page sites, $part part"
  python3 "$bench/evaluate.py" "$s/ground-truth-multi-$part.json" "$s/generic.json" "$s/learned-default.json" "$s/learned-one-article.json"
done
echo "== simulated local paper, $stories articles in publication order"
python3 "$bench/evaluate.py" "$work/sim/ground-truth.json" "$work/sim/generic.json" "$work/sim/learned-default.json" "$work/sim/learned-no-rescue.json"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
