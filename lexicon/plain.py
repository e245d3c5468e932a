"""Plain text: what every text that enters the tool is made of before anything reads it.

Emoji, bidirectional overrides and zero-width characters make text display differently from what
it says (a figure shown as 82 may be 28); a lone surrogate is no text at all (a JSON escape or a
PDF's broken font map can carry one) and breaks every UTF-8 encoder, OpenCC's included. They go,
then the script is made simplified. `plain_text` is the one cleaning: the importer runs it on
every earlier report (retrieval/ingest.py), the fact reader on every pasted line
(drafting/domain/facts.py), the material reader on the year's 工作信息 (drafting/plan/material).
"""

from __future__ import annotations

import re
import unicodedata

from .script import normalise_script

EMOJI = re.compile("[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U0000FE0F]")
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff\ud800-\udfff"
                       "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Bidirectional overrides and embeddings, zero-width characters, the byte-order mark, lone
surrogates, and control characters (ESC, BEL…), which XML and so the Word file refuse (tab and
line breaks stay)."""
EMOJI_SEQUENCE = re.compile(f"{EMOJI.pattern}(?:\u200d{EMOJI.pattern})*")
"""An emoji with the zero-width joiners that glue it to the next: one picture, not a hidden mark."""


def strip_hidden(text: str) -> str:
    """The text without emoji, bidirectional overrides, zero-width characters and lone surrogates."""
    return INVISIBLE.sub("", EMOJI.sub("", text))


def plain_text(text: str) -> tuple[str, list[str]]:
    """The text composed (NFC), hidden characters removed, in simplified script without pinyin
    notes; and what the script conversion changed, for a notice."""
    return normalise_script(strip_hidden(unicodedata.normalize("NFC", text)))
