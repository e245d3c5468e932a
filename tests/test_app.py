"""The app's wiring: text is shown as text, each session keeps its own draft, errors become messages."""

from __future__ import annotations

import pytest

from drafting.shell.settings import Settings


@pytest.fixture
def workbench(tmp_path, seed_index):
    import app
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    return app, Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())


def test_report_text_is_escaped_not_rendered(workbench):
    app, bench = workbench
    draft = bench.outline("青川县妇女联合会", "", 2024, "fazhi", "", "2025-01-20", "annual",
                          "开展<script>alert(1)</script>普法宣传28场次\n<img src=x onerror=alert(2)>关爱儿童5名")
    html = app.slot_markdown(draft, 1, None) + app.slot_markdown(draft, 2, None)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html


def test_two_sessions_keep_their_own_drafts(workbench):
    _, bench = workbench
    a = bench.outline("青川县妇女联合会", "", 2024, "fazhi", "", "", "annual", "开展普法宣传28场次")
    b = bench.outline("剑阁县妇女联合会", "", 2023, "pufa", "", "", "annual", "开展普法宣传30场次")
    a = next(e.draft for e in bench.write(a) if e.kind == "finished")
    b = next(e.draft for e in bench.write(b) if e.kind == "finished")
    assert bench.store.load(a.id).meta.org == "青川县妇女联合会"
    assert bench.store.load(b.id).meta.org == "剑阁县妇女联合会"
    assert "28场次" in "".join(s.text for s in bench.store.load(a.id).sections)
    assert "28场次" not in "".join(s.text for s in bench.store.load(b.id).sections)


def test_edit_lock_regenerate_and_undo_keep_versions(workbench):
    _, bench = workbench
    draft = bench.outline("青川县妇女联合会", "", 2024, "fazhi", "", "", "annual", "开展普法宣传28场次\n基层力量不足")
    draft = next(e.draft for e in bench.write(draft) if e.kind == "finished")
    plans = next(s for s in draft.sections if s.role == "plans")
    edited = bench.edit(draft, plans.id, plans.text + "另行安排。")
    assert bench.undo(edited, plans.id).section(plans.id).text == plans.text
    locked = bench.lock(draft, plans.id, True)
    from drafting.errors import InputError

    with pytest.raises(InputError, match="锁定"):
        bench.regenerate(locked, plans.id)
    again = bench.regenerate(bench.lock(locked, plans.id, False), plans.id)
    assert again.section(plans.id).text != plans.text


def test_outline_changes_move_rename_and_add(workbench):
    _, bench = workbench
    draft = bench.outline("青川县妇女联合会", "", 2024, "fazhi", "", "", "annual", "开展普法宣传28场次\n基层力量不足")
    measures = next(s for s in draft.sections if s.role == "measures")
    plans = next(s for s in draft.sections if s.role == "plans")
    moved = bench.move_fact(draft, "F1", plans.id)
    assert "F1" in moved.section(plans.id).fact_ids and "F1" not in moved.section(measures.id).fact_ids
    renamed = bench.rename_section(moved, plans.id, "2025年工作打算")
    assert renamed.section(plans.id).heading == "2025年工作打算"
    added = bench.add_section(renamed, "创新工作亮点")
    assert any(s.heading == "创新工作亮点" for s in added.sections)


def test_uploads_are_imported_or_skipped_with_a_reason(workbench, tmp_path):
    _, bench = workbench
    good = tmp_path / "mine.txt"
    good.write_text("青川县妇联2023年度法治政府建设工作情况报告\n一、加强组织领导\n开展学法12次。\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    lines = bench.import_reports([good, bad])
    assert lines[0].startswith("mine.txt：已导入") and lines[1].startswith("bad.pdf：跳过")


def test_the_app_builds_without_a_model_or_network(workbench):
    app, bench = workbench
    demo = app.build_app(bench.settings, bench)
    assert demo is not None
