#!/usr/bin/env bash
# Kill test (docs/reliability.md): a resumable `collapse` run is stopped by SIGTERM once and by kill -9 at random moments
# (resumed each time), and its final collapse.csv and collapse.json must equal an uninterrupted run's byte for byte.
# Also checks SIGTERM's exit code (143) and single line, and that no temporary file outlives the final run.
# Usage: bash tests/kill-test.sh [KILLS]   (default 8; ~30-60 s on 2 cores). Last line: "N passed, N failed".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
KILLS=${1:-8}
CLI=src/ReluKernels.Cli/bin/Release/net10.0/ReluKernels.Cli.dll
# Long enough (about 8 s on an idle 2-core machine) that the SIGTERM, sent after the first 2-second checkpoint, and the
# kills land mid-run, with checkpoints written between them; on a loaded machine it only takes longer.
ARGS=(collapse --widths 2,3 --depths 1..20 --trials 300000000 --threads 2 --seed 7 --no-plot --format csv)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RANDOM=15   # fixed: the same kill moments every run

passed=0 failed=0
check() {   # check NAME CONDITION-EXIT-STATUS
    if [[ $2 -eq 0 ]]; then echo "ok    $1"; passed=$((passed + 1)); else echo "FAIL  $1"; failed=$((failed + 1)); fi
}

dotnet build src/ReluKernels.Cli -c Release -v quiet -nologo >/dev/null || { echo "error: build failed" >&2; echo "0 passed, 1 failed"; exit 1; }

start=$(date +%s%N)
dotnet "$CLI" "${ARGS[@]}" --out "$WORK/reference" >/dev/null || { echo "error: reference run failed" >&2; echo "0 passed, 1 failed"; exit 1; }
reference_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "uninterrupted run: ${reference_ms} ms"

CHECKPOINT="$WORK/state/run.json"
mkdir -p "$WORK/state"
# exec: $! must be the CLI's own pid, not a subshell's, or the signals would miss it.
start_run() { (exec dotnet "$CLI" "${ARGS[@]}" --checkpoint "$CHECKPOINT" --out "$WORK/resumed" >/dev/null 2>"$WORK/stderr") & pid=$!; }

# SIGTERM: stops after the current round, saves the checkpoint, one line, exit 143.
# It is sent once the first checkpoint exists (2 s into the computation), so the signal handler is surely installed.
start_run
for ((i = 0; i < 300; i++)); do [[ -s $CHECKPOINT ]] && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"; rc=$?
line_count=$(wc -l <"$WORK/stderr")
echo "SIGTERM: exit $rc, stderr: $(cat "$WORK/stderr")"
[[ $rc -eq 143 ]]; check "SIGTERM exits 143" $?
[[ $line_count -eq 1 ]] && grep -qx "relukernels: interrupted (SIGTERM); resume with the same command (checkpoint $CHECKPOINT)" "$WORK/stderr"
check "SIGTERM prints one line naming the signal and the checkpoint" $?
[[ -s $CHECKPOINT ]]; check "SIGTERM leaves a checkpoint" $?

# kill -9 at random moments within the uninterrupted run's duration, resuming from the checkpoint each time.
landed=0
for ((k = 1; k <= KILLS; k++)); do
    start_run
    # Within the first half: each resume has less left to do, and a kill after the end tests nothing.
    delay_ms=$(( 200 + RANDOM % (reference_ms / 2) ))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [[ $? -eq 137 ]] && landed=$((landed + 1))
done
echo "kill -9: $landed of $KILLS landed while the run was going"

start_run
wait "$pid"; rc=$?
[[ $rc -eq 0 ]]; check "final resume completes" $?
for file in collapse.csv collapse.json; do
    cmp -s "$WORK/reference/$file" "$WORK/resumed/$file"; check "$file equals the uninterrupted run's byte for byte" $?
done
stale=$(find "$WORK/state" "$WORK/resumed" -name '.*.tmp*' | wc -l)
[[ $stale -eq 0 ]]; check "no temporary file left ($stale found)" $?

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
