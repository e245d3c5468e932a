"""How a table of words becomes a regular expression: one alternation, longest word first."""

from __future__ import annotations

import re
from collections.abc import Iterable


def either(words: Iterable[str], escape: bool = True) -> str:
    """`(?:自治区|地区|区)`: the words as one group, longest first so that no word hides a longer one.
    `escape=False` for tables whose entries are regex fragments themselves (履职情况.*负责人)."""
    unique = dict.fromkeys(words)
    ordered = sorted(unique, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in ordered) + ")"
