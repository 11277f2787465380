#!/usr/bin/env bash
# Measures the packaged portal: seconds from launch to the first HTTP 200 on /login, with a
# fresh data directory (first start: initdb, migrations, demo data) and with an existing one
# (restart), and the resident memory (RSS) of the JVM and of its PostgreSQL after the login page
# was served and the process sat idle.
#
#   bench/startup.sh [runs] [launcher]   (build first: ./mvnw -DskipTests package)
#
# launcher: "bin" (default) starts bin/engawa, the README's way (extracted jar, AOT cache, small
# heap); "jar" starts a plain `java -jar` with the JVM's defaults.
#
# Results go to stdout as a Markdown table, for docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
launcher="${2:-bin}"
jar=portal/target/engawa-portal.jar
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f "$jar" ] || { echo "Build first: ./mvnw -DskipTests package" >&2; exit 1; }
port=18080
idle_seconds=20

now() { date +%s.%N; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
postgres_rss_mb() {
  # the postmaster and its children, found through the data directory's pid file
  local pidfile="$1/postgres/postmaster.pid" total=0
  [ -f "$pidfile" ] || { echo 0; return; }
  local master; master=$(head -1 "$pidfile")
  for pid in $master $(pgrep -P "$master" || true); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

measure() { # $1 = data dir; prints "seconds jvm_rss pg_rss"
  local data="$1" start pid elapsed
  start=$(now)
  if [ "$launcher" = jar ]; then
    ENGAWA_DATA_DIR="$data" SERVER_PORT=$port "$java" -jar "$jar" >"$data.log" 2>&1 &
  else
    ENGAWA_DATA_DIR="$data" SERVER_PORT=$port bin/engawa >"$data.log" 2>&1 &
  fi
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/login"; do
    kill -0 "$pid" 2>/dev/null || { echo "portal died, see $data.log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(echo "$(now) - $start" | bc)
  sleep "$idle_seconds"
  echo "$elapsed $(rss_mb "$pid") $(postgres_rss_mb "$data")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # graceful shutdown: wait until the process is gone and the port is free again
  while kill -0 "$pid" 2>/dev/null || ss -ltn | grep -q ":$port "; do sleep 0.2; done
}

if [ "$launcher" = bin ]; then
  # the one-time extraction and AOT training of a new build happen here, untimed
  warmup=$(mktemp -d)
  measure "$warmup" >/dev/null
  rm -rf "$warmup" "$warmup.log"
fi
echo "launcher: $launcher; $(nproc) cores; $("$java" -version 2>&1 | head -1)"
echo
echo "| run | first start (s) | restart (s) | JVM RSS idle (MB) | PostgreSQL RSS idle (MB) |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d /tmp/engawa-bench-XXXX)
  read -r first _ _ < <(measure "$data")
  read -r again jvm pg < <(measure "$data")
  printf "| %s | %.1f | %.1f | %s | %s |\n" "$run" "$first" "$again" "$jvm" "$pg"
  rm -rf "$data" "$data.log"
done
