#!/usr/bin/env bash
# CI pass: `relukernels figures --quick` and its report rendered in headless Chromium (issue 22, docs/figures.md).
#   1. figures:   every catalogue entry's command runs (exit 0), writing artifacts/figures/index.html
#   2. console:   Chromium loads the page with no console message at all (the page has no script, so any message is an
#                 error: a failed load, a blocked resource, a parse problem)
#   3. sections:  the rendered DOM has every catalogue entry's section (id {paper}-{figure}), none of them failed
#   4. screenshot: artifacts/figures-report.png, kept as the CI artifact
# Installs Debian's chromium with apt if it is missing (as the Arm64 pass installs its emulator). Ends with
# "N passed, N failed" for .ci/run's summary; exits 1 if any check failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT=artifacts/figures
SHOT=artifacts/figures-report.png
CATALOGUE=src/ReluKernels.Cli/Figures/FigureCatalogue.json
LOG_DIR=$(mktemp -d)
trap 'rm -rf "$LOG_DIR"' EXIT
passed=0 failed=0
check() { # check NAME OK?
    if [[ $2 -eq 0 ]]; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAILED: $1" >&2; failed=$((failed + 1)); fi
}
finish() { echo "$passed passed, $failed failed"; (( failed == 0 )); exit $?; }

if ! command -v chromium >/dev/null; then
    SUDO=""
    [[ $(id -u) -eq 0 ]] || SUDO=sudo
    echo "installing: chromium"
    if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
        >"$LOG_DIR/apt.log" 2>&1 </dev/null; then
        cat "$LOG_DIR/apt.log" >&2
        check "install chromium with apt" 1
        finish
    fi
fi
chromium --version 2>/dev/null | head -n 1

# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
CHROMIUM=(chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars)

rm -rf "$OUT" "$SHOT"
start=$(date +%s)
dotnet run --project src/ReluKernels.Cli -c Release -- figures --quick --out "$OUT" </dev/null
rc=$?
echo "figures --quick took $(( $(date +%s) - start ))s"
check "relukernels figures --quick exits 0" $rc
[[ -f $OUT/index.html ]] || { check "index.html written" 1; finish; }
page="file://$(pwd)/$OUT/index.html"

"${CHROMIUM[@]}" --enable-logging=stderr --v=0 --dump-dom "$page" >"$LOG_DIR/dom.html" 2>"$LOG_DIR/chromium.log" </dev/null
console=$(grep -E ':CONSOLE[:(]' "$LOG_DIR/chromium.log" || true)
[[ -z $console ]] || echo "$console" >&2
check "no console message while rendering" "$([[ -s $LOG_DIR/dom.html && -z $console ]]; echo $?)"

# Each figure entry of the catalogue ("paper" then "id" lines; the papers list before it has no "paper" keys).
missing=0
while read -r anchor; do
    if ! grep -q "<article class=\"figure\" id=\"$anchor\"" "$LOG_DIR/dom.html"; then
        echo "missing from the rendered page: $anchor" >&2; missing=1
    elif grep -q "id=\"$anchor\" data-status=\"failed\"" "$LOG_DIR/dom.html"; then
        echo "failed in the report: $anchor" >&2; missing=1
    fi
done < <(awk -F'"' '/"paper": "/ { paper = $4 } /"id": "/ && paper != "" { print paper "-" $4 }' "$CATALOGUE")
check "every catalogue figure rendered, none failed" $missing

"${CHROMIUM[@]}" --window-size=1280,4000 --screenshot="$(pwd)/$SHOT" "$page" >/dev/null 2>&1 </dev/null
check "screenshot $SHOT" "$([[ -s $SHOT ]]; echo $?)"
finish
