#!/usr/bin/env bash
# The GPU benchmark in one go, for a lent GPU machine that has torch/transformers but no package registry.
#   here, with the registry:   bash scripts/gpu_bench.sh --download     (pure-Python wheels into .whl/, git-ignored)
#   on the GPU machine:        bash scripts/gpu_bench.sh [OUT_DIR]     (installs .whl/ into /tmp/site, ~8 min of benchmarks;
#                              GPU_PARTS=trainer,bare runs only those parts, BENCH_ONLY=encoders the encoders at
#                              production size instead, BENCH_TIMEOUT=SECONDS bounds it)
# importlib_metadata is pinned: newer releases need a package the GPU image lacks. fastcore: prx_tg.prepare uses its @patch.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--download" ]; then
  python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 -d .whl \
    diffusers==0.42.1 webdataset==1.0.2 braceexpand==0.1.7 importlib_metadata==8.7.0 fastcore==1.14.5
  exit 0
fi
out=${1:-${OUT:-.}}
if compgen -G ".whl/*.whl" >/dev/null; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site
fi
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
only=${BENCH_ONLY:-gpu}
timeout "${BENCH_TIMEOUT:-540}" python3 -m prx_tg.bench --only "$only" ${GPU_PARTS:+--gpu-parts "$GPU_PARTS"} --json "$out/bench_${only//,/_}.json"
