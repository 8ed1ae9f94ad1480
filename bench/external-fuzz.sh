#!/usr/bin/env bash
# Hostile input from fuzzers that are not the project's own, against a running platform: Portman's
# OpenAPI fuzz variations sent by newman, then the Big List of Naughty Strings through every string
# field and query parameter (bench/external-fuzz/run.mjs). Prints the requests sent, the statuses and
# every fault; exits 1 on any. The project's own, larger corpus runs in the test command (HostileInputIT).
#
#   bench/external-fuzz.sh        against the gateway at COMMOPS_BENCH_GATEWAY (http://127.0.0.1:8080),
#                                 started with COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false
# Settings: NAUGHTY_REQUESTS (default 5400), SEED (7). Tools go to $COMMOPS_HOME/tools/external-fuzz (npm).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GATEWAY=${COMMOPS_BENCH_GATEWAY:-http://127.0.0.1:8080}
TOOLS=${COMMOPS_HOME:-$HOME/.commops}/tools/external-fuzz
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "Node.js 18+ with npm is needed (apt-get install nodejs npm)" >&2; exit 1; }
mkdir -p "$TOOLS"
cp "$ROOT/bench/external-fuzz/package.json" "$ROOT/bench/external-fuzz/run.mjs" "$TOOLS/"
(cd "$TOOLS" && npm install --no-audit --no-fund --silent >/dev/null)

token=$(curl -sf -X POST "$GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
  -d '{"username":"national-admin"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no token from $GATEWAY: is the platform running?" >&2; exit 1; }
curl -sf "$GATEWAY/openapi" -o "$WORK/openapi.json"

export GATEWAY TOOLS WORK
TOKEN=$token NAUGHTY_REQUESTS=${NAUGHTY_REQUESTS:-5400} SEED=${SEED:-7} node "$TOOLS/run.mjs"
