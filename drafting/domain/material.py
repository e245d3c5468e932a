"""Material: the year's 工作信息, 简报 and news items, and the candidate facts taken from them.

A Candidate has no text of its own: it is a few clauses, each made of spans of its source items,
joined by "，". Every figure in it must be the figure its source has at that very place, qualifier
included — "超10万人次" cut to "10万人次", or "1200余份" cut to "200余份", is refused — so a
candidate cannot carry a figure that its source does not hold: building one raises
FigureNotInSource. The tool, the offline extractor and a model all build candidates this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from lexicon.figures import Figure, figure_spans

GLUE = "，"
"""What joins two clauses of a candidate: no digit, no numeral, so no figure can form across it."""
SENTENCE_END = "。！？；\n"


class FigureNotInSource(ValueError):
    """A candidate would carry a figure its source does not hold at that place."""


@dataclass(frozen=True, eq=False)
class Item:
    """One item of the material: a 工作信息, a 简报 paragraph, a news post."""

    id: str
    """M1, M2, … in reading order."""
    file: str
    """The file it came from, or 粘贴 for pasted text."""
    text: str
    """Its body as read and cleaned (simplified script), one paragraph a line; the title apart."""
    title: str = ""
    date: date | None = None
    """When it happened (its lead) or was posted; None when it says neither."""
    dated: str = ""
    """How the date was found: 导语 (its lead), 发布时间, or '' when none."""
    exact: bool = False
    """Whether the date names the day (3月8日), not only the month (5月, 截至5月底)."""
    digest: bool = False
    """A round-up of several activities (a half-year 综述, a 简报): it repeats what others report."""
    notes: tuple[str, ...] = ()
    """What was changed on reading it (traditional script converted …)."""

    def sentence_at(self, position: int) -> str:
        """The sentence of the body that holds `position`."""
        start = max((self.text.rfind(end, 0, position) for end in SENTENCE_END), default=-1) + 1
        ends = [i for i in (self.text.find(end, position) for end in SENTENCE_END) if i >= 0]
        return self.text[start:min(ends) + 1 if ends else len(self.text)].strip()

    @cached_property
    def figures_at(self) -> dict[int, Figure]:
        """Where each figure of the body starts, and the figure."""
        return {start: fig for start, _, fig in figure_spans(self.text)}


@dataclass(frozen=True)
class Span:
    """A stretch of an item's body: item.text[start:end]."""

    item: Item
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= len(self.item.text):
            raise ValueError(f"span {self.start}:{self.end} outside item {self.item.id}")

    @property
    def text(self) -> str:
        return self.item.text[self.start:self.end]


Clause = tuple[Span, ...]


