#!/usr/bin/env bash
# `npm run test:integration`: the mocha suite inside code-server's extension host, then the UI tests in
# Chromium (light, dark and high-contrast themes), then the Japanese UI test in a code-server run in Japanese,
# then the suite under @vscode/test-electron where a VS Code is given, then the UI tests against the web build
# in the browser's web worker extension host, then the Trust Lists view over 50,000 files there.
# Its last line is the combined `N passed, N failed`; it exits non-zero when anything failed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

RUN="$(mktemp -d "${TMPDIR:-/tmp}/tlv-integration.XXXXXX")"
SHOTS="$ROOT/test/output/screenshots"
rm -rf "$SHOTS"; mkdir -p "$SHOTS"
passed=0; failed=0
cleanup() { stop_server; [ -n "${KEEP_TEST_STATE:-}" ] || rm -rf "$RUN"; }
# A step that breaks the run (build, packaging, host set-up) still ends on the summary line, as a failure.
on_exit() { local rc=$?; cleanup; [ "$rc" -eq 0 ] || echo "$passed passed, $((failed + 1)) failed"; }
trap on_exit EXIT

prepare_extension
# Two copies: the workbench restores a folder's editors (unsaved ones too) from its last session, so the
# UI tests get a folder the mocha suite never opened.
cp -r "$ROOT/test/fixtures" "$RUN/workspace"
cp -r "$ROOT/test/fixtures" "$RUN/ui-workspace"
PORT="${PORT:-$(free_port)}"
BASE="http://127.0.0.1:$PORT"
# The extension host inherits the server's environment: the suite writes its counts here.
export TLV_TEST_RESULTS="$RUN/mocha.json"
serve_extension "$RUN/code-server" "$PORT"
echo "[integration] code-server on $BASE (pid $SERVER_PID), workspace $RUN/workspace"

# Adds a runner's counts from its results file; a runner that failed without one counts as one failure.
tally() { # <name> <exit code> <results file>
  local p=0 f=0
  if [ ! -f "$3" ] && [ "$2" -eq 0 ]; then echo "[integration] $1: skipped"; return; fi
  if [ -f "$3" ]; then
    read -r p f < <(node -e "const r=require('$3');console.log(r.passed,r.failed)")
    if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  else
    echo "[integration] $1 exited with $2 and reported no results" >&2; f=1
  fi
  echo "[integration] $1: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
}

rc=0; node test/integration/runInHost.mjs "$BASE" "$ROOT" "$ROOT/dist/test/index" "$RUN/workspace" || rc=$?
tally "mocha in code-server" "$rc" "$TLV_TEST_RESULTS"

# Each UI wait has its own limit; this bounds the whole runner should the browser itself hang.
rc=0; timeout -k 10 "${UI_TIMEOUT_S:-900}" node test/integration/ui/run.mjs --base "$BASE" --workspace "$RUN/ui-workspace" --state "$RUN/code-server" \
  --shots "$SHOTS" --results "$RUN/ui.json" || rc=$?
tally "UI tests" "$rc" "$RUN/ui.json"
stop_server

# Our strings in Japanese (ui/japanese.test.mjs, light theme only): a fresh code-server in display language ja,
# which it accepts once a language pack for ja is installed. Screenshots: $SHOTS/ja-*.png and $SHOTS/ja-light/.
install_language_pack "$RUN/code-server-ja" ja
cp -r "$ROOT/test/fixtures" "$RUN/ja-workspace"
serve_extension "$RUN/code-server-ja" "$PORT" --locale ja
echo "[integration] code-server in Japanese on $BASE (pid $SERVER_PID)"
rc=0; timeout -k 10 "${UI_TIMEOUT_S:-900}" node test/integration/ui/run.mjs --base "$BASE" --workspace "$RUN/ja-workspace" --state "$RUN/code-server-ja" \
  --shots "$SHOTS" --results "$RUN/ui-ja.json" --locale ja --themes light || rc=$?
tally "UI tests in Japanese" "$rc" "$RUN/ui-ja.json"
stop_server

rc=0; TLV_TEST_RESULTS="$RUN/electron.json" node test/integration/runElectron.mjs "$RUN/workspace" || rc=$?
tally "mocha in VS Code desktop" "$rc" "$RUN/electron.json"

# The editor's UI tests again (badge, checksums, tree, tampered and truncated files, hostile names, the
# comparison), with the web build in the browser's web worker extension host, as vscode.dev runs it.
rc=0; TLV_WEB_RESULTS="$RUN/web.json" bash test/integration/web.sh --themes light --files host.test.mjs,editor.test.mjs,hostile.test.mjs,compare.test.mjs || rc=$?
tally "UI tests in the web worker host" "$rc" "$RUN/web.json"

# The Trust Lists view over 50,000 files in the web worker host (ui/scale.test.mjs, explicit): a code-server and a
# workspace of its own; prints the scan's time and the longest task it left on the host's thread.
rc=0; TLV_WEB_RESULTS="$RUN/web-scale.json" TLV_WEB_SHOTS="$ROOT/test/output/screenshots-web-scale" \
  bash test/integration/web.sh --themes light --files scale.test.mjs || rc=$?
tally "Trust Lists at scale in the web worker host" "$rc" "$RUN/web-scale.json"

echo "[integration] screenshots in $SHOTS"
# The README's pictures are the UI tests' own, so they show what this build shows.
for pair in "editor:*-the-editor-shows-the-verified-badge-*-badge-checksums-tree.png" "comparison:*-compare-trust-lists-on-two-selected-files-shows-comparison.png" \
            "preflight:*-pre-flight-check-on-the-phone-files-*-preflight.png" "report:*-show-trust-list-report-on-the-workspace-draws-a-report.png"; do
  shot=$(ls "$SHOTS"/light/${pair#*:} 2>/dev/null | head -1)
  [ -n "$shot" ] && cp "$shot" "$ROOT/media/screenshots/${pair%%:*}.png"
done
trap - EXIT; cleanup
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
