#!/usr/bin/env bash
# usage: start-code-server.sh <stateDir> <port> [code-server args, e.g. a folder to open...]
# Starts code-server on 127.0.0.1 in its own process group, waits for /healthz and prints the PID.
# Stop it with: kill -- -PID
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="$(mkdir -p "$1" && cd "$1" && pwd)"; PORT="$2"; shift 2
mkdir -p "$STATE/user/User"
SETTINGS="$STATE/user/User/settings.json"
# Quiet, offline workbench. Callers may have written their own settings (e.g. a colour theme) first.
[ -f "$SETTINGS" ] || cat > "$SETTINGS" <<'JSON'
{
  "workbench.startupEditor": "none", "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden", "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off", "update.mode": "none",
  "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "extensions.ignoreRecommendations": true,
  "git.enabled": false, "github.gitAuthentication": false, "security.workspace.trust.enabled": false
}
JSON
if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
  echo "port $PORT on 127.0.0.1 is already serving; choose another (PORT=...)" >&2; exit 1
fi
# enable-smoke-test-driver makes the built workbench honour ?payload= extensionDevelopmentPath /
# extensionTestsPath (a built product ignores them otherwise).
setsid "$HERE/code-server.sh" "$STATE" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --ignore-last-opened --vscode-option enable-smoke-test-driver "$@" \
  > "$STATE/server.log" 2>&1 < /dev/null &
PID=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && { echo "$PID"; exit 0; }
  kill -0 "$PID" 2>/dev/null || { echo "code-server exited during start-up:" >&2; cat "$STATE/server.log" >&2; exit 1; }
  sleep 0.1
done
echo "code-server did not answer /healthz within 60 s:" >&2; cat "$STATE/server.log" >&2
kill -- -"$PID" 2>/dev/null || true; exit 1
