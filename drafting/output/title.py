"""Where a long title breaks: between words, never inside one, in a 梯形 or 菱形 shape.

GB/T 9704-2012 7.3.3: a title that takes more than one line breaks so that each line keeps its
words whole (词意完整), the lines are symmetrical and of fitting length (排列对称，长短适宜), arranged as
a trapezoid or a diamond. Breaks are chosen among jieba's word boundaries; some boundaries read
better (after the organisation's name, after the year, before 关于 or 及), some are never used
(inside 《》 or “”, between a number and its 年).
"""

from __future__ import annotations

import itertools
import re

from retrieval.text import tokens

TITLE_WIDTH = 20.0
"""Characters of 2号 on a 156 mm line (22 pt each, drawn 0.3 pt tighter by the body's spacing)."""
GOOD_AFTER = re.compile(r"(?:妇女联合会|妇联|委员会|[局委办])$|(?:\d{4}|[上下]半)年度?$|年度$")
GOOD_BEFORE = re.compile(r"^(?:关于|及|和|暨|“谁执法谁普法”)")
BAD_BEFORE = re.compile(r"^(?:[、，。：；）》”]|年|报告$|的)")


def width(text: str) -> float:
    """How wide a title line is, in characters: a Latin letter or digit is half a character."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in text)


def title_lines(title: str, org: str = "", limit: float = TITLE_WIDTH) -> list[str]:
    """The title as the lines it is printed on (one line when it fits)."""
    title = title.strip()
    if width(title) <= limit:
        return [title]
    pieces = _pieces(title, org if width(org) <= limit else "")
    cuts = range(1, len(pieces))
    least = int(-(-width(title) // limit))
    for count in (least, least + 1, least + 2):
        best = min((_split(pieces, chosen) for chosen in itertools.combinations(cuts, count - 1)
                    if _fits(pieces, chosen, limit)), key=lambda lines: _cost(lines, pieces), default=None)
        if best:
            return best
    return [title]


def _pieces(title: str, org: str) -> list[str]:
    """Units that are never broken: jieba words, with 《…》, “…”, the organisation's name (when it
    fits on a line) and a number with its 年 each held together."""
    held = [m.span() for m in re.finditer(r"《[^》]*》|“[^”]*”|\d+年度?", title)]
    if org and title.startswith(org):
        held.append((0, len(org)))
    pieces, start = [], 0
    for word in tokens(title):
        end = start + len(word)
        if pieces and any(a < start < b for a, b in held):
            pieces[-1] += word
        else:
            pieces.append(word)
        start = end
    return pieces


def _split(pieces: list[str], chosen: tuple[int, ...]) -> list[str]:
    bounds = (0, *chosen, len(pieces))
    return ["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds)]


def _fits(pieces: list[str], chosen: tuple[int, ...], limit: float) -> bool:
    return all(width(line) <= limit for line in _split(pieces, chosen))


def _cost(lines: list[str], pieces: list[str]) -> float:
    """Lower is better: lines of even length in a trapezoid or diamond, broken where it reads well."""
    widths = [width(line) for line in lines]
    cost = max(widths) - min(widths)
    if len(widths) >= 3 and widths[1] < min(widths[0], widths[-1]):
        cost += 10  # an hourglass: neither trapezoid nor diamond
    for before, after in itertools.pairwise(lines):
        if BAD_BEFORE.search(after):
            cost += 8
        elif not (GOOD_AFTER.search(before) or GOOD_BEFORE.search(after)):
            cost += 2
    return cost
