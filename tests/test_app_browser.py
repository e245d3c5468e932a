"""In a real browser: paste facts → confirm the outline → all sections appear → edit one →
regenerate another with an instruction → the checks pass → the .docx downloads and opens."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from drafting.shell.settings import Settings

from .browser_flow import run_session
from .conftest import free_port

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (CI installs it)")]
ROOT = Path(__file__).resolve().parent.parent



@pytest.fixture
def app_url(tmp_path):
    import app

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    demo = app.build_app(settings, app.make_workbench(settings))
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=app.CSS,
                        footer_links=[], quiet=True)
    yield f"http://127.0.0.1:{port}/", settings
    demo.close()


def test_a_whole_session_in_the_browser(app_url, tmp_path):
    url, settings = app_url
    out = run_session(url, tmp_path, ROOT / "docs" / "screenshot.png")
    assert out["sections"] == 7, "preamble and six numbered sections"
    assert out["after"] != out["before"], "the regenerated section changed"
    assert "检查完成：7 / 7" in out["status"]
    texts = [p.text for p in docx.Document(str(out["docx"])).paragraphs]
    assert texts[0] == "青川县妇女联合会2024年度法治政府建设工作情况报告"
    assert any("县妇联党组坚持" in t for t in texts), "the hand edit is in the download"
    assert all("【F" not in t for t in texts)
    assert out["hosts"] == {url.split("/")[2]}, "the page fetched nothing from the internet"
    from drafting.output.store import DraftStore

    saved = DraftStore(settings.db_path).list()
    assert len(saved) == 1 and saved[0].org == "青川县妇女联合会", "the work was saved"
