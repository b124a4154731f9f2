#!/usr/bin/env bash
# Diff benchmark: Redline (JMH) and the peer method (Python difflib.ndiff over sentences) on the
# same generated pairs, plus the alignment F1 of both on the hand-labelled set. Prints the figures
# that go to BENCHMARKS.md under "## Diff". Takes a few minutes; JMH runs are kept short.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out=bench/target/diff
labelled=core/src/test/resources/diff-labelled
mkdir -p "$out"

./mvnw -B -q -pl bench -am package -DskipTests
python3 bench/diff/ndiff_peer.py export-labelled "$labelled" "$out/labelled.json"
"$JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar dev.redline.bench.DiffBenchPairs \
  "$out/pairs.json" "$out/labelled.json" "$out/redline-labelled.json"

echo "== peer: python3 difflib.ndiff ($(python3 --version 2>&1))"
python3 bench/diff/ndiff_peer.py report "$out/pairs.json" "$labelled" "$out/redline-labelled.json" | tee "$out/peer.txt"

echo "== redline: JMH"
"$JAVA_HOME/bin/java" -jar bench/target/benchmarks.jar 'dev.redline.bench.DiffBenchmark' \
  -f1 -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$out/jmh.json" | tail -5

python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(f"{out}/jmh.json"))}
peer = open(f"{out}/peer.txt").read()
peer_speed = float(re.search(r"typical pairs/s:\s+([\d.]+)", peer).group(1))
full = jmh["typicalPairs"]["score"]
align = jmh["typicalAlignment"]["score"]
print("== summary")
print(f"redline compare (split + align), typical pairs/s: {full:,.0f}  ({full / peer_speed:.1f}x peer)")
print(f"redline ops (align only, peer's input), pairs/s:  {align:,.0f}  ({align / peer_speed:.1f}x peer)")
print(f"peer ndiff, typical pairs/s:                      {peer_speed:,.0f}")
print(f"redline 5,000-sentence page: {jmh['fiveThousandSentences']['score']:.1f} ms/op")
for line in peer.splitlines():
    if "F1" in line:
        print(line)
PY
