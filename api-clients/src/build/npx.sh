#!/bin/sh
# Runs an npm package's command for the build (spectral, tsc) through npx. Packages are fetched
# from the npm registry once and then reused from npm's cache (~/.npm): --prefer-offline does not
# ask the registry again for a pinned version it already has.
set -eu

if ! command -v npx >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "api-clients: 'node' and 'npx' are needed to lint the OpenAPI document and compile the TypeScript" >&2
  echo "client, and are not on the PATH. Install Node.js 18 or later with npm (https://nodejs.org, or" >&2
  echo "'apt-get install nodejs npm'), then run the build again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "api-clients: Node.js $(node -v) is too old; install Node.js 18 or later." >&2
  exit 1
fi

exec npx --yes --prefer-offline "$@"
