#!/usr/bin/env bash
# The catalog at scale: import through the API (the generated 22,200-entity catalog in one request,
# then the 102,200-entity catalog as one .tar.gz), and the catalog and service page queries, each
# next to the same query as plain SQL in the same run. Generates its data with the shared tool
# (needs Node.js). Prints a Markdown table for docs/PERFORMANCE.md.
#
#   bench/catalog.sh [-Druns=1000] [-Dwarmup=200] [-Donly=small|large] [components, default 100000]
# -Donly=small or -Donly=large runs one import alone in a fresh JVM (large: without the queries), so
# that its memory figures are not the other import's heap in the same JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
components=100000
props=()
for a in "$@"; do case "$a" in -D*) props+=("$a") ;; *) components="$a" ;; esac; done
tool="$(pwd)/../shared/tools/gen-backstage-catalog.mjs"
data="$(pwd)/target/bench-catalog"
mkdir -p "$data"
[ -f "$data/small/manifest.json" ] || node "$tool" "$data/small" >/dev/null
[ -f "$data/large-$components/manifest.json" ] || node "$tool" "$data/large-$components" --components "$components" --files 10 >/dev/null
./mvnw -q -o -pl portal -am -DskipTests install >/dev/null 2>&1 || ./mvnw -q -pl portal -am -DskipTests install
./mvnw -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
cd portal
# the JVM options bin/engawa runs the portal with, so that resident memory is the portal's as shipped
exec "$java" -Xmx1g -XX:+UseSerialGC -Xms64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 "${props[@]}" -Dsmall="$data/small" -Dlarge="$data/large-$components" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" engawa.portal.bench.CatalogBenchmark
