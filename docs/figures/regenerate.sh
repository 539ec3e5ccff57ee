#!/usr/bin/env bash
# Regenerates the gallery of docs/figures.md on purpose (after a change to a command's plot or to the catalogue): runs
# `relukernels figures --quick` at a modest resolution (DPI, default 80, keeps the repository small) and copies every PNG
# it made to docs/figures/{paper}-{figure}-{plot}.png, replacing the old ones. Review the images and commit them with the
# change. If the set of files changed, update the gallery in docs/figures.md: FigureGalleryTests checks that it lists every
# catalogue entry with its --quick command and that every PNG it shows exists.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
gallery=$root/docs/figures
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet run --project "$root/src/ReluKernels.Cli" -c Release -- figures --quick --dpi "${DPI:-80}" --out "$out"
rm -f "$gallery"/*.png
for png in "$out"/*/*/*.png; do
    relative=${png#"$out"/}                             # {paper}/{figure}/{plot}.png
    paper=${relative%%/*}
    rest=${relative#*/}
    cp "$png" "$gallery/$paper-${rest%%/*}-${rest#*/}"
done
ls "$gallery"/*.png | wc -l | xargs echo "PNG files:"
du -ch "$gallery"/*.png | tail -1
