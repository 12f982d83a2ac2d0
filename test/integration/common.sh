# Shared by run.sh and demo.sh (sourced, not run): build and package the extension, install the test
# host, and serve the packaged extension from a fresh code-server.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST="$ROOT/test/vscode-host"
VSIX="$ROOT/out/cucm-trust-list-viewer.vsix"

# Builds dist/ (extension, webview, CLI) and dist/test/ (the mocha suite), packages the .vsix offline
# and installs the test host if it is missing.
prepare_extension() {
  (cd "$ROOT" && node esbuild.mjs --tests && npm run --silent package)
  "$HOST/setup.sh"
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# usage: serve_extension <stateDir> <port> [code-server args...]; sets SERVER_PID (stop: kill -- -PID).
# The .vsix is installed as a user would; tests that pass extensionDevelopmentPath load the dev copy instead.
serve_extension() {
  local state="$1" port="$2"; shift 2
  "$HOST/code-server.sh" "$state" --install-extension "$VSIX" > "$state.install.log" 2>&1 \
    || { cat "$state.install.log" >&2; return 1; }
  SERVER_PID="$("$HOST/start-code-server.sh" "$state" "$port" "$@")"
}

# Stops the server's whole process group and waits (up to 10 s) until its extension hosts are gone too.
stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill -- -"$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 -- -"$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  SERVER_PID=
}
