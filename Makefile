# newscrawl: every target sets itself up; nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install debian-packages demo demo-reset crawl test lint format bench site clean

# The real servers some tests run on 127.0.0.1 (WordPress on MariaDB for the wordpress spider),
# and the browser that renders pages built by JavaScript.
DEBIAN_PACKAGES := wordpress mariadb-server php-cli php-mysql php-xml chromium

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "newscrawl needs Python 3.11 or newer as $(PYTHON) (set PYTHON=... to pick another)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq python3-venv; \
		else \
			echo "$(PYTHON) cannot create virtualenvs: install Debian's python3-venv (as root: apt-get install python3-venv)"; \
			exit 1; \
		fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv with the pinned requirements

debian-packages: ## Install the Debian packages of the real-server tests and the browser (as root)
	@if dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's $(DEBIAN_PACKAGES) for the WordPress and browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	else \
		echo "The WordPress and browser tests need Debian's $(DEBIAN_PACKAGES): as root, apt-get install $(DEBIAN_PACKAGES). They are skipped until then."; \
	fi

demo: $(STAMP) debian-packages ## Crawl every bundled offline copy, a line per outlet (state kept in demo-output/)
	$(BIN)/python -m newscrawl.dev.demo

demo-reset: ## Forget the demo's state and output
	rm -rf demo-output

crawl: $(STAMP) ## Crawl every live outlet of every network into output/ (needs internet)
	$(BIN)/scrapy crawlall

test: $(STAMP) debian-packages ## Run every test (unit, doctest, end-to-end, real WordPress)
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP) ## Print speed figures and the normalizer's score on our own cases
	$(BIN)/python -m newscrawl.dev.bench

site: $(STAMP) ## Rebuild the offline copies in newscrawl/dev/sites/ from their builders
	$(BIN)/python -m newscrawl.dev.sites.build_nusadaily
	$(BIN)/python -m newscrawl.dev.sites.build_networks

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
