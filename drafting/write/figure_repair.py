"""Put back the user's exact figure where a model rewrote it into an equal one.

Models like to tidy numbers: 8万余册 becomes 8万多册 or 80000余册, 19.06万元 becomes 190600元 or
19.06万, 16次 becomes 十六次 or １６次. To an auditor each of these is a changed figure. When the
rewritten figure has the same value, unit and qualifier as exactly one of the user's figures, the
user's text is put back — no model call needed. A rewrite the figure parser does not read as a
figure (19.06万, 一次) is looked for by its text while the user's figure is missing. A figure that
changed its value or lost its qualifier is not guessed at: it goes back to the model as a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.domain.types import Fact
from lexicon.figures import UNIT_RE, Figure, figure_spans
from lexicon.numbering import ordinal

SAME_QUALIFIER = str.maketrans({"多": "余"})
"""余 and 多 after a number say the same thing (8万余册 = 8万多册); nothing else is folded."""


@dataclass(frozen=True)
class Rewrite:
    """One figure put back: what the model wrote and the user's text it became."""

    written: str
    original: str


def _meaning(fig: Figure) -> tuple[float, str, str]:
    return (round(fig.value, 6), fig.unit, fig.qualifier.translate(SAME_QUALIFIER))


def repair_figures(text: str, facts: list[Fact]) -> tuple[str, list[Rewrite]]:
    """The text with every unambiguously rewritten figure restored to the user's exact text."""
    originals: dict[tuple[float, str, str], set[str]] = {}
    for fact in facts:
        for fig in fact.figures:
            originals.setdefault(_meaning(fig), set()).add(fig.text)
    exact = {text for texts in originals.values() for text in texts}
    rewrites: list[Rewrite] = []
    out, cursor = [], 0
    for start, end, fig in figure_spans(text):
        candidates = originals.get(_meaning(fig), set())
        if fig.text not in exact and len(candidates) == 1:
            original = next(iter(candidates))
            out.append(text[cursor:start] + original)
            rewrites.append(Rewrite(fig.text, original))
            cursor = end
    text = "".join(out) + text[cursor:]
    text, dropped = _restore_by_text(text, facts)
    return text, rewrites + dropped


def _restore_by_text(text: str, facts: list[Fact]) -> tuple[str, list[Rewrite]]:
    """Rewrites the figure parser does not read as figures, looked for only while the user's figure
    is missing from the text: 19.06万元 written as 19.06万, 1次 written as 一次."""
    rewrites = []
    for fact in facts:
        for fig in fact.figures:
            if fig.text in text:
                continue
            for variant, guard in _variants(fig):
                pattern = re.compile(guard + re.escape(variant) + rf"(?!元|余|多|性|[0-9.]|{UNIT_RE})")
                if pattern.search(text):
                    text = pattern.sub(fig.text, text)
                    rewrites.append(Rewrite(variant, fig.text))
                    break
    return text, rewrites


def _variants(fig: Figure) -> list[tuple[str, str]]:
    """(how a model may write the figure, what may not precede it)."""
    if fig.text.endswith("万元"):
        return [(fig.text[:-1], r"(?<![0-9.０-９])")]
    m = re.fullmatch(r"(\d{1,2})([^\d]+)", fig.text)
    if m and not fig.qualifier and 0 < int(m.group(1)) < 100:
        return [(ordinal(int(m.group(1))) + m.group(2), r"(?<![第每一二两三四五六七八九十百千万零〇])")]
    return []
