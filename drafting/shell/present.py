"""What the app shows, as plain functions: rows, strings and small dicts built from a Draft.

No gradio here: app.py lays these out, and tests read them without starting a server. Text from
reports and users is escaped wherever it goes into Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.domain.classify import FactKind
from drafting.domain.types import Draft, Section, strip_markers
from drafting.domain.wording import profile_of
from drafting.output.render import section_heading, to_text
from drafting.plan.continuity import previous_lines
from lexicon.roles import Kind, Role

from .escape import esc
from .material_view import origins_markdown

PLACEHOLDER = "每行一条本年度的工作事实，数字照实填写，例如：\n- 全年开展普法宣传28场次，发放宣传资料8万余册\n- 偏远山区普法覆盖面还不够"
KIND_CHOICES = [(k.label, k.value) for k in Kind]
KIND_DEFAULT = Kind.FAZHI.value
PERIOD_CHOICES = [("自动判断", ""), ("全年", "annual"), ("上半年", "half")]
PROFILE_FIELDS = [("short", "自称", "县妇联"), ("addressee", "主送机关", "县委、县政府："),
                  ("level", "级别", "县 / 区 / 市 / 州 / 镇 / 街道"), ("body", "性质", "妇联 或 部门名称"),
                  ("leader", "负责人称谓", "党组书记、主席")]
OUTLINE_HEADERS = ["编号", "事实", "类型", "所属部分", "为何放在这里", "提示"]
CHECK_HEADERS = ["检查", "结果", "说明", "所在部分"]
SAVED_HEADERS = ["名称", "单位", "年份", "类型", "最后修改"]
NO_FACTS = "本部分无事实依据，请核实"
STOCK_HEAVY = "本部分多为通用表述，请核实"
PAGE = 20


def short(text: str, limit: int = 28) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def kind_label(key: str) -> str:
    try:
        return Kind(key).label
    except ValueError:
        return key


def fact_kind_label(key: str) -> str:
    try:
        return FactKind(key).label
    except ValueError:
        return key


def heading_of(draft: Draft, section_id: str) -> str:
    """一、heading for a body section, 导语（开头） for the preamble."""
    return section_heading(draft, section_id) or "导语（开头）"


def word_count(text: str) -> int:
    """字数 as Word counts Chinese text: every character but spaces, without 【F3】 markers."""
    return len(re.sub(r"\s", "", strip_markers(text or "")))


# -- banner and tab 1 ---------------------------------------------------------------------------
def backend_banner(llm_configured: bool, model: str, store_notice: str = "") -> tuple[str, str]:
    """(plain words for staff, detail for the administrator); a notice about the drafts database first."""
    notice = f"<span class='rd-flag'>{esc(store_notice)}</span>\n\n" if store_notice else ""
    if llm_configured:
        return (f"{notice}已连接大模型（{esc(model)}），由大模型起草、工具核对。",
                f"模型：{model}；接口由 OPENAI_BASE_URL / OPENAI_API_KEY 配置。")
    return (f"{notice}未连接大模型，当前为离线起草：按往年范例和您填写的事实组织文字。",
            "管理员：设置环境变量 OPENAI_BASE_URL（本地模型服务地址）或 OPENAI_API_KEY，"
            "并用 REPORTDRAFT_MODEL 指定模型名，重启后即由大模型起草。")


def profile_markdown(draft: Draft | None) -> str:
    """The organisation profile and what the tool decided about who and when, before drafting."""
    if draft is None:
        return ""
    lines = [f"**单位信息：** {esc(profile_of(draft.meta).summary())}",
             f"**期间：** {'上半年' if draft.meta.period == 'half' else '全年'} · **成文日期：** "
             f"{esc(draft.meta.date) or '留空（年 月 日，由签发人填写）'} · **标题：** {esc(draft.meta.title)}"]
    lines += [f"- ⚠ {esc(n)}" for n in draft.meta.notices]
    return "\n\n".join(lines[:2]) + ("\n\n" + "\n".join(lines[2:]) if lines[2:] else "")


# -- the outline ------------------------------------------------------------------------------
def outline_rows(draft: Draft | None) -> list[list[str]]:
    if draft is None:
        return []
    where = {fid: s for s in draft.sections for fid in s.fact_ids}
    rows = []
    for f in draft.facts:
        section = where.get(f.id)
        rows.append([f.id, f.text, fact_kind_label(f.kind) if f.kind else "",
                     heading_of(draft, section.id) if section else "（未分配）",
                     section.placement.get(f.id, "") if section else "", f.note])
    return rows


def outline_table(draft: Draft | None) -> dict:
    """The outline table; a column the draft has nothing for (kind, reason, note) is left out."""
    rows = outline_rows(draft)
    keep = [i for i in range(len(OUTLINE_HEADERS)) if i in (0, 1, 3) or any(row[i] for row in rows)]
    return {"headers": [OUTLINE_HEADERS[i] for i in keep], "data": [[row[i] for i in keep] for row in rows]}


OUTLINE_WIDTHS = {"编号": 5, "事实": 33, "类型": 10, "所属部分": 20, "为何放在这里": 22, "提示": 12}


def column_widths(headers: list[str]) -> list[str]:
    """Percent widths for the outline table's columns, so that a long reason wraps instead of being cut."""
    total = sum(OUTLINE_WIDTHS[h] for h in headers)
    return [f"{100 * OUTLINE_WIDTHS[h] / total:.0f}%" for h in headers]


