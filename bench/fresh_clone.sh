#!/usr/bin/env bash
# Seconds from a fresh clone to the first HTTP 200 of `make run` (install, migrate, initial
# content, server). Uses the package registries like a newcomer would. Prints one number.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
workdir=$(mktemp -d)
port=${BENCH_PORT:-8765}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$workdir"' EXIT
start=$(date +%s)
git clone -q "$repo" "$workdir/portal"
cd "$workdir/portal"
PORT=$port DEV_SUPERUSER_PASSWORD=bench-only-password make run > "$workdir/run.log" 2>&1 &
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/es/" 2>/dev/null | grep -q 200; do
  sleep 1
  if ! kill -0 %1 2>/dev/null; then cat "$workdir/run.log"; exit 1; fi
done
end=$(date +%s)
echo "fresh clone to first 200 of make run: $((end - start)) s"
