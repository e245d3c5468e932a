"""A province: app instances in separate processes sharing one PostgreSQL and one Chroma server, both
started for real. Two `python app.py` servers draft through their public API; two instance
processes (evals/fixtures/instance.py: the same services app.py starts with) open, import, search and save
where the page has no public API. A draft saved on one reopens on another, a report imported on
one is found by another, and two saves of one draft at the same moment both become versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from evals.bench_load import start_app
from evals.fixtures.servers import free_port, postgres_bin, start_chroma, start_postgres

pytestmark = [pytest.mark.slow, pytest.mark.skipif(postgres_bin() is None, reason="apt-get install postgresql")]

IMPORTED = """沙洲县妇女联合会2024年度法治政府建设工作情况报告
一、主要举措
依托“沙洲渡口巾帼调解室”开展婚姻家庭纠纷调解19件，组织“渡口夜校”普法活动36场次。
二、存在的不足
渡口夜校覆盖面还不够。
三、下一步工作计划
继续办好渡口夜校。
"""


class Instance:
    """evals/fixtures/instance.py in its own process: one request, one reply."""

    def __init__(self, data_dir, env: dict) -> None:
        command = [sys.executable, "-m", "evals.fixtures.instance"]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env={**os.environ, "REPORTDRAFT_DB": str(data_dir), **env})
        assert json.loads(self.process.stdout.readline()) == {"ready": True}
        self.lock = threading.Lock()

    def __call__(self, **request):
        with self.lock:
            self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
            reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply["error"]
        return reply["ok"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """PostgreSQL, a Chroma server, two app.py servers and two instance processes, all sharing them."""
    root = tmp_path_factory.mktemp("province")
    postgres = start_postgres()
    chroma, chroma_port = start_chroma(root / "chroma")
    env = {"REPORTDRAFT_DATABASE_URL": postgres.url, "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_port)}
    apps, instances = [], []
    try:
        for name in ("app-a", "app-b"):
            port = free_port()
            apps.append((start_app(root / name, port, env), f"http://127.0.0.1:{port}/"))
        instances = [Instance(root / name, env) for name in ("instance-c", "instance-d")]
        yield postgres, [url for _, url in apps], instances
    finally:
        for instance in instances:
            instance.close()
        for process, _ in apps:
            process.terminate()
            process.wait(timeout=30)
        chroma.kill()
        chroma.wait(timeout=30)
        postgres.stop()


def draft_through_the_page(url: str, org: str, facts: str) -> str:
    from gradio_client import Client

    client = Client(url, verbose=False)
    client.predict(org, "县妇联", 2024, "fazhi", "", "2025-01-20", "annual", facts, "", "", "", "", "", "", "", "",
                   api_name="/on_outline")
    return str(client.predict([], api_name="/on_write"))


def test_a_draft_saved_on_one_instance_reopens_on_the_others(province):
    _, (url_a, url_b), (c, d) = province
    assert "4321场次" in draft_through_the_page(url_a, "青川县妇女联合会", "开展普法宣传4321场次\n受理信访案件12件")
    assert "77场次" in draft_through_the_page(url_b, "安平县妇女联合会", "开展普法宣传77场次\n受理信访案件5件")
    opened = [d(do="load", id=draft_id) for draft_id in d(do="list")]
    assert {"青川县妇女联合会", "安平县妇女联合会"} <= {o["meta"]["org"] for o in opened}, \
        "both servers' drafts are in the one database"
    qingchuan = next(o for o in opened if o["meta"]["org"] == "青川县妇女联合会")
    assert "4321场次" in "".join(s["text"] for s in qingchuan["sections"])
    assert c(do="load", id=qingchuan["id"]) == qingchuan


def test_a_report_imported_on_one_instance_is_found_by_the_other(province, tmp_path):
    _, _, (c, d) = province
    assert not any(doc == "shazhou_2024" for doc in d(do="search", query="沙洲渡口 渡口夜校"))
    path = tmp_path / "shazhou_2024.txt"
    path.write_text(IMPORTED, encoding="utf-8")
    assert any("shazhou_2024" in line for line in c(do="import", path=str(path)))
    assert d(do="search", query="沙洲渡口 渡口夜校", k=3)[0] == "shazhou_2024", \
        "the other instance checked the catalog's version before its search"


def test_two_saves_of_one_draft_at_once_both_become_versions(province):
    _, (url_a, _), (c, d) = province
    draft_through_the_page(url_a, "永宁县妇女联合会", "开展普法宣传55场次\n受理信访案件3件")
    draft_id = next(i for i in d(do="list") if d(do="load", id=i)["meta"]["org"] == "永宁县妇女联合会")
    section = d(do="load", id=draft_id)["sections"][0]["id"]
    before = len(d(do="versions", id=draft_id, section=section))
    texts = {"甲实例的修改：开展普法宣传55场次【F1】。", "乙实例的修改：开展普法宣传55场次【F1】。"}
    threads = [threading.Thread(target=instance, kwargs={"do": "edit", "id": draft_id, "section": section,
                                                         "text": text})
               for instance, text in zip((c, d), sorted(texts), strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    history = d(do="versions", id=draft_id, section=section)
    assert {h[2] for h in history[before:]} == texts, "neither save was lost"
    assert [h[0] for h in history] == list(range(1, len(history) + 1)), "versions numbered without a gap or clash"
    assert d(do="load", id=draft_id)["sections"][0]["text"] in texts
