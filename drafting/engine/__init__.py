"""The engine: facts → outline → sections → checks → store, the one sequence every entry point calls
(the app's Workbench step by step, the CLI, the evals and a tool in one go).

    from drafting.engine import DraftRequest, Engine, Outputs
    result = Engine(index, writer, store).run(DraftRequest(meta, facts), Outputs(docx=Path("d.docx")))
    result.draft, result.results, result.files
"""

from __future__ import annotations

from drafting.domain.types import Draft, DraftMeta
from drafting.write.base import SectionWriter
from drafting.write.events import DraftEvent, EventKind, OnEvent

from .engine import Engine
from .request import DraftRequest, DraftResult, Outputs, OutputsNotWritten, check_writable

__all__ = ["DraftEvent", "DraftRequest", "DraftResult", "Engine", "EventKind", "OnEvent", "Outputs",
           "OutputsNotWritten", "check_writable", "draft_report"]


def draft_report(meta: DraftMeta, facts_text: str, index=None, writer: SectionWriter | None = None,
                 on_event: OnEvent | None = None, concurrency: int = 4,
                 exclude_docs: tuple[str, ...] = ()) -> Draft:
    """Facts in, a whole Draft out, nothing kept: the engine in one call for Python code and tests."""
    request = DraftRequest(meta, facts_text, exclude_docs=exclude_docs)
    return Engine(index, writer, concurrency=concurrency).draft(request, on_event)