def fact_choices(draft: Draft | None) -> list[tuple[str, str]]:
    return [(f"{f.id} {short(f.text)}", f.id) for f in draft.facts] if draft else []


def section_choices(draft: Draft | None, body_only: bool = True) -> list[tuple[str, str]]:
    if draft is None:
        return []
    sections = draft.body_sections() if body_only else draft.sections
    return [(heading_of(draft, s.id), s.id) for s in sections]


def previous_markdown(draft: Draft | None) -> str:
    """Last year's report: its plans and whether this year's facts answer them."""
    return "\n\n".join(esc(line) for line in previous_lines(draft)) if draft else ""


def comparison_choices(draft: Draft | None) -> tuple[list[tuple[str, int]], list[int]]:
    """(choices, ticked) for the comparisons with last year offered before drafting."""
    offers = draft.comparisons if draft else []
    chosen = [f.derived.offer for f in draft.facts if f.derived] if draft else []
    return ([(f"{o.fact_id} {o.subject}{o.text}（{o.formula}）", i) for i, o in enumerate(offers)],
            [c for c in chosen if c >= 0])


# -- the section cards ------------------------------------------------------------------------
@dataclass
class Card:
    """One section as the draft tab shows it."""

    id: str
    title: str
    text: str
    locked: bool
    words: int
    info: str
    """Markdown: facts used, flags, 通用表述 to confirm, check findings, example passages."""
    warning: str = ""
    note: str = ""
    """The answer to the last action on this card (已保存 / 已锁定 / a refusal)."""
    has_attempt: bool = False
    failing: bool = False
    facts: list[str] = field(default_factory=list)
    unsaved: bool = False  # the box holds the user's text, which a save refused, not the saved text


def basis_warning(section: Section) -> str:
    """Marked on the card: a section with no facts, or whose sentences are mostly stock wording."""
    if section.role == Role.PREAMBLE or not section.text.strip():
        return ""
    if not section.fact_ids:
        return NO_FACTS
    sentences = [s for s in re.split(r"[。！？]", strip_markers(section.text)) if s.strip()]
    if sentences and len(section.stock) * 2 > len(sentences):
        return STOCK_HEAVY
    return ""


def card_info(draft: Draft, section: Section, findings: list) -> str:
    facts = "；".join(f"**{fid}** {esc(draft.fact(fid).text)}" for fid in section.fact_ids if draft.fact(fid))
    parts = [f"**所用事实：** {facts or '无'}", *filter(None, [origins_markdown(draft, section)])]  # and where from
    found = {message for _, message, _ in findings}  # a flag the checks also found is shown once, by the check
    shown = [flag for flag in section.flags if flag.message not in found]
    parts += [f"<span class='rd-flag'>⚠ {esc(flag.line)}</span>" for flag in shown]
    if section.stock:
        parts.append("**通用表述（请确认属实）：**\n" + "\n".join(f"- {esc(s)}" for s in section.stock))
    for label, message, sentence in findings:
        quoted = f"：<mark>{esc(sentence)}</mark>" if sentence else ""
        parts.append(f"<span class='rd-flag'>✗ {esc(label)}：{esc(message)}</span>{quoted}")
    seen: set[tuple[str, str]] = set()
    sources = []
    for src in section.sources:  # one example passage is listed once, however often it was used
        if (src.doc, src.heading) in seen:
            continue
        seen.add((src.doc, src.heading))
        sources.append(f"<details><summary>《{esc(src.title)}》· {esc(src.heading or '导语')}</summary>\n\n"
                       f"{esc(src.text)}\n\n</details>")
    if sources:
        parts.append("**参考范例：**\n\n" + "\n\n".join(sources))
    return "\n\n".join(parts)


