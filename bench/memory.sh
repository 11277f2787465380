#!/usr/bin/env bash
# Memory per signed-in person (issue 21): N browsers sign in and open four pages each by address,
# then sit idle; the portal's live heap after a full GC before and after. Starts its own portal
# (the packaged jar, demo data) and uses Debian's Chromium where there is one.
#
#   bench/memory.sh [-Dpeople=40]
exec "$(dirname "$0")/browser-bench.sh" MemoryPerSessionBenchmark "$@"
