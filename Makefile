# make help — the targets CI and developers share.
.PHONY: help install checker test slow browser lint eval bench ci

help:            ## list targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*##/ —/'

install:         ## install the project and its test tools (pinned by constraints.txt)
	pip install -c constraints.txt -e ".[test]"

GONGWEN_VENV ?= /tmp/gongwen-venv
checker:         ## the independent GB/T 9704 checker (gongwen-skill) in a venv of its own, never ours
	python3 -m venv $(GONGWEN_VENV)
	$(GONGWEN_VENV)/bin/pip install -q gongwen-skill==2.15.0

test:            ## fast tests (the README's test command)
	pytest -q

slow:            ## tests that start servers or render documents
	pytest -q -m slow -n 0

browser:         ## tests that drive Chromium
	pytest -q -m browser -n 0

lint:            ## ruff and the layer rule (import-linter)
	ruff check .
	lint-imports

eval:            ## draft every case in evals/cases offline and check it
	reportdraft eval --cases evals/cases

bench:           ## benchmarks (print their figures; see docs/BENCHMARKS.md)
	python -m evals.bench_index --reports 10000
	python -m evals.bench_draft

ci:              ## what CI runs
	bash .ci/run
