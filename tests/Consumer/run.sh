#!/usr/bin/env bash
# Uses the packages as an outside user would. Packs ReluKernels and ReluKernels.Cli into the folder feed
# artifacts/feed, then:
#   - builds tests/Consumer (restoring ReluKernels from that feed only, see its nuget.config) and runs its checks:
#     generated kernels for its own shapes, a Monte-Carlo collapse estimate and a closed form;
#   - builds it again with a width-0 shape (-p:BadShape=true), which must fail with RK0003 from the packaged generator;
#   - installs the tool into a temporary --tool-path and runs a tiny `relukernels collapse` (exit 0, PNG written)
#     and one bad argument (exit 2, one `relukernels: ` line on stderr).
# Prints one PASS/FAIL line per check and ends with "N passed, N failed" (the consumer's own checks included);
# exits 1 if any check failed. Setup failures (packing) exit 1 at once. Run from anywhere: bash tests/Consumer/run.sh
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
FEED=$PWD/artifacts/feed
CONSUMER=tests/Consumer
# A private package folder: whatever ReluKernels this run packs is the one restored, never a cached copy of the
# same version from ~/.nuget/packages. The other packages stay cached between runs.
export NUGET_PACKAGES=$PWD/artifacts/consumer-packages
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

echo "+ packing ReluKernels and ReluKernels.Cli into $FEED"
rm -rf "$FEED" "$NUGET_PACKAGES"/relukernels "$NUGET_PACKAGES"/relukernels.cli
for project in src/ReluKernels src/ReluKernels.Cli; do
    dotnet pack "$project" -c Release -o "$FEED" -v quiet -nologo </dev/null ||
        { echo "error: dotnet pack $project failed" >&2; exit 1; }
done
VERSION=$(dotnet msbuild src/ReluKernels -getProperty:Version </dev/null)
echo "version $VERSION"

# ---- the consumer project ------------------------------------------------------------------------------------
log=$TMP/consumer-build.log
if dotnet build "$CONSUMER" -c Release -p:ReluKernelsVersion="$VERSION" -nologo </dev/null >"$log" 2>&1; then
    pass "consumer builds against ReluKernels $VERSION from the feed"
    source_of=$(grep -o '"source": *"[^"]*"' "$NUGET_PACKAGES/relukernels/$VERSION/.nupkg.metadata" 2>/dev/null)
    if [[ $source_of == *"$FEED"* ]]; then pass "ReluKernels was restored from $FEED"
    else fail "ReluKernels was restored from ${source_of:-<unknown>}, not $FEED"; fi

    out=$TMP/consumer.out rc=0
    dotnet "$CONSUMER/bin/Release/net10.0/Consumer.dll" </dev/null | tee "$out" || rc=${PIPESTATUS[0]}
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1)
    if [[ -z $summary ]]; then
        fail "consumer run printed no summary (exit $rc)"
    else
        read -r p _ f _ <<<"$summary"
        passed=$((passed + p)) failed=$((failed + f))
        if [[ $rc -ne 0 && $f -eq 0 ]]; then fail "consumer run exited $rc with no failed check"; fi
    fi
else
    grep -E 'error' "$log" | sort -u | head -n 20
    fail "consumer builds against ReluKernels $VERSION from the feed (errors above)"
fi

log=$TMP/bad-shape.log
if dotnet build "$CONSUMER" -c Release -p:ReluKernelsVersion="$VERSION" -p:BadShape=true -nologo </dev/null >"$log" 2>&1; then
    fail "a width-0 shape built without error"
elif grep -q 'error RK0003' "$log"; then
    pass "a width-0 shape fails the build with RK0003: $(grep -o 'error RK0003:[^[]*' "$log" | head -n 1)"
else
    grep -E 'error' "$log" | sort -u | head -n 10
    fail "a width-0 shape failed the build without RK0003 (errors above)"
fi

# ---- the .NET tool -------------------------------------------------------------------------------------------
tools=$TMP/tools
# The consumer's nuget.config maps ReluKernels* to the feed only.
if dotnet tool install ReluKernels.Cli --version "$VERSION" --tool-path "$tools" \
        --configfile "$CONSUMER/nuget.config" </dev/null >"$TMP/tool-install.log" 2>&1; then
    pass "dotnet tool install ReluKernels.Cli $VERSION"
    rc=0
    "$tools/relukernels" collapse --widths 2 --depths 1..3 --trials 20000 --out "$TMP/out" </dev/null \
        >"$TMP/collapse.out" 2>&1 || rc=$?
    png=$TMP/out/collapse.png
    if [[ $rc -eq 0 && -s $png && $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
        pass "relukernels collapse exits 0 and writes a PNG ($(stat -c %s "$png") bytes)"
    else
        cat "$TMP/collapse.out"
        fail "relukernels collapse: exit $rc, $png $([[ -s $png ]] && echo 'is not a PNG' || echo missing)"
    fi
    rc=0
    "$tools/relukernels" collapse --widths 0 </dev/null >"$TMP/bad.out" 2>"$TMP/bad.err" || rc=$?
    lines=$(wc -l <"$TMP/bad.err")
    if [[ $rc -eq 2 && $lines -eq 1 ]] && grep -q '^relukernels: ' "$TMP/bad.err"; then
        pass "relukernels collapse --widths 0 exits 2 with one line: $(cat "$TMP/bad.err")"
    else
        fail "relukernels collapse --widths 0: exit $rc, $lines stderr line(s): $(head -c 300 "$TMP/bad.err")"
    fi
else
    cat "$TMP/tool-install.log"
    fail "dotnet tool install ReluKernels.Cli $VERSION (log above)"
fi

echo "$passed passed, $failed failed"
(( failed == 0 ))
