# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
ECHARTS_VERSION := 5.6.0

.PHONY: run test install setup static demo bench lint messages check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# ECharts comes from the npm registry at set-up time; it is neither committed nor fetched from a CDN.
static/vendor/echarts/echarts.min.js:
	mkdir -p var/npm static/vendor/echarts
	cd var/npm && npm install --silent --no-audit --no-fund --prefix . echarts@$(ECHARTS_VERSION)
	cp var/npm/node_modules/echarts/dist/echarts.min.js $@
	cp var/npm/node_modules/echarts/LICENSE static/vendor/echarts/LICENSE

static: static/vendor/echarts/echarts.min.js

.env:
	$(BIN)/python -c "import secrets; print('DJANGO_DEBUG=1'); print('DJANGO_SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

setup: install static .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_demo_superuser

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install static
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# A quick SQLite run by default; DATABASE_URL=postgres://... for the full size, BENCH_ARGS="--scale 0.1".
bench: install static
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .

# English is the source language; Chinese (the default) is locale/zh_Hans. After adding strings:
# `make messages`, translate every new or fuzzy entry of locale/zh_Hans/LC_MESSAGES/django.po
# (and drop its fuzzy flag), then `make messages` again to compile, and commit the .po and .mo.
# Needs GNU gettext (apt-get install gettext); a machine that only runs the site does not.
I18N_IGNORE := --ignore=.venv --ignore=var --ignore=staticfiles --ignore=node_modules --ignore=benchmarks
messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l zh_Hans $(I18N_IGNORE) --no-obsolete
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages $(I18N_IGNORE)

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
	DJANGO_ALLOWED_HOSTS=registry.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var staticfiles static/vendor
