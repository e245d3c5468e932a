"""What the app shows, as plain functions: rows, strings and small dicts built from a Draft.

No gradio here: app.py lays these out, and tests read them without starting a server. Text from
reports and users is escaped wherever it goes into Markdown."""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind
from drafting.domain.types import Draft, strip_markers
from drafting.domain.wording import profile_of
from drafting.output.render import section_heading
from drafting.plan.continuity import previous_lines
from lexicon.roles import Kind

from .escape import esc

PLACEHOLDER = ("每行一条本年度的工作事实，数字照实填写，例如：\n"
               "- 全年开展普法宣传28场次，发放宣传资料8万余册\n- 偏远山区普法覆盖面还不够")
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


SHAPE_CHOICES = [("自动（本单位往年报告的结构，没有时按法定顺序）", ""),
                 ("法定顺序：一、主要举措和成效，下分（一）（二）…", "statutory"),
                 ("按工作主题分为几个一级标题", "themed")]
SHAPE_NAMES = {"statutory": "法定顺序（一、主要举措和成效下分（一）（二）…）", "themed": "按工作主题分为几个一级标题"}


def profile_markdown(draft: Draft | None) -> str:
    """The organisation profile and everything the tool decided or changed and wants the user to
    know before drafting: who and when, the shape, traditional script converted, a gap filled with
    通用表述, a doubt about a fact — each said here, on tab 1, not only in the files."""
    if draft is None:
        return ""
    m = draft.meta
    lines = [f"**单位信息：** {esc(profile_of(m).summary())}",
             f"**期间：** {'上半年' if m.period == 'half' else '全年'} · **成文日期：** "
             f"{esc(m.date) or '留空（年 月 日，由签发人填写）'} · **标题：** {esc(m.title)}"]
    if m.report_type == Kind.FAZHI:
        lines[1] += f" · **结构：** {SHAPE_NAMES.get(m.shape, SHAPE_NAMES['statutory'])}"
    said = [*m.notices, *draft.warnings]
    if said:
        lines.append("**起草前请看：**\n" + "\n".join(f"- ⚠ {esc(n)}" for n in dict.fromkeys(said)))
    return "\n\n".join(lines)


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


# -- 生成提纲 again, 生成初稿 again, 撤销 -----------------------------------------------------------
def change_lines(draft: Draft, changes) -> str:
    """What 生成提纲 again changed, in the user's words: each changed, new or removed fact and the
    section to redraft; renumbered facts in one line."""
    where = lambda sid: f"“{esc(heading_of(draft, sid))}”" if sid else "（未放入任何部分）"  # noqa: E731
    written = {s.id for s in draft.sections if s.text.strip()}
    lines = []
    for c in changes:
        redraft = "需要重新生成" if c.section_id in written else "起草时写入"
        if c.kind == "changed":
            was, now = changed_words(c.old_text, c.text)
            lines.append(f"{c.fact_id} 改了（{esc(was)} → {esc(now)}）：{where(c.section_id)}{redraft}")
        elif c.kind == "added":
            lines.append(f"新增 {c.fact_id}：放在{where(c.section_id)}，{redraft}")
        elif c.kind == "removed":
            lines.append(f"删去了原 {c.fact_id}（{esc(short(c.old_text, 20))}）" +
                         (f"：{where(c.section_id)}需要重新生成" if c.section_id in written else ""))
    moved = [f"{c.old_id}→{c.fact_id}" for c in changes if c.kind == "renumbered"]
    if moved:
        lines.append(f"事实编号随之改变（{'、'.join(moved[:8])}{'…' if len(moved) > 8 else ''}），文中的标记已一并更新")
    return "\n".join(f"- {line}" for line in lines) if lines else "- 事实没有变化"


def changed_words(old: str, new: str, around: int = 4) -> tuple[str, str]:
    """The part of a fact that changed, with a few characters either side: …来信来访138起… → …145起…"""
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    left = max(0, start - around)

    def cut(text: str) -> str:
        right = min(len(text), len(text) - end + around)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    return cut(old), cut(new)


def redraft_choices(draft: Draft | None) -> tuple[list[tuple[str, str]], list[str], str]:
    """(the sections to choose from, those ticked, what the ticks are): the sections whose facts
    changed, or else every section not edited by hand; locked ones are listed, never ticked."""
    if draft is None:
        return [], [], ""
    choices = []
    for s in draft.sections:
        state = ("（已锁定，不会改动）" if s.locked else "（事实有变）" if s.outdated else
                 "（您手改过）" if s.edited else "（尚未起草）" if not s.text.strip() else "")
        choices.append((f"{heading_of(draft, s.id)}{state}", s.id))
    free = [s for s in draft.sections if not s.locked]
    outdated = [s.id for s in free if s.outdated and not s.edited]
    if outdated:
        return choices, outdated, "事实有变的部分"
    return choices, [s.id for s in free if not s.edited], "没有手改过的部分"


STEP_NAMES = {"outline": "生成提纲", "move": "移动事实", "put_back": "放回事实",
              "rename": "改名", "add": "添加部分", "delete": "删除部分",
              "draft": "生成初稿", "edit": "保存修改", "regenerate": "重新生成", "lock": "锁定/解锁",
              "attempt": "换用大模型的尝试稿", "back": "撤销到上一版", "docx": "读回 Word 文件", "rescue": "保存"}


def undo_note(undone: str, before: str) -> str:
    said = f"已撤销上一步（{STEP_NAMES.get(undone, undone)}）。"
    if not before:
        return said + "更早的步骤已没有了。"
    return said + f"再点一次撤销更早的一步（{STEP_NAMES.get(before, before)}）。"


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
            findings.setdefault(f.section_id, []).append((r.label, f.message, f.sentence, f.severity == "warning"))
    passed = sum(r.passed for r in results)
    jump = "点击未通过的一行可跳到相应部分。" if passed < len(results) else ""
    summary = f"检查完成：{passed} / {len(results)} 项通过。{jump}"
    return rows, targets, findings, summary
