"""Faults and bad input: the tool keeps working and loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from drafting.output.store import DraftStore
from retrieval.errors import SkippedFile
from retrieval.index import ReportIndex
from retrieval.ingest import import_file

from .conftest import CORPUS, ROOT, qingchuan

# -- corrupt files into the importer ------------------------------------------------------------


def _docx_bytes(tmp_path) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("青川县妇联2024年度法治政府建设工作情况报告")
    document.add_paragraph("一、加强组织领导")
    document.add_paragraph("开展学法12次。")
    path = tmp_path / "whole.docx"
    document.save(path)
    return path.read_bytes()


def test_a_truncated_docx_is_skipped(tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(_docx_bytes(tmp_path)[:3000])
    with pytest.raises(SkippedFile, match="损坏"):
        import_file(path)


def test_a_truncated_pdf_is_skipped(tmp_path):
    from reportlab.pdfgen import canvas

    whole = tmp_path / "whole.pdf"
    c = canvas.Canvas(str(whole))
    c.drawString(50, 800, "report 2024")
    c.save()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(SkippedFile):
        import_file(cut)


def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"0" * (150 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(SkippedFile, match="压缩炸弹"):
        import_file(path)


def test_nothing_is_written_outside_the_data_directory(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("某县妇联2024年度法治政府建设工作情况报告\n一、强化领导\n开展学法3次。",
                                        encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    # Not '..%2F…': a name starting with a dot is ignored, and the test would check nothing.
    (corpus / "%2E%2E%2F%2E%2E%2Fevil.txt").write_text("某县妇联2024年度法治政府建设工作情况报告\n"
                                                       "一、强化领导\n开展学法3次。",
                                                     encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    index = ReportIndex(tmp_path / "data" / "index")
    run = index.index_corpus(corpus)
    assert [Path(p).name for p, _ in run.skipped] == ["link.txt"]
    assert len(run.added) == 1 and "evil" in run.added[0], "the escaped name is imported"
    assert all(d.doc.replace("_", "").replace("-", "").isalnum() for d in index.documents())
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(str(p).startswith(str(tmp_path / "data")) for p in created)


# -- storage ------------------------------------------------------------------------------------

SAVER = """
import sys, time
from pathlib import Path
from drafting.domain.types import Draft, DraftMeta, Fact, Section
from drafting.output.store import DraftStore
store = DraftStore(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    draft = Draft(DraftMeta(org="青川县妇女联合会", year=2024, report_type="fazhi", title=f"v{n}"),
                  [Fact("F1", "开展学法12次")],
                  [Section("s1", "measures", "加强组织领导", "正文" * 2000 + str(n))], id="kill-test")
    store.save(draft, "edit")
    print(n, flush=True)
"""


def test_a_kill_in_the_middle_of_saving_loses_at_most_that_save(tmp_path):
    db = tmp_path / "drafts.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    saved = 0
    deadline = time.time() + 60
    while saved < 30 and time.time() < deadline:
        saved = int(proc.stdout.readline() or 0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = DraftStore(db)
    assert store.notice == ""
    draft = store.load("kill-test")
    version = int(draft.meta.title[1:])
    assert version >= saved and draft.sections[0].text.endswith(str(version))
    assert len(store.versions("kill-test", "s1")) == version


def test_a_corrupt_database_is_set_aside_and_a_fresh_one_started(tmp_path):
    db = tmp_path / "drafts.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    store = DraftStore(db)
    assert "已损坏" in store.notice
    assert store.list() == []
    kept = list(tmp_path.glob("drafts.sqlite3.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not")


# -- index --------------------------------------------------------------------------------------

INDEXER = """
import sys
from pathlib import Path
from retrieval.index import ReportIndex
index = ReportIndex(Path(sys.argv[1]))
for _ in range(3):
    index.index_corpus(Path(sys.argv[2]))
    assert index.search("普法宣传", k=3)
print(index.chunk_count())
"""


@pytest.mark.slow
def test_the_embedded_store_opened_by_two_processes_at_once_does_not_corrupt(tmp_path):
    procs = [subprocess.Popen([sys.executable, "-c", INDEXER, str(tmp_path / "ix"), str(CORPUS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    index = ReportIndex(tmp_path / "ix")
    assert len(index.documents()) == 5
    assert index.vector_count() == index.chunk_count()
    assert index.search("信访 案件", k=3)
    for proc, (_out, err) in zip(procs, outs, strict=True):
        # One process may lose a race on a write lock; it must say so, not corrupt the store.
        assert proc.returncode == 0 or "locked" in err or "RetrievalError" in err, err[-500:]


def test_drafting_goes_on_without_examples_when_the_index_fails(seed_index, tmp_path):
    from drafting.domain.meta import build_meta
    from drafting.engine import draft_report
    from drafting.review import figure_accuracy

    class BrokenIndex:
        def documents(self):
            return []

        def search(self, *a, **k):
            from retrieval.errors import RetrievalError

            raise RetrievalError("Chroma 服务器不可用")

    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    draft = draft_report(meta, "开展普法宣传28场次\n基层力量不足", index=BrokenIndex())
    assert all(s.text for s in draft.sections) and figure_accuracy(draft).passed


# -- model faults mid-draft, with the app's autosave --------------------------------------------

SECRET = "sk-reliability-SECRET-9876"


def _bench(tmp_path, seed_index, url, **env):
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.llm import LLMWriter

    values = {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": SECRET, "REPORTDRAFT_MODEL": "scripted",
              "REPORTDRAFT_TIMEOUT": "2", "REPORTDRAFT_RETRIES": "0", "REPORTDRAFT_CONCURRENCY": "1", **env}
    settings = Settings.from_env(env=values, data_dir=tmp_path / "data")
    return Workbench(settings, seed_index, DraftStore(settings.db_path), LLMWriter(settings.model_config()))


FACTS = "全年开展普法宣传28场次，发放宣传资料8万余册\n开展会前学法16次\n受理信访案件43件，办结率100%\n基层普法力量不足"


def test_the_model_server_stops_after_two_sections(tmp_path, seed_index):
    from evals.fixtures.fake_model import ModelServer

    server = ModelServer().__enter__()
    bench = _bench(tmp_path, seed_index, server.url)
    draft = bench.outline(qingchuan(FACTS))
    written = []
    final = None
    for event in bench.write(draft):
        if event.kind == "done" and event.section_id != "s0" and len(written) < 2:
            written.append(event.section_id)
            if len(written) == 2:
                server.__exit__(None, None, None)  # the endpoint goes away mid-draft
        if event.kind == "finished":
            final = event.draft
    body = [s for s in final.sections if s.role != "preamble"]
    assert all(s.text for s in final.sections), "the draft completes"
    # Sections are written side by side: the two that finished first came from the model; one still
    # streaming when the server stopped may have finished too; every other one fell back, flagged.
    assert all(not s.flags for s in body if s.id in written)
    fell_back = [s for s in body if s.flags]
    assert fell_back and all("已改用离线起草" in s.flags[0].message for s in fell_back)
    assert len(body) - len(fell_back) <= 3
    assert final.tokens.fallbacks == len(fell_back) and final.tokens.failures >= len(fell_back)
    assert bench.store.load(final.id) == final, "the autosaved draft is intact"
    assert SECRET not in final.to_json()


@pytest.mark.parametrize("script", [["status:429:1"], ["garbage"] * 2, ["hang"] * 2])
def test_a_flaky_model_never_loses_the_draft(tmp_path, seed_index, script):
    from evals.fixtures.fake_model import ModelServer

    with ModelServer(script) as server:
        bench = _bench(tmp_path, seed_index, server.url, REPORTDRAFT_TIMEOUT="0.5")  # a hang costs half a second
        draft = bench.outline(qingchuan(FACTS))
        final = next(e.draft for e in bench.write(draft) if e.kind == "finished")
    assert all(s.text for s in final.sections)
    assert bench.store.load(final.id) == final


def test_the_key_is_in_no_export_page_or_log(tmp_path, seed_index, caplog):
    import logging

    import app
    from evals.fixtures.fake_model import ModelServer

    with ModelServer(["status:500"] * 50) as server, caplog.at_level(logging.DEBUG):
        bench = _bench(tmp_path, seed_index, server.url)
        draft = bench.outline(qingchuan(FACTS))
        final = next(e.draft for e in bench.write(draft) if e.kind == "finished")
        docx_path, md_path = bench.export(final, tmp_path / "out")
        page = app.build_app(bench.settings, bench)
    import zipfile

    with zipfile.ZipFile(docx_path) as zf:
        docx_text = "".join(zf.read(n).decode("utf-8", "ignore") for n in zf.namelist())
    config = str(page.get_config_file())
    for where, text in [("docx", docx_text), ("md", md_path.read_text(encoding="utf-8")), ("page", config),
                        ("log", caplog.text), ("draft", final.to_json()),
                        ("database", (tmp_path / "data" / "drafts.sqlite3").read_bytes().decode("utf-8", "ignore"))]:
        assert SECRET not in text, where
