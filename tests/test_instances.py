"""A province: two app instances (two `python app.py` processes) sharing one PostgreSQL and one
Chroma server, both started for real. A draft saved on one reopens on the other, a report imported
on one is used by the other, and two saves of one draft at the same moment both become versions."""

from __future__ import annotations

import threading

import pytest

from evals.bench_load import start_app
from evals.servers import free_port, postgres_bin, start_chroma, start_postgres

pytestmark = [pytest.mark.slow, pytest.mark.skipif(postgres_bin() is None, reason="apt-get install postgresql")]

IMPORTED = """沙洲县妇女联合会2024年度法治政府建设工作情况报告
一、主要举措
依托“沙洲渡口巾帼调解室”开展婚姻家庭纠纷调解19件，组织“渡口夜校”普法活动36场次。
二、存在的不足
渡口夜校覆盖面还不够。
三、下一步工作计划
继续办好渡口夜校。
"""


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """PostgreSQL, a Chroma server and two app instances using them (each with its own data dir)."""
    root = tmp_path_factory.mktemp("province")
    postgres = start_postgres()
    chroma, chroma_port = start_chroma(root / "chroma")
    env = {"REPORTDRAFT_DATABASE_URL": postgres.url, "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_port)}
    apps = []
    try:
        for name in ("a", "b"):
            port = free_port()
            apps.append((start_app(root / name, port, env), f"http://127.0.0.1:{port}/"))
        yield postgres, apps
    finally:
        for process, _ in apps:
            process.terminate()
            process.wait(timeout=30)
        chroma.kill()
        chroma.wait(timeout=30)
        postgres.stop()


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False)


def draft_on(c, org: str, facts: str):
    c.predict(org, "县妇联", 2024, "fazhi", "", "2025-01-20", "annual", facts, api_name="/on_outline")
    return c.predict([], api_name="/on_write")


def test_a_draft_saved_on_one_instance_reopens_on_the_other(province):
    from drafting.output.store import DraftStore

    postgres, [(_, url_a), (_, url_b)] = province
    a, b = client(url_a), client(url_b)
    written = str(draft_on(a, "青川县妇女联合会", "开展普法宣传4321场次\n受理信访案件12件"))
    assert "4321场次" in written
    store = DraftStore(postgres.url)
    [row] = [r for r in store.list() if r.org == "青川县妇女联合会"]
    choices = b.predict(api_name="/saved_choices")
    assert row.id in str(choices), "instance b lists the draft saved through instance a"
    opened = str(b.predict(row.id, api_name="/on_open"))
    assert "4321场次" in opened


def test_a_report_imported_on_one_instance_is_used_by_the_other(province, tmp_path):
    from gradio_client import handle_file

    _, [(_, url_a), (_, url_b)] = province
    a, b = client(url_a), client(url_b)
    path = tmp_path / "shazhou_2024.txt"
    path.write_text(IMPORTED, encoding="utf-8")
    log = a.predict([handle_file(str(path))], api_name="/on_import")
    assert "shazhou_2024" in str(log)
    written = str(draft_on(b, "永宁县妇女联合会", "依托巾帼调解室调解婚姻家庭纠纷21件\n开展渡口夜校普法活动40场次"))
    assert "沙洲县妇女联合会2024年度法治政府建设工作情况报告" in written, \
        "instance b found the new report (catalog version checked before its search)"


def test_two_saves_of_one_draft_at_once_both_become_versions(province):
    from drafting.output.store import DraftStore

    postgres, [(_, url_a), (_, url_b)] = province
    a, b = client(url_a), client(url_b)
    draft_on(a, "安平县妇女联合会", "开展普法宣传77场次\n受理信访案件5件")
    store = DraftStore(postgres.url)
    [row] = [r for r in store.list() if r.org == "安平县妇女联合会"]
    b.predict(api_name="/saved_choices")
    b.predict(row.id, api_name="/on_open")
    section = store.load(row.id).sections[0]
    before = len(store.versions(row.id, section.id))
    texts = {"a": "甲实例的修改：开展普法宣传77场次【F1】。", "b": "乙实例的修改：开展普法宣传77场次【F1】。"}
    threads = [threading.Thread(target=c.predict, args=(texts[name],), kwargs={"api_name": "/on_save"})
               for name, c in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    history = store.versions(row.id, section.id)
    assert {h[2] for h in history[before:]} == set(texts.values()), "neither save was lost"
    assert [h[0] for h in history] == list(range(1, len(history) + 1)), "versions numbered without a gap or clash"
    assert store.load(row.id).sections[0].text in texts.values()
