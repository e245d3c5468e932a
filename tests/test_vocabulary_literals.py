"""Roles, report kinds and administrative levels are spelt in lexicon/ only: the code everywhere
else names them by Role, Kind and LEVELS, so that a copy cannot drift from the table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lexicon.levels import LEVELS
from lexicon.roles import Kind, Role

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([p for folder in ("drafting", "retrieval", "evals", "prompts", "page")
               for p in (ROOT / folder).rglob("*.py")] + [ROOT / "app.py"])
VOCABULARY = {*Role, *Kind, *LEVELS, "closing"}
"""Every role, kind and level; and "closing", a role that never existed."""
LEVEL_SET = re.compile(r"\[[省市州盟县区旗镇乡]{3,}\]|(?:(?:自治区|地区|街道|[省市州盟县区旗镇乡])\|){2,}")
"""A regex spelling levels itself: [县区市旗州] or 省|市|州|…"""
ALLOWED = {
    ("drafting/domain/last_year.py", "plans"): "Draft.previous['plans'], a Draft JSON field (DESIGN.md)",
    ("evals/plan_eval.py", "plans"): "a key of evals/plan_matching.yaml: last year's plan items",
}
"""Strings that happen to spell a role but name something else, each with what it names."""


def literals(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that spell a role, a kind or a level."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in VOCABULARY or LEVEL_SET.search(node.value):
                found.append((node.lineno, node.value))
    return found


def test_no_role_kind_or_level_is_spelt_outside_the_lexicon():
    spelt = [f"{path.relative_to(ROOT)}:{line} {value!r}" for path in CODE for line, value in literals(path)
             if (str(path.relative_to(ROOT)), value) not in ALLOWED]
    assert not spelt, "use Role, Kind or lexicon.levels instead:\n" + "\n".join(spelt)


def test_the_check_finds_what_it_looks_for():
    sample = ROOT / "lexicon" / "roles.py"
    assert any(value == "measures" for _, value in literals(sample))
    assert LEVEL_SET.search(r"[县区市旗州]委") and LEVEL_SET.search("依法治(省|市|州|盟|县|区|旗)")
    assert not LEVEL_SET.search("我区|我县")
