#!/usr/bin/env bash
# Checks catalog-info.yaml files (e.g. Engawa's export) with Backstage's own validators.
# Needs Node.js and the npm registry; not part of ./mvnw verify, which must run with a JDK alone.
#   bench/backstage-validate.sh export.yaml [more.yaml ...]
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/catalog/export > export.yaml
set -euo pipefail
here="$(cd "$(dirname "$0")/backstage-validate" && pwd)"
files=()
for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
cd "$here"
[ -d node_modules/@backstage/catalog-model ] || npm install --no-audit --no-fund --silent
node validate.mjs "${files[@]}"
