# The two commands of a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/marsad extract examples/ --table --format jsonl -o out/events.jsonl --articles out/articles.jsonl
	@echo "events written to out/events.jsonl"
	$(BIN)/marsad ingest examples/ --db out/demo.db
	@echo "store: out/demo.db (try: $(BIN)/marsad events --db out/demo.db)"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench

eval: $(STAMP)
	$(BIN)/marsad evaluate --gold eval/dev/gold --json out/eval-dev.json
	$(BIN)/marsad evaluate --gold ../shared/dev-real/gold --json out/eval-dev-real.json

clean:
	rm -rf $(VENV) out .pytest_cache
