# kehoach — the two commands of the README: `make run` and `make test`.
# Both create .venv when missing, install the package into it, and install the
# system packages the project needs (tesseract for OCR, fonts-liberation2, chromium
# for the browser test) when apt is available: see scripts/install-system-deps.sh.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= kehoach.db
SAMPLE_DOCS := samples/pdf

.PHONY: run test clean system-deps samples bench serve lint

run: $(STAMP) system-deps
	@$(BIN)/kehoach ingest $(SAMPLE_DOCS) --db $(DB)
	@echo "--- registry: $(DB)"
	@$(BIN)/kehoach summary --db $(DB)
	@echo "--- example query: which tasks cite Chỉ thị 33/CT-TTg?  (kehoach cites 33/CT-TTg)"
	@COLUMNS=110 $(BIN)/kehoach cites 33/CT-TTg --db $(DB) --format table

test: $(STAMP) system-deps
	@$(BIN)/python -m pytest -q

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

# Reinstall only when the package definition changes; quiet otherwise.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "installing kehoach into $(VENV) ..."
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

system-deps:
	@sh scripts/install-system-deps.sh

# Rebuild the sample PDFs from samples/source (Debian's fonts-liberation2 comes with system-deps).
samples: $(STAMP) system-deps
	@$(BIN)/python samples/make_samples.py

lint: $(STAMP)
	@$(BIN)/ruff check extractors pipeline schemas kehoach tests

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis $(DB) $(DB)-wal $(DB)-shm
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Speed and memory figures (not a test): writes benchmarks/results.json, then times the
# registry's queries at 20,000 documents (benchmarks/registry_scale.py, a few minutes).
bench: $(STAMP) system-deps
	@$(BIN)/python benchmarks/bench.py
	@$(BIN)/python benchmarks/registry_scale.py --docs 20000

# Datasette on http://127.0.0.1:$(PORT)/ over the registry (read-only); ingests the samples first
# when the registry does not exist yet.
PORT ?= 8001
serve: $(STAMP)
	@test -f $(DB) || $(BIN)/kehoach ingest $(SAMPLE_DOCS) --db $(DB) --no-progress
	@$(BIN)/kehoach serve --db $(DB) --port $(PORT)
