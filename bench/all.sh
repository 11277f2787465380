#!/usr/bin/env bash
# Every benchmark, one after the other, each on a quiet machine (run nothing else meanwhile): about
# an hour. Each prints a Markdown table; they are kept under target/bench-results/<date>/, one file
# per benchmark, to be copied into docs/PERFORMANCE.md beside the earlier runs (the tables there
# keep every run, so they are not overwritten).
#
#   bench/all.sh [name ...]   e.g. bench/all.sh startup pages
set -uo pipefail
cd "$(dirname "$0")/.."
all=(startup pages memory api catalog webhooks recipes officehours slo notifications)
chosen=("${@:-${all[@]}}")
out="target/bench-results/$(date -u +%Y-%m-%dT%H%M)"
mkdir -p "$out"
./mvnw -q -DskipTests -Ddeploy.check.skip=true install >/dev/null
failed=0
for name in "${chosen[@]}"; do
  echo "== $name"
  if bash "bench/$name.sh" > "$out/$name.md" 2> "$out/$name.log"; then
    cat "$out/$name.md"
  else
    echo "bench/$name.sh failed; see $out/$name.log" >&2
    failed=1
  fi
done
echo "Results in $out"
exit $failed
