"""The same search against a real Chroma server on 127.0.0.1 (started and stopped by the test)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrieval.errors import RetrievalError
from retrieval.index import ReportIndex

from .conftest import CORPUS, free_port, qingchuan

pytestmark = pytest.mark.slow



@pytest.fixture
def chroma_server(tmp_path):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield proc, port
    proc.kill()
    proc.wait(timeout=10)


def test_search_through_a_chroma_server_matches_the_embedded_store(chroma_server, tmp_path):
    proc, port = chroma_server
    remote = ReportIndex(tmp_path / "remote", chroma_host="127.0.0.1", chroma_port=port)
    remote.index_corpus(CORPUS)
    local = ReportIndex(tmp_path / "local")
    local.index_corpus(CORPUS)
    query = dict(query="普法宣传 场次", role="measures", k=5)
    assert [p.chunk_id for p in remote.search(**query)] == [p.chunk_id for p in local.search(**query)]
    assert remote.vector_count() == remote.chunk_count()


def test_a_stopped_server_gives_a_clear_message(chroma_server, tmp_path):
    proc, port = chroma_server
    remote = ReportIndex(tmp_path / "remote", chroma_host="127.0.0.1", chroma_port=port)
    remote.index_corpus(CORPUS)
    proc.kill()
    proc.wait(timeout=10)
    with pytest.raises(RetrievalError, match="Chroma"):
        remote.search("信访 案件", k=3)


def test_the_app_keeps_serving_drafts_when_the_server_dies(chroma_server, tmp_path):
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    proc, port = chroma_server
    remote = ReportIndex(tmp_path / "remote", chroma_host="127.0.0.1", chroma_port=port)
    remote.index_corpus(CORPUS)
    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, remote, DraftStore(settings.db_path), OfflineComposer())
    facts = "开展普法宣传28场次\n基层力量不足"
    made = next(e.draft for e in bench.write(bench.outline(qingchuan(facts, date="")))
                if e.kind == "finished")
    proc.kill()
    proc.wait(timeout=10)
    assert bench.store.load(made.id) == made
    docx_path, _ = bench.export(made, tmp_path / "out")
    assert docx_path.stat().st_size > 5000
    later = bench.outline(qingchuan(facts, date="", kind="pufa"))
    again = next(e.draft for e in bench.write(later) if e.kind == "finished")
    assert "28场次【F1】" in "".join(s.text for s in again.sections), "drafting goes on without examples"
