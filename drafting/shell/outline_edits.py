"""The user's changes to an outline, each saved as one step: a fact moved to another section (the
user's placement is the truth for this draft), a section renamed, added or deleted. Workbench
(workbench.py) holds them."""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.classify import LEFT_OUT
from drafting.domain.types import USER_PLACED, Draft, Section, next_section_id
from drafting.errors import InputError
from drafting.plan.outline import refresh_gaps
from lexicon.roles import Role

PUT_BACK = "（已按您的要求放回草稿）"
MAX_SECTIONS = 99
"""Numbered sections a draft may have: 一、 to 九十九、 (the 105th used to fail with an IndexError)."""


class OutlineEdits:
    """Moving facts and renaming, adding and deleting sections; saved by the Workbench's `_saved`."""

    def move_fact(self, draft: Draft, fact_id: str, section_id: str) -> Draft:
        """The fact moved where the user wants it: the truth for this draft (the checks note a doubt,
        never fail on it); both sections' text, if written, is offered for redrafting."""
        if draft.fact(fact_id) is None:
            raise InputError(f"没有事实 {fact_id}。")
        if draft.section(section_id) is None:
            raise InputError(f"没有编号为 {section_id} 的部分。")
        sections = []
        for s in draft.sections:
            had, gets = fact_id in s.fact_ids, s.id == section_id
            if had == gets:
                sections.append(s)
                continue
            why = f"{fact_id} 移入" if gets else f"{fact_id} 移出"
            sections.append(replace(s, fact_ids=[f for f in s.fact_ids if f != fact_id] + ([fact_id] if gets else []),
                                    placement={**s.placement, fact_id: USER_PLACED} if gets
                                    else {k: v for k, v in s.placement.items() if k != fact_id},
                                    outdated=[*s.outdated, why] if s.text.strip() else s.outdated))
        return self._outline_saved(draft, sections, "move")

    def put_back(self, draft: Draft) -> Draft:
        """Every fact the tool left out of the draft (a fragment: 缺少“做了什么”) put back, with one
        click, at the end of the first section of work: the user's placement, which the checks note
        but never fail on; they can move it on from there."""
        placed = {f for s in draft.sections for f in s.fact_ids}
        left = [f.id for f in draft.facts if f.id not in placed and not f.derived]
        home = next((s for s in draft.sections if s.role == Role.MEASURES), None)
        if not left:
            raise InputError("没有未写入草稿的事实。")
        if home is None:
            raise InputError("草稿里没有写工作举措的部分：请先添加一个部分，再把事实移进去。")
        moved = replace(home, fact_ids=[*home.fact_ids, *left],
                        placement={**home.placement, **dict.fromkeys(left, USER_PLACED)},
                        outdated=[*home.outdated, *(f"{f} 放回" for f in left)] if home.text.strip() else home.outdated)
        sections = [moved if s.id == home.id else s for s in draft.sections]
        facts = [replace(f, note=f.note.replace(LEFT_OUT, PUT_BACK)) if f.id in left else f for f in draft.facts]
        warnings = [w.replace(LEFT_OUT, PUT_BACK) for w in draft.warnings]
        return self._outline_saved(replace(draft, facts=facts, warnings=warnings), sections, "put_back")

    def rename_section(self, draft: Draft, section_id: str, heading: str) -> Draft:
        heading = heading.strip().rstrip("。")
        if not heading:
            raise InputError("标题不能为空。")
        sections = [replace(s, heading=heading, origin=s.origin or s.heading) if s.id == section_id else s
                    for s in draft.sections]
        return self._saved(replace(draft, sections=sections), "rename")

    def add_section(self, draft: Draft, heading: str, role: str = Role.MEASURES) -> Draft:
        heading = heading.strip().rstrip("。")
        if not heading:
            raise InputError("请填写新部分的标题。")
        if len(draft.body_sections()) >= MAX_SECTIONS:
            raise InputError(f"一份报告最多 {MAX_SECTIONS} 个部分（一级标题编号到九十九），不能再添加："
                             "请把内容并入已有的部分。")
        new_id = next_section_id(s.id for s in draft.sections)
        body = draft.body_sections()
        # A new achievements section goes after the last measures section, before the rest.
        after = max((i for i, s in enumerate(draft.sections) if s.role == Role.MEASURES), default=len(body))
        sections = list(draft.sections)
        sections.insert(after + 1, Section(id=new_id, role=role, heading=heading, added=True))
        return self._saved(replace(draft, sections=sections), "add")

    def delete_section(self, draft: Draft, section_id: str) -> Draft:
        """The section gone (撤销 brings it back); its facts are in no section until moved."""
        section = draft.section(section_id)
        if section is None:
            raise InputError("请先选择要删除的部分。")
        if section.role == Role.PREAMBLE:
            raise InputError("导语（开头）不能删除：可以把它的文字清空。")
        return self._outline_saved(draft, [s for s in draft.sections if s.id != section_id], "delete")

    def _outline_saved(self, draft: Draft, sections: list[Section], reason: str) -> Draft:
        """Saved with the draft's gaps said as they now are (a filled gap no longer warned of)."""
        return self._saved(replace(draft, sections=sections, warnings=refresh_gaps(draft.warnings, sections)), reason)
