SHELL := /bin/bash
# virtstack: two commands do everything.
#   make serve   set up, then serve the site on http://127.0.0.1:8000 with live reload
#   make test    set up, then run the whole test suite (real dot, mkdocs, Chromium)
# Also: make check (validate the model only; FORMAT=github for annotations),
#       make build (static site in site/, Russian edition in site/ru/),
#       make render OUT=dir [EDITION=ru] (generated pages and SVGs into any folder),
#       make diff BASE=rev (model changes since rev).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= build/generated
BASE ?= origin/main
FORMAT ?= text
EDITION ?= en

# Where the editions are published: English at SITE_URL, Russian at SITE_URL/ru/
# (mkdocs.yml and mkdocs.ru.yml read both). Unset, both are the `make serve` address.
ifdef SITE_URL
export SITE_URL
export SITE_URL_RU ?= $(SITE_URL)ru/
endif

# No nag banners in build output; reproducible dates in sitemap.xml.
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test check build render schema diff vendor addresses bench setup setup-test requirements clean

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: setup-test
	$(BIN)/python -m pytest

check: $(VENV)/.installed
	$(BIN)/python scripts/cli.py check --format $(FORMAT)

# What changed in the model since BASE, with before/after SVGs, in build/model-diff/.
diff: setup
	$(BIN)/python scripts/cli.py diff $(BASE) --out build/model-diff

# One build per edition (the way both MkDocs and Zensical support): English
# into site/, then Russian into site/ru/.
build: setup
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f mkdocs.ru.yml

render: setup
	$(BIN)/python scripts/cli.py render --out $(OUT) --lang $(EDITION)

# System packages (Graphviz and its font; Chromium for tests) come from apt,
# Python packages from the pinned requirements into .venv.
setup: $(VENV)/.installed
	@scripts/install-system-packages.sh build

setup-test: $(VENV)/.installed-test node_modules/.installed
	@scripts/install-system-packages.sh test

# Browser libraries pinned in package-lock.json: axe-core for the tests, and
# panzoom, which `make vendor` copies into docs/ with its licence.
node_modules/.installed: package.json package-lock.json
	@scripts/install-system-packages.sh node
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

vendor: node_modules/.installed
	cp node_modules/@panzoom/panzoom/dist/panzoom.min.js docs/javascripts/vendor/panzoom.min.js
	cp node_modules/@panzoom/panzoom/MIT-License.txt docs/javascripts/vendor/panzoom.LICENSE.txt

$(VENV)/.installed: requirements.txt
	@scripts/install-system-packages.sh python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Re-pin after editing requirements*.in: resolves in throwaway venvs.
requirements:
	rm -rf build/pin && $(PYTHON) -m venv build/pin/a && $(PYTHON) -m venv build/pin/b
	build/pin/a/bin/pip install --quiet -r requirements.in
	build/pin/b/bin/pip install --quiet -r requirements.in -r requirements-test.in
	{ echo "# Pinned from requirements.in by 'make requirements'. Do not edit by hand."; build/pin/a/bin/pip freeze; } > requirements.txt
	{ echo "# Pinned from requirements-test.in by 'make requirements'. Do not edit by hand."; echo "-r requirements.txt"; \
	  build/pin/b/bin/pip freeze | grep -vxFf <(build/pin/a/bin/pip freeze); } > requirements-test.txt
	rm -rf build/pin

clean:
	rm -rf $(VENV) node_modules site build test-artifacts .pytest_cache

# Rewrite the JSON Schemas editors use (after changing scripts/virtstack/schema.py).
schema: $(VENV)/.installed
	$(BIN)/python scripts/cli.py schema

# Register the site's current addresses (after adding pages or anchors); see README.
addresses: $(VENV)/.installed
	$(BIN)/python scripts/cli.py addresses

# Measure the build and score pages with Lighthouse (see README, "Performance");
# prints a Markdown report. BENCH_ARGS="--repeat 1" for a quicker look.
bench: setup-test
	$(BIN)/python scripts/bench.py --lighthouse --legibility $(BENCH_ARGS)
