"""A report a user uploads belongs to their organisation (issue 25): it is last year's report and a
source of examples for that organisation's drafts only. Before, a user of 乙县 drafting as 甲县 saw
甲县's plans in the last-year panel, and 乙县's own draft quoted 甲县's internal sentence as a 参考范例.
The shipped corpus and reports the administrator imports (`reportdraft index`) stay shared."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from drafting.output.render import to_text
from drafting.shell import session as S
from drafting.shell.form import Form
from drafting.shell.settings import Settings
from evals.fixtures.servers import postgres_bin, start_postgres
from retrieval.index import ReportIndex

from .conftest import CORPUS, free_port
from .gradio_calls import Page

JIA, YI = "苍溪县妇女联合会", "旺苍县妇女联合会"
INTERNAL = "内部掌握的重点家庭暴力隐患户17户名单已报县公安局"
REPORT = f"""{JIA}2023年度法治政府建设工作情况报告

县妇联在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：

一、主要举措和成效
（一）深入开展普法宣传。全年开展“巾帼普法乡村行”活动26场次，发放宣传资料3万余册。
（二）依法维护妇女儿童合法权益。联合县公安局开展家庭暴力排查，{INTERNAL}，并逐户回访。
二、存在的不足
基层普法力量不足，普法形式较为单一。
三、下一步工作安排
一是开展“巾帼普法乡村行”活动30场次。二是建立反家暴联动处置机制。三是培育法律明白人100名。
"""
FACTS = "全年开展普法宣传28场次，发放宣传资料3万余册\n开展家庭暴力排查，建立重点家庭回访台账\n基层普法力量不足"
FORM = Form(JIA, year=2024, kind="fazhi", date="2025-01-20", period="annual")


@pytest.fixture
def bench(tmp_path):
    """A workbench over a fresh index of the shipped corpus (uploads are added to it)."""
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    index = ReportIndex(tmp_path / "index")
    index.index_corpus(CORPUS)
    return Workbench(settings, index, DraftStore(settings.db_path), OfflineComposer())


def _upload(tmp_path, bench, owner: str):
    path = tmp_path / "苍溪县妇联2023年法治政府建设报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    return S.import_files(bench, [path], None, owner)


def _drafted(bench, form, owner: str):
    draft, _ = S.outline(bench, replace(form, facts=FACTS), owner=owner)
    return draft, [d for d, done in S.write(bench, draft, []) if done][-1]


def _quoted(draft) -> str:
    return to_text(draft) + "".join(src.text for s in draft.sections for src in s.sources)


def test_an_upload_serves_its_own_organisation_as_last_year_and_as_examples(tmp_path, bench):
    _upload(tmp_path, bench, JIA)
    outline, draft = _drafted(bench, FORM, owner=JIA)
    assert outline.previous.found and "法律明白人" in S.P.previous_markdown(outline), "its own 2023 plans"
    assert any(src.title.startswith(JIA) for s in draft.sections for src in s.sources), "its own passages as examples"


def test_another_organisation_never_sees_an_upload_not_as_last_year_nor_as_an_example(tmp_path, bench):
    _upload(tmp_path, bench, JIA)
    outline, draft = _drafted(bench, FORM, owner=YI)  # 乙县's user drafting under 甲县's name
    assert not outline.previous.found and "法律明白人" not in S.P.previous_markdown(outline)
    assert INTERNAL not in _quoted(draft) and not any(src.title.startswith(JIA) for s in draft.sections
                                                       for src in s.sources)
    own, own_draft = _drafted(bench, replace(FORM, org=YI), owner=YI)
    assert INTERNAL not in _quoted(own_draft)


def test_the_same_file_uploaded_by_two_organisations_is_one_report_each(tmp_path, bench):
    first, second = _upload(tmp_path, bench, JIA)[1], _upload(tmp_path, bench, YI)[1]
    assert "已导入" in first and "已导入" in second, "not 已存在: the other organisation's copy is not theirs"
    assert "已存在" in _upload(tmp_path, bench, YI)[1]
    owners = sorted(d.owner for d in bench.index.documents() if d.title.startswith(JIA))
    assert owners == sorted([JIA, YI])


def test_without_per_organisation_logins_an_upload_is_shared_as_before(tmp_path, bench):
    _upload(tmp_path, bench, "")
    outline, _ = _drafted(bench, FORM, owner="")
    assert outline.previous.found


def test_reports_the_administrator_imports_stay_shared(tmp_path, bench):
    corpus = tmp_path / "reports"
    corpus.mkdir()
    (corpus / "cangxi-2023.txt").write_text(REPORT, encoding="utf-8")
    bench.index.index_corpus(corpus)
    outline, _ = _drafted(bench, FORM, owner=YI)
    assert outline.previous.found, "an administrator's import serves every organisation"


@pytest.mark.slow
def test_through_the_page_an_upload_is_recorded_as_the_logged_in_users_organisation(tmp_path, bench):
    """The upload box (本单位往年报告) as the page calls it, logged in as a user of 甲县."""
    import app
    from drafting.shell.users import Logins

    users = tmp_path / "users.txt"
    users.write_text(f"wang:pw1:{JIA}\nli:pw2:{YI}\n", encoding="utf-8")
    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    logins = Logins.from_settings("", str(users))
    demo = app.build_app(settings, bench, logins)
    demo.queue().launch(**app.launch_options(settings, logins), prevent_thread_lock=True, quiet=True)
    try:
        page = Page(f"http://127.0.0.1:{settings.port}").login("wang", "pw1")
        path = tmp_path / "upload" / "苍溪县妇联2023年法治政府建设报告.txt"
        path.parent.mkdir()
        path.write_text(REPORT, encoding="utf-8")
        log = page.run("on_import", page.upload(path), None)[-1]
        assert "已导入" in log
        uploaded = [d for d in bench.index.documents() if d.title.startswith(JIA)]
        assert [d.owner for d in uploaded] == [JIA]
        outline, _ = _drafted(bench, FORM, owner=YI)
        assert not outline.previous.found
    finally:
        demo.close()
        shutil.rmtree(tmp_path / "upload", ignore_errors=True)


@pytest.mark.slow
@pytest.mark.skipif(postgres_bin() is None, reason="apt-get install postgresql")
def test_on_postgresql_the_catalog_records_the_owner_and_searches_keep_to_it(tmp_path):
    from retrieval.ingest import import_file

    postgres = start_postgres()
    try:
        index = ReportIndex(tmp_path / "index", database_url=postgres.url)
        assert index.catalog.db.schema_version("catalog") == 4
        path = tmp_path / "cangxi-2023.txt"
        path.write_text(REPORT, encoding="utf-8")
        report = import_file(path, source="upload:x")
        report.owner = JIA
        assert index.add_report(report) == "added"
        other = ReportIndex(tmp_path / "other", database_url=postgres.url)  # another app instance
        assert [d.owner for d in other.documents()] == [JIA]
        other.close()
        assert INTERNAL in "".join(p.text for p in index.for_owner(JIA).search("家庭暴力 排查 隐患户", k=5))
        assert index.for_owner(YI).search("家庭暴力 排查 隐患户", k=5) == []
        assert index.for_owner(YI).documents() == [] and index.for_owner(YI).passages(report.doc) == []
        index.close()
    finally:
        postgres.stop()
