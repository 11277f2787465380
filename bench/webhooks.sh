#!/usr/bin/env bash
# Webhook delivery: signed, durable deliveries per second from the outbox to a loopback receiver,
# next to a bare OkHttp loop in the same run, and the delay from commit to arrival at a steady
# 100 events/s. Prints a Markdown table for docs/PERFORMANCE.md.
#
#   bench/webhooks.sh [-Devents=50000] [-DinFlight=32] [-DrateSeconds=30] [-Dworkers=4] [-Dbatch=250] [-DmaxInFlight=64]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -pl portal -am -DskipTests install >/dev/null 2>&1 || ./mvnw -q -pl portal -am -DskipTests install
./mvnw -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
# from portal/, so that Vaadin's development mode writes its generated files where they are ignored
cd portal
exec "$java" -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  engawa.portal.bench.WebhookBenchmark
