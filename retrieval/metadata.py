"""Detect a report's metadata when no manifest gives it: organisation, year, date, kind, 文号."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexicon.cues import title_kind
from lexicon.levels import ANY_UNIT, LEVELS, level_of

from .clean import CLOSING_DATE
from .structure import ORG_LINE, ParsedReport

ORG_IN_TEXT = re.compile(r"([\u4e00-\u9fa5*＊]{1,20}?(?:妇女联合会|妇联))")
ADMIN_UNIT = re.compile(f"(.+?{ANY_UNIT})")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,8}〔\d{4}〕\s*\d+\s*号")
WEB_DATE = re.compile(r"(?:发表|发布)(?:日期|时间)\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class ReportMeta:
    """What a report says about itself."""

    title: str = ""
    org: str = ""
    short_name: str = ""
    region: str = ""
    places: list[str] = field(default_factory=list)
    year: int | None = None
    report_type: str = ""
    date: str = ""
    """ISO date (YYYY-MM-DD) of the 落款, or of the web page when there is no 落款 date."""
    doc_number: str = ""


def short_name_of(region: str) -> str:
    """万源市 → 市妇联; 中卫市沙坡头区 → 区妇联; 宁夏回族自治区 → 自治区妇联; 古县 → 县妇联."""
    level = level_of(region)
    return (LEVELS[level].self_prefix if level else "") + "妇联"


def places_of(region: str) -> list[str]:
    """重庆市潼南区 → [重庆, 潼南]; 古县 → [古县]: names short enough to recognise in a text."""
    places = []
    for unit in ADMIN_UNIT.findall(region):
        base = re.sub(f"{ANY_UNIT}$", "", unit)
        base = re.sub(r"(回族|壮族|维吾尔|藏族|蒙古族)$", "", base)
        if "*" in unit or "＊" in unit:
            continue
        places.append(base if len(base) >= 2 else unit)
    return places


def detect_metadata(report: ParsedReport, raw: str = "") -> ReportMeta:
    meta = ReportMeta(title=report.title)
    org_lines = [t for t in report.closing + report.header if ORG_LINE.match(t)]
    org_match = ORG_IN_TEXT.match(report.title)
    meta.org = org_lines[0] if org_lines else (org_match.group(1) if org_match else "")
    meta.region = re.sub(r"(妇女联合会|妇联)$", "", meta.org)
    meta.short_name = short_name_of(meta.region)
    meta.places = places_of(meta.region)
    year = re.search(r"((?:19|20)\d{2})\s*年", report.title) or re.search(
        r"((?:19|20)\d{2})\s*年", " ".join(report.preamble)[:200])
    meta.year = int(year.group(1)) if year else None
    kind = title_kind(report.title)
    meta.report_type = kind.value if kind else ""
    meta.date = _closing_date(report.closing) or _web_date(raw)
    number = DOC_NUMBER.search(" ".join(report.header)) or DOC_NUMBER.search(raw[:300])
    meta.doc_number = re.sub(r"\s+", "", number.group(0)) if number else ""
    return meta


def _closing_date(closing: list[str]) -> str:
    for text in closing:
        m = CLOSING_DATE.match(text)
        if m:
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
            return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    return ""


def _web_date(raw: str) -> str:
    m = WEB_DATE.search(raw)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""
