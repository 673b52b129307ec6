# Two commands do everything on a fresh machine: `make run` and `make test`.
# Every target creates what it needs first (virtualenv, node tools), so the order never matters.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run serve serve-prod setup test lint format check pytest lighthouse browser-deps messages bench clean search-engine

help:
	@echo "make run     install, migrate, load the initial content and serve on http://127.0.0.1:$(PORT)"
	@echo "             (with the worker that delivers complaints; Ctrl-C stops both)"
	@echo "make serve-prod  the production stack locally: gunicorn with production settings and"
	@echo "             throwaway secrets, Varnish in front when installed (docs/deployment.md)"
	@echo "make test    lint, Django checks, migration check and the whole test suite"
	@echo "make bench   benchmarks (numbers printed, never pass/fail)"
	@echo "make lighthouse  Lighthouse on every kind of page against a production-like server (slow)"
	@echo "make search-engine  a throwaway Elasticsearch node in the foreground (Ctrl-C stops it);"
	@echo "             then ELASTICSEARCH_URL=http://127.0.0.1:9250 make run, or manage.py update_index"
	@echo "make messages  extract and compile the translation catalogues"
	@echo "make format  fix what the linters can fix (ruff, djhtml, stylelint)"

# The virtualenv is rebuilt only when a requirements file changes.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(BIN)/.installed

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) ensure_dev_superuser
	PORT=$(PORT) $(MANAGE) ensure_dev_site
	@# The complaint delivery worker runs beside the server; Ctrl-C (or any exit) stops both.
	$(MANAGE) db_worker --backend complaints --queue-name complaints & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production settings, gunicorn and Varnish on 127.0.0.1:$(PORT); Ctrl-C stops everything.
serve-prod: setup
	PORT=$(PORT) $(BIN)/python -m deploy.serve_prod

# Debian's chromium drives the browser tests; never `playwright install` (it downloads a browser).
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y --no-install-recommends chromium >/dev/null || \
	      { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }; \
	  else echo "Install Debian's chromium (apt-get install chromium) to run the browser tests."; exit 1; fi; }

# The checks of .pre-commit-config.yaml, run without needing `pre-commit install`.
lint: setup node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	node_modules/.bin/stylelint "static/css/**/*.css"

format: setup node_modules/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates
	node_modules/.bin/stylelint --fix "static/css/**/*.css"

check: setup
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

pytest: setup browser-deps
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test: lint check pytest

# Left out of `make test`: several minutes (see tests/test_lighthouse.py).
lighthouse: setup browser-deps
	$(BIN)/pytest -m lighthouse

# Extract new strings from code, templates and scripts, then compile the catalogues.
messages: setup
	$(MANAGE) makemessages --locale es --locale en --ignore ".venv/*" --ignore "node_modules/*" --no-obsolete
	@# JavaScript strings: only wagtail-localize's words we override (editorial/admin_vocabulary.js).
	$(MANAGE) makemessages --domain djangojs --locale es --locale en --ignore ".venv/*" --ignore "node_modules/*" --ignore "static/vendor/*" --no-obsolete
	$(MANAGE) compilemessages --ignore ".venv/*"

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/embed_throughput.py
	$(BIN)/python bench/complaints.py
	bench/fresh_clone.sh

# A throwaway single-node Elasticsearch for development (deploy/elasticsearch/run-test-node.sh).
search-engine:
	deploy/elasticsearch/run-test-node.sh foreground

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
