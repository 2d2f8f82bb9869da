# Two commands set everything up: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# torch and torchvision are pinned as a pair: lpips imports torchvision, and a torchvision
# built for another torch fails at import (`operator torchvision::nms does not exist`).
TORCH   := torch==2.14.1 torchvision==0.29.1
RUN     ?= experiments/demo

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PYTHONUNBUFFERED := 1

.PHONY: demo test sync-check clean-check lint nbtest export bench lab clean

$(STAMP): setup.py settings.ini
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e ".[dev]" $(TORCH)
	touch $@

# The main job on the embedded default: emoji dataset -> shards -> toy training -> validation.
demo: $(STAMP)
	@bash scripts/demo.sh $(RUN)

test: $(STAMP) sync-check clean-check lint nbtest

export: $(STAMP)
	$(BIN)/nbdev_export

# Export the notebooks into a scratch copy and compare with prx_tg/: nobody edits prx_tg/ by hand.
sync-check: $(STAMP)
	@tmp=$$(mktemp -d) && cp -r nbs settings.ini $$tmp/ && mkdir $$tmp/prx_tg && \
	if ! (cd $$tmp && $(CURDIR)/$(BIN)/nbdev_export); then echo "nbdev_export failed (above)"; rm -rf $$tmp; exit 1; fi; \
	if ! diff -rq -x __pycache__ $$tmp/prx_tg prx_tg; then \
	  echo "NOT IN SYNC: prx_tg/ differs from what nbs/ exports (files above)."; \
	  echo "Run 'make export' (nbdev_export) and commit prx_tg/ with the notebooks."; rm -rf $$tmp; exit 1; fi; \
	rm -rf $$tmp; echo "notebooks and prx_tg/ in sync"

# Notebooks are committed without outputs and with stable metadata (nbdev_clean --clear_all).
clean-check: $(STAMP)
	@tmp=$$(mktemp -d) && cp -r nbs $$tmp/ && \
	$(BIN)/nbdev_clean --clear_all --fname $$tmp/nbs && \
	if ! diff -rq $$tmp/nbs nbs; then \
	  echo "NOTEBOOKS NOT CLEAN (files above): run '$(BIN)/nbdev_clean --clear_all' and commit."; rm -rf $$tmp; exit 1; fi; \
	rm -rf $$tmp; echo "notebooks clean"

# The rules and what is not yet enforced: ruff.toml.
lint: $(STAMP)
	$(BIN)/ruff check prx_tg

# Two notebooks run at once, each in its own process, so a crash names its notebook (scripts/nbtest.py);
# one thread each keeps them from fighting over the two cores (2.3x faster here).
# TRITON_INTERPRET: the Triton kernels' tests run on the CPU (chapter 06a_kernels); Triton reads it once per process, at import.
nbtest: $(STAMP)
	OMP_NUM_THREADS=1 TRITON_INTERPRET=1 $(BIN)/python scripts/nbtest.py --jobs 2

bench: $(STAMP)
	$(BIN)/python -m prx_tg.bench --json experiments/bench.json

lab: $(STAMP)
	$(BIN)/jupyter lab nbs
