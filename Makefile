SHELL := /bin/bash
# virtstack: two commands do everything.
#   make serve   set up, then serve the site on http://127.0.0.1:8000 with live reload
#   make test    set up, then run the whole test suite (real dot, mkdocs, Chromium)
# Also: make check (validate the model only; FORMAT=github for annotations),
#       make build (static site in site/, Russian edition in site/ru/; ENGINE=zensical to build it with Zensical),
#       make zensical (the same site built with Zensical, in site-zensical/),
#       make render OUT=dir [EDITION=ru] (generated pages and SVGs into any folder),
#       make diff BASE=rev (model changes since rev).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= build/generated
BASE ?= origin/main
FORMAT ?= text
EDITION ?= en
# The engine `make build` uses: mkdocs (publishes today) or zensical (see README, "Engines").
ENGINE ?= mkdocs
ZENSICAL_VENV := .venv-zensical
ifeq ($(filter $(ENGINE),mkdocs zensical),)
$(error ENGINE must be mkdocs or zensical, not '$(ENGINE)')
endif

# Material for MkDocs 9.8.1 announces its end of life for this date, and names
# Zensical as its successor; the builds print it (the banner itself is hidden below).
MATERIAL_EOL := 2027-05-05
EOL_NOTICE := Material for MkDocs reaches end of life on $(MATERIAL_EOL); Zensical is its successor (README, "Engines").

# Where the editions are published: English at SITE_URL, Russian at SITE_URL/ru/
# (mkdocs.yml and mkdocs.ru.yml read both). Unset, both are the `make serve` address.
ifdef SITE_URL
export SITE_URL
export SITE_URL_RU ?= $(SITE_URL)ru/
endif

# No nag banners in build output (the builds print MATERIAL_EOL once instead); reproducible dates in sitemap.xml.
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test test-fast check build zensical render schema diff vendor addresses bench setup setup-test requirements clean

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: setup-test
	$(BIN)/python -m pytest

# The model and generator tests only, in under a minute: no site build, no server, no Chromium
# (tests/conftest.py marks the others `slow`), and a tenth of each property test's examples.
test-fast: setup $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not slow" --hypothesis-profile=fast

check: $(VENV)/.installed
	$(BIN)/python scripts/cli.py check --format $(FORMAT)

# What changed in the model since BASE, with before/after SVGs, in build/model-diff/.
diff: setup
	$(BIN)/python scripts/cli.py diff $(BASE) --out build/model-diff

# One build per edition (the way both MkDocs and Zensical support): English
# into site/, then Russian into site/ru/. ENGINE=zensical builds the same
# layout with Zensical (what the publish workflow uploads either way).
ifeq ($(ENGINE),zensical)
build: setup $(ZENSICAL_VENV)/.installed
	$(BIN)/python scripts/zensical_build.py --out site
	@echo '$(EOL_NOTICE)'
else
build: setup
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f mkdocs.ru.yml
	@echo "engine: MkDocs; built both editions into site/ (Russian in site/ru/)"
	@echo '$(EOL_NOTICE)'
endif

# The same site built with Zensical, which runs no hooks: the CLI renders each
# edition next to the hand-written pages in build/zensical/<lang>/, then
# Zensical builds them into site-zensical/ (Russian in site-zensical/ru/).
zensical: setup $(ZENSICAL_VENV)/.installed
	$(BIN)/python scripts/zensical_build.py --out site-zensical
	@echo '$(EOL_NOTICE)'

render: setup
	$(BIN)/python scripts/cli.py render --out $(OUT) --lang $(EDITION)

# System packages (Graphviz and its font; Chromium for tests) come from apt,
# Python packages from the pinned requirements into .venv.
setup: $(VENV)/.installed
	@scripts/install-system-packages.sh build

setup-test: $(VENV)/.installed-test $(ZENSICAL_VENV)/.installed node_modules/.installed
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
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $@

# Zensical in a venv of its own: its pins never meet the MkDocs build's.
$(ZENSICAL_VENV)/.installed: requirements-zensical.txt
	@scripts/install-system-packages.sh python
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.txt
	touch $@

# Re-pin after editing requirements*.in: each is resolved in a throwaway venv,
# then every pin is written with the hashes of its files, which the installs
# above check (--require-hashes).
requirements:
	PYTHON=$(PYTHON) scripts/pin-requirements.sh

clean:
	rm -rf $(VENV) $(ZENSICAL_VENV) node_modules site site-zensical build test-artifacts .pytest_cache

# Rewrite the JSON Schemas editors use (after changing scripts/virtstack/schema.py).
schema: $(VENV)/.installed
	$(BIN)/python scripts/cli.py schema

# Register the site's current addresses (after adding pages or anchors); see README.
addresses: $(VENV)/.installed
	$(BIN)/python scripts/cli.py addresses

# Measure the build and score pages with Lighthouse (see README, "Performance");
# prints a Markdown report. BENCH_ARGS="--repeat 1" for a quicker look.
bench: setup-test
	$(BIN)/python scripts/bench.py --engines --serve-loop --lighthouse --legibility $(BENCH_ARGS)

# Start a new entity, every expected field holding TODO until it is written (see CONTRIBUTING):
#   make new WHAT=component ID=incus [PART=alternatives]; WHAT is component, source, relation or question.
new: $(VENV)/.installed
	$(BIN)/python scripts/cli.py new $(WHAT) $(ID) $(if $(PART),--part $(PART))
