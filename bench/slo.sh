#!/usr/bin/env bash
# SLOs at scale: 1,000 SLOs with 30 days of 5-minute slices (8.6 million) sent through the API,
# the status of one SLO and the overview of all, each beside plain SQL in the same run.
# Prints a Markdown table for docs/PERFORMANCE.md.
#
#   bench/slo.sh [-Dslos=1000] [-DplainSlos=200] [-Dclients=4] [-DstatusCalls=1000] [-Doverviews=20]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -pl portal -am -DskipTests install >/dev/null 2>&1 || ./mvnw -q -pl portal -am -DskipTests install
./mvnw -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
# from portal/, so that Vaadin's development mode writes its generated files where they are ignored
cd portal
exec "$java" -Xmx2g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  engawa.portal.bench.SloBenchmark
