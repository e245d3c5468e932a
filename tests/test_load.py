"""20 users at once through the Gradio API on loopback: no error, no cross-talk."""

from __future__ import annotations

import pytest

from drafting.shell.settings import Settings
from evals.bench_load import run_load

from .conftest import free_port

pytestmark = pytest.mark.slow


def test_twenty_users_drafting_at_once_each_keep_their_own_draft(tmp_path, capsys):
    import app

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    demo = app.build_app(settings, app.make_workbench(settings))
    port = free_port()
    demo.queue(default_concurrency_limit=8).launch(server_name="127.0.0.1", server_port=port,
                                                  prevent_thread_lock=True, quiet=True)
    try:
        result = run_load(f"http://127.0.0.1:{port}/", users=20)
    finally:
        demo.close()
    with capsys.disabled():
        print(f"\nload: 20 users, {result['requests']} requests, p50 {result['p50']:.2f} s, p95 {result['p95']:.2f} s, "
              f"wall {result['wall']:.1f} s")
    assert result["errors"] == [] and result["unfinished"] == 0
    assert result["crosstalk"] == []
    assert result["requests"] == 60
    from drafting.output.store import DraftStore

    assert len(DraftStore(settings.db_path).list()) == 20
