"""The layers stay as drawn: nothing imports from a layer above it (import-linter's contracts in
pyproject.toml), and the size rules a reader relies on hold."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("drafting", "retrieval", "lexicon", "evals", "page")
CODE = [p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py")] + [ROOT / "app.py"]


def test_no_layer_imports_from_a_layer_above_it():
    linter = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "BROKEN" not in run.stdout and run.stdout.count("KEPT") >= 2


def test_no_module_over_300_lines_and_no_function_over_80():
    long_modules = [f"{p.relative_to(ROOT)}: {n}" for p in CODE
                    if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300]
    long_functions = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > 80:
                    long_functions.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length})")
    assert not long_modules, long_modules
    assert not long_functions, long_functions


def test_the_wheel_ships_every_package_of_the_product_and_no_test_fixture():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    product = {".".join(p.parent.relative_to(ROOT).parts) for folder in ("drafting", "retrieval")
               for p in (ROOT / folder).rglob("__init__.py")}
    assert product <= listed, f"not in the wheel: {sorted(product - listed)}"
    assert "evals.fixtures" not in listed and "page" not in listed
