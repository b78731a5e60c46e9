# sitegen: publish the portal and run every check.
#   make publish      build content/ into public/, with its search index and share cards
#   make test         unit and end-to-end tests, then HTML, link, accessibility and search checks in Chromium
#   make screenshots  the home page and a quote page at 390 and 1280 px, into screenshots/
#   make bench        sitegen against Hugo on a generated corpus (see Benchmarks/README.md)

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BASE_URL := https://example.org/portal/
CHECKS := .build/site-checks
SITEGEN := .build/debug/sitegen

.PHONY: publish test deps search-deps swift-test site-checks screenshots bench

# Debian packages, each installed only when missing: cmark; cairo, Pango and libpng, and
# the DejaVu fonts, for share cards.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
		echo "Installing libcmark-dev (cmark's C library)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev >/dev/null; }
	@{ pkg-config --exists pangocairo libpng 2>/dev/null && fc-list -q 'DejaVu Sans' && fc-list -q 'DejaVu Serif'; } || { \
		echo "Installing libcairo2-dev, libpango1.0-dev, libpng-dev and fonts-dejavu-core (share cards)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcairo2-dev libpango1.0-dev libpng-dev \
			fonts-dejavu-core >/dev/null; }

search-deps:
	@$(PYTHON) -m pagefind --version >/dev/null 2>&1 || { \
		echo "Installing Pagefind (search index) from PyPI…"; \
		$(PYTHON) -m pip install -q --root-user-action=ignore 'pagefind[bin]'; }

publish: deps search-deps
	$(SWIFT) run sitegen build --search --cards

swift-test: deps
	$(SWIFT) build
	@mkdir -p .build
	$(SWIFT) test 2>&1 | tee .build/swift-test.log

# The real portal (with share cards) and a generated fixture site (built, aged by age_fixture.py so it
# has pages at old addresses, and built again), each checked with the Nu HTML Checker,
# the link and fragment checker and axe-core in headless Chromium; then search.
site-checks: deps search-deps
	$(SWIFT) build --product sitegen
	rm -rf $(CHECKS) && mkdir -p $(CHECKS)
	$(SITEGEN) build --quiet --search --cards --content content --output $(CHECKS)/portal
	$(PYTHON) Benchmarks/generate_corpus.py 30 $(CHECKS)/fixture-content --seed 7 >/dev/null
	$(SITEGEN) build --quiet --content $(CHECKS)/fixture-content --output $(CHECKS)/fixture
	$(PYTHON) Tests/SiteChecks/age_fixture.py $(CHECKS)/fixture-content
	$(SITEGEN) build --quiet --search --content $(CHECKS)/fixture-content --output $(CHECKS)/fixture
	bash Tests/SiteChecks/run_all.sh $(CHECKS)/portal --base-url $(BASE_URL)
	bash Tests/SiteChecks/run_all.sh $(CHECKS)/fixture --base-url $(BASE_URL)
	$(PYTHON) Tests/SiteChecks/check_search.py $(CHECKS)/portal "Jill Colbert" \
		quotes/2021-05-11-ofsted-finds-progress-evident-3/ --base-url $(BASE_URL)

# Ends with one line that counts every test and check: "all: N passed, 0 failed".
test: swift-test
	$(MAKE) --no-print-directory site-checks 2>&1 | tee .build/site-checks.log
	@tests=$$(sed -n 's/.*Test run with \([0-9]*\) tests.* passed.*/\1/p' .build/swift-test.log | tail -1); \
	checks=$$(awk '/^[0-9]+ passed, 0 failed$$/ { sum += $$1 } END { print sum + 0 }' .build/site-checks.log); \
	echo "all: $$(( $${tests:-0} + $${checks:-0} )) passed, 0 failed"

screenshots: deps
	$(SWIFT) build --product sitegen
	rm -rf $(CHECKS)/shots-site
	$(SITEGEN) build --quiet --content content --output $(CHECKS)/shots-site
	bash Tests/SiteChecks/install.sh
	$(PYTHON) Tests/SiteChecks/screenshots.py $(CHECKS)/shots-site screenshots --base-url $(BASE_URL)

bench: deps
	bash Benchmarks/run.sh
