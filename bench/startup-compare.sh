#!/usr/bin/env bash
# Compares the restart time of two builds of the portal, started in turn (A, B, A, B, ...), so that
# both meet the same machine: a change of a few tenths of a second is lost in the spread between
# separate runs of bench/startup.sh, where the same build varies by 1-2 s from hour to hour.
#
#   bench/startup-compare.sh <root A> <root B> [pairs]
#
# A root is a checkout (or a copy of its bin/ and portal/target/engawa-portal.jar) that was built
# with ./mvnw -DskipTests package. Each is started with its own bin/engawa, so each makes its own
# AOT cache, once, untimed, on its own data directory (first start with demo data); then each pair
# times launch to the first HTTP 200 on /login for A and then B on their existing data directories.
# Prints a Markdown table and the mean of B - A. Uses port 18081; nothing else may run meanwhile.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,12p "$0" >&2; exit 2; }
roots=("$(cd "$1" && pwd)" "$(cd "$2" && pwd)")
pairs="${3:-8}"
port=18081
work=$(mktemp -d /tmp/engawa-compare-XXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
start() { # $1 = root, $2 = data dir; times launch to the first 200 on /login, then stops it
  local begin pid elapsed
  begin=$(now)
  ENGAWA_DATA_DIR="$2" SERVER_PORT=$port "$1/bin/engawa" >"$2.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/login"; do
    kill -0 "$pid" 2>/dev/null || { echo "portal died, see $2.log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(echo "$(now) - $begin" | bc)
  sleep 3
  kill "$pid"; wait "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null || ss -ltn | grep -q ":$port "; do sleep 0.2; done
  echo "$elapsed"
}

for i in 0 1; do
  [ -f "${roots[$i]}/portal/target/engawa-portal.jar" ] || { echo "Build ${roots[$i]} first" >&2; exit 1; }
  start "${roots[$i]}" "$work/data$i" >/dev/null # AOT cache and demo data, untimed
done
echo "A: ${roots[0]}; B: ${roots[1]}; $(nproc) cores"
echo
echo "| pair | A restart (s) | B restart (s) | B - A (s) |"
echo "|---|---|---|---|"
sum=0
for pair in $(seq 1 "$pairs"); do
  sleep 2
  a=$(start "${roots[0]}" "$work/data0")
  sleep 2
  b=$(start "${roots[1]}" "$work/data1")
  diff=$(echo "$b - $a" | bc)
  sum=$(echo "$sum + $diff" | bc)
  printf "| %s | %.2f | %.2f | %+.2f |\n" "$pair" "$a" "$b" "$diff"
done
echo
printf "Mean of B - A over %s pairs: %+.2f s\n" "$pairs" "$(echo "scale=3; $sum / $pairs" | bc)"
