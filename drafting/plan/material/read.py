"""Material in: files through the importer's reader (each parsed in a worker with the import
budgets; a hostile file costs one line) or pasted text; then split into items.

Traditional script is converted (and said), hidden characters removed, as for pasted facts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from drafting.domain.material import Item
from drafting.errors import InputError
from lexicon.plain import plain_text
from retrieval.errors import SkippedFile
from retrieval.readers import MAX_BYTES, read_report

from .split import split_items

MAX_PASTE_CHARS = 300_000
"""A year of 工作信息 pasted at once: a few hundred items of a few hundred characters."""
MAX_ITEMS = 600
PASTED = "粘贴"


@dataclass
class Reading:
    """What was read: the items, and the files that could not be read, each with its reason."""

    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_material(paths: list[Path], pasted: str = "", year: int | None = None,
                  max_bytes: int | None = None, seconds: float | None = None) -> Reading:
    """Every item of the files and the pasted text, numbered M1… in order. InputError when there is
    nothing to read or too much; a file that cannot be read is skipped with its reason."""
    year = year or date.today().year
    reading = Reading()
    for path in paths:
        try:
            text = read_report(Path(path), max_bytes or MAX_BYTES, seconds)
        except SkippedFile as exc:
            reading.skipped.append((Path(path).name, str(exc)))
            continue
        _add(reading, text, Path(path).name, year)
    if pasted and pasted.strip():
        if len(pasted) > MAX_PASTE_CHARS:
            raise InputError(f"粘贴的材料过长（{len(pasted)} 字，上限 {MAX_PASTE_CHARS} 字）：请分几次粘贴，"
                             "或保存为文件后导入。")
        _add(reading, pasted, PASTED, year)
    if len(reading.items) > MAX_ITEMS:
        raise InputError(f"材料条数过多（{len(reading.items)} 条，上限 {MAX_ITEMS} 条）：请只放本年度的工作信息。")
    return reading


def _add(reading: Reading, text: str, name: str, year: int) -> None:
    text, notes = plain_text(text)
    reading.notes += [f"{name}：{note}" for note in notes]
    items = split_items(text, name, year, first_id=len(reading.items) + 1)
    reading.items += [replace(item, notes=tuple(notes)) for item in items]
    if not items:
        reading.skipped.append((name, "没有读到任何一条工作信息（文件里没有成段的文字）"))
