#!/usr/bin/env bash
# Training-recipe comparison: the default network (dense 5x256 GELU) trained on the same spectra, split, seed and
# epoch budget under different learning-rate schedules, output bases and band weights; writes
# benchmarks/results/surrogate-training-recipe.md from the bundles' test metrics.
#
# Usage: benchmarks/training-recipe.sh WORK_FOLDER SET_FOLDER... (e.g. target/recipe target/hd189733b-trainset-wide
#        target/hd189733b-trainset-focus). A row whose bundle is already in WORK_FOLDER is not trained again, so a
#        killed run resumes. Needs jq. The committed results file's "Notes on this run" were added by hand after
#        the run: a rerun writes the table and machine only.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 WORK_FOLDER SET_FOLDER..." >&2
  exit 2
fi
command -v jq > /dev/null || { echo "$0: needs jq (Debian package jq)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$1"
shift
data=()
for set in "$@"; do
  data+=(--data "$set")
done
common=("${data[@]}" --config "$here/data/hd189733b_retrieval_rt.cfg" --max-train 60000 --epochs 30 --patience 30
        --seed 1 --plots 0)
cosine=(--lr-schedule cosine --lr-max 0.002 --lr-min 0.00001)
triangular2=(--lr-schedule triangular2 --lr-max 0.003 --lr-min 0.0001 --lr-half-cycle 4)

rows=(
  "A-tri2-all|triangular2 1e-4 ↔ 3e-3, half-cycle 4 epochs|every channel|0|${triangular2[*]} --output-basis 0"
  "B-cos-all|cosine 2e-3 → 1e-5|every channel|0|${cosine[*]} --output-basis 0"
  "G-tri2-basis|triangular2 1e-4 ↔ 3e-3, half-cycle 4 epochs|128|0.01|${triangular2[*]} --output-basis 128 --band-weight 0.01"
  "C-cos-basis-bw0|cosine 2e-3 → 1e-5|128|0|${cosine[*]} --output-basis 128 --band-weight 0"
  "D-recipe|cosine 2e-3 → 1e-5|128|0.01|${cosine[*]} --output-basis 128 --band-weight 0.01"
  "E-cos-bw0.1|cosine 2e-3 → 1e-5|128|0.1|${cosine[*]} --output-basis 128 --band-weight 0.1"
  "F-cos-bw1|cosine 2e-3 → 1e-5|128|1|${cosine[*]} --output-basis 128 --band-weight 1"
  "J-cos-bw100|cosine 2e-3 → 1e-5|128|100|${cosine[*]} --output-basis 128 --band-weight 100"
  "H-cos-basis64|cosine 2e-3 → 1e-5|64|0.01|${cosine[*]} --output-basis 64 --band-weight 0.01"
  "I-cos-basis256|cosine 2e-3 → 1e-5|256|0.01|${cosine[*]} --output-basis 256 --band-weight 0.01"
)

mkdir -p "$work"
table=""
for row in "${rows[@]}"; do
  IFS='|' read -r name schedule basis weight options <<< "$row"
  bundle="$work/$name"
  if [ ! -f "$bundle/bundle.json" ]; then
    # shellcheck disable=SC2086
    "$here/exoret" train "${common[@]}" $options --out "$bundle"
  fi
  table+=$(jq -r --arg s "$schedule" --arg b "$basis" --arg w "$weight" \
    '"| \($s) | \($b) | \($w) | \(.training.trainCount) | \(.training.seconds | round) | \(.metrics.bandErrorOverSigmaMedian * 1000 | round / 1000) | \(.metrics.bandErrorOverSigmaP95 * 1000 | round / 1000) | \(.metrics.r2Median * 100000 | round / 100000) |"' \
    "$bundle/bundle.json")$'\n'
done

out="$here/benchmarks/results/surrogate-training-recipe.md"
{
  echo "# Surrogate training recipe"
  echo
  echo "The default network (dense 5×256 GELU), trained on \`$*\` (split 0.8/0.1/0.1, seed 1; the first 60 000"
  echo "training spectra) for 30 epochs, batch 256, Adam, under each schedule, output basis and band weight below."
  echo "Test-split accuracy: the same test rows for every row. Training seconds on the machine below."
  echo
  echo "| learning rate | output basis | band weight | training spectra | train s | band err/σ median | p95 | R² median |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s' "$table"
  echo
  echo "## Machine"
  echo
  echo "- cores: $(nproc)"
  echo "- cpu_model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$out"
cat "$out"
