#!/usr/bin/env bash
# Page loads in Chromium (issue 21): the six pages people open most, loaded by address and reached
# by a click in the side navigation, beside a static file from the same server. Starts its own
# portal (the packaged jar, demo data) and uses Debian's Chromium where there is one.
#
#   bench/pages.sh [-Druns=30]
exec "$(dirname "$0")/browser-bench.sh" PageLoadBenchmark "$@"
