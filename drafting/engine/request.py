"""What a caller gives the engine and what it gets back: a DraftRequest, the Outputs to write, and a
DraftResult (the draft, the checks' results, the files written)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafting.domain.material import Origin
from drafting.domain.types import Draft, DraftMeta
from drafting.errors import DraftingError, InputError
from drafting.review import CheckResult


@dataclass(frozen=True)
class DraftRequest:
    """A draft to make: who writes about which year, the facts as pasted, and what to keep."""

    meta: DraftMeta
    """Organisation, year, kind, and what the user said of the profile and the date (meta.build_meta)."""
    facts: str
    """The year's facts as the user pasted them, one a line."""
    accept: Literal["all"] | tuple[int, ...] = ()
    """Comparisons with last year's report to put into the draft: 'all', or their positions (from 0)
    among those offered; a position nothing was offered at is ignored."""
    exclude_docs: tuple[str, ...] = ()
    """Reports of the index not to take examples from (leave-one-out evaluation)."""
    save: bool = False
    """Keep the finished draft in the store, where the app lists it."""
    owner: str = ""
    """Whose list it goes to when saved: the organisation of the logged-in user, '' for one shared list."""
    origins: Mapping[str, Sequence[Origin]] = field(default_factory=dict)
    """Where lines of `facts` taken from the year's 工作信息 were reported, by the line's text: each
    such fact keeps its sources through to the draft."""


@dataclass(frozen=True)
class Outputs:
    """Files to write the draft to; None: not that one."""

    json: Path | None = None
    markdown: Path | None = None
    docx: Path | None = None
    sources: Literal["comments", "appendix"] = "comments"
    """Where the Word file says where each section came from: comments, or an appendix."""
    markers: bool = True
    """Whether the Markdown keeps the 【F3】 markers (the CLI's does; the app's export does not)."""

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.json, self.markdown, self.docx) if p is not None]

    def check(self) -> None:
        """Before any drafting: every file can be created (its folder exists and is writable)."""
        check_writable(self.paths)


def check_writable(paths: list[Path]) -> None:
    """Every file can be created: its folder exists and is writable, its name fits (InputError otherwise)."""
    for path in paths:
        folder = path.parent
        if path.is_dir():
            raise InputError(f"输出路径 {path} 是一个目录：请给出文件名，例如 {path / '草稿.docx'}。")
        if not folder.is_dir():
            raise InputError(f"输出目录 {folder} 不存在：请先创建它（mkdir -p {folder}），或换一个路径。没有开始起草。")
        if not os.access(folder, os.W_OK):
            raise InputError(f"输出目录 {folder} 不可写：请换一个目录。没有开始起草。")
        if len(path.name.encode("utf-8")) > 255:
            raise InputError(f"输出文件名过长（{len(path.name)} 字）：请用短一些的文件名。没有开始起草。")


@dataclass
class DraftResult:
    """What the engine made: the draft, what the checks found, and the files written."""

    draft: Draft
    results: list[CheckResult]
    files: dict[str, Path] = field(default_factory=dict)
    """'json', 'markdown', 'docx' → the path written."""

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)


class OutputsNotWritten(DraftingError):
    """The draft was made but a file could not be written; the draft is kept in the store (when there
    is one) and the message says where."""

    def __init__(self, reason: str, draft: Draft, location: str = "") -> None:
        self.draft, self.location = draft, location
        kept = (f"草稿已存入草稿库 {location}（编号 {draft.id}），可在应用的“已保存的草稿”里打开。" if location
                else "草稿没有保存。")
        super().__init__(f"无法写入输出文件（{reason}）。{kept}")
