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

from .conftest import CORPUS

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
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
    assert remote._collection.count() == remote.chunk_count()


def test_a_stopped_server_gives_a_clear_message(chroma_server, tmp_path):
    proc, port = chroma_server
    remote = ReportIndex(tmp_path / "remote", chroma_host="127.0.0.1", chroma_port=port)
    remote.index_corpus(CORPUS)
    proc.kill()
    proc.wait(timeout=10)
    with pytest.raises(RetrievalError, match="Chroma"):
        remote.search("信访 案件", k=3)
