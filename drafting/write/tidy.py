"""Model text to section text, deterministically: no Markdown, no heading line of its own, one
paragraph a line."""

from __future__ import annotations

import re

from retrieval.patterns import TOP


def tidy(text: str) -> str:
    lines = []
    for line in text.replace("\r", "").split("\n"):
        line = re.sub(r"^#+\s*|\*\*", "", line).strip()
        if not line or (not lines and TOP.match(line) and len(line) < 40):
            continue
        lines.append(line)
    return "\n".join(lines)