@dataclass(frozen=True)
class Origin:
    """Where a candidate was reported: shown beside it, and kept with the fact it becomes
    (Fact.origins) through to the draft's sources, its Word comments and its Markdown notes."""

    item: str
    """M5: the item's number in the material it was read from."""
    file: str
    title: str
    date: str
    """2024-03-08; 2024-04 when the item names only the month; '' when it gives none."""
    sentence: str
    """The item's sentence the fact was taken from."""
    edited: bool = False
    """The user changed the candidate's words before taking it: the sentence is where it came
    from, not what the fact now says."""

    @classmethod
    def of(cls, span: Span) -> Origin:
        item = span.item
        when = (item.date.isoformat() if item.exact else item.date.isoformat()[:7]) if item.date else ""
        return cls(item.id, item.file, item.title, when, item.sentence_at(span.start))

    def label(self) -> str:
        """《title》（file）, as a source line reads."""
        return f"《{self.title}》（{self.file}）" if self.title else self.file

    def line(self) -> str:
        """The whole source as one line: 《title》（file，2024-03-08）：“sentence”（经用户修改）."""
        where = "，".join(part for part in (self.file, self.date) if part)
        head = f"《{self.title}》（{where}）" if self.title else where
        return f"{head}：“{self.sentence}”" + ("（文字经用户修改）" if self.edited else "")

    @classmethod
    def from_dict(cls, data: dict) -> Origin:
        """A saved origin (fields this version does not know are left out)."""
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Candidate:
    """A candidate fact: clauses of spans of its sources, a proposed place, where else it was seen."""

    clauses: tuple[Clause, ...]
    also: tuple[Origin, ...] = ()
    """The same event in other items (merged duplicates), their sentences kept."""
    id: str = ""
    kind: str = ""
    """What the fact is (a FactKind: activity, honour, …), as the outline types it."""
    section: str = ""
    """The section (and subsection) it would go to in the draft."""
    reason: str = ""
    """Why there, as the outline says it."""
    by: str = "offline"
    """Who proposed it: offline, or the model's name."""

    def __post_init__(self) -> None:
        if not self.clauses or not all(self.clauses):
            raise ValueError("a candidate needs at least one clause, each of at least one span")
        check_figures(self.clauses)

    @cached_property
    def text(self) -> str:
        return GLUE.join("".join(span.text for span in clause) for clause in self.clauses)

    @cached_property
    def figures(self) -> list[Figure]:
        return [fig for _, _, fig in figure_spans(self.text)]

    @property
    def item(self) -> Item:
        """The item it was taken from (its first span's)."""
        return self.clauses[0][0].item

    @property
    def origin(self) -> Origin:
        """Its source sentence: the one of its first figure, else of its longest clause (not its time)."""
        with_figure = [c for c in self.clauses if figure_spans("".join(s.text for s in c))]
        main = with_figure[0] if with_figure else max(self.clauses, key=lambda c: sum(s.end - s.start for s in c))
        return Origin.of(main[0])

    @property
    def origins(self) -> list[Origin]:
        return [self.origin, *self.also]

    @property
    def date(self) -> date | None:
        return self.item.date

    @property
    def when(self) -> str:
        """The time the candidate states (3月8日, 上半年), else its item's date."""
        lead = self.text.split(GLUE, 1)[0]
        if re.fullmatch(r"(?:\d{4}年)?[\d月日至底初以来上下半年期间今年全截]+", lead) and re.search(r"月|年", lead):
            return lead
        if not self.date:
            return ""
        return f"{self.date.month}月{self.date.day}日" if self.item.exact else f"{self.date.month}月"

    def to_dict(self) -> dict:
        """Plain data for a table or JSON: every field a UI shows."""
        origin = self.origin
        return {"id": self.id, "text": self.text, "figures": [f.text for f in self.figures], "when": self.when,
                "date": self.date.isoformat() if self.date else "", "file": origin.file, "title": origin.title,
                "item": origin.item, "sentence": origin.sentence, "kind": self.kind, "section": self.section,
                "reason": self.reason, "by": self.by,
                "also": [vars(o) for o in self.also]}


def check_figures(clauses: tuple[Clause, ...]) -> None:
    """Every figure of the joined text lies inside one span and is, to the character, the figure
    its item holds at that place. Raises FigureNotInSource naming the first one that is not."""
    pieces, offset = [], 0
    for n, clause in enumerate(clauses):
        offset += len(GLUE) if n else 0
        for span in clause:
            pieces.append((offset, span))
            offset += span.end - span.start
    text = GLUE.join("".join(span.text for span in clause) for clause in clauses)
    for start, end, fig in figure_spans(text):
        home = next(((at, span) for at, span in pieces if at <= start and end <= at + span.end - span.start), None)
        if home is None:
            raise FigureNotInSource(f"“{fig.text}”由两段原文拼成，原文中没有这个数字")
        at, span = home
        place = span.start + start - at
        there = span.item.figures_at.get(place)
        if there is None or there.text != fig.text:
            near = [f.text for s, f in span.item.figures_at.items() if s <= place < s + len(f.text)]
            raise FigureNotInSource(f"“{fig.text}”在原文中不是这样写的" + (f"（原文为“{near[0]}”）" if near else ""))
