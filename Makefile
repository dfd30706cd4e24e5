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

.PHONY: run test clean system-deps samples bench serve lint cluster

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

# Speed and memory figures (not a test): writes benchmarks/results.json; then the local pool
# against a Dask cluster on this machine, the writer's rate and the unit costs behind
# docs/SCALING.md (benchmarks/scaling.py → scaling.json); then the registry's queries at 20,000
# documents (benchmarks/registry_scale.py). A few minutes each.
bench: $(STAMP) system-deps
	@$(BIN)/python benchmarks/bench.py
	@$(BIN)/python benchmarks/scaling.py
	@$(BIN)/python benchmarks/registry_scale.py --docs 20000

# Datasette on http://127.0.0.1:$(PORT)/ over the registry (read-only); ingests the samples first
# when the registry does not exist yet.
PORT ?= 8001
serve: $(STAMP)
	@test -f $(DB) || $(BIN)/kehoach ingest $(SAMPLE_DOCS) --db $(DB) --no-progress
	@$(BIN)/kehoach serve --db $(DB) --port $(PORT)

# A Dask cluster on this machine: one scheduler and two single-thread workers from the venv
# (Ctrl-C stops them). In another terminal:
#   .venv/bin/kehoach ingest samples/pdf --scheduler tcp://127.0.0.1:8786
# On more machines, run the same `dask worker tcp://SCHEDULER:8786 ...` on each, with kehoach installed.
# The two DASK_ settings (as cluster.QUIET_DASK) spare a small machine Dask's profiler and 20 ms
# tick, about 10% of a core with the cluster idle.
SCHEDULER_PORT ?= 8786
DASHBOARD_PORT ?= 8787
cluster: export DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED = False
cluster: export DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL = 1s
cluster: $(STAMP) system-deps
	@echo "scheduler tcp://127.0.0.1:$(SCHEDULER_PORT), dashboard http://127.0.0.1:$(DASHBOARD_PORT)/status (Ctrl-C stops)"
	@trap 'kill $$scheduler $$workers 2>/dev/null; wait' INT TERM; \
	$(BIN)/dask scheduler --host 127.0.0.1 --port $(SCHEDULER_PORT) \
		--dashboard-address 127.0.0.1:$(DASHBOARD_PORT) & scheduler=$$!; \
	$(BIN)/dask worker tcp://127.0.0.1:$(SCHEDULER_PORT) --host 127.0.0.1 --nworkers 2 --nthreads 1 \
		--no-dashboard & workers=$$!; \
	wait
