# Two commands on a fresh machine: `make run` (the app, offline) and `make test` (everything CI runs).
# Both make or refresh .venv from constraints.txt first, and only when pyproject.toml or
# constraints.txt changed since it was made (the stamp's name is a hash of both), so a second run
# starts at once. `make help` lists the targets.
.PHONY: help run test quick slow browser lint eval bench ci venv system-packages checker

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export VIRTUAL_ENV := $(CURDIR)/$(VENV)
# The independent GB/T 9704 checker of tests/test_word_checker.py lives in a venv of its own: the
# package gongwen-skill installs top-level packages engine, gongwen, rules and a prompts folder that
# would shadow ours, so it never enters .venv. Only that test runs it, offline.
CHECKER := .venv-gongwen
CHECKER_STAMP := $(CHECKER)/.installed-gongwen-skill-2.15.0
export REPORTDRAFT_GONGWEN := $(CURDIR)/$(CHECKER)/bin/gongwen

help:            ## list targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*##/ —/'

run: $(STAMP)    ## the app, offline, on http://127.0.0.1:7860 (Ctrl+C stops it)
	python app.py

test: $(STAMP) $(CHECKER_STAMP) system-packages  ## everything CI runs: ruff, layers, fast, slow and browser tests
	ruff check .
	lint-imports
	REPORTDRAFT_DB=$$(mktemp -d) pytest -q
	REPORTDRAFT_DB=$$(mktemp -d) pytest -q -m slow -n 0
	REPORTDRAFT_DB=$$(mktemp -d) pytest -q -m browser -n 0

quick: $(STAMP)  ## the fast suite only (a minute): for the edit-test loop
	REPORTDRAFT_DB=$$(mktemp -d) pytest -q

slow: $(STAMP) $(CHECKER_STAMP)  ## tests that start servers or render documents
	pytest -q -m slow -n 0

browser: $(STAMP)  ## tests that drive Chromium
	pytest -q -m browser -n 0

lint: $(STAMP)   ## ruff and the layer rule (import-linter)
	ruff check .
	lint-imports

eval: $(STAMP)   ## draft every case in evals/cases offline and check it
	reportdraft eval --cases evals/cases

bench: $(STAMP)  ## benchmarks (print their figures; see docs/BENCHMARKS.md)
	python -m evals.bench_index --reports 10000
	python -m evals.bench_draft

ci:              ## what CI runs (.ci/run: make test)
	bash .ci/run

venv: $(STAMP)   ## make or refresh .venv only

checker: $(CHECKER_STAMP)  ## the GB/T 9704 checker (gongwen-skill) in .venv-gongwen, never in .venv

$(CHECKER_STAMP):
	$(PYTHON) -m venv $(CHECKER)
	$(CHECKER)/bin/python -m pip install -q gongwen-skill==2.15.0
	@touch $@

system-packages:  ## the Debian packages the slow and browser tests need (installed as root)
	@bash .ci/system-packages

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "需要 Python 3.11 或更新版本（$(PYTHON)：$$($(PYTHON) --version 2>&1)）；可用 make PYTHON=python3.12 … 指定。"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "$(PYTHON) 不能创建虚拟环境：请先安装 python3-venv（Debian：apt-get install python3-venv）。"; exit 1; }
	@rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -c constraints.txt -e ".[test]"
	@touch $@
