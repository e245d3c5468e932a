"""Shared fixtures. Every test runs with the network closed: only loopback and Unix sockets."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from drafting.shell.settings import apply_offline_env

apply_offline_env()

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = {
    "wanyuan": "000_0d0d8f1fbd465f73",
    "guxian": "001_442cf330a79418f9",
    "tongnan": "002_112beecf546b41b7",
    "shapotou": "003_e749aa7995625b21",
    "city": "004_58f88b831dfb2c8d",
}
_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if not loopback:
            raise ConnectionRefusedError(f"tests may not reach the network: {host}")
    return _real_connect(self, address)


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on right now (for servers the tests start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Real model calls and downloads are impossible in tests: only loopback connects."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory):
    """The five seed reports, indexed once for the whole session."""
    from retrieval.index import ReportIndex

    index = ReportIndex(tmp_path_factory.mktemp("index"))
    run = index.index_corpus(CORPUS)
    assert not run.skipped, run.skipped
    return index


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh data directory for CLI runs."""
    monkeypatch.setenv("REPORTDRAFT_DB", str(tmp_path / "data"))
    return tmp_path / "data"


def qingchuan(facts: str, **fields):
    """The tab-1 form most tests fill in: 青川县妇联's 2024 法治 report, dated, for the whole year."""
    from drafting.shell.form import Form

    return Form(**{"org": "青川县妇女联合会", "year": 2024, "kind": "fazhi", "date": "2025-01-20", "period": "annual",
                   "facts": facts, **fields})


@pytest.fixture
def store(tmp_path):
    """A SQLite draft store in the test's own directory (a test may define its own)."""
    from drafting.output.store import DraftStore

    s = DraftStore(tmp_path / "drafts.sqlite3")
    yield s
    s.close()
