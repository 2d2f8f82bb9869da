#!/usr/bin/env bash
# The main job on the embedded default, stage by stage; called by `make demo`.
# Each stage runs when its module exists in prx_tg/, and says so when it does not yet.
set -euo pipefail
RUN=${1:-experiments/demo}
PY=.venv/bin/python
DATA=data/approved/emoji
SHARDS=data/shards/toy
ran=(); missing=()
has() { $PY -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('prx_tg.$1') is None)"; }
stage() { echo; echo "== $1"; }

stage "1. emoji dataset -> $DATA"
$PY -m prx_tg.emoji --out "$DATA" --n 2000 --seed 0
ran+=("emoji dataset: $DATA")

if has prepare; then
  stage "2. embeddings and shards -> $SHARDS"
  $PY -m prx_tg.prepare --config toy --images "$DATA" --out "$SHARDS"
  ran+=("shards: $SHARDS")
else missing+=("prepare (embeddings + shards)"); fi

if has train && [ -d "$SHARDS" ]; then
  stage "3. train the toy preset -> $RUN"
  $PY -m prx_tg.train --config toy --shards "$SHARDS" --out "$RUN" --resume latest
  ran+=("training run: $RUN (checkpoints/, visual_debug/, validation_outputs/, tensorboard/)")
else missing+=("train (flow trainer)"); fi

if has validate && [ -d "$RUN/checkpoints" ]; then
  stage "4. validation suite on the last checkpoint"
  $PY -m prx_tg.validate --checkpoint "$RUN/checkpoints/latest"
  ran+=("validation: $RUN/validation_outputs/")
else missing+=("validate (validation suite)"); fi

echo; echo "== demo summary"
for r in "${ran[@]}"; do echo "  done:          $r"; done
for m in "${missing[@]+"${missing[@]}"}"; do echo "  not built yet: $m"; done
