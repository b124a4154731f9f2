#!/usr/bin/env bash
# Issue 16's hostile pages (bench/src/main/java/dev/redline/bench/HostilePages.java), each in a
# fresh JVM under the -Xmx512m budget of poll and serve: Redline's extraction beside a plain full
# jsoup parse (the peer). Then the soak profile (30 simulated minutes with faults and kill -9s).
# Prints the figures that go to BENCHMARKS.md under "## Hardening".
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"

./mvnw -B -q -o -pl bench -am package -DskipTests
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in wide deep; do
  for engine in redline jsoup; do
    "$java" -Xmx512m -cp bench/target/benchmarks.jar dev.redline.bench.HostilePages "$page" "$engine"
  done
done
[[ "${SKIP_SOAK:-}" == 1 ]] && exit 0
./mvnw -B -q -o -pl app -am -Psoak test -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false
cat app/target/soak.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
