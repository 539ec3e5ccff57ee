#!/usr/bin/env bash
# Runs the practitioner baselines (batched PyTorch and NumPy collapse simulations in this folder; see README.md) on the
# Monte-Carlo benchmark grid, single-threaded, and prints their CSV summary lines. Run it in the same session as
#   dotnet run -c Release --project benchmarks/ReluKernels.Benchmarks -- --filter '*Collapse*'
# and compare trials per second (docs/benchmarks.md). Needs Debian's python3-torch and python3-numpy.
# Usage: benchmarks/peers/run-collapse-peers.sh [PEERS_DIR] [SECONDS_PER_CELL]
set -euo pipefail
peers="${1:-$(dirname "${BASH_SOURCE[0]}")}"
seconds="${2:-8}"
for script in torch_collapse.py numpy_collapse.py; do
  [[ -f "$peers/$script" ]] || { echo "run-collapse-peers: $peers/$script not found" >&2; exit 2; }
done
echo "peer,threads,width,depth,bias,trials,collapsed,estimate,ciLow,ciHigh,theorem8,wall_s,trials_per_s"
for width in 2 3 4 5 10 16; do
  for depth in 10 20 50; do
    for script in torch_collapse.py numpy_collapse.py; do
      /usr/bin/python3 "$peers/$script" --width "$width" --depth "$depth" --trials 1e8 --threads 1 \
        --max-seconds "$seconds" --csv | grep '^CSV,' | cut -d, -f2-
    done
  done
done
