#!/usr/bin/env bash
# Spark edits benchmark: a synthetic archive of ARTICLES articles (about 3 version pairs each) in
# the export history shape; the NewsEdits rows built by the single-machine path (one thread, as
# `redline export --format newsedits`) and by `./redline-spark edits` on local[1] and local[2], in
# the same run. Figures go to BENCHMARKS.md ("Spark").
#   bench/spark.sh                 # 333,000 articles, about 1 M version pairs
#   bench/spark.sh 20000           # a smaller run
# Data (archive, outputs, GC logs, the jars run) go to $SPARK_BENCH_DATA (default /work/data-spark),
# never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
articles=${1:-333000}
heap=${SPARK_BENCH_HEAP:-2g}
data=${SPARK_BENCH_DATA:-/work/data-spark}
out=$data/spark-$articles
mkdir -p "$out/jars"
./mvnw -B -q -pl bench,spark -am package -DskipTests
# the jars this run uses, copied: editing the sources meanwhile rebuilds nothing under it
cp bench/target/benchmarks.jar spark/target/redline-spark.jar spark/target/spark-classpath.txt "$out/jars/"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$out/jars/benchmarks.jar" dev.redline.bench.NewsEditsBench)
[[ -f "$data/archive-$articles.jsonl" ]] || "${java[@]}" generate "$data/archive-$articles.jsonl" "$articles"
archive=$data/archive-$articles.jsonl
timing="wall %e s, CPU %U+%S s, max RSS %M KB"
# the largest heap left after a collection, from a -Xlog:gc file (the live data's high-water mark)
peak_after_gc() { grep -o -- '->[0-9]*M' "$1" | tr -d '>M-' | sort -n | tail -1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

spark() {
  local cores=$1
  echo "== spark local[$cores] (driver = executor, -Xmx$heap); load $(load)"
  REDLINE_SPARK_HOME="$out/jars" REDLINE_SPARK_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$out/gc-$cores.log" \
    /usr/bin/time -f "$timing" ./redline-spark edits --input "$archive" --output "$out/spark-$cores" \
    --master "local[$cores]" --partitions 8 2>&1 | grep -E "^redline-spark|^wall"
  echo "heap after GC, peak: $(peak_after_gc "$out/gc-$cores.log") MB; load $(load)"
}
# local[2] first: the figure the issue asks for comes before the load changes most
spark 2
echo "== single machine (one thread, -Xmx$heap); load $(load)"
/usr/bin/time -f "$timing" "$JAVA_HOME/bin/java" -Xmx"$heap" -Xlog:gc:file="$out/gc-single.log" \
  --enable-native-access=ALL-UNNAMED -cp "$out/jars/benchmarks.jar" \
  dev.redline.bench.NewsEditsBench export "$archive" "$out/export.jsonl"
echo "heap after GC, peak: $(peak_after_gc "$out/gc-single.log") MB; load $(load)"
spark 1
