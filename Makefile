# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint docs bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The main job on the bundled sample data: scan the sample export and write report.html (outputs in demo-out/).
# The supervisor's view first (exit 1 means findings, which is what the samples hold), then the quality team's.
demo: $(STAMP)
	$(BIN)/vblint check corpora/samples/ || test $$? -eq 1
	$(BIN)/vblint scan corpora/exports/sample-export.csv --report report.html --summary demo-out/summary.csv \
		--findings demo-out/findings.jsonl --sample demo-out/dip-sample.csv --sample-size 10 --seed 1
	@echo "Report written to report.html; findings, summary and dip sample in demo-out/."

# -n auto: one pytest worker per core (pytest-xdist); --dist worksteal lets an idle worker take tests queued for a busy
# one, so the few long corpus tests do not leave a core idle at the end (6.0 minutes on 2 cores, against 8.2 without).
# One BLAS thread per worker: the learned reader's matrix products would otherwise start two threads in each of the
# two workers on two cores: 15 minutes for the suite against 5 with one thread each.
test: $(STAMP)
	$(BIN)/ruff check vblint tests bench corpora
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n auto --dist worksteal

# Regenerate docs/rules.md, docs/scorecard.md (the test split) and docs/holdout-scorecard.md (the notes written
# independently of the rules and never tuned on: the realistic measure).
docs: $(STAMP)
	$(BIN)/vblint rules --format markdown > docs/rules.md
	$(BIN)/vblint eval corpora/notes/test.jsonl --format markdown > docs/scorecard.md
	$(BIN)/vblint eval corpora/notes/holdout.jsonl --format markdown > docs/holdout-scorecard.md

# Retrain the learned reader on the development split (about 35 minutes on 2 cores); commit the result. A test
# fails when dev.jsonl changes and this was not run. Training needs PyTorch (the train extra); TORCH names the CPU
# build first, since an unpinned torch from PyPI is a CUDA build of several GB.
TORCH ?= torch==2.13.0
model: $(STAMP)
	$(BIN)/python -m pip install --quiet '$(TORCH)'
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	rm -rf vblint/models/encoder
	$(BIN)/python -m vblint.learn corpora/notes/dev.jsonl vblint/models/encoder

bench: $(STAMP)
	$(BIN)/python bench/bench_scan.py

clean:
	rm -rf $(VENV) build dist *.egg-info report.html demo-out
