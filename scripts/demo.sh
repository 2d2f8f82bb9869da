#!/usr/bin/env bash
# The main job on the embedded default, stage by stage; called by `make demo`.
set -euo pipefail
RUN=${1:-experiments/demo}
PY=.venv/bin/python
DATA=data/approved/emoji
SHARDS=data/shards/toy
SUBJECTS=${DEMO_SUBJECTS:-16}   # a vertical set: 16 subjects, 125 images each (chapter 15: with all 243, 8 images each, the demo's compute draws none)
stage() { echo; echo "== $1 ($(date +%H:%M:%S))"; }
t0=$(date +%s)

stage "1/5 emoji dataset, $SUBJECTS subjects -> $DATA"
if ! $PY -m prx_tg.emoji --out "$DATA" --n 2000 --seed 0 --subjects "$SUBJECTS"; then
  echo "make demo: $DATA was made by an older demo, and so were $SHARDS and $RUN: delete the three folders and run make demo again" >&2; exit 2
fi

stage "2/5 embeddings and shards -> $SHARDS"
$PY -m prx_tg.prepare --config toy --images "$DATA" --out "$SHARDS"

# The demo fits DEMO_MINUTES (20) on a first run: training gets what is left after preparing, less a reserve for validation,
# sampling and export that scales with the machine's speed as preparing showed it (half its time, at least 2.5 minutes: on an AVX2 EPYC
# preparing took 227 s and validation, sampling and export 94).
prepared=$(( $(date +%s) - t0 ))
TRAIN_MIN=$(awk -v total="${DEMO_MINUTES:-20}" -v p="$prepared" 'BEGIN { r = 0.5 * p; if (r < 150) r = 150; m = (total * 60 - p - r) / 60; printf "%.1f", (m < 2 ? 2 : m) }')
stage "3/5 train the toy preset: 3000 steps at batch 16, or as many as $TRAIN_MIN min buy on this machine; validation at the end -> $RUN"
$PY -m prx_tg.train --config toy --shards "$SHARDS" --out "$RUN" --resume latest --minutes "$TRAIN_MIN"

stage "4/5 sample a prompt the model never saw"
PROMPT="A large pig emoji sits in the upper right area of a square image. The background is a flat, solid teal colour with no texture or shading."
$PY -m prx_tg.sample --checkpoint "$RUN" --prompt "$PROMPT" --n 4 --output "$RUN/samples/pig_teal.png"

stage "5/5 export the EMA weights as a diffusers pipeline -> $RUN/export"
$PY -m prx_tg.export --checkpoint "$RUN" --out "$RUN/export"

echo; echo "== demo done in $(( ($(date +%s) - t0) / 60 )) min"
cat <<TXT
  dataset:        $DATA (images, captions, split.json)
  shards:         $SHARDS (manifest.json, report.json, bucket_*/, holdout/)
  run:            $RUN
    checkpoints/          model/EMA weights, optimizer, RNG, state (resume with --resume latest)
    visual_debug/stepN/   grid.png: holdout original | EMA sample | raw sample
    validation_outputs/   per-step grids and metrics.json, history.json
    tensorboard/          .venv/bin/tensorboard --logdir $RUN/tensorboard
    samples/              pig_teal.png (from the prompt above)
    export/               diffusers folder: PRXTGPipeline.from_pretrained("$RUN/export")
  browse the validation grids: make lab, then open nbs/13_viewer.ipynb and run Viewer("$RUN")
TXT
$PY -c "import json,sys; h=json.load(open('$RUN/validation_outputs/history.json')); [print('  validation step', x['step'], {k: round(v, 3) for k, v in x.items() if k != 'step' and not isinstance(v, bool)}) for x in h]" || true
