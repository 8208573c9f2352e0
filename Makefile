# The two commands of a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
WEB := src/marsad/web
WEB_STAMP := $(WEB)/static/vendor/.installed
# the compiled build (`make fast`): its own environment, never editable
FAST := .venv-fast
FAST_STAMP := $(FAST)/.installed
# what compiling needs (the pins of pyproject.toml's build system and test extra)
COMPILE_TOOLS := setuptools==80.9.0 mypy==1.19.1 types-PyYAML==6.0.12.20261122

.PHONY: demo test lint eval bench bench-python clean web browser fast

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# the dashboard's front-end libraries (Leaflet, world-atlas, ...) from the npm registry, copied
# into the package's static/vendor/ (neither node_modules nor vendor/ is committed)
web: $(WEB_STAMP)

$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json $(WEB)/vendor.mjs
	cd $(WEB) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node $(WEB)/vendor.mjs
	touch $@

# Debian's Chromium and an Arabic font for the dashboard's browser test (as root, via apt)
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=ar 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium fonts-noto-core >/dev/null; \
	  else echo "chromium missing and not root: the browser test will be skipped"; fi; \
	fi

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@ $(STAMP)

# marsad with its pipeline compiled to C by mypyc (the modules pyproject.toml lists under
# [tool.marsad]): the same code and records, 1.3 to 1.4 times faster; for corpus runs and the
# benchmarks. Rebuilt when a source changes (about two minutes).
fast: $(FAST_STAMP)

$(FAST_STAMP): pyproject.toml setup.py $(shell find src/marsad -name '*.py') | $(WEB_STAMP)
	test -x $(FAST)/bin/python || $(PYTHON) -m venv $(FAST)
	$(FAST)/bin/python -m pip install --quiet --upgrade pip
	$(FAST)/bin/pip install --quiet $(COMPILE_TOOLS) '.[bench]'
	# (again, compiled: mypyc type-checks against the dependencies installed above)
	MARSAD_COMPILE=1 $(FAST)/bin/pip install --quiet --no-build-isolation --no-deps \
	  --force-reinstall .
	rm -rf build
	$(FAST)/bin/marsad --version
	touch $@

demo: $(STAMP) web
	mkdir -p out
	$(BIN)/marsad extract examples/ --table --format jsonl -o out/events.jsonl --articles out/articles.jsonl
	@echo "events written to out/events.jsonl"
	$(BIN)/marsad ingest examples/ --db out/demo.db
	@echo "store: out/demo.db (try: $(BIN)/marsad events --db out/demo.db)"
	@echo "dashboard: run  $(BIN)/marsad serve --db out/demo.db  and open http://127.0.0.1:8000/"

test: $(TEST_STAMP) web browser
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench

eval: $(STAMP)
	$(BIN)/marsad evaluate --gold eval/dev/gold --json out/eval-dev.json
	$(BIN)/marsad evaluate --gold ../shared/dev-real/gold --json out/eval-dev-real.json
	$(BIN)/marsad evaluate --gold eval/fresh/gold --json out/eval-fresh.json
	$(BIN)/marsad evaluate --gold eval/fresh2/gold --json out/eval-fresh2.json
	$(BIN)/marsad evaluate --gold eval/fresh3/gold --json out/eval-fresh3.json
	$(BIN)/marsad evaluate --gold eval/fresh4/gold --json out/eval-fresh4.json
	$(BIN)/marsad evaluate --gold eval/fresh5/gold --json out/eval-fresh5.json
	$(BIN)/marsad evaluate --gold eval/fresh6/gold --json out/eval-fresh6.json
	$(BIN)/marsad evaluate --gold eval/fresh7/gold --json out/eval-fresh7.json
	$(BIN)/marsad evaluate --gold eval/fresh8/gold --json out/eval-fresh8.json
	$(BIN)/marsad evaluate --gold eval/fresh9/gold --json out/eval-fresh9.json
	$(BIN)/marsad evaluate --gold eval/fresh10/gold --json out/eval-fresh10.json
	$(BIN)/marsad evaluate --gold eval/fresh11/gold --json out/eval-fresh11.json
	$(BIN)/marsad evaluate --gold eval/fresh12/gold --json out/eval-fresh12.json
	$(BIN)/marsad evaluate --gold eval/fresh13/gold --json out/eval-fresh13.json
	$(BIN)/marsad evaluate --gold eval/fresh14/gold --json out/eval-fresh14.json
	$(BIN)/marsad evaluate --gold eval/fresh15/gold --json out/eval-fresh15.json
	$(BIN)/marsad evaluate --gold eval/fresh16/gold --json out/eval-fresh16.json
	$(BIN)/marsad evaluate --gold eval/fresh17/gold --json out/eval-fresh17.json

# the README's Performance figures, with the compiled build (long: about an hour on two cores);
# `make bench-python` measures the plain-Python install the same way
bench: $(FAST_STAMP)
	mkdir -p out/bench
	$(FAST)/bin/python bench/bench_extract.py
	$(FAST)/bin/python bench/bench_run.py

bench-python: $(BENCH_STAMP)
	mkdir -p out/bench
	$(BIN)/python bench/bench_extract.py --profile out/bench/profile.txt
	$(BIN)/python bench/bench_run.py

clean:
	rm -rf $(VENV) $(FAST) build out .pytest_cache $(WEB)/node_modules $(WEB)/static/vendor
