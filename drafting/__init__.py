"""Drafting, in the order of the flow (each package imports only those before it):

domain → review → plan → write → output → engine → shell

- domain: draft types, report kinds, organisation profile, writing date and timeline, facts, guard
- review: the checks a reviewer makes, run at run time and by evals/
- plan:   facts → outline (which section carries each fact), last year's report
- write:  the offline composer and the LLM writer, prompts, validation, sections side by side
- output: render (Markdown, text), the Word export and merge, the draft store
- engine: facts → outline → sections → checks → store, the one sequence every entry point calls
- shell:  settings, wiring, workbench, presenters, CLI

Below drafting: retrieval/ (the index of earlier reports) and, under both, lexicon/ (the vocabulary
of 公文: roles, kinds, levels, numerals, figures, script, hidden characters, cue tables).
"""
