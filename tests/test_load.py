"""20 users at once through the Gradio API on loopback: no error, no cross-talk."""

from __future__ import annotations

import pytest

from evals.bench_load import run_load, start_app

from .conftest import free_port

pytestmark = pytest.mark.slow


def test_twenty_users_drafting_at_once_each_keep_their_own_draft(tmp_path, capsys):
    port = free_port()
    process = start_app(tmp_path / "data", port)
    try:
        result = run_load(f"http://127.0.0.1:{port}/", users=20)
    finally:
        process.terminate()
        process.wait(timeout=30)
    with capsys.disabled():
        print(f"\nload: 20 users, {result['requests']} requests, p50 {result['p50']:.2f} s, p95 {result['p95']:.2f} s, "
              f"wall {result['wall']:.1f} s")
    assert result["errors"] == [] and result["unfinished"] == 0
    assert result["crosstalk"] == []
    assert result["requests"] == 60
    from drafting.output.store import DraftStore

    assert len(DraftStore(tmp_path / "data" / "drafts.sqlite3").list()) == 20
