# MJC Platform — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= mjc.settings
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install run serve test test-fast test-browser lint messages stop migrate seed bench-matching bench-data bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# axe-core for the accessibility tests, from npm (never a CDN); skipped where npm is absent
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the axe-core accessibility test will be skipped"; fi

install: $(STAMP) node_modules/.installed

migrate: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py seed_demo

## make run: the whole app with demo data on http://127.0.0.1:8000
run: seed
	@echo "Serving MJC on http://$(HOST):$(PORT)/  (Ctrl+C to stop; 'make stop' stops the embedded PostgreSQL)"
	@export DJANGO_DEBUG=$${DJANGO_DEBUG:-1}; \
	if [ -n "$$REDIS_URL" ]; then \
	  $(VENV)/bin/celery -A mjc worker --loglevel=INFO --concurrency=2 & worker=$$!; \
	  $(VENV)/bin/celery -A mjc beat --loglevel=INFO & beat=$$!; \
	  trap 'kill $$worker $$beat 2>/dev/null' EXIT INT TERM; \
	fi; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: every test, against PostgreSQL (DATABASE_URL or the embedded one) and Redis (REDIS_URL)
test: install
	MJC_TESTING=1 $(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	MJC_TESTING=1 $(PY) -m pytest -m "not browser and not worker" $(PYTEST_ARGS)

test-browser: install
	MJC_TESTING=1 $(PY) -m pytest tests/browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

## Rebuild the message catalogs of every app (English msgids, Indonesian catalogs) and compile them
messages: install
	$(PY) scripts/messages.py

stop:
	@test -x $(PY) && $(PY) -m mjc.devdb stop || true

bench-matching: install
	MJC_TESTING=1 $(PY) manage.py bench_matching

## make bench-data: fill the separate bench database (BENCH_DATABASE_URL) at province scale; BENCH_ARGS="--scale 0.02"
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mjc_bench
export BENCH_DATABASE_URL
bench-data: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench_data $(BENCH_ARGS)

## make bench: gunicorn on the bench database, every endpoint of issue 8 against a bare view; BENCH_ARGS="--compare-db URL --only gigs"
bench: install
	$(PY) scripts/bench.py $(BENCH_ARGS)

clean: stop
	rm -rf .data
