"""Read a draft back from a .docx that staff finished in Word or WPS.

Each `一、` heading starts a section; the text is matched to the draft's sections (by heading,
then by position), the facts' markers are put back (drafting.output.remark: by figures, then by
words), and the caller gets the new draft plus what changed, section by section. A figure edited
so that it no longer matches its fact stays unmarked, and the checks catch it. The 版头, title,
主送机关, 落款 and 版记 are left out: by their styles, and by their shape when Word or WPS lost the
styles. A file exported from another draft (its id is in the file: word_props.py) is refused
unless the caller says to read it into this one anyway.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from drafting.domain.types import Draft, Section, strip_markers
from drafting.errors import InputError
from lexicon.numbering import TOP
from lexicon.roles import Role
from retrieval.errors import SkippedFile
from retrieval.readers import read_word_file

from .remark import remark
from .render import APPENDIX
from .word_props import DRAFT_ID
from .word_styles import ADDRESSEE, DATE, HEADER, RECORD, SIGNATURE, TITLE

NOT_TEXT = {look.name for look in (HEADER, TITLE, ADDRESSEE, SIGNATURE, DATE, RECORD)}
"""Styles of the lines around the report's text."""


@dataclass
class SectionChange:
    section_id: str
    heading: str
    diff: list[str]


class OtherDraftFile(InputError):
    """The Word file was exported from another draft than the one it is read into."""

    def __init__(self, file_id: str, draft_id: str) -> None:
        self.file_id, self.draft_id = file_id, draft_id
        super().__init__(f"这个 Word 文件是从另一份草稿导出的（草稿编号 {file_id}），不是现在打开的这一份"
                         f"（{draft_id}），没有读回：请先在“已保存的草稿”中打开那一份，再上传这个文件。")


def read_word(path: Path, max_bytes: int | None = None) -> tuple[list[list[str]], str]:
    """([style name, text] of each paragraph, the id of the draft the file was exported from, '' for
    none), read in the import's worker with its budgets (size, inflation, time, memory): a hostile
    file costs a message, not minutes and hundreds of MB of the app."""
    try:
        paragraphs, properties = read_word_file(path, max_bytes)
    except SkippedFile as exc:
        raise InputError(f"无法读取 Word 文件：{exc}") from None
    return paragraphs, properties.get(DRAFT_ID, "")


def docx_parts(read: list[list[str]]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(preamble paragraphs, [(heading, paragraphs)]) of an edited report, without the lines around
    the text: known by their styles, or — in a file that lost them — by their shape."""
    styled = any(name in NOT_TEXT for name, _ in read)
    paragraphs = [text.strip() for name, text in read if text.strip() and name not in NOT_TEXT]
    preamble, sections = [], []
    for text in paragraphs:
        if text == APPENDIX:
            break  # the sources, not the report
        m = TOP.match(text)
        if m:
            sections.append((m.group(2), []))
        elif sections:
            sections[-1][1].append(text)
        elif styled or preamble or text.endswith(("。", "如下：", "如下:")):
            preamble.append(text)  # before it: the title, 版头 and 主送 lines of an unstyled file
    if sections:
        body = sections[-1][1]
        while body and (re.fullmatch(r"(\d{4})?年\s*(\d{1,2})?月\s*(\d{1,2})?日", body[-1])
                        or body[-1].endswith(("妇女联合会", "妇联"))
                        or body[-1].startswith(("抄送", "附：")) or body[-1].endswith("印发")):
            body.pop()
    return preamble, sections


def merge_docx(draft: Draft, path: Path, max_bytes: int | None = None,
               other_draft: bool = False) -> tuple[Draft, list[SectionChange]]:
    """The draft with the Word file's text in its sections, and the changes. A file exported from
    another draft is refused (OtherDraftFile) unless `other_draft`; a file that carries no id
    (exported before ids were written, or made elsewhere) cannot be told apart and is read."""
    read, file_id = read_word(Path(path), max_bytes)
    if file_id and file_id != draft.id and not other_draft:
        raise OtherDraftFile(file_id, draft.id)
    preamble, parts = docx_parts(read)
    if not parts:
        raise InputError("Word 文件里没有找到“一、”这样的一级标题，无法与草稿对应。")
    body = draft.body_sections()
    by_heading = {s.heading: s for s in body}
    changes: list[SectionChange] = []
    updated: dict[str, Section] = {}
    for position, (heading, paragraphs) in enumerate(parts):
        section = by_heading.get(heading) or (body[position] if position < len(body) else None)
        if section is None:
            raise InputError(f"Word 文件多出一部分“{heading}”：请先在草稿中添加这一部分再上传。")
        text = remark("\n".join(paragraphs), draft, section)
        updated[section.id] = _changed(section, heading, text, changes)
    preamble_section = next((s for s in draft.sections if s.role == Role.PREAMBLE), None)
    if preamble_section and preamble:
        text = remark("\n".join(preamble), draft, preamble_section)
        updated[preamble_section.id] = _changed(preamble_section, preamble_section.heading, text, changes)
    sections = [updated.get(s.id, s) for s in draft.sections]
    return replace(draft, sections=sections), [c for c in changes if c.diff]


def _changed(section: Section, heading: str, text: str, changes: list[SectionChange]) -> Section:
    before = strip_markers(section.text).split("\n")
    after = strip_markers(text).split("\n")
    diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))]
    if heading != section.heading:
        diff.insert(0, f"标题：{section.heading} → {heading}")
    changes.append(SectionChange(section.id, heading, diff))
    return replace(section, heading=heading, text=text) if diff else section
