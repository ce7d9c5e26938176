# Two commands for a new user: `make demo` (set up, start Neo4j, load, ask) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus
BRIEF ?= brief.html
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test chromium bench clean-server

$(BIN)/irkg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/irkg

# Debian's Chromium for the Neo4j Browser test (Playwright drives it; it never downloads a browser).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

demo: install
	$(BIN)/irkg neo4j start
	$(BIN)/irkg schema apply
	$(BIN)/irkg load $(CORPUS)
	$(BIN)/irkg stats
	$(BIN)/irkg ask "what constrains arms deliveries?"
	$(BIN)/irkg report -o $(BRIEF)
	@echo "brief: $(abspath $(BRIEF))"

test: install chromium
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_queries.py
	$(BIN)/python bench/bench_report.py
