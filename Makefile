# Shortcuts for the commands in CONTRIBUTING.md. Every target uses the project's .venv.
PY := .venv/bin/python
VENV_BIN := .venv/bin
SRC := story_tui tests benchmarks

.PHONY: help venv test test-fast test-parallel lint format snapshots bench bench-hostile bench-refresh ci

help:
	@echo "make venv          create .venv and install story-tui with its test extras"
	@echo "make test          the whole suite, as CI runs it (README's test command)"
	@echo "make test-fast     the suite without slow and fuzz tests, on 2 workers"
	@echo "make test-parallel the whole suite on 2 workers (pytest-xdist)"
	@echo "make lint          ruff, ruff format --check, mypy --strict, lint-imports (the layers)"
	@echo "make format        ruff --fix and ruff format"
	@echo "make snapshots     regenerate the SVG snapshots (look at each before committing)"
	@echo "make bench         the benchmarks; writes docs/performance-results.md (~5 min)"
	@echo "make bench-hostile time limits for hostile input (~20 s)"
	@echo "make bench-refresh refresh of 50 feeds x 20 entries from local servers (~2 min)"
	@echo "make ci            what .ci/run does (needs chromium for the serve tests)"

venv:
	python3 -m venv .venv && $(VENV_BIN)/pip install -q -e ".[test]"

test:
	$(PY) -m pytest

test-fast:
	$(PY) -m pytest -q -n 2 -m "not slow and not fuzz"

test-parallel:
	$(PY) -m pytest -q -n 2

lint:
	$(VENV_BIN)/ruff check $(SRC)
	$(VENV_BIN)/ruff format --check $(SRC)
	$(VENV_BIN)/mypy
	$(VENV_BIN)/lint-imports

format:
	$(VENV_BIN)/ruff check --fix $(SRC)
	$(VENV_BIN)/ruff format $(SRC)

snapshots:
	$(PY) -m pytest tests/test_snapshots.py --snapshot-update

bench:
	$(PY) benchmarks/run.py --rounds 9

bench-refresh:
	$(PY) benchmarks/refresh_bench.py

bench-hostile:
	$(PY) benchmarks/hostile.py

ci:
	bash .ci/run
