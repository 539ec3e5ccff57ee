#!/usr/bin/env bash
# Submits a sharded relukernels run (COMMAND, default collapse): a job array of TASKS tasks (array.sbatch) and a merge job
# (merge.sbatch) that waits for all of them with --dependency=afterok. Run it from the directory where the logs should go:
#   TASKS=64 OUT_DIR=/scratch/$USER/collapse ARGS="--widths 2..16 --depths 1..100 --trials 1000000000" \
#       bash examples/slurm/submit.sh
# Prints the two job ids on its last line: "array <id> merge <id>".
set -euo pipefail

# ---- parameters ----------------------------------------------------------------------------------------------------
export RELUKERNELS=${RELUKERNELS:-relukernels}
export OUT_DIR=${OUT_DIR:-$PWD/collapse-run}
export COMMAND=${COMMAND:-collapse}
export ARGS=${ARGS:---widths 2..16 --depths 1..100 --trials 100000000 --seed 1}
export TASKS=${TASKS:-16}
CPUS_PER_TASK=${CPUS_PER_TASK:-4}
EXTRA_SBATCH_ARGS=${EXTRA_SBATCH_ARGS:-}   # e.g. "--partition=long --account=myproject --time=12:00:00"
# --------------------------------------------------------------------------------------------------------------------

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# sbatch exports this environment (the parameters above) to both jobs; --parsable prints "id" or "id;cluster".
# shellcheck disable=SC2086
array=$(sbatch --parsable --array="0-$((TASKS - 1))" --cpus-per-task="$CPUS_PER_TASK" $EXTRA_SBATCH_ARGS "$here/array.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes $EXTRA_SBATCH_ARGS "$here/merge.sbatch")
merge=${merge%%;*}
echo "array $array merge $merge"
