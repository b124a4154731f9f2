#!/usr/bin/env bash
# Byte-identity check for extraction speed work: dumps everything Redline's extractor gives for every
# page of both extraction sets in ../shared/bench/extraction (EXTRACTION_BENCH to override) to
# OUT/scrapinghub.jsonl and OUT/multilingual.jsonl (dev.redline.bench.ExtractionDump: metadata,
# blocks with kinds, verdict, the learning lines), and with BASELINE=DIR (an earlier OUT) compares
# them byte for byte, printing the first differing pages. SKIP_BUILD=1 reuses bench/target/benchmarks.jar.
# Usage: [BASELINE=DIR] bench/extraction-identity.sh OUT
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${EXTRACTION_BENCH:-$here/../shared/bench/extraction}"
out="${1:?usage: [BASELINE=DIR] bench/extraction-identity.sh OUT}"
[[ -f "$bench/scrapinghub/ground-truth.json" ]] || { echo "extraction-identity.sh: benchmark not found at $bench" >&2; exit 2; }
if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$out"
[[ -n "${SKIP_BUILD:-}" ]] || (cd "$here" && ./mvnw -B -q -o -pl bench -am package -DskipTests >&2)
jar="$here/bench/target/benchmarks.jar"
"$java" -Xss4m -cp "$jar" dev.redline.bench.ExtractionDump "$bench/scrapinghub/html" "$out/scrapinghub.jsonl" \
  "$bench/scrapinghub/ground-truth.json" 2> >(grep -v ' ERROR \| at \|^java\.' >&2)
"$java" -Xss4m -cp "$jar" dev.redline.bench.ExtractionDump "$bench/multilingual/html" "$out/multilingual.jsonl" \
  "$bench/multilingual/segments.json" 2> >(grep -v ' ERROR \| at \|^java\.' >&2)
[[ -n "${BASELINE:-}" ]] || exit 0
status=0
for set in scrapinghub multilingual; do
  if cmp -s "$BASELINE/$set.jsonl" "$out/$set.jsonl"; then
    echo "$set: identical ($(wc -l < "$out/$set.jsonl") pages)"
  else
    status=1
    echo "$set: DIFFERENT; pages that differ:"
    python3 - "$BASELINE/$set.jsonl" "$out/$set.jsonl" <<'PY'
import json, sys
a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
ids = [json.loads(x)["id"] for x, y in zip(a, b) if x != y]
print("  %d of %d pages differ (line counts %d / %d): %s" % (len(ids), len(a), len(a), len(b), " ".join(ids[:20])))
PY
  fi
done
exit $status
