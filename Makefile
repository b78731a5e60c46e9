# sitegen: publish the portal and run every check.
#   make publish   build content/ into public/ (installs libcmark-dev if needed)
#   make test      unit and end-to-end tests, then the HTML, link and accessibility checks

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: publish test deps swift-test

deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
		echo "Installing libcmark-dev (cmark's C library)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev >/dev/null; }

publish: deps
	$(SWIFT) run sitegen

swift-test: deps
	$(SWIFT) test

test: swift-test
