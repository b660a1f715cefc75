# The two set-up commands of the README. Each builds its own virtual environment from
# pyproject.toml, so a fresh machine needs nothing but Python 3.11+.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## make run: set up, create the demo database if absent, and open NerveChart on it.
run: $(STAMP)
	$(VENV)/bin/nervechart demo
	$(VENV)/bin/nervechart

## make test: set up, then run the layering contracts, the linter and the whole test suite.
test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check app tests benchmarks scripts packaging
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

## make bench: every benchmark script in benchmarks/, one after another.
bench: $(STAMP)
	for script in benchmarks/*.py; do \
	  name=$$(basename $$script .py); [ $$name = __init__ ] || $(PY) -m benchmarks.$$name; done

clean:
	rm -rf $(VENV) build dist
