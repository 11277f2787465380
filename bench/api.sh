#!/usr/bin/env bash
# The API's own overhead at 22,200 catalog entities: each read over HTTP with a member's API token,
# beside a bare request through the same server, the same read with the admin token (no token
# lookup), the service call inside the JVM and the SQL under it, all in one run. Generates the
# catalog with the shared tool (needs Node.js). Prints a Markdown table for docs/PERFORMANCE.md.
#
#   bench/api.sh [-Druns=3000] [-Dwarmup=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tool="$(pwd)/../shared/tools/gen-backstage-catalog.mjs"
data="$(pwd)/target/bench-catalog"
mkdir -p "$data"
[ -f "$data/small/manifest.json" ] || node "$tool" "$data/small" >/dev/null
./mvnw -q -o -pl portal -am -DskipTests install >/dev/null 2>&1 || ./mvnw -q -pl portal -am -DskipTests install
./mvnw -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
cd portal
# bin/engawa's JVM options, so that the figures are the portal's as shipped
exec "$java" -Xmx1g -XX:+UseSerialGC -Xms64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 "$@" -Dsmall="$data/small" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" engawa.portal.bench.ApiBenchmark
