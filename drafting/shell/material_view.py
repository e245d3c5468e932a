"""Tab 1's 本年度工作信息 section, as plain functions the page binds: the year's 工作信息 read into
candidate facts and the questions a drafter asks (drafting.plan.material does the work), shown as
a table and question boxes; then what the user ticked, edited, added and answered put into the
facts box. A line taken from a candidate keeps its sources (Form.origins, by the line's text), marked
edited when the user changed its words; a line the user wrote, an answer among them, has none.

No gradio here: page/material_section.py lays these out, and tests call them without a server."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.domain.facts import MAX_FACTS, fact_line
from drafting.domain.material import Origin
from drafting.domain.types import Draft, Section
from drafting.errors import InputError

from .escape import esc
from .form import Form

if TYPE_CHECKING:  # the reader and extractor load at the first reading, not at the app's start
    from drafting.plan.material import Material, Question

HEADERS = ["选用", "编号", "日期", "候选事实", "数字", "来源", "建议放在"]
DATATYPES = ["bool", "str", "str", "str", "str", "str", "str"]
STATIC = [1, 2, 4, 5, 6]
"""Columns the user cannot change: only the tick and the candidate's text are theirs to edit."""
WIDTHS = ["6%", "5%", "8%", "37%", "12%", "20%", "12%"]
OWN = "（自己补充）"
"""The source shown on the blank row where the user writes a fact of their own."""
QUESTIONS = 8
"""Question boxes the page keeps (coverage_questions asks at most this many)."""
NO_MATERIAL = "请先上传或粘贴工作信息，再点“提取候选事实”。"


def read(wb, form: Form, files, pasted: str, owner: str = "") -> Material:
    """The year's items (files and a paste) → candidates, items set aside, files skipped, and the
    questions for what neither they nor the facts already typed name. Files are read as an import
    reads them (a worker per file, the upload's size limit); the index is the one the user's
    organisation sees; with a model configured it proposes, every proposal checked against its item."""
    from drafting.plan.material import gather, read_material

    paths = [Path(f) for f in files or []]
    if not paths and not (pasted or "").strip():
        raise InputError(NO_MATERIAL)
    meta, started = form.meta(), time.monotonic()
    reading = read_material(paths, pasted or "", meta.year, wb.settings.max_upload_mb * 1024 * 1024)
    typed = [fact_line(line)[0] for line in (form.facts or "").splitlines() if line.strip()]
    material = gather(reading, meta, wb.index.for_owner(owner), _proposer(wb.settings), typed,
                      workers=wb.settings.concurrency)
    material.seconds = time.monotonic() - started  # the files' reading too
    return material


def _proposer(settings):
    if not settings.llm_configured:
        return None
    from drafting.write.proposer import ModelProposer

    return ModelProposer(settings.model_config())


def rows(material: Material | None) -> list[list]:
    """The candidates table: ticked (all but fragments), then one blank row for the user's own fact."""
    if material is None:
        return []
    shown = material.to_dict()["candidates"]
    table = [[c["ticked"], c["id"], c["when"] or c["date"], c["text"], "、".join(c["figures"]),
              _source(c), c["section"] or c["reason"]] for c in shown]
    return table + [[True, "", "", "", "", OWN, ""]]


def _source(candidate: dict) -> str:
    head = f"《{candidate['title']}》（{candidate['file']}）" if candidate["title"] else candidate["file"]
    others = "、".join(o["file"] for o in candidate["also"])
    also = f"；另见 {len(candidate['also'])} 处：{others}" if candidate["also"] else ""
    return f"{head}：{candidate['sentence']}{also}"


def summary(material: Material | None) -> str:
    """What was read, and every item set aside and file skipped, each with its reason."""
    if material is None:
        return ""
    lines = [f"读到 {len(material.items)} 条工作信息，提取候选事实 {len(material.candidates)} 条"
             f"（同一事件的重复报道合并 {material.merged} 条），用时 {material.seconds:.1f} 秒。"
             "勾选要用的，可直接修改文字；在最后一行写上自己补充的事实。"]
    lines += [f"- 放在一边：{esc(aside.line())}" for aside in material.set_aside]
    lines += [f"- 跳过文件 {esc(name)}：{esc(reason)}" for name, reason in material.skipped]
    lines += [f"- 提示：{esc(note)}" for note in material.notes]
    return lines[0] + ("\n\n" + "\n".join(lines[1:]) if lines[1:] else "")