def section_cards(draft: Draft | None, view: dict | None = None) -> list[Card]:
    """Every section of the draft, however many, with the notes and check findings of `view`."""
    if draft is None:
        return []
    view = view or {}
    notes, findings, unsaved = view.get("notes", {}), view.get("findings", {}), view.get("unsaved", {})
    cards = []
    for s in draft.sections:
        found, text = findings.get(s.id, []), unsaved.get(s.id, s.text)
        cards.append(Card(id=s.id, title=heading_of(draft, s.id), text=text, locked=s.locked,
                          words=word_count(text), info=card_info(draft, s, found), warning=basis_warning(s),
                          note=notes.get(s.id, ""), has_attempt=bool(s.attempt), failing=bool(found),
                          facts=list(s.fact_ids), unsaved=s.id in unsaved))
    return cards


def card_title(card: Card) -> str:
    marks = "".join(mark for mark, on in (("（未保存）", card.unsaved), ("（已锁定）", card.locked),
                                          ("（检查未通过）", card.failing)) if on)
    return f"### {esc(card.title)}{marks} <span class='rd-muted'>· {card.words} 字</span>"


def totals(draft: Draft | None) -> str:
    if draft is None:
        return ""
    words = sum(word_count(s.text) for s in draft.sections)
    return f"全文 {words} 字 · {len(draft.sections)} 个部分（含导语）"


def full_text(draft: Draft | None) -> str:
    """The whole report as plain text, with 【F】 markers (the copy button strips them on request)."""
    return to_text(draft, markers=True) if draft else ""


def with_note(view: dict | None, section_id: str, note: str, clear_findings: bool = False) -> dict:
    """A new view with `note` beside one card (and that card's stale findings dropped, and its
    unsaved text: the card shows the draft's text again)."""
    view = dict(view or {})
    view["notes"] = {section_id: note}
    if clear_findings:
        view["findings"] = {k: v for k, v in view.get("findings", {}).items() if k != section_id}
        view["unsaved"] = {k: v for k, v in view.get("unsaved", {}).items() if k != section_id}
    return view


def save_note(text: str) -> str:
    if not text.strip():
        return "⚠ 已保存，但本部分现在是空的：导出时这一部分只有标题。如非有意，请点“撤销到上一版”。"
    return "已保存修改。"


def regen_note(llm_configured: bool, instruction: str, before: str, after: str) -> str:
    """Say honestly what regenerating changed."""
    if llm_configured:
        return "已按修改要求重新生成。" if instruction.strip() else "已重新生成。"
    note = "已重新生成（未连接大模型：只换用其他范例句式和语序，事实和数字不变"
    if instruction.strip():
        note += "；修改要求需要大模型才能执行"
    note += "）。"
    return note if before != after else "未连接大模型，没有更多可换的范例：本部分内容未变。"


# -- checks -----------------------------------------------------------------------------------
def check_view(draft: Draft, results) -> tuple[list[list[str]], list[str], dict, str]:
    """(table rows, the section each row points to, findings per section, summary)."""
    rows, targets, findings = [], [], {}
    for r in results:
        first = next((f.section_id for f in r.findings if f.section_id), "")
        said = [f.message for f in r.findings[:5]] + [f"提醒：{reminder}" for reminder in r.reminders]
        rows.append([r.label, "通过" if r.passed else "未通过",
                     "；".join(said) + ("…" if len(r.findings) > 5 else ""),
                     heading_of(draft, first) if first else ""])
        targets.append(first)
        for f in r.findings:
            findings.setdefault(f.section_id, []).append((r.label, f.message, f.sentence))
    passed = sum(r.passed for r in results)
    summary = f"检查完成：{passed} / {len(results)} 项通过。" + ("点击未通过的一行可跳到相应部分。" if passed < len(results) else "")
    return rows, targets, findings, summary
