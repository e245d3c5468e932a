"""Official terms: the wrong forms of names and set phrases a report must not carry, as data.

The table ships as `terms.yaml` beside this module (习总书记 → 习近平总书记, 中国人民共和国 →
中华人民共和国, a law's full title and 党的二十大 on first mention); an office adds its own entries
(its leaders' names and titles, its brands) in a file of the same shape. An entry is either always
wrong, or (`first: true`) wrong only where it stands before the full form has been written once.
`misuses` finds them in a text read in order; `corrected` writes the right forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

SHIPPED = Path(__file__).with_name("terms.yaml")
MAX_BYTES = 256 * 1024
"""An office's table is a page or two of names; anything larger is not one."""


class TermsError(ValueError):
    """A term table that cannot be read, with what to fix (in Chinese, for the office that wrote it)."""


@dataclass(frozen=True)
class Term:
    """One entry: a wrong form, the right one, why; `first`: only the first mention must be the right form."""

    wrong: str
    right: str
    note: str = ""
    first: bool = False


@dataclass(frozen=True)
class Misuse:
    """A wrong form found in a text: which entry, and where."""

    term: Term
    start: int

    @property
    def message(self) -> str:
        when = "首次出现时" if self.term.first else ""
        why = f"（{self.term.note}）" if self.term.note else ""
        return f"“{self.term.wrong}”{when}应写作“{self.term.right}”{why}"


def read_terms(path: Path) -> tuple[Term, ...]:
    """The entries of a term table file (YAML: a list of wrong/right/note/first); TermsError: what to fix."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TermsError(f"规范用语表 {path} 过大（上限 {MAX_BYTES // 1024} KB）。")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TermsError(f"无法读取规范用语表 {path}：{type(exc).__name__}。请检查文件是否存在、"
                         "是否为 UTF-8 编码的 YAML。") from None
    if not isinstance(data, list):
        raise TermsError(f"规范用语表 {path} 应是列表，每条以“- wrong: …”开头。")
    return tuple(_term(entry, path, n) for n, entry in enumerate(data, 1))


def _term(entry, path: Path, n: int) -> Term:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].strip()
                                              for k in ("wrong", "right")):
        raise TermsError(f"规范用语表 {path} 第 {n} 条应有 wrong 和 right 两项文字。")
    wrong, right = entry["wrong"].strip(), entry["right"].strip()
    if wrong == right:
        raise TermsError(f"规范用语表 {path} 第 {n} 条的 wrong 和 right 相同（“{wrong}”）。")
    return Term(wrong, right, str(entry.get("note") or "").strip(), bool(entry.get("first", False)))


def _inside(text: str, start: int, term: Term) -> bool:
    """Whether the wrong form at `start` is part of the right form (二十大 in 党的二十大)."""
    at = term.right.find(term.wrong)
    return at >= 0 and text.startswith(term.right, start - at)


def misuses(text: str, terms: tuple[Term, ...], seen: set[str] | None = None) -> list[Misuse]:
    """The wrong forms in `text`, read in order; `seen` holds the first-mention entries already written
    in full earlier (a draft read section by section), and is updated."""
    seen = set() if seen is None else seen
    found = []
    mixed = _mixed_lists(text, terms)
    for term in terms:
        wrongs = [m.start() for m in re.finditer(re.escape(term.wrong), text)
                  if not _inside(text, m.start(), term) and not (term.first and _within(m.start(), mixed))]
        if not term.first:
            found += [Misuse(term, at) for at in wrongs]
            continue
        right = text.find(term.right)
        if term.right not in seen and wrongs and (right < 0 or wrongs[0] < right):
            found.append(Misuse(term, wrongs[0]))
        if wrongs or right >= 0:
            seen.add(term.right)
    return sorted(found, key=lambda m: m.start)


def corrected(text: str, terms: tuple[Term, ...], seen: set[str] | None = None) -> str:
    """The text with every wrong form written right: an always-wrong form everywhere, a short form
    where it is the first mention (the later ones stand)."""
    for misuse in sorted(misuses(text, terms, set(seen or ())), key=lambda m: -m.start):
        text = text[:misuse.start] + misuse.term.right + text[misuse.start + len(misuse.term.wrong):]
    if seen is not None:
        misuses(text, terms, seen)
    return text


TITLE_LIST = re.compile(r"《[^《》]{1,40}》(?:[、和及与]?《[^《》]{1,40}》)+")
TITLE = re.compile(r"《[^《》]{1,40}》")


def _mixed_lists(text: str, terms: tuple[Term, ...]) -> list[tuple[int, int]]:
    """The spans of lists of titles the table cannot write alike (《教育法》《教师法》《未成年人保护法》:
    only the last has a full title here): such a list stays as pasted, never half expanded. A list of
    laws the table knows and regulations (《民法典》《信访工作条例》) is written in full: a regulation's
    title has no longer form."""
    short, full = _title_forms(terms)
    spans = []
    for m in TITLE_LIST.finditer(text):
        titles = TITLE.findall(m.group(0))
        # a regulation's title (…条例》, …办法》) is whole as it is; a law the table does not know is not
        known = [t in short or t in full or t.startswith("《中华人民共和国") or not t.endswith("法》") for t in titles]
        if any(t in short for t in titles) and not all(known):
            spans.append(m.span())
    return spans


@lru_cache(maxsize=8)
def _title_forms(terms: tuple[Term, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The short and the full forms of the titles the table writes in full at first mention (read once
    per table, not once per text: every fact and section is read with it)."""
    return (frozenset(t.wrong for t in terms if t.first and t.wrong.startswith("《")),
            frozenset(t.right for t in terms if t.first and t.right.startswith("《")))


def _within(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)
