# Onward: `make run` to start it, `make test` to run every test. Both work on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run demo test test-deps lint bench docs clean

run: $(VENV)/.installed  ## install Onward into .venv and start it on the embedded SQLite default
	$(VENV)/bin/onward serve

demo: $(VENV)/.installed  ## start Onward on a throwaway demo database
	ONWARD_DATA_DIR=$$(mktemp -d) sh -c '$(VENV)/bin/onward demo && $(VENV)/bin/onward serve'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[pdf]'
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed pyproject.toml
	$(PIP) install -e '.[test,pdf,ml]'
	touch $@

test-deps: $(VENV)/.test-installed  ## Python test extras, Debian's Chromium and PostgreSQL server binaries
	sh scripts/install-system-deps.sh

test: test-deps  ## the whole suite: store on SQLite and PostgreSQL, CLI, web, real Chromium
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports  # the layers of DESIGN.md (contracts in pyproject.toml)
	$(PY) -m pytest

bench: test-deps  ## print the benchmark figures
	$(PY) bench/run.py

docs: $(VENV)/.installed  ## regenerate docs/cli-reference.md, docs/settings.md and the SQLite schema script from the code
	$(PY) scripts/gen_docs.py
	$(PY) scripts/gen_sqlite_schema.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
