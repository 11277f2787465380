#!/usr/bin/env bash
# Notifications: one notice to 10,000 people (inbox rows and e-mails, until a local SMTP server has them
# all) beside a plain SQL insert, and the bell's unread count with a million notifications stored.
# Prints a Markdown table for docs/PERFORMANCE.md.
#
#   bench/notifications.sh [-Drecipients=10000] [-Dstored=1000000] [-Dreads=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -pl portal -am -DskipTests install >/dev/null 2>&1 || ./mvnw -q -pl portal -am -DskipTests install
./mvnw -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$java" -version 2>&1 | head -1)"
# from portal/, so that Vaadin's development mode writes its generated files where they are ignored
cd portal
exec "$java" -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  engawa.portal.bench.NotificationBenchmark
