# Every target creates the virtualenv it needs, so a fresh clone only needs Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install test test-fast test-thorough test-wheel lint format typecheck generate check-generated mock bench bench-quick soak all clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,dev]'
# no ceiling on hypothesis: the strategies are tested against its newest release
	$(PY) -m pip install --quiet --upgrade hypothesis
	touch $(STAMP)

install: $(STAMP) ## create .venv and install threadspec editable with every extra and the dev tools

generate: $(STAMP) ## regenerate src/threadspec/_generated from spec/openapi.yaml
	$(PY) -m codegen generate

check-generated: $(STAMP) ## fail (with a diff) when the generated code is stale
	$(PY) -m codegen check

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP) ## mypy --strict on src/ and codegen/
	$(BIN)/mypy

test-fast: $(STAMP) ## the pytest suite alone (ci hypothesis profile)
	$(BIN)/pytest -n 2

test: check-generated lint typecheck test-fast ## everything CI runs

test-wheel: $(STAMP) ## build the wheel, install it into fresh venvs (no extras, [all]) and use it (~1.5 min)
	$(BIN)/pytest -m soak -p no:cacheprovider tests/test_wheel.py

test-thorough: $(STAMP) ## the suite with many more hypothesis examples
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest -n 2

mock: $(STAMP) ## run the mock server on http://127.0.0.1:4010 (stateful)
	$(BIN)/threadspec mock

bench: $(STAMP) ## print the benchmark tables (see bench/README.md); npm-installs Steady and Prism when missing
	$(PY) bench/run.py --install

bench-quick: $(STAMP) ## a short smoke run of every benchmark part
	$(PY) bench/run.py --quick --install

soak: $(STAMP) ## long reliability runs (minutes)
	$(BIN)/pytest -n 2 -m soak -p no:cacheprovider tests/reliability

all: test test-wheel ## what CI runs

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
