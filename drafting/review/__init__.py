"""Review: the checks a reviewer makes, run on a Draft and its facts — at run time (before a model's
section is delivered, in the app's 运行检查) and by evals/ on the case set.

Each check is a function `check(draft, guard) -> CheckResult` whose Findings name the section and
the sentence. A check passes only when it has no finding. Whether its findings keep a model's answer
from being shown is said by the check itself (`CheckResult(…, blocks=True)`): figures invented or
altered, another organisation's names, wording the writing date rules out, chat or prompt residue.
"""

from __future__ import annotations

from drafting.domain.findings import Finding
from drafting.domain.guard import ForeignGuard, guard_for
from drafting.domain.types import Draft

from .accuracy import figure_accuracy, markers
from .base import CheckResult
from .filing import placement
from .foreign import foreign_particulars, time_wording
from .form import form, leftovers, required_sections
from .hygiene import hygiene
from .prose import broken, claims, repetition
from .terms import official_terms
from .who import organisation, period, script

CHECKS = [required_sections, figure_accuracy, foreign_particulars, time_wording, leftovers, markers, form,
          hygiene, organisation, period, script, placement, claims, repetition, broken, official_terms]

__all__ = ["CHECKS", "CheckResult", "Finding", "check_draft", "findings_by_section", "run_checks"]


def run_checks(draft: Draft, guard: ForeignGuard | None = None) -> list[CheckResult]:
    return [check(draft, guard) for check in CHECKS]


def check_draft(draft: Draft, index=None) -> list[CheckResult]:
    """All checks; the foreign-particulars list is built from the documents of the index (a
    retrieval.index.ReportIndex) when there is one."""
    return run_checks(draft, guard_for(draft, index.documents()) if index is not None else None)


def findings_by_section(results: list[CheckResult]) -> dict[str, list[tuple[str, Finding]]]:
    """For the interface: section id → [(check label, finding)], '' for whole-draft findings."""
    out: dict[str, list[tuple[str, Finding]]] = {}
    for result in results:
        for finding in result.findings:
            out.setdefault(finding.section_id, []).append((result.label, finding))
    return out
