"""A Word file exported from one draft read back into another (issue 25): `reportdraft merge` and
the app's 读回 refuse it, saying whose file it is and what to do; the CLI reads it in anyway when
told to (--accept-other-draft). The draft's id is read from the file in the import's parse worker,
with its budgets, never in the app's own process. Before: another draft's file was merged silently,
its sections written over this draft's."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from drafting.domain.types import Draft
from drafting.errors import InputError
from drafting.output.word_props import read_draft_id
from drafting.shell.cli import main
from retrieval import readers

from .test_export import _edit_docx
from .test_hostile_files import heavy_docx

FACTS = "全年开展普法宣传28场次，发放宣传资料8万余册\n开展会前学法16次\n基层普法力量不足"


def drafted(tmp_path, name: str, org: str) -> tuple[Draft, object, object]:
    """`reportdraft draft … --out NAME.json --docx NAME.docx`: (the draft, its JSON, its Word file)."""
    facts, made, word = tmp_path / "facts.txt", tmp_path / f"{name}.json", tmp_path / f"{name}.docx"
    facts.write_text(FACTS, encoding="utf-8")
    assert main(["draft", "--facts", str(facts), "--type", "fazhi", "--org", org, "--year", "2024",
                 "--date", "2025-01-20", "--out", str(made), "--docx", str(word)]) == 0
    return Draft.from_json(made.read_text(encoding="utf-8")), made, word


def test_the_cli_refuses_another_drafts_word_file_unless_told_to_take_it(data_dir, tmp_path, capsys):
    ours, ours_json, _ = drafted(tmp_path, "ours", "青川县妇女联合会")
    theirs, _, theirs_word = drafted(tmp_path, "theirs", "剑阁县妇女联合会")
    _edit_docx(theirs_word, "8万余册", "9万余册")
    capsys.readouterr()
    before = ours_json.read_text(encoding="utf-8")

    assert main(["merge", str(ours_json), str(theirs_word)]) == 2
    err = capsys.readouterr().err
    assert f"另一份草稿导出的（草稿编号 {theirs.id}）" in err and ours.id in err and "--accept-other-draft" in err
    assert ours_json.read_text(encoding="utf-8") == before, "nothing written"

    assert main(["merge", str(ours_json), str(theirs_word), "--accept-other-draft"]) in (0, 1)
    assert "9万余册" in "".join(s.text for s in Draft.from_json(ours_json.read_text(encoding="utf-8")).sections)


def test_a_draft_reads_its_own_word_file_back_as_before(data_dir, tmp_path, capsys):
    ours, ours_json, ours_word = drafted(tmp_path, "ours", "青川县妇女联合会")
    _edit_docx(ours_word, "开展会前学法", "坚持开展会前学法")
    assert read_draft_id(ours_word) == ours.id
    assert main(["merge", str(ours_json), str(ours_word)]) in (0, 1)
    assert "坚持开展会前学法" in capsys.readouterr().out
    ours = Draft.from_json(ours_json.read_text(encoding="utf-8"))
    assert "坚持开展会前学法" in "".join(s.text for s in ours.sections)


def test_the_drafts_id_is_read_in_the_parse_worker_with_the_imports_budgets(tmp_path, monkeypatch):
    """A file that would take python-docx seconds (minutes at 4 MB) is refused at the budget,
    however small the part the id sits in."""
    monkeypatch.setattr(readers, "PARSE_SECONDS", 1.0)
    started = time.perf_counter()
    with pytest.raises(InputError, match="解析超过 1 秒仍未完成"):
        read_draft_id(heavy_docx(tmp_path / "edited.docx", 30_000))
    assert time.perf_counter() - started < 5
    with pytest.raises(InputError, match="文件过大"):
        read_draft_id(heavy_docx(tmp_path / "big.docx", 2_000), max_bytes=10_000)


@pytest.mark.slow
def test_the_apps_read_back_refuses_another_drafts_word_file(tmp_path, seed_index):
    """Through the page: export draft A, start draft B (另起一份新草稿), read A's file back into B."""
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    from . import gradio_calls
    from .conftest import free_port
    from .gradio_calls import Page

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    demo, root = gradio_calls.serve(settings, bench)
    form = ["青川县妇女联合会", "", 2024, "fazhi", "", "2025-01-20", "annual", FACTS,
            "", "", "", "", "", "", "", "", None]
    try:
        page = Page(root).open()
        page.run("on_outline", *form, None)
        page.run("on_write", None, [])
        exported = page.run("on_export", None)[0]["value"]
        word = next(f["path"] for f in exported if f["path"].endswith(".docx"))
        first = read_draft_id(word)
        page.run("on_new", *form, None)
        page.run("on_write", None, [])
        second = next(r.id for r in bench.store.list() if r.id != first)
        before = bench.store.load(second)

        edited = _edit_docx(Path(shutil.copy(word, tmp_path / "edited.docx")), "8万余册", "9万余册")
        answer = json.dumps(page.run("on_merge", None, page.upload(edited)[0]), ensure_ascii=False)
        assert f"另一份草稿导出的（草稿编号 {first}）" in answer and "没有读回" in answer
        assert bench.store.load(second) == before, "B as it was"
    finally:
        demo.close()
