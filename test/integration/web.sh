#!/usr/bin/env bash
# The UI tests against the web-only variant of the extension: the packaged .vsix with `main` removed from
# its manifest, so code-server's workbench must run `browser` (dist/web/extension.js) in the browser's web
# worker extension host, as vscode.dev does. host.test.mjs checks that the browser fetched that bundle.
# The mocha suite is not run here: it is a Node bundle (node:fs, node:crypto, mocha), and the web worker
# host can only load a browser bundle as extensionTestsPath.
# usage: bash test/integration/web.sh [run.mjs options, e.g. --themes light --grep editor]
# Its last line is `N passed, N failed`; it exits non-zero when anything failed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

RUN="$(mktemp -d "${TMPDIR:-/tmp}/tlv-web.XXXXXX")"
SHOTS="${TLV_WEB_SHOTS:-$ROOT/test/output/screenshots-web}"
rm -rf "$SHOTS"; mkdir -p "$SHOTS"
cleanup() { stop_server; [ -n "${KEEP_TEST_STATE:-}" ] || rm -rf "$RUN"; }
on_exit() { local rc=$?; cleanup; [ "$rc" -eq 0 ] || echo "0 passed, 1 failed"; }
trap on_exit EXIT

prepare_extension
# The same .vsix, its manifest without `main`: a web-only extension.
python3 - "$VSIX" "$RUN/web-only.vsix" <<'PY'
import json, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'extension/package.json':
            manifest = json.loads(data)
            del manifest['main']
            assert manifest['browser'] == './dist/web/extension.js', manifest.get('browser')
            data = json.dumps(manifest, indent=2).encode()
        zout.writestr(item, data)
PY
VSIX="$RUN/web-only.vsix"
cp -r "$ROOT/test/fixtures" "$RUN/ui-workspace"
PORT="${PORT:-$(free_port)}"
serve_extension "$RUN/code-server" "$PORT"
echo "[web] code-server on http://127.0.0.1:$PORT (pid $SERVER_PID), web-only extension"
grep -q '"main"' "$RUN/code-server/ext/"*cucm-trust-list-viewer*/package.json && { echo "[web] the installed copy still has main" >&2; exit 1; }

rc=0; TLV_EXPECT_HOST=web timeout -k 10 "${UI_TIMEOUT_S:-900}" node test/integration/ui/run.mjs --base "http://127.0.0.1:$PORT" \
  --workspace "$RUN/ui-workspace" --state "$RUN/code-server" --shots "$SHOTS" --results "$RUN/ui.json" "$@" || rc=$?
read -r p f < <(node -e "try{const r=require('$RUN/ui.json');console.log(r.passed,r.failed)}catch{console.log(0,1)}")
# run.sh adds these counts to its own summary.
[ -z "${TLV_WEB_RESULTS:-}" ] || [ ! -f "$RUN/ui.json" ] || cp "$RUN/ui.json" "$TLV_WEB_RESULTS"
[ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || f=1
trap - EXIT; cleanup
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
