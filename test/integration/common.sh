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

# usage: install_language_pack <stateDir> <language id, e.g. ja>
# code-server honours `--locale` only for a language that an installed language pack contributes (it
# then sets the workbench's language, which the extension host reports as vscode.env.language and uses
# for l10n/bundle.l10n.<id>.json and package.nls.<id>.json). There is no Marketplace here, so this builds
# a minimal pack with no translations of VS Code's own (the workbench stays English: only our strings
# change) and installs it as a .vsix, which writes the pack into <stateDir>/user/languagepacks.json.
install_language_pack() {
  local state="$1" lang="$2" vsix
  mkdir -p "$state"
  vsix="$(cd "$state" && pwd)/language-pack-$lang.vsix"
  python3 - "$vsix" "$lang" <<'PY'
import json, sys, zipfile
vsix, lang = sys.argv[1], sys.argv[2]
manifest = {
    'name': f'test-language-pack-{lang}', 'displayName': f'Test language pack ({lang})', 'publisher': 'tlv-viewer-test',
    'version': '0.0.1', 'engines': {'vscode': '^1.90.0'}, 'categories': ['Language Packs'],
    'contributes': {'localizations': [{
        'languageId': lang, 'languageName': lang, 'localizedLanguageName': lang,
        'translations': [{'id': 'vscode', 'path': './translations/main.i18n.json'}],
    }]},
}
with zipfile.ZipFile(vsix, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('extension/package.json', json.dumps(manifest, indent=2))
    z.writestr('extension/translations/main.i18n.json', json.dumps({'version': '1.0.0', 'contents': {}}))
PY
  "$HOST/code-server.sh" "$state" --install-extension "$vsix" > "$state.language-pack.log" 2>&1 \
    || { cat "$state.language-pack.log" >&2; return 1; }
  grep -q "\"$lang\"" "$state/user/languagepacks.json" 2>/dev/null \
    || { echo "the $lang language pack is not in $state/user/languagepacks.json:" >&2; cat "$state.language-pack.log" >&2; return 1; }
}
