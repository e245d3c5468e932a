"""The app as a service manager runs it (issue 25): `python app.py` in a process of its own, stopped
with SIGTERM. Exported drafts and Gradio's copies of them live under the data directory, not the
shared temp folder; a stop removes them, and a start removes what a killed run left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evals.fixtures.servers import wait_for_port

from .conftest import ROOT, free_port
from .gradio_calls import Page

pytestmark = pytest.mark.slow
FORM = ["青川县妇女联合会", "", 2024, "fazhi", "", "2025-01-20", "annual", "开展普法宣传28场次\n基层普法力量不足",
        "", "", "", "", "", "", "", "", None]


def start_app(data: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "REPORTDRAFT_DB": str(data), "REPORTDRAFT_PORT": str(port)}
    env.pop("GRADIO_TEMP_DIR", None)
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        wait_for_port(port, 180, process)
    except RuntimeError:
        process.kill()
        raise AssertionError(process.stderr.read().decode(errors="replace")[-2000:]) from None
    return process


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_exports_and_gradios_copies_are_removed_on_sigterm_and_at_start(tmp_path):
    data, port = tmp_path / "data", free_port()
    stale = [data / "tmp" / "exports" / "d0" / "旧草稿.docx", data / "tmp" / "gradio" / "abc" / "旧草稿.docx"]
    for path in stale:  # what a killed run (SIGKILL, a power cut) left behind
        path.parent.mkdir(parents=True)
        path.write_bytes(b"draft")
    process = start_app(data, port)
    try:
        assert not any(p.exists() for p in stale), "a start removes what an earlier run left"
        page = Page(f"http://127.0.0.1:{port}")
        page.run("on_outline", *FORM, None)
        page.run("on_write", None, [])
        downloads = page.run("on_export", None)[0]["value"]
        served = [Path(f["path"]) for f in downloads]
        assert served and all(p.is_relative_to(data / "tmp" / "gradio") for p in served), served
        assert {p.suffix for p in files_under(data / "tmp" / "exports")} == {".docx", ".md"}
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not (data / "tmp").exists(), files_under(data / "tmp")
    assert (data / "drafts.sqlite3").exists(), "the drafts themselves stay"
