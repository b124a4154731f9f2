#!/usr/bin/env bash
# Spark edits benchmark: a synthetic archive of ARTICLES articles (about 3 version pairs each) in
# the export history shape; the NewsEdits rows built by the single-machine path (one thread, as
# `redline export --format newsedits`) and by `./redline-spark edits` on local[1] and local[2], in
# the same run. Figures go to BENCHMARKS.md ("Spark").
#   bench/spark.sh                 # 333,000 articles, about 1 M version pairs
#   bench/spark.sh 20000           # a smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
articles=${1:-333000}
heap=${SPARK_BENCH_HEAP:-2g}
if [[ ! -f bench/target/benchmarks.jar || -n "$(find core/src app/src/main bench/src -newer bench/target/benchmarks.jar -type f | head -1)" ]]; then
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
out=bench/out/spark-$articles
mkdir -p "$out"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.redline.bench.NewsEditsBench)
[[ -f "$out/archive.jsonl" ]] || "${java[@]}" generate "$out/archive.jsonl" "$articles"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== single machine (one thread, -Xmx$heap)"
/usr/bin/time -f "wall %e s, CPU %U+%S s, max RSS %M KB" \
  "$JAVA_HOME/bin/java" -Xmx"$heap" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  dev.redline.bench.NewsEditsBench export "$out/archive.jsonl" "$out/export.jsonl"
for cores in 1 2; do
  echo "== spark local[$cores] (driver = executor, -Xmx$heap)"
  REDLINE_SPARK_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "wall %e s, CPU %U+%S s, max RSS %M KB" \
    ./redline-spark edits --input "$out/archive.jsonl" --output "$out/spark-$cores" --master "local[$cores]" --partitions $((cores * 4)) \
    2>&1 | grep -E "^redline-spark|^wall"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
