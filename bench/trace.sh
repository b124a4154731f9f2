#!/usr/bin/env bash
# Trace index benchmark: builds the index over N synthetic versions in a real SQLite file and
# measures query latency p50/p99 against a brute-force scan. Figures go to BENCHMARKS.md ("Trace").
#   bench/trace.sh                      # 1,000,000 versions
#   bench/trace.sh --versions 100000    # a smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [[ ! -f bench/target/benchmarks.jar || -n "$(find core/src app/src/main bench/src -newer bench/target/benchmarks.jar -type f | head -1)" ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
mkdir -p bench/out
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -cp bench/target/benchmarks.jar \
  dev.redline.bench.TraceIndexBench --db bench/out/trace-bench.db "$@"
