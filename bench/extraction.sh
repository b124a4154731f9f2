#!/usr/bin/env bash
# Extraction benchmark: Redline against Mozilla Readability on the Scrapinghub article set.
#
# Reads the benchmark from ../shared/bench/extraction (EXTRACTION_BENCH to override; nothing of it is
# copied into the repo), builds the application jar, runs `redline extract` over all pages in ONE JVM
# with --out, scores the result with the benchmark's evaluate.py, and in the same run installs and
# times Readability.js 0.6.0 on jsdom 27.0.0 (cssstyle pinned to 5.3.1) on the same pages. Both are
# pinned to one CPU (CPU=0 by default) and run one page at a time.
#
# Speed: the CLI's own summary times `Extractor.extract` (decode, parse, extract) in wall-clock and
# counts the process's CPU time; the steady-state (warm) rate is the difference between two runs
# over the pages repeated LOW_PASSES (1) and HIGH_PASSES (4) times. CPU-seconds make the figure fair
# on a shared machine; Readability's peer counts them the same way (process.cpuUsage) on its warm
# pass. Output: a Markdown table on stdout, files under WORK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${EXTRACTION_BENCH:-$here/../shared/bench/extraction}"
work="${WORK:-$(mktemp -d /tmp/redline-extraction.XXXXXX)}"
peer="${READABILITY_DIR:-/tmp/redline-readability}"
cpu="${CPU:-0}"
html="$bench/scrapinghub/html"
truth="$bench/scrapinghub/ground-truth.json"
[[ -f "$truth" && -d "$html" ]] || { echo "extraction.sh: benchmark not found at $bench" >&2; exit 2; }
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$work"

echo "== building the jar" >&2
(cd "$here" && ./mvnw -B -q -pl app -am package -DskipTests >&2)
jar="$here/app/target/redline.jar"
pages=("$html"/*.html.gz)

echo "== redline: scored run (${#pages[@]} pages, one JVM, CPU $cpu)" >&2
rm -rf "$work/redline"
taskset -c "$cpu" "$java" -XX:+UseSerialGC -Xss4m -jar "$jar" extract "${pages[@]}" --out "$work/redline" 2> "$work/redline.log"
grep '^extract: .* in ' "$work/redline.log" >&2
python3 "$here/bench/extraction/predictions.py" "$work/redline" "$work/redline.json" >&2

# Warm speed: two runs over the pages repeated LOW and HIGH times; the difference in time over the
# difference in pages is the steady-state rate, free of JVM start-up and JIT warm-up.
speed_run() { # $1 = passes; prints "pages wall_seconds cpu_seconds"
  local repeated=() i
  for ((i = 0; i < $1; i++)); do repeated+=("${pages[@]}"); done
  rm -rf "$work/redline-speed"
  taskset -c "$cpu" "$java" -XX:+UseSerialGC -Xss4m -jar "$jar" extract "${repeated[@]}" --out "$work/redline-speed" 2> "$work/redline-speed-$1.log"
  grep '^extract: .* in ' "$work/redline-speed-$1.log" >&2
  grep '^extract: .* in ' "$work/redline-speed-$1.log" \
    | sed -E 's/^extract: ([0-9]+) pages.* ([0-9.]+) pages\/s extracting, ([0-9.]+) pages per CPU-second.*/\1 \2 \3/' \
    | awk '{ printf "%d %.4f %.4f\n", $1, $1 / $2, $1 / $3 }'
}
low="${LOW_PASSES:-1}"
high="${HIGH_PASSES:-4}"
echo "== redline: speed, pages x $low and x $high in one JVM each" >&2
read -r n1 wall1 cpu1 < <(speed_run "$low")
read -r n2 wall2 cpu2 < <(speed_run "$high")
redline_rate="$(awk -v n1="$n1" -v n2="$n2" -v a="$wall1" -v b="$wall2" 'BEGIN { printf "%.1f", (n2 - n1) / (b - a) }')"
redline_cpu="$(awk -v n1="$n1" -v n2="$n2" -v a="$cpu1" -v b="$cpu2" 'BEGIN { printf "%.1f", (n2 - n1) / (b - a) }')"
redline_first="$(grep '^extract: .* in ' "$work/redline.log" | sed -E 's/.* ([0-9.]+) pages\/s extracting.*/\1/')"

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
echo "== readability.js: 2 passes, CPU $cpu" >&2
(cd "$peer" && taskset -c "$cpu" node readability.mjs "$html" "$truth" "$work/readability.json" "$work/readability.timing.json" 2) >&2

echo "== scoring" >&2
python3 "$bench/evaluate.py" "$truth" "$work/redline.json" "$work/readability.json" --json "$work/metrics.json" --per-page "$work/readability.pages.tsv" >&2
python3 "$bench/evaluate.py" "$truth" "$work/redline.json" --per-page "$work/redline.pages.tsv" > /dev/null

python3 - "$work" "$redline_rate" "$redline_first" "$redline_cpu" <<'PY'
import json, sys, pathlib
work, redline_rate, redline_first, redline_cpu = (pathlib.Path(sys.argv[1]), float(sys.argv[2]),
                                                  float(sys.argv[3]), float(sys.argv[4]))
metrics = json.loads((work / "metrics.json").read_text())
timing = json.loads((work / "readability.timing.json").read_text())
def find(stem):
    if stem not in metrics:
        raise SystemExit(f"no metrics for {stem} in {work/'metrics.json'}")
    return metrics[stem]
def cell(m, key):
    return f"{m[key]:.3f} ± {m[key + '_std']:.3f}"
r, p = find("redline"), find("readability")
peer_warm = timing["pages_per_second_warm"]
peer_cpu = timing["pages_per_cpu_second_warm"]
print("| extractor | F1 | precision | recall | accuracy | pages/s wall, one core (first pass) | pages per CPU-second |")
print("|---|---|---|---|---|---|---|")
print(f"| Redline 0.1 | {cell(r,'f1')} | {cell(r,'precision')} | {cell(r,'recall')} | {cell(r,'accuracy')} | {redline_rate:.1f} ({redline_first:.1f}) | {redline_cpu:.1f} |")
print(f"| Readability.js 0.6.0 + jsdom 27.0.0 | {cell(p,'f1')} | {cell(p,'precision')} | {cell(p,'recall')} | {cell(p,'accuracy')} | {peer_warm:.1f} ({timing['pages_per_second_first_pass']:.1f}) | {peer_cpu:.1f} |")
print("\nRedline: steady-state rate from two runs (pages x LOW and x HIGH), first pass in parentheses;")
print("Readability: its warm second pass, first pass in parentheses. CPU-seconds count the whole process.")
print(f"speed ratio: {redline_rate / peer_warm:.1f}x wall-clock, {redline_cpu / peer_cpu:.1f}x per CPU-second; files in {work}")
PY
