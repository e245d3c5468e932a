"""Who writes, about which period, and when: the draft's metadata checked and settled.

`build_meta` checks what the user typed; `settle` completes it once the facts are known — the
organisation profile, the period (facts that speak of 上半年/下半年 propose a half-year report),
the title, and the writing date. The writing date decides every time-bound phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from drafting.errors import InputError
from lexicon.figures import masked_values
from lexicon.plain import strip_hidden
from lexicon.roles import Kind
from lexicon.script import to_simplified

from .facts import hidden_warnings, noted
from .kinds import SHAPES, fill_title, get_kind
from .profile import profile_for
from .types import DraftMeta, Fact

MIN_YEAR = 2016
HALF_CUE = re.compile(r"上半年|下半年|半年来|1[-—–至到]6月|一至六月")
WHOLE_YEAR = re.compile(r"上半年.{0,40}下半年(?!\S{0,4}(?:将|计划|拟|要|继续|打算))")
"""A fact that gives both halves of the year (上半年…2期，下半年2期): the whole year, not a half."""
MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*月")
HALF_FACTS = 2
"""Facts that speak of a half year before the report is drafted as one: one such fact is not enough."""
DATED_FACTS = 3
"""Facts with a month that, all in January to June, make the tool ask whether this is a half-year report."""


def build_meta(org: str, year, report_type: str, short_name: str = "", addressee: str = "",
               when: str = "", period: str = "", *, today: date | None = None, **extra) -> DraftMeta:
    """Check the metadata the user gave; InputError names what to fix. `settle` completes it."""
    kind = get_kind(report_type)
    texts, removed = clean_fields(dict(extra, org=org, short_name=short_name, addressee=addressee))
    org, short_name, addressee, extra = texts.pop("org"), texts.pop("short_name"), texts.pop("addressee"), texts
    org = to_simplified(org)
    if not org:
        raise InputError("请填写单位全称，例如“某某县妇女联合会”。")
    try:
        year = int(year)
        if isinstance(year, bool):
            raise ValueError
    except (TypeError, ValueError):
        raise InputError(f"年份 {year!r} 不是整数：请填写报告所总结的年份，例如 2024。") from None
    last = (today or date.today()).year + 1
    if not MIN_YEAR <= year <= last:
        raise InputError(f"年份 {year} 不在 {MIN_YEAR}–{last} 之间：请填写报告所总结的年份。")
    if period not in ("", "half", "annual"):
        raise InputError(f"总结期间 {period!r} 无法识别：请写 half（上半年）或 annual（全年），或留空自动判断。")
    if extra.get("shape") and extra["shape"] not in SHAPES:
        raise InputError(f"报告结构 {extra['shape']!r} 无法识别：请写 statutory（一、主要举措和成效下分（一）（二）…）"
                         "或 themed（按主题分几个一级标题），或留空。")
    fields = {k: str(v).strip() for k, v in extra.items() if k in DraftMeta.__dataclass_fields__ and v}
    meta = DraftMeta(org=org, year=year, report_type=kind.key, short_name=(short_name or "").strip(),
                     addressee=(addressee or "").strip(), period=period, **fields)
    meta.date = format_date(when) if when else ""
    meta.notices = removed
    try:
        profile = profile_for(org, meta.level, meta.body, meta.short_name, meta.addressee, meta.leader_title)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    meta.short_name, meta.addressee = profile.self_name, profile.addressee
    if profile.full_name != org:  # 通城镇政府: the title and the 落款 carry the full name
        meta.org = profile.full_name
        meta.notices.append(f"单位全称为“{profile.full_name}”：标题和落款用全称。")
    # A level worked out from the name is kept; a guessed one is not, so the notice stays until the user picks one.
    meta.level = profile.level if profile.placed else ""
    meta.body, meta.leader_title = profile.body, profile.leader_title
    meta.title = fill_title(kind, meta)
    return meta


def settle(meta: DraftMeta, facts: list[Fact], today: date | None = None) -> DraftMeta:
    """The metadata completed for these facts: period, title, writing date, and notices."""
    profile = profile_for(meta.org, meta.level, meta.body, meta.short_name, meta.addressee, meta.leader_title)
    notices = [*meta.notices, *profile.notices]
    notices += [f"{problem}。" for problem in placeholders(meta)]
    period = meta.period or _period(meta, facts, notices)
    settled = replace(meta, period=period)
    settled.title = fill_title(get_kind(meta.report_type), settled)
    if not settled.date:
        when = today or date.today()
        first, last = usual_writing_window(settled)
        if first <= when <= last:
            settled.date = format_date(when.isoformat())
            notices.append(f"成文日期未填写：用今天（{settled.date}），请按实际印发日期核对。")
        else:
            notices.append(f"成文日期未填写，今天（{_cn_date(when)}）不在这份报告通常的成文时间内"
                           f"（{_cn_date(first)}至{_cn_date(last)}）：落款日期留空（年 月 日），请由签发人填写。")
    elif written_on(settled) < period_end(settled):
        notices.append(f"成文日期 {settled.date} 早于报告期结束（{_cn_date(period_end(settled))}）："
                       "报告通常在期末之后成文，请核对。")
    if profile.bare:
        example = "某某" + re.sub("妇联$", "妇女联合会", settled.org)
        notices.append(f"单位名称只有“{settled.org}”：落款应写单位全称（如“{example}”），请补全。")
    if period == "half":
        for fact in facts:
            if "全年" in fact.text and "全年" not in fact.note:
                notices.append(noted(fact, "写的是“全年”，本报告是半年总结，请核实统计期间"))
    settled.notices = list(dict.fromkeys(notices))
    return settled


def _period(meta: DraftMeta, facts: list[Fact], notices: list[str]) -> str:
    """The period the facts speak of, when the user left it to the tool: a half year only for a work
    summary whose facts say so more than once; otherwise the whole year, with a question when they
    seem to say otherwise (one 上半年 fact, or every dated fact in January to June)."""
    half = [f.id for f in facts if HALF_CUE.search(f.text) and not WHOLE_YEAR.search(f.text)]
    summary = meta.report_type == Kind.ZONGJIE
    if half and summary and len(half) >= HALF_FACTS:
        notices.append(f"事实 {'、'.join(half[:5])} 提到“上半年/下半年”：按半年工作总结起草；"
                       "如是全年总结，请把“总结期间”改为全年。")
        return "half"
    if half and summary:
        notices.append(f"只有事实 {half[0]} 提到“上半年/下半年”：按全年总结起草；"
                       "如是半年总结，请把“总结期间”改为上半年。")
    elif half:
        notices.append(f"事实 {'、'.join(half[:5])} 提到“上半年/下半年”，但所选报告是年度报告："
                       "半年总结请选择“工作总结”。")
    dated = {f.id: max(int(m) for m in MONTH.findall(f.text)) for f in facts if MONTH.search(f.text)}
    if summary and not half and len(dated) >= DATED_FACTS and max(dated.values()) <= 6:
        notices.append(f"注明月份的 {len(dated)} 条事实（{'、'.join(list(dated)[:5])}）都在1—6月：按全年总结起草；"
                       "如是上半年工作总结，请把“总结期间”改为上半年。")
    return "annual"


FRAME_FIELDS = ("org", "short_name", "addressee", "doc_number", "signer", "cc", "printer", "title")
"""The names around the body: 落款 and 标题 (单位全称), 自称, 主送机关, 版头 and 版记; the title last (it
repeats the 单位全称)."""


def placeholders(meta: DraftMeta) -> list[str]:
    """A placeholder left in a name around the body, one line a field: said before drafting, and by the
    无遗留占位 check in the same words. The title is named for what the 单位全称 does not already hold."""
    found = []
    for field_name in FRAME_FIELDS:
        masks = [m for m in masked_values(getattr(meta, field_name))
                 if field_name != "title" or m not in masked_values(meta.org)]
        if masks:
            label = FIELD_LIMITS.get(field_name, ("标题", 0))[0]
            found.append(f"{label}里有占位内容（{'、'.join(dict.fromkeys(masks))}），请改为实际名称")
    return found


def period_end(meta: DraftMeta) -> date:
    return date(meta.year, 6, 30) if meta.period == "half" else date(meta.year, 12, 31)


def usual_writing_window(meta: DraftMeta) -> tuple[date, date]:
    """When such a report is usually written, the only days that may stand in for a missing date:
    an annual report from January to April of the next year (due in the first quarter, published
    by 1 April; a 普法履职报告 from November, when the year's 述职 starts); a half-year report from
    late June to July of its year; a year's 工作总结 from December, when offices sum up their year
    (real ones are dated 12月 as often as 1月)."""
    if meta.period == "half":
        return date(meta.year, 6, 20), date(meta.year, 7, 31)
    return _year_end_start(meta), date(meta.year + 1, 4, 30)


def _year_end_start(meta: DraftMeta) -> date:
    early = {Kind.PUFA: date(meta.year, 11, 1), Kind.ZONGJIE: date(meta.year, 12, 1)}
    return early.get(meta.report_type, date(meta.year + 1, 1, 1))


def plausible_writing_date(meta: DraftMeta, when: date) -> bool:
    """Annual reports are written in the next year (a 普法履职报告 from November); a half-year
    report from June to December of its year."""
    if meta.period == "half":
        return date(meta.year, 6, 1) <= when <= date(meta.year, 12, 31)
    return _year_end_start(meta) <= when <= date(meta.year + 1, 12, 31)


def written_on(meta: DraftMeta) -> date:
    """The day whose wording the report must use: its 成文日期, or the end of its period when the
    date is left for the signer (only what was true by then is safe to cite)."""
    parsed = parse_date(meta.date)
    return parsed or period_end(meta)


def parse_date(text: str) -> date | None:
    m = re.fullmatch(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*", text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def format_date(value) -> str:
    """2024-01-14 → 2024年1月14日 (成文日期 in Arabic numerals, no leading zeros)."""
    text = str(value).strip()
    try:
        d = date.fromisoformat(text)
    except ValueError:
        parsed = parse_date(text)
        if parsed:
            return _cn_date(parsed)
        raise InputError(f"日期 {text!r} 不是有效日期：请写成 2024-01-14。") from None
    return _cn_date(d)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"



# -- what a person may type into a name field ---------------------------------------------------
FIELD_LIMITS = {"org": ("单位全称", 60), "short_name": ("自称", 20), "addressee": ("主送机关", 60),
                "doc_number": ("发文字号", 40), "signer": ("签发人", 20), "cc": ("抄送", 100),
                "printer": ("印发机关", 60), "level": ("行政层级", 20), "body": ("单位类别", 20),
                "leader_title": ("负责人职务", 30)}
"""Generous for any real name, short enough for a file name and a page (a 300-character name
once made every Word export fail)."""


def clean_fields(values: dict) -> tuple[dict[str, str], list[str]]:
    """The text fields as text, without emoji or invisible characters, each within its limit.
    InputError names a field that is too long; the notices say what was removed."""
    cleaned, notices = {}, []
    for key, value in values.items():
        raw = "" if value is None else str(value)
        text = strip_hidden(raw).strip()
        label, limit = FIELD_LIMITS.get(key, (key, 200))
        if len(text) > limit:
            raise InputError(f"{label}过长（{len(text)} 字，上限 {limit} 字）：请只填写{label}本身。")
        notices += [f"{label}：{w}" for w in hidden_warnings(raw)]
        cleaned[key] = text
    return cleaned, list(dict.fromkeys(notices))
