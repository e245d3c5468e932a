"""The README's promise: on a fresh clone, `make run` alone serves the app and `make test` alone is
what CI runs. The slow test clones the repository and runs the first command until the page answers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, free_port


def readme_commands() -> list[str]:
    """The commands of the README's first code block, without their comments."""
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]


def test_the_readme_opens_with_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_commands() == ["make run", "make test"]
    assert readme.index("make run") < readme.index("## "), "the two commands come before any section"
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == "make test", "CI runs the README's test command, and nothing after it"


def test_the_test_command_runs_everything_ci_needs():
    make = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHON": "python3"})
    assert make.returncode == 0, make.stderr
    steps = make.stdout
    for step in ("ruff check .", "lint-imports", "pytest -q\n", "pytest -q -m slow -n 0",
                 "pytest -q -m browser -n 0", ".ci/system-packages"):
        assert step in steps, f"make test does not run {step!r}"


# Run inside the (maybe network-less) namespace: start `make run`, wait for the page, stop it.
UNTIL_PAGE = r"""
import os, signal, subprocess, sys, time, urllib.request
url, seconds = sys.argv[1], float(sys.argv[2])
make = subprocess.Popen(["make", "run"], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
started = time.monotonic()
try:
    while time.monotonic() - started < seconds:
        if make.poll() is not None:
            sys.exit(f"make run ended with {make.returncode}: {make.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=5)
            print(round(time.monotonic() - started, 1))
            break
        except OSError:
            time.sleep(1)
    else:
        sys.exit(f"the page did not answer within {seconds:.0f} s")
finally:
    os.killpg(make.pid, signal.SIGTERM)
    make.wait(timeout=30)
"""


def run_until_page(clone: Path, data: Path, seconds: float, offline: bool = False) -> float:
    """Seconds from `make run` in `clone` to the page answering on loopback."""
    port = free_port()
    env = {**os.environ, "REPORTDRAFT_PORT": str(port), "REPORTDRAFT_DB": str(data)}
    env.pop("VIRTUAL_ENV", None)
    command = [sys.executable, "-c", UNTIL_PAGE, f"http://127.0.0.1:{port}/", str(seconds)]
    if offline:  # a network namespace of its own with loopback only: no PyPI, no internet
        command = ["unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', *command]
    run = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=seconds + 60)
    assert run.returncode == 0, run.stderr[-3000:]
    return float(run.stdout.split()[-1])


def can_unshare_network() -> bool:
    return shutil.which("unshare") is not None and shutil.which("ip") is not None and \
        subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_make_run_on_a_fresh_clone_serves_the_page_and_a_second_run_starts_at_once(tmp_path):
    clone = tmp_path / "reportdraft"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    first = run_until_page(clone, tmp_path / "data", seconds=900)
    assert list((clone / ".venv").glob(".installed-*")), "the environment's stamp is written"
    assert subprocess.run(["make", "-q", "venv"], cwd=clone).returncode == 0, "nothing left to install"
    offline = can_unshare_network()
    second = run_until_page(clone, tmp_path / "data", seconds=120, offline=offline)
    print(f"fresh clone: make run {first:.0f} s to the page; again{' (no network)' if offline else ''} "
          f"{second:.0f} s")
    assert second < first
