"""Text from reports, models and users shown as text in the app's Markdown components."""

from __future__ import annotations

import html
import re

MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]~])")
INERT = (("://", ":&#47;&#47;"), ("www.", "www&#46;"), ("@", "&#64;"))
"""What would turn into a link by itself (a web address, an e-mail address), written so it does not."""


def esc(text: str) -> str:
    """No HTML, no emphasis, no link, image or autolink: an example passage holding <img onerror>
    or [点此](http://…) shows as the characters it holds."""
    out = MARKDOWN_ACTIVE.sub(r"\\\1", html.escape(text or "", quote=False))
    for live, inert in INERT:
        out = out.replace(live, inert)
    return out
