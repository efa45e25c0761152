# kiemdiem — the two commands of the README are `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install demo test lint check-pure pytest pytest-pg bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e ".[dev]"
	touch $@

## The main job on the example district: rate the 2021 cycle, write the documents, serve the site.
demo: install
	$(BIN)/kiemdiem demo

## Lint, type checks, import contract, migrations check, then the test suite (SQLite, and
## PostgreSQL too when KIEMDIEM_TEST_POSTGRES_URL is set, as .ci/run does).
test: install lint pytest pytest-pg

lint: install
	$(BIN)/ruff check kiemdiem tests $(wildcard bench)
	$(BIN)/ruff format --check kiemdiem tests $(wildcard bench)
	$(BIN)/mypy kiemdiem
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=kiemdiem.config.settings.test $(BIN)/kiemdiem makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest -q -p no:cacheprovider -n 2

pytest-pg: install
	@if [ -n "$$KIEMDIEM_TEST_POSTGRES_URL" ]; then \
		echo "== test suite on PostgreSQL =="; \
		DATABASE_URL="$$KIEMDIEM_TEST_POSTGRES_URL" $(BIN)/pytest -q -p no:cacheprovider -n 2; \
	else \
		echo "(KIEMDIEM_TEST_POSTGRES_URL not set: PostgreSQL run skipped; .ci/run sets it)"; \
	fi

bench: install
	$(PY) bench/rating.py
	$(PY) bench/constraints.py

clean:
	rm -rf $(VENV) var out .mypy_cache .ruff_cache
