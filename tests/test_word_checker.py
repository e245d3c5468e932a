"""An independent GB/T 9704 checker reads our Word file and finds no font, size or alignment
problem: `gongwen check -t report` from the MIT package gongwen-skill 2.15.0, run from a virtual
environment of its own (never ours: it installs top-level packages engine, gongwen, rules and a
prompts folder that would shadow our prompts package). `make checker` makes that environment;
REPORTDRAFT_GONGWEN names its executable elsewhere. The checker is run with every network call
refused and recorded, so it is known to work offline.

Where the checker contradicts GB/T 9704 itself, or misreads a part of an official document it does
not know, the standard wins; each such case is listed here by rule, with the clause
(docs/GBT9704.md). Anything else it reports fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import docx
import pytest

from drafting.engine import draft_report
from drafting.output.word import write_docx
from drafting.shell.services import load_case, meta_from_case

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "evals" / "cases" / "placement_county_fazhi.yaml"
BLOCKS = {"doc_number": "青妇〔2025〕3号", "signer": "王丽", "cc": "县委依法治县办",
          "printer": "青川县妇女联合会办公室"}
GONGWEN = next((p for p in (os.environ.get("REPORTDRAFT_GONGWEN"),
                             shutil.which("gongwen", path=".venv-gongwen/bin:/tmp/gongwen-venv/bin"))
                if p and os.access(p, os.X_OK)), None)

STANDARD_WINS = {
    "CHK-C001": "5.2.1 天头 37 mm (the checker wants 28 mm)",
    "CHK-C011": "5.2.1 版心 225 mm high under a 37 mm 天头: 35 mm at the foot (the checker wants 28 mm)",
    "CHK-C006": "5.2.3 22 lines a page: 正文 on a 28.95 pt pitch (the checker wants 33 pt)",
    "CHK-C032": "5.2.3 22 lines a page: 一级标题 on the same pitch (the checker wants 33 pt)",
    "CHK-C035": "5.2.3 22 lines a page: 二级标题 on the same pitch (the checker wants 33 pt)",
    "CHK-C037": "5.2.3 22 lines a page: 三级标题 on the same pitch (the checker wants 33 pt)",
}
"""The checker's own house rules against the standard's numbers: wherever they are reported."""
ALWAYS = {"CHK-C001", "CHK-C011", "CHK-C006", "CHK-C032"}
"""Those the checker reports on every report: proof that it read our file."""
NOT_FORMAT = {"CHK-RPT001": "结语“特此报告”: the drafter's wording, not a format GB/T 9704 sets"}


@dataclass(frozen=True)
class Misread:
    """Rules the checker applies to a paragraph it takes for something else."""

    rules: frozenset[str]
    clause: str
    style: str
    run_in: bool = False


def _run_in(paragraph) -> bool:
    """A paragraph that opens with its （一） or 1. heading sentence and goes on with body text."""
    return bool(paragraph.runs) and paragraph.runs[0].style.name in ("二级标题（段内）", "三级标题（段内）")


MISREADS = (
    Misread(frozenset({"CHK-C009", "CHK-C010", "CHK-C019", "CHK-C020"}), "7.3.3: the heading's font is for "
            "the heading sentence; the text after it is body (a short such paragraph is read as a heading)",
            "Normal", run_in=True),
    Misread(frozenset({"CHK-C004", "CHK-C012"}), "7.2.5 发文字号 居左空一字, 7.2.6 签发人姓名 3号楷体 "
            "(the 版头 line is read as body)", "版头"),
    Misread(frozenset({"CHK-C012", "CHK-C013"}), "7.3.2 主送机关 居左顶格 (after a 版头 the 主送机关 is read as body)",
            "主送机关"),
    Misread(frozenset({"CHK-C005", "CHK-C012"}), "7.4.2, 7.4.3 版记 in 4号, 左空一字 (read as body)", "版记"),
)


def _explains(misread: Misread, paragraph, has_header: bool) -> bool:
    if paragraph.style.name != misread.style or (misread.style == "主送机关" and not has_header):
        return False
    return _run_in(paragraph) if misread.run_in else True


@pytest.fixture(scope="module")
def county(seed_index):
    case = load_case(CASE)
    return draft_report(meta_from_case(case), "\n".join(case["facts"]), index=seed_index)


def _guarded(tmp_path: Path) -> tuple[dict, Path]:
    """An environment whose Python refuses and records every network call (an audit hook), with the
    checker's data folder (logs, user rules) in the test's own directory, not ~/.gongwen-skill."""
    guard, log = tmp_path / "guard", tmp_path / "network.log"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(
        "import os, sys\n"
        "def _refuse(event, args):\n"
        "    if event.startswith(('socket.', 'urllib.', 'http.client.')) and event != 'socket.__new__':\n"
        f"        open({str(log)!r}, 'a').write(f'{{event}} {{args!r}}\\n')\n"
        "        raise RuntimeError('network use refused: ' + event)\n"
        "sys.addaudithook(_refuse)\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(guard), "GONGWEN_DATA_DIR": str(tmp_path / "gongwen")}, log


def _check(path: Path, tmp_path: Path) -> list[dict]:
    env, log = _guarded(tmp_path)
    out = subprocess.run([GONGWEN, "check", "-t", "report", str(path), "--json"], capture_output=True,
                         text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert not log.exists(), log.read_text(encoding="utf-8")
    return json.loads(out.stdout)


def _unexplained(issues: list[dict], path: Path) -> list[dict]:
    paragraphs = docx.Document(str(path)).paragraphs
    has_header = any(p.style.name == "版头" for p in paragraphs)
    bad = []
    for issue in issues:
        rule, where = issue["rule_id"], issue["location"]
        if rule in STANDARD_WINS or rule in NOT_FORMAT:
            continue
        misreads = [m for m in MISREADS if rule in m.rules]
        if where.startswith("paragraph:"):
            paragraph = paragraphs[int(where.split(":")[1])]
            if any(_explains(m, paragraph, has_header) for m in misreads):
                continue
        elif where == "document" and misreads:  # the checker's count of a rule beyond the three it lists
            total = int(re.search(r"\d+", issue["original"]).group())
            if total <= sum(any(_explains(m, p, has_header) for m in misreads) for p in paragraphs):
                continue
        bad.append(issue)
    return bad


@pytest.mark.slow
@pytest.mark.skipif(GONGWEN is None, reason="needs the gongwen checker in its own venv: make checker")
@pytest.mark.parametrize("blocks", [False, True], ids=["report", "with 版头 and 版记"])
def test_an_independent_checker_finds_no_font_size_or_alignment_problem(county, tmp_path, blocks):
    draft = replace(county, meta=replace(county.meta, **BLOCKS)) if blocks else county
    path = write_docx(draft, tmp_path / "report.docx")
    issues = _check(path, tmp_path)
    assert ALWAYS <= {i["rule_id"] for i in issues}, "the checker read the file"
    assert _unexplained(issues, path) == []


@pytest.mark.slow
@pytest.mark.skipif(GONGWEN is None, reason="needs the gongwen checker in its own venv: make checker")
def test_the_offline_guard_refuses_network_use(tmp_path):
    """The guard the checker runs under is live: a look-up from the same Python is refused and recorded."""
    env, log = _guarded(tmp_path)
    python = Path(GONGWEN).parent / "python"
    out = subprocess.run([str(python), "-c", "import socket; socket.getaddrinfo('pypi.org', 443)"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode != 0 and "network use refused" in out.stderr
    assert "socket.getaddrinfo" in log.read_text(encoding="utf-8")
