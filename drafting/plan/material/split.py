"""One text → its items: a 工作信息汇编, a paste of many posts one after another, or one post.

An item opens at a title line (short, no sentence punctuation, or a Markdown heading) or at a
paragraph that starts something new; a paragraph that goes on with the same story (活动现场…,
会上…, 一是…) stays with the item before it. A posting-date line (发布时间：2024-03-08) dates its
item and is not text. Each paragraph is cleaned as the importer cleans reports (retrieval.clean:
script, width, Markdown, web furniture, lines broken inside a sentence joined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from drafting.domain.material import Item
from lexicon.numbering import ANY_HEADING
from retrieval.clean import clean_text, tidy_line, web_line

TITLE_MAX = 60
DATE_LINE = re.compile(r"^(?:(?:发布|发表|更新)?(?:时间|日期)[:：]?\s*)?"
                       r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
"""A posting date: 发布时间：2024-03-08 10:20, 2024年3月8日 (alone on its line)."""
LEAD_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?")
GOES_ON = re.compile(
    r"^(?:活动|会上|会议|此次|本次|其中|据悉|据了解|据统计|下一步|同时|此外|另外|现场|期间|随后|当天|大家|群众|"
    r"家长|她们?|他们?|参加|参会|与会|目前|截至目前|接下来|今后|[一二三四五六七八九十]+是|"
    r"[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])")
"""How a paragraph that goes on with the story before it opens."""
DIGEST = re.compile(r"综述|总结|汇总|回顾|工作情况|简报|工作动态")
ENUMERATED = re.compile(r"(?:^|[。\n])[一二三四五六七八九十]是")


@dataclass
class _Draft:
    title: str = ""
    posted: date | None = None
    paragraphs: list[str] = field(default_factory=list)


def split_items(text: str, file: str, year: int, first_id: int = 1) -> list[Item]:
    """The items of one text, numbered M<first_id>…; `year` dates a lead that names no year."""
    drafts: list[_Draft] = []
    pending = _Draft()
    for kind, value in _units(text):
        if kind == "title":  # a title under a title with nothing between: the first was a header
            pending = _Draft(title=value, posted=pending.posted)
        elif kind == "date":
            pending.posted = value
        elif drafts and not pending.posted and GOES_ON.match(value):
            drafts[-1].paragraphs.append(value)  # the story goes on (a caption line before it is dropped)
            pending = _Draft()
        else:
            pending.paragraphs.append(value)
            drafts.append(pending)
            pending = _Draft()
    items = []
    for draft in drafts:
        body = "\n".join(draft.paragraphs)
        when, how, exact = _dated(body, draft.posted, year)
        digest = bool(DIGEST.search(draft.title) or len(ENUMERATED.findall(body)) >= 2)
        items.append(Item(id=f"M{first_id + len(items)}", file=file, text=body, title=draft.title,
                          date=when, dated=how, exact=exact, digest=digest))
    return items


def _units(text: str):
    """('title', text), ('date', date) or ('para', text), in order."""
    block: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, md_heading = tidy_line(raw)
        posted = _posting_date(line)
        mid_sentence = bool(block) and not re.search(r"[。！？；…”」）)]$", block[-1])
        if posted or not line or (_is_title(line, md_heading) and not mid_sentence):
            yield from _paragraphs(block)
            block = []
            if posted:
                yield "date", posted
            elif line:
                yield "title", line
        elif not web_line(line):
            block.append(line)
    yield from _paragraphs(block)


def _paragraphs(lines: list[str]):
    """The block's paragraphs; a line that stops mid-sentence (narrow PDF or phone columns, where
    the importer's report rules keep short lines apart) goes on into the next."""
    if not lines:
        return
    joined: list[str] = []
    for paragraph in clean_text("\n".join(lines), whole_report=False):
        if joined and not re.search(r"[。！？；…”」）)]$", joined[-1]):
            joined[-1] += paragraph.text
        else:
            joined.append(paragraph.text)
    for text in joined:
        yield "para", text


def _is_title(line: str, md_heading: bool) -> bool:
    if web_line(line) or len(line) > TITLE_MAX or re.search(r"[。，；！？]", line) or line.endswith(("：", ":")):
        return False
    return md_heading or len(re.findall(r"[\u4e00-\u9fff]", line)) >= 6 or bool(ANY_HEADING.match(line))


def _posting_date(line: str) -> date | None:
    m = DATE_LINE.match(line)
    if not m or re.search(r"[，。；]", line) or len(line) > 60:
        return None
    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _dated(body: str, posted: date | None, year: int) -> tuple[date | None, str, bool]:
    """(date, how it was found, whether it names the day): the lead's own date first (the event),
    then the posting date; a lead without a year takes the posting year, else the report's."""
    lead = re.split(r"[。！？；\n]", body, maxsplit=1)[0][:80]
    m = LEAD_DATE.search(lead)
    if m and int(m.group(2)) <= 12:
        y = int(m.group(1)) if m.group(1) else (posted.year if posted else year)
        when = _date(y, int(m.group(2)), int(m.group(3)) if m.group(3) else 1)
        if when:
            return when, "导语", bool(m.group(3))
    if posted:
        return posted, "发布时间", True
    return None, "", False


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
