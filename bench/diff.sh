#!/usr/bin/env bash
# Diff benchmark: Redline (JMH, plus a CPU-time harness) and the peer method (Python difflib.ndiff
# over sentences, bench/diff/ndiff_peer.py) on the same generated pairs, and the alignment F1 of
# both on the hand-labelled set (per set: tuned, held-out-1, dev, held-out-2, held-out-3, held-out-4, held-out-5). Prints the figures
# that go to BENCHMARKS.md under "## Diff", with the load average at the start and the end.
# Takes a few minutes; JMH runs are kept short.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
out=bench/target/diff
labelled=core/src/test/resources/diff-labelled
mkdir -p "$out"

echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -pl bench -am package -DskipTests
python3 bench/diff/ndiff_peer.py export-labelled "$labelled" "$out/labelled.json"
"$java" -cp bench/target/benchmarks.jar dev.redline.bench.DiffBenchPairs \
  "$out/pairs.json" "$out/labelled.json" "$out/redline-labelled.json"

echo "== peer: $(python3 --version 2>&1) difflib.ndiff, and F1 of both on the labelled set"
python3 bench/diff/ndiff_peer.py report "$out/pairs.json" "$labelled" "$out/redline-labelled.json" | tee "$out/figures.txt"
echo "== redline: CPU time of the measuring thread"
"$java" -cp bench/target/benchmarks.jar dev.redline.bench.DiffCpuTime | tee -a "$out/figures.txt"
echo "== redline: JMH (wall clock)"
"$java" -jar bench/target/benchmarks.jar 'dev.redline.bench.DiffBenchmark' \
  -f1 -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$out/jmh.json" | grep -E '^(Benchmark|DiffBenchmark)'
echo "== peer again, wall clock, right after JMH (load on this machine drifts)"
python3 bench/diff/ndiff_peer.py report "$out/pairs.json" "$labelled" "$out/redline-labelled.json" \
  | grep peer_wall | sed 's/^peer_wall/peer_wall_after/' | tee -a "$out/figures.txt"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
f = dict(line.split() for line in open(f"{out}/figures.txt") if len(line.split()) == 2)
f = {k: float(v) for k, v in f.items()}
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(f"{out}/jmh.json"))}
peer_wall = max(f["peer_wall_pairs_per_s"], f["peer_wall_after_pairs_per_s"])
print("== summary (pairs/s; x = times the peer)")
print(f"CPU time   redline ops (alignment of split sentences, the peer's input): {f['redline_ops_cpu_pairs_per_s']:>8,.0f}  {f['redline_ops_cpu_pairs_per_s'] / f['peer_cpu_pairs_per_s']:5.1f}x")
print(f"CPU time   redline compare from stored (split) versions, end to end:  {f['redline_stored_cpu_pairs_per_s']:>8,.0f}  {f['redline_stored_cpu_pairs_per_s'] / f['peer_cpu_pairs_per_s']:5.1f}x")
print(f"CPU time   redline compare from the kept form (texts + offsets, as read): {f['redline_kept_cpu_pairs_per_s']:>8,.0f}  {f['redline_kept_cpu_pairs_per_s'] / f['peer_cpu_pairs_per_s']:5.1f}x")
print(f"CPU time   redline compare from raw text (splitting + all the above):  {f['redline_compare_cpu_pairs_per_s']:>8,.0f}  {f['redline_compare_cpu_pairs_per_s'] / f['peer_cpu_pairs_per_s']:5.1f}x")
print(f"CPU time   peer ndiff:                                                  {f['peer_cpu_pairs_per_s']:>8,.0f}")
print(f"wall/JMH   redline ops:                                                 {jmh['typicalAlignment']:>8,.0f}  {jmh['typicalAlignment'] / peer_wall:5.1f}x")
print(f"wall/JMH   redline compare from stored:                                 {jmh['typicalStoredPairs']:>8,.0f}  {jmh['typicalStoredPairs'] / peer_wall:5.1f}x")
print(f"wall/JMH   redline compare from the kept form:                          {jmh['typicalKeptPairs']:>8,.0f}  {jmh['typicalKeptPairs'] / peer_wall:5.1f}x")
print(f"wall/JMH   redline compare from raw text:                               {jmh['typicalPairs']:>8,.0f}  {jmh['typicalPairs'] / peer_wall:5.1f}x")
print(f"wall       peer ndiff (best of before/after JMH):                       {peer_wall:>8,.0f}")
print(f"5,000-sentence page from stored: redline {f['redline_large_stored_cpu_ms']:.2f} ms CPU ({f['peer_large_cpu_ms'] / f['redline_large_stored_cpu_ms']:.1f}x), {jmh['fiveThousandStored']:.1f} ms wall (JMH); peer {f['peer_large_cpu_ms']:.1f} ms CPU")
print(f"5,000-sentence page from the kept form: redline {f['redline_large_kept_cpu_ms']:.2f} ms CPU ({f['peer_large_cpu_ms'] / f['redline_large_kept_cpu_ms']:.1f}x), {jmh['fiveThousandKept']:.1f} ms wall (JMH)")
print(f"5,000-sentence page from raw text: redline {f['redline_large_cpu_ms']:.1f} ms CPU, {jmh['fiveThousandSentences']:.1f} ms wall (JMH)")
print(f"5,000-sentence page rewritten throughout: redline {jmh['fiveThousandRewritten']:.0f} ms wall (JMH)")
print(f"alignment F1 on {f['labelled_pairs']:.0f} labelled pairs: redline {f['redline_f1']:.3f}, peer {f['peer_f1']:.3f}")
for name in ("tuned", "held_out_1", "dev", "held_out_2", "held_out_3", "held_out_4", "held_out_5"):
    print(f"  {name:<11} ({f['pairs_' + name]:.0f} pairs): redline {f['redline_f1_' + name]:.3f}, peer {f['peer_f1_' + name]:.3f}")
PY
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
