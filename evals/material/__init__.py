"""The material eval: a year of 工作信息 of one fictional county federation (set.yaml, items/) →
candidates, measured against the facts a drafter would take from them.

    python -m evals.material [--set holdout] [--json]

Prints: the labelled facts' figures found in candidates from their own item (target ≥ 90 %);
every candidate figure verbatim in its source (must be 100 %); duplicate events merged into one
candidate with all their sources; figures shared by different events kept apart; items outside
the year set aside; hostile files skipped with one line; the time taken.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from drafting.domain.meta import build_meta
from drafting.plan.material import Material, gather, read_material
from lexicon.figures import extract_figures
from retrieval.safeyaml import load_data

HERE = Path(__file__).resolve().parent


@dataclass
class Result:
    figures: int = 0
    figures_found: int = 0
    candidate_figures: int = 0
    verbatim: int = 0
    duplicates: int = 0
    duplicates_merged: int = 0
    distinct: int = 0
    distinct_kept: int = 0
    outside: int = 0
    outside_set_aside: int = 0
    hostile: int = 0
    hostile_skipped: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    material: Material | None = None

    @property
    def coverage(self) -> float:
        return self.figures_found / self.figures if self.figures else 1.0

    @property
    def verbatim_share(self) -> float:
        return self.verbatim / self.candidate_figures if self.candidate_figures else 1.0


def load_set(name: str = "set") -> dict:
    """set.yaml (the eval set) or holdout.yaml (written after the extractor, not used to tune it)."""
    return load_data((HERE / f"{name}.yaml").read_text(encoding="utf-8"))


def evaluate(index=None, proposer=None, spec: dict | None = None) -> Result:
    """Read the set's files (made ones written first), gather, and measure."""
    spec = spec or load_set()
    with tempfile.TemporaryDirectory(prefix="material-eval-") as tmp:
        folder = make_files(spec, Path(tmp))
        meta = build_meta(spec["org"], spec["year"], spec["report_type"], period=spec.get("period", "annual"))
        started = time.monotonic()
        reading = read_material(sorted(folder.iterdir()), year=meta.year)
        material = gather(reading, meta, index, proposer)
        seconds = time.monotonic() - started
    result = Result(seconds=seconds, material=material)
    _coverage(result, material, spec)
    _verbatim(result, material)
    _duplicates(result, material, spec)
    _outside(result, material, spec)
    skipped = {name for name, _ in material.skipped}
    result.hostile = len(spec["hostile"])
    result.hostile_skipped = sum(name in skipped for name in spec["hostile"])
    return result


def make_files(spec: dict, folder: Path) -> Path:
    """The items folder as a drafter has it: the text files, Word files made from their
    paragraphs, and the hostile files (a zip bomb named .docx, a PDF that is none)."""
    for path in (HERE / spec.get("folder", "items")).iterdir():
        shutil.copy(path, folder / path.name)
    for made in spec.get("made", []):
        target = folder / made["file"]
        if made.get("hostile") == "zip-bomb":
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("[Content_Types].xml", "<Types/>")
                zf.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
        elif made.get("hostile") == "fake-pdf":
            target.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF")
        else:
            import docx

            document = docx.Document()
            for paragraph in made["paragraphs"]:
                document.add_paragraph(paragraph)
            document.save(str(target))
    return folder


def items_of(material: Material, ref: list[str]) -> set[str]:
    """The ids of the items a [file part, phrase] reference names."""
    part, phrase = ref
    return {i.id for i in material.items if part in i.file and (phrase in i.text or phrase in i.title)}


def _coverage(result: Result, material: Material, spec: dict) -> None:
    for fact in spec["facts"]:
        wanted = items_of(material, fact["item"])
        if not wanted:
            result.misses.append(f"没有读到：{fact['item']}")
        near = [c for c in material.candidates if wanted & {o.item for o in c.origins}]
        held = {f.text for c in near for f in c.figures}
        for figure in fact["figures"]:
            result.figures += 1
            if figure in held:
                result.figures_found += 1
            else:
                result.misses.append(f"未提取：{figure}（{fact['text'][:30]}…）")
        if not fact["figures"] and not near:
            result.misses.append(f"没有候选事实：{fact['text'][:30]}…")


def _verbatim(result: Result, material: Material) -> None:
    """Checked again here, apart from the construction: each figure is one its item holds."""
    for candidate in material.candidates:
        held = {f.text for f in extract_figures(candidate.item.text)}
        for fig in candidate.figures:
            result.candidate_figures += 1
            if fig.text in held and fig.text in candidate.item.text:
                result.verbatim += 1
            else:
                result.misses.append(f"数字不在原文：{fig.text}（{candidate.id}）")


def _duplicates(result: Result, material: Material, spec: dict) -> None:
    for group in spec["duplicates"]:
        result.duplicates += 1
        holders = [c for c in material.candidates if group["figure"] in {f.text for f in c.figures}]
        wanted = set().union(*(items_of(material, ref) for ref in group["items"]))
        if len(holders) == 1 and wanted <= {o.item for o in holders[0].origins}:
            result.duplicates_merged += 1
        else:
            result.misses.append(f"重复未合并：{group['figure']}（{len(holders)} 条候选）")
    for group in spec["distinct"]:
        result.distinct += 1
        holders = [c for c in material.candidates if group["figure"] in {f.text for f in c.figures}]
        if len(holders) == group["count"]:
            result.distinct_kept += 1
        else:
            result.misses.append(f"不同事件被合并：{group['figure']}（{len(holders)} 条，应为 {group['count']}）")


def _outside(result: Result, material: Material, spec: dict) -> None:
    aside = {s.item.id for s in material.set_aside}
    for entry in spec["outside"]:
        result.outside += 1
        ids = items_of(material, entry["item"])
        used = [c for c in material.candidates if ids & {o.item for o in c.origins}]
        if ids and ids <= aside and not used:
            result.outside_set_aside += 1
        else:
            result.misses.append(f"期外条目未放在一边：{entry['item']}")
