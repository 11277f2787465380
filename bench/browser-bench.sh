#!/usr/bin/env bash
# Runs one of the browser benchmarks (a main class in e2e-tests' test sources, with Playwright):
# builds what it needs, prints the machine, then the benchmark's table. Used by pages.sh, memory.sh.
#
#   bench/browser-bench.sh <class in engawa.e2e> [JVM options, e.g. -Druns=30]
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark="$1"
shift
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -DskipTests -Ddeploy.check.skip=true install >/dev/null 2>&1 || ./mvnw -q -DskipTests install
./mvnw -q -o -pl e2e-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
./mvnw -q -o -pl e2e-tests test-compile >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
cd e2e-tests
exec "$java" "$@" -cp "target/test-classes:$(cat target/bench.classpath)" "engawa.e2e.$benchmark"
