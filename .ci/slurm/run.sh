#!/usr/bin/env bash
# Sharded relukernels runs on a real Slurm: installs slurm-wlm and munge with apt if absent, starts munged, slurmctld and
# slurmd for localhost from .ci/slurm/slurm.conf (all state in a scratch directory, nothing under /etc changed), builds
# the CLI once (Release), then submits examples/slurm/submit.sh three times:
#   1. a 4-task collapse array and its dependent merge: collapse.csv and collapse.json must equal an unsharded run's,
#      byte for byte;
#   2. the same for train-collapse (a training command): its csv and json must equal an unsharded run's;
#   3. collapse again with task 1 requeued (scontrol requeue: killed, rerun) once its checkpoint exists: the rerun must resume
#      from that checkpoint and the merge must still equal the unsharded run.
# The daemons it started are stopped by their PIDs on exit, also on failure. Prints one PASS/FAIL line per check and
# ends with "N passed, N failed"; exits 1 if any check failed. Setup failures exit 1 at once.
# Run from anywhere (as root, or with sudo available): bash .ci/slurm/run.sh
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
REPO=$PWD
TASKS=4
# Large enough that a task runs for several seconds on one core (so it can be requeued mid-run), small enough that
# the whole script stays within a few minutes on 2 cores.
GRID="--widths 2,3,4,5 --depths 1..40 --trials 80000000 --seed 16"
TRAINING="--runs 24 --epochs 300 --seed 16"
CTLD_PORT=${SLURMCTLD_PORT:-6817} SLURMD_PORT=${SLURMD_PORT:-6818}
WORK=$(mktemp -d)
DAEMON_PIDS=()

