"""The term table in use: the shipped one (lexicon/terms.yaml) and the office's own entries.

The office's file is named once at start from the settings (`use_office_terms`: REPORTDRAFT_TERMS,
or terms.yaml in the data directory): the fact reader, the draft's final pass and the 规范用语 check
all read `term_table()`, so a name the office added is corrected and checked everywhere alike.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lexicon.terms import SHIPPED, Term, read_terms

_office: Path | None = None


def use_office_terms(path: Path | None) -> None:
    """Name the office's own term table (None: the shipped table only). A file that cannot be read
    raises TermsError when the table is first used, with what to fix."""
    global _office
    _office = path


def term_table() -> tuple[Term, ...]:
    """The office's entries first (they may correct a shipped one), then the shipped ones."""
    office = _office if _office is not None and _office.exists() else None
    return _table(office, office.stat().st_mtime_ns if office else 0)


@lru_cache(maxsize=4)
def _table(office: Path | None, _stamp: int) -> tuple[Term, ...]:
    own = read_terms(office) if office else ()
    wrongs = {t.wrong for t in own}
    return own + tuple(t for t in read_terms(SHIPPED) if t.wrong not in wrongs)
