#!/usr/bin/env bash
# `npm run demo`: code-server with the packaged extension installed and test/fixtures open, on
# 127.0.0.1 only. Open the printed URL in a browser; Ctrl+C stops the server. PORT=… picks the port.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

STATE="$(mktemp -d "${TMPDIR:-/tmp}/tlv-demo.XXXXXX")"
trap 'stop_server; rm -rf "$STATE"' EXIT
trap 'exit 0' INT TERM

prepare_extension
PORT="${PORT:-8080}"
serve_extension "$STATE/code-server" "$PORT" "$ROOT/test/fixtures"
echo
echo "  CUCM trust-list viewer demo: http://127.0.0.1:$PORT/"
echo "  (code-server pid $SERVER_PID, log $STATE/code-server/server.log; Ctrl+C to stop)"
echo
while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 1; done
echo "code-server stopped:" >&2; tail -n 30 "$STATE/code-server/server.log" >&2
exit 1