stop_daemons() {
    local pid
    for pid in "${DAEMON_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${DAEMON_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    rm -rf "$WORK"
}
trap stop_daemons EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
die() { echo "error: $*" >&2; exit 1; }
show_logs() { tail -n 20 "$WORK"/slurmctld.log "$WORK"/slurmd.log "$WORK"/runs/*/*.log 2>/dev/null >&2; }

# ---- packages ------------------------------------------------------------------------------------------------------
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO=sudo
PKGS=(slurm-wlm munge)
installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }
missing=()
for pkg in "${PKGS[@]}"; do installed "$pkg" || missing+=("$pkg"); done
if (( ${#missing[@]} > 0 )); then
    echo "installing: ${missing[*]}"
    if ! { $SUDO apt-get update -qq &&
           $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
         } >"$WORK/apt.log" 2>&1 </dev/null; then
        cat "$WORK/apt.log" >&2
        die "installing ${PKGS[*]} failed (log above)"
    fi
else
    echo "already installed: ${PKGS[*]}"
fi
echo "$(slurmd -V)"

# ---- the CLI -------------------------------------------------------------------------------------------------------
echo "+ dotnet build src/ReluKernels.Cli -c Release"
dotnet build src/ReluKernels.Cli -c Release -v quiet -nologo </dev/null >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log" >&2; die "building the CLI failed"; }
mkdir -p "$WORK/bin"
# The job scripts call $RELUKERNELS as one command, as they would an installed tool.
printf '#!/bin/sh\nexec dotnet %q "$@"\n' "$REPO/src/ReluKernels.Cli/bin/Release/net10.0/ReluKernels.Cli.dll" >"$WORK/bin/relukernels"
chmod +x "$WORK/bin/relukernels"
export RELUKERNELS=$WORK/bin/relukernels

# ---- munged, slurmctld, slurmd -------------------------------------------------------------------------------------
# run.sh runs as root here and in CI; the daemons, the jobs and their files then all belong to root.
[[ $(id -u) -eq 0 ]] || die "the Slurm pass runs its daemons as root; run it as root (CI does)"
mkdir -p "$WORK/munge" "$WORK/state" "$WORK/spool" "$WORK/runs"
chmod 711 "$WORK/munge"   # clients must reach the socket; the key itself is 0400
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$WORK/munge/munge.key"
sed -e "s|@DIR@|$WORK|g" -e "s|@CPUS@|$(nproc)|g" -e "s|@CTLD_PORT@|$CTLD_PORT|g" -e "s|@SLURMD_PORT@|$SLURMD_PORT|g" \
    .ci/slurm/slurm.conf >"$WORK/slurm.conf"
export SLURM_CONF=$WORK/slurm.conf

# Each daemon in the foreground (-F / -D) as a child of this script, so $! is its PID.
munged -F --force --socket="$WORK/munge/munge.socket" --key-file="$WORK/munge/munge.key" \
    --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" \
    >>"$WORK/munge/munged.log" 2>&1 &
DAEMON_PIDS+=($!)
for _ in $(seq 50); do [[ -S $WORK/munge/munge.socket ]] && break; sleep 0.1; done
[[ -S $WORK/munge/munge.socket ]] || { cat "$WORK/munge/munged.log" >&2; die "munged did not start"; }
slurmctld -D -f "$SLURM_CONF" >>"$WORK/slurmctld.log" 2>&1 &
DAEMON_PIDS+=($!)
slurmd -D -f "$SLURM_CONF" -N localhost >>"$WORK/slurmd.log" 2>&1 &
DAEMON_PIDS+=($!)
echo "munged, slurmctld, slurmd started (PIDs ${DAEMON_PIDS[*]})"
for _ in $(seq 60); do
    [[ $(sinfo -h -N -o %t 2>/dev/null) == idle ]] && break
    sleep 1
done
[[ $(sinfo -h -N -o %t 2>/dev/null) == idle ]] || { show_logs; die "the node did not become idle: $(sinfo -N 2>&1)"; }
echo "node localhost idle with $(nproc) CPUs"

# ---- helpers -------------------------------------------------------------------------------------------------------
job_field() { scontrol show job "$1" 2>/dev/null | grep -oE "(^|[[:space:]])$2=[^[:space:]]*" | head -n 1 | cut -d= -f2; }

# wait_done JOB SECONDS: until the job has left the queue (completed, failed or cancelled).
wait_done() {
    local job=$1 limit=$2 state
    for _ in $(seq "$limit"); do
        state=$(job_field "$job" JobState)
        [[ $state == PENDING || $state == RUNNING || $state == CONFIGURING || $state == COMPLETING || $state == REQUEUED ]] || return 0
        sleep 1
    done
    return 1
}

# submit NAME COMMAND ARGS: runs examples/slurm/submit.sh with its own OUT_DIR; sets ARRAY_JOB and MERGE_JOB.
submit() {
    local dir=$WORK/runs/$1 line
    mkdir -p "$dir"
    line=$(cd "$dir" && OUT_DIR=$dir/out TASKS=$TASKS CPUS_PER_TASK=1 COMMAND=$2 ARGS=$3 \
        EXTRA_SBATCH_ARGS="--time=00:10:00" bash "$REPO/examples/slurm/submit.sh" | tail -n 1)
    read -r _ ARRAY_JOB _ MERGE_JOB <<<"$line"
    [[ $ARRAY_JOB =~ ^[0-9]+$ && $MERGE_JOB =~ ^[0-9]+$ ]] || { show_logs; die "submit.sh printed '$line'"; }
    echo "$1: $2 array job $ARRAY_JOB ($TASKS tasks), merge job $MERGE_JOB"
}

check_merged() {
    local name=$1 whole=$2 dir=$WORK/runs/$1/out file compared=0
    if ! wait_done "$MERGE_JOB" 240; then
        show_logs; fail "$name: merge job $MERGE_JOB still $(job_field "$MERGE_JOB" JobState) after 240 s"; return
    fi
    if [[ $(job_field "$MERGE_JOB" JobState) != COMPLETED ]]; then
        show_logs; fail "$name: merge job $MERGE_JOB ended $(job_field "$MERGE_JOB" JobState) ($(job_field "$MERGE_JOB" Reason))"; return
    fi
    pass "$name: array and dependent merge completed"
    # Every csv and json result of the unsharded run; the provenance sidecar differs by design (command line, date).
    for file in "$whole"/*.csv "$whole"/*.json; do
        [[ $file == *.provenance.json ]] && continue
        compared=$((compared + 1))
        file=$(basename "$file")
        if cmp -s "$whole/$file" "$dir/$file"; then pass "$name: merged $file equals the unsharded run's"
        else fail "$name: merged $file differs from the unsharded run's ($(cmp "$whole/$file" "$dir/$file" 2>&1))"; fi
    done
    (( compared > 0 )) || fail "$name: the unsharded run wrote no csv or json to compare"
}

# ---- the unsharded references ---------------------------------------------------------------------------------------
# GRID and TRAINING are split on spaces on purpose: each holds several options.
# shellcheck disable=SC2086
"$RELUKERNELS" collapse $GRID --threads "$(nproc)" --out "$WORK/whole" --format csv --no-plot >/dev/null ||
    die "the unsharded collapse run failed"
# shellcheck disable=SC2086
"$RELUKERNELS" train-collapse $TRAINING --threads "$(nproc)" --out "$WORK/whole-training" --format csv --no-plot >/dev/null ||
    die "the unsharded train-collapse run failed"
echo "unsharded references written"

# ---- 1: array + merge ----------------------------------------------------------------------------------------------
submit plain collapse "$GRID"
check_merged plain "$WORK/whole"

# ---- 2: a training command: array + merge ---------------------------------------------------------------------------
submit training train-collapse "$TRAINING"
check_merged training "$WORK/whole-training"

# ---- 3: a task requeued mid-run ------------------------------------------------------------------------------------
submit requeued collapse "$GRID"
victim="${ARRAY_JOB}_1"
checkpoint=$WORK/runs/requeued/out/checkpoints/task-1.json
for _ in $(seq 120); do
    [[ -s $checkpoint && $(job_field "$victim" JobState) == RUNNING ]] && break
    sleep 0.5
done
if [[ -s $checkpoint && $(job_field "$victim" JobState) == RUNNING ]]; then
    cp "$checkpoint" "$WORK/checkpoint-before-requeue.json"
    scontrol requeue "$victim"
    # Slurm holds a requeued job back for about two minutes (Reason=BeginTime); release it once it is pending again.
    for _ in $(seq 60); do
        [[ $(job_field "$victim" JobState) == PENDING ]] && scontrol update JobId="$victim" StartTime=now 2>/dev/null && break
        sleep 0.5
    done
    check_merged requeued "$WORK/whole"
    restarts=$(job_field "$victim" Restarts)
    if [[ ${restarts:-0} -ge 1 ]]; then pass "task 1 was requeued while running with a checkpoint on disk (Restarts=$restarts)"
    else fail "task 1 shows Restarts=${restarts:-?}: the requeue did not take"; fi
    # Byte-identity cannot tell a resumed rerun from a fresh one (both are exact); the run times show which it was.
    if grep -q "task 1: resuming from checkpoint" "$WORK/runs/requeued/relukernels-${ARRAY_JOB}_1.log" 2>/dev/null; then
        pass "task 1 restarted with its checkpoint on disk and resumed from it"
    else fail "task 1's log does not show a resume from its checkpoint"; fi
    echo "task 1 ran $(job_field "$victim" RunTime) after the requeue; task 0 ran $(job_field "${ARRAY_JOB}_0" RunTime)"
else
    show_logs
    fail "task 1 of array $ARRAY_JOB never ran with a checkpoint on disk (state $(job_field "$victim" JobState))"
fi

echo "$passed passed, $failed failed"
(( failed == 0 ))
