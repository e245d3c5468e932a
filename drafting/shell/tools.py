"""The drafting tools that agent platforms (Dify, MaxKB, FastGPT) call, as plain Python over the
app's Workbench: draft a report, check a draft, search the example passages. mcp_tools.py (MCP)
and http_api.py (/api/v1) only translate to and from these; every call checks the caller's token
first (access.py)."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import quote

from drafting.domain.meta import build_meta
from drafting.domain.types import Draft
from drafting.engine import DraftRequest as Request
from drafting.engine import Engine
from drafting.errors import InputError
from drafting.output.render import to_markdown
from drafting.output.text_draft import draft_from_text
from drafting.review import CheckResult
from lexicon.roles import Role

from .access import ToolAccess
from .workbench import Workbench

DOC_FIELDS = ("doc_number", "signer", "cc", "printer")
FACT_CHECKS = ("figure_accuracy", "markers")
"""The checks that compare the draft with its facts: not run on a pasted text given without them."""
MAX_TEXT = 200_000
KEEP_FILES = 200
"""Word files kept for download; the oldest link stops working after this many newer drafts."""


@dataclass(frozen=True)
class DraftRequest:
    """What the caller asks for: the form of the page's tab 1, as one object."""

    org: str
    year: int
    kind: str
    """fazhi, pufa or zongjie."""
    facts: str
    """One fact per line, as staff paste them."""
    period: str = ""
    date: str = ""
    addressee: str = ""
    short_name: str = ""
    doc_number: str = ""
    signer: str = ""
    cc: str = ""
    printer: str = ""

    @classmethod
    def of(cls, values: dict) -> DraftRequest:
        """From a JSON body or tool arguments: known fields only, empty ones as defaults."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: ("" if v is None else v) for k, v in values.items() if k in names})


def make_draft(request: DraftRequest, engine: Engine) -> Draft:
    """The tool's arguments translated for the engine, which drafts as `reportdraft draft` does (and
    the page's 生成提纲 then 生成初稿): the metadata checked, the facts outlined, every section written."""
    extra = {name: getattr(request, name) for name in DOC_FIELDS if getattr(request, name)}
    meta = build_meta(request.org, request.year, request.kind, request.short_name, request.addressee,
                      request.date, request.period, **extra)
    return engine.draft(Request(meta, request.facts))


def findings_json(results: list[CheckResult], draft: Draft) -> dict:
    """The checks as a caller reads them: passed or not, and each finding with where it is."""
    headings = {s.id: s.heading or "导语" for s in draft.sections}
    findings = [{"check": r.label, "section": headings.get(f.section_id, ""), "message": f.message,
                 "sentence": f.sentence} for r in results for f in r.findings]
    return {"passed": all(r.passed for r in results), "failed": [r.label for r in results if not r.passed],
            "checked": [r.label for r in results], "findings": findings}


@dataclass
class DraftAnswer:
    draft: Draft
    results: list[CheckResult]
    word_url: str

    @property
    def markdown(self) -> str:
        """With its 【F3】 markers (every figure traceable) and the notes to confirm, as the CLI writes it."""
        return to_markdown(self.draft, results=self.results)

    def to_dict(self) -> dict:
        return {"id": self.draft.id, "title": self.draft.meta.title, "markdown": self.markdown,
                "checks": findings_json(self.results, self.draft), "word_url": self.word_url,
                "warnings": self.draft.warnings, "draft": self.draft.to_dict()}


class AgentTools:
    """The three tools over one app's Workbench (index, store, writer)."""

    def __init__(self, workbench: Workbench, access: ToolAccess, public_url: str = "") -> None:
        self.wb, self.access, self.public_url = workbench, access, public_url.rstrip("/")
        # made at the first export (0700) under the app's tmp/: removed at exit or SIGTERM, and at the
        # next start after a kill (output/exports.py)
        self.export_dir = workbench.settings.data_dir / "tmp" / "exports" / "api"
        self._files: OrderedDict[str, Path] = OrderedDict()
        self._lock = threading.Lock()

    def draft(self, request: DraftRequest, token: str, base_url: str = "") -> DraftAnswer:
        """Draft, save (the page lists it under 已保存的草稿), check, export the Word file."""
        self.access.check(token)
        draft = self.wb.engine.save(make_draft(request, self.wb.engine), "api")
        docx, _ = self.wb.export(draft, self.export_dir)
        return DraftAnswer(draft, self.wb.check(draft), self._link(docx, base_url))

    def check(self, text: str, facts: str, token: str) -> dict:
        """The checks on a draft given as this tool's JSON, or as Markdown/plain text (with its facts
        for the figure checks)."""
        self.access.check(token)
        draft = read_draft(text, facts)
        results = self.wb.check(draft)
        answer = {"title": draft.meta.title}
        if not draft.facts:
            results = [r for r in results if r.name not in FACT_CHECKS]
            answer["note"] = "未给出事实（facts），数字与【F】标记的核对没有做：给出事实（每行一条）即可核对。"
        return answer | findings_json(results, draft)

    def search(self, query: str, role: str, k: int, token: str) -> list[dict]:
        """Passages of earlier reports, each with its report, heading and role."""
        self.access.check(token)
        if role and role not in {r.value for r in Role}:
            raise InputError(f"role 应是 {'、'.join(r.value for r in Role)} 之一，或留空。")
        return [p.to_dict() for p in self.wb.index.search(query, role=role or None, k=max(1, min(int(k), 20)))]

    def file(self, key: str) -> Path | None:
        """A Word file by the key in its link (None when unknown or gone)."""
        with self._lock:
            path = self._files.get(key)
        return path if path is not None and path.is_file() else None

    def _link(self, docx: Path, base_url: str) -> str:
        key = secrets.token_urlsafe(16)  # the link is the permission: unguessable, kept for KEEP_FILES drafts
        with self._lock:
            self._files[key] = docx
            while len(self._files) > KEEP_FILES:
                self._files.popitem(last=False)[1].unlink(missing_ok=True)
        base = self.public_url or base_url.rstrip("/")
        return f"{base}/api/v1/files/{key}/{quote(docx.name)}"


def read_draft(text: str, facts: str = "") -> Draft:
    """A draft as this tool's JSON ({"meta": …}), or a report pasted as Markdown or plain text."""
    text = (text or "").strip()
    if not text:
        raise InputError("请给出草稿：draft_report 返回的 JSON，或报告的 Markdown/纯文本。")
    if len(text) > MAX_TEXT:
        raise InputError(f"草稿过长（{len(text)} 字，上限 {MAX_TEXT}）：请只给一份报告。")
    if text.startswith("{"):
        try:
            return Draft.from_json(text)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"这不是 reportdraft 的草稿 JSON：{exc}") from None
    return draft_from_text(text, facts or "")