def question_hint(question: Question) -> str:
    """Under a question's box: how usual the topic is, an example sentence, where an answer goes."""
    return (f"{question.share}，例如：{question.example}（《{question.source}》）。"
            f"回答会成为一条事实，放在“{question.section}”；不答则不写。")


def take(material: Material | None, table, answers, facts: str,
         origins: dict[str, list[Origin]] | None) -> tuple[str, dict[str, list[Origin]], str]:
    """The facts box with the ticked candidates (as edited), the user's own rows and the answers
    added below what it holds (a line already there is not added again); the sources of the lines
    taken from candidates; and what was done."""
    if material is None:
        raise InputError(NO_MATERIAL)
    lines, sources, edited = _chosen(material, table)
    lines += _answered(material.questions, answers)
    held = {fact_line(line)[0] for line in (facts or "").splitlines() if line.strip()}
    new = [line for line in dict.fromkeys(lines) if fact_line(line)[0] not in held]
    if not new:
        raise InputError("没有要加入的内容：请勾选候选事实或回答问题（已在事实框中的不会重复加入）。")
    kept = [line for line in (facts or "").rstrip("\n").split("\n") if line.strip()]
    if len(kept) + len(new) > MAX_FACTS:
        raise InputError(f"加入后事实将超过 {MAX_FACTS} 条（现有 {len(kept)} 条，要加入 {len(new)} 条）："
                         "请少勾选一些。")
    text = "\n".join(kept + new)
    present = {fact_line(line)[0] for line in kept + new}
    mapped = {k: v for k, v in {**(origins or {}), **sources}.items() if fact_line(k)[0] in present}
    answered = sum(1 for line in new if line not in sources and line not in _own(table))
    said = (f"已加入事实框 {len(new)} 条：候选事实 {sum(line in sources for line in new)} 条"
            f"（其中 {sum(line in edited for line in new)} 条经您修改）、自己补充 "
            f"{sum(line in _own(table) for line in new)} 条、回答 {answered} 条。请核对后点“生成提纲”。")
    return text, mapped, said


def _chosen(material: Material, table) -> tuple[list[str], dict[str, list[Origin]], set[str]]:
    """(lines ticked, in order; the sources of those taken from candidates; those the user edited)."""
    by_id = {c.id: c for c in material.candidates}
    lines, sources, edited = [], {}, set()
    for ticked, cid, text in ((row[0], row[1], row[3]) for row in table or [] if len(row) >= 4):
        line, candidate = one_line(text), by_id.get(str(cid or "").strip())
        if not line or not _yes(ticked, own=candidate is None):
            continue
        lines.append(line)
        if candidate is not None:
            changed = line != one_line(candidate.text)
            sources[line] = [replace(o, edited=changed) for o in candidate.origins]
            if changed:
                edited.add(line)
    return lines, sources, edited


def _own(table) -> set[str]:
    return {one_line(row[3]) for row in table or [] if len(row) >= 4 and not str(row[1] or "").strip()}


def _answered(questions: list[Question], answers) -> list[str]:
    return [one_line(a) for _, a in zip(questions, answers or [], strict=False) if one_line(a)]


def _yes(value, own: bool = False) -> bool:
    """A tick as the table sends it (True, or 'true' from a typed cell). A row the user added has
    an empty tick until they click it: what they wrote there is theirs to add unless they untick it."""
    if own and value in (None, ""):
        return True
    return value is True or str(value).strip().lower() in ("true", "1", "是", "✓")


def one_line(text) -> str:
    """A fact as one line of the facts box."""
    return "".join(str(text or "").split("\n")).strip()


def origins_markdown(draft: Draft, section: Section) -> str:
    """Beside a card: where each of the section's facts taken from the year's 工作信息 was reported."""
    lines = []
    for fact in (draft.fact(fid) for fid in section.fact_ids):
        for origin in fact.origins if fact is not None else []:
            where = "，".join(p for p in (origin.file, origin.date) if p)
            title = f"《{esc(origin.title)}》" if origin.title else ""
            edited = "（文字经您修改）" if origin.edited else ""
            lines.append(f"<details><summary>{fact.id} 取自{title}（{esc(where)}）{edited}</summary>\n\n"
                         f"{esc(origin.sentence)}\n\n</details>")
    return "**事实出处（工作信息）：**\n\n" + "\n\n".join(lines) if lines else ""
