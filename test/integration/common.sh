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
# code-server honours `--locale` only for a language that an installed language pack contributes: it then
# serves the workbench in that language, which the extension host reports as vscode.env.language and uses
# for l10n/bundle.l10n.<id>.json and package.nls.<id>.json. There is no Marketplace here, so this builds a
# minimal pack with no translations of VS Code's own (the workbench stays English: only our strings change)
# and installs it as a .vsix. The server finds packs through <stateDir>/user/languagepacks.json, which only a
# running server's install writes (the CLI's install does not): write the same entry here.
install_language_pack() {
  local state="$1" lang="$2" vsix
  mkdir -p "$state"
  vsix="$(cd "$state" && pwd)/language-pack-$lang.vsix"
  python3 - build "$vsix" "$lang" <<'PY'
import json, sys, zipfile
_, _, vsix, lang = sys.argv
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
  python3 - register "$(cd "$state" && pwd)" "$lang" <<'PY'
import glob, hashlib, json, os, sys
_, _, state, lang = sys.argv
ext_id, version = f'tlv-viewer-test.test-language-pack-{lang}', '0.0.1'
folders = glob.glob(os.path.join(state, 'ext', f'{ext_id}-{version}*'))
if len(folders) != 1: sys.exit(f'the installed {lang} language pack is not in {state}/ext: {folders}')
translations = os.path.join(folders[0], 'translations', 'main.i18n.json')
# As VS Code's language pack cache writes it: the hash (md5 of id and version) keys the server's
# generated messages under user/clp/.
entry = {'hash': hashlib.md5((ext_id + version).encode()).hexdigest(), 'label': lang,
         'extensions': [{'extensionIdentifier': {'id': ext_id}, 'version': version}], 'translations': {'vscode': translations}}
path = os.path.join(state, 'user', 'languagepacks.json')
packs = json.load(open(path)) if os.path.exists(path) else {}
packs[lang] = entry
with open(path, 'w') as f: json.dump(packs, f)
PY
}
