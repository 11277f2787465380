#!/usr/bin/env bash
# Page loads in Chromium (issue 21): the six pages people open most, loaded by address and reached
# by a click in the side navigation, beside a static file from the same server. Starts its own
# portal (the packaged jar, demo data) and uses Debian's Chromium where there is one.
#
#   bench/pages.sh [-Druns=30]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -DskipTests -Ddeploy.check.skip=true install >/dev/null 2>&1 || ./mvnw -q -DskipTests install
./mvnw -q -o -pl e2e-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
./mvnw -q -o -pl e2e-tests test-compile >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
cd e2e-tests
exec "$java" "$@" -cp "target/test-classes:$(cat target/bench.classpath)" engawa.e2e.PageLoadBenchmark
