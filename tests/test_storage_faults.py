"""A read-only data directory, a full disk, a kill between the two stores, exported files
(issue 17): a clear message at start or at the failing step, never a traceback, nothing lost."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from drafting.domain.types import Draft, DraftMeta, Fact, Section
from drafting.errors import DraftingError
from drafting.output.store import DraftStore
from drafting.shell.cli import main
from retrieval.errors import RetrievalError
from retrieval.index import ReportIndex

from .conftest import ROOT, qingchuan

REPORT = "{org}2024年度法治政府建设工作情况报告\n一、加强组织领导\n{body}\n二、存在的不足\n基层普法力量不足。\n"


def _draft(text: str, title: str = "v1") -> Draft:
    return Draft(DraftMeta(org="青川县妇女联合会", year=2024, report_type="fazhi", title=title),
                 [Fact("F1", "开展学法12次")], [Section("s1", "measures", "加强组织领导", text)], id="full-disk")


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def read_only(tmp_path):
    """A directory nobody can write to, root included: a read-only bind mount (or a read-only
    copy when the tests do not run as root). Yields (writable source, read-only view)."""
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    yield source, view
    if os.geteuid() == 0:
        subprocess.run(["umount", "-l", str(view)], capture_output=True)  # lazy: a test may hold a file open
    else:
        for path in [view, *view.rglob("*")]:
            path.chmod(0o755)


def _make_read_only(source: Path, view: Path) -> None:
    if os.geteuid() != 0:
        shutil.copytree(source, view, dirs_exist_ok=True)
        for path in [view, *view.rglob("*")]:
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        return
    if not (_mount("--bind", str(source), str(view)) and _mount("-o", "remount,bind,ro", str(view))):
        pytest.skip("cannot make a read-only mount here")


# -- drafts -------------------------------------------------------------------------------------

def test_a_save_on_a_full_disk_says_it_was_not_saved_and_the_last_save_stays(tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    store.save(_draft("正文一"))
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # sqlite's own 'database or disk is full'
    with pytest.raises(DraftingError, match="无法保存，本次改动未保存：磁盘已满，请清理磁盘空间后重试"):
        store.save(_draft("正文二" * 50_000, title="v2"))
    assert store.load("full-disk").sections[0].text == "正文一"
    assert len(store.versions("full-disk", "s1")) == 1


def test_a_read_only_draft_database_is_a_message_at_open_or_at_the_save(read_only):
    source, view = read_only
    writer = DraftStore(source / "drafts.sqlite3")
    writer.save(_draft("正文一"))
    writer.close()
    _make_read_only(source, view)
    with pytest.raises(DraftingError, match="(无法打开草稿库|本次改动未保存).*可写"):
        DraftStore(view / "drafts.sqlite3").save(_draft("正文二"))


@pytest.mark.parametrize("command", [["search", "普法宣传"], ["index"], ["draft", "--facts", "FACTS", "--type",
                                                                     "fazhi", "--org", "青川县妇女联合会",
                                                                     "--year", "2024"]])
def test_a_read_only_data_directory_is_said_at_start(read_only, tmp_path, monkeypatch, capsys, command):
    source, view = read_only
    _make_read_only(source, view)
    facts = tmp_path / "facts.txt"
    facts.write_text("开展普法宣传28场次\n", encoding="utf-8")
    monkeypatch.setenv("REPORTDRAFT_DB", str(view / "data"))
    assert main([str(facts) if a == "FACTS" else a for a in command]) == 2
    err = capsys.readouterr().err
    assert "错误：无法保存到数据目录" in err and "只读或没有写入权限" in err and "REPORTDRAFT_DB" in err
    assert "Traceback" not in err


def test_an_index_that_cannot_be_opened_says_what_to_do(tmp_path):
    from retrieval.catalog import Catalog

    (tmp_path / "catalog.sqlite3").mkdir()  # something that is not a database file
    with pytest.raises(RetrievalError, match="无法打开索引"):
        Catalog(tmp_path / "catalog.sqlite3")


@pytest.mark.slow
@pytest.mark.parametrize("free_kb", [20, 200, 500, 900])
def test_indexing_onto_a_full_disk_says_so_and_leaves_no_temp_file(tmp_path, free_kb):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)):
        pytest.skip("cannot mount a small file system here")
    try:
        (disk / "filler").write_bytes(b"\0" * ((3072 - free_kb) * 1024))
        env = {**os.environ, "REPORTDRAFT_DB": str(disk / "data")}
        proc = subprocess.run([sys.executable, "-m", "drafting.shell.cli", "index"], capture_output=True,
                              text=True, cwd=ROOT, env=env, timeout=120)
        assert proc.returncode == 2, proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr and "磁盘" in proc.stderr.splitlines()[-1]
        leftovers = [p.name for p in (disk / "data").rglob(".dictionary-*")]
        assert not leftovers, "the dictionary cache's temp file was removed"
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def test_the_dictionary_cache_temp_file_is_removed_when_the_disk_is_full(tmp_path, monkeypatch, caplog):
    import errno

    from retrieval import text

    def disk_full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(text.pickle, "dump", disk_full)
    text.write_cache(tmp_path / "jieba" / text.CACHE_NAME, ("stamp", {}, 0, (frozenset(), frozenset())))
    assert list((tmp_path / "jieba").iterdir()) == [], "no half-written temporary file keeps the disk full"
    assert "分词缓存未能写入" in caplog.text


# -- the two stores of the index --------------------------------------------------------------

def _corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(REPORT.format(org="青川县妇女联合会", body="全年开展普法宣传28场次。"),
                                  encoding="utf-8")
    return corpus


def test_vectors_left_by_a_kill_between_the_two_stores_are_never_shown_and_are_healed(tmp_path, monkeypatch):
    from retrieval import catalog

    corpus = _corpus(tmp_path)
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(corpus)
    (corpus / "b.txt").write_text(REPORT.format(org="旺苍县妇女联合会", body="组织巾帼志愿者开展反诈骗宣讲九次。"),
                                  encoding="utf-8")

    def killed(*_a):
        raise KeyboardInterrupt  # the process dies after Chroma took the vectors, before the catalog

    monkeypatch.setattr(catalog.Catalog, "write", killed)
    with pytest.raises(KeyboardInterrupt):
        index.index_corpus(corpus)
    monkeypatch.undo()
    assert index.vector_count() > index.chunk_count(), "orphan vectors are there"
    results = index.search("反诈骗 宣讲 巾帼志愿者", k=5)
    assert results and all(p.doc == "a" for p in results), "search never returns a record without a row"
    reopened = ReportIndex(tmp_path / "ix")
    assert reopened.heal() > 0 and reopened.vector_count() == reopened.chunk_count()
    run = reopened.index_corpus(corpus)
    assert run.added == ["b"] and reopened.vector_count() == reopened.chunk_count()


def test_the_next_index_run_heals_orphan_vectors(tmp_path, monkeypatch):
    from retrieval import catalog

    corpus = _corpus(tmp_path)
    index = ReportIndex(tmp_path / "ix")
    monkeypatch.setattr(catalog.Catalog, "write", lambda *_a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        index.index_corpus(corpus)
    monkeypatch.undo()
    assert index.vector_count() > index.chunk_count() == 0
    assert ReportIndex(tmp_path / "ix").index_corpus(corpus).added == ["a"]
    assert index.vector_count() == index.chunk_count() > 0


def test_rows_without_vectors_get_them_back(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(corpus)
    chunks = index.chunk_count()
    index.vectors.delete([p.chunk_id for p in index.passages("a")][:2])  # as a kill while replacing leaves it
    assert index.vector_count() == chunks - 2
    assert index.heal() == 2 and index.vector_count() == chunks
    assert index.search("普法宣传 场次", k=1)[0].doc == "a"


# -- exports ------------------------------------------------------------------------------------

def test_exports_are_private_replaced_per_draft_and_removed_at_exit(tmp_path, seed_index):
    from dataclasses import replace

    from drafting.output import exports
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    draft = bench.outline(qingchuan("开展普法宣传28场次"))
    root = tmp_path / "reportdraft-export-abc"
    folder = root / draft.id
    first = bench.export(draft, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in first)
    renamed = replace(draft, meta=replace(draft.meta, org="旺苍县妇女联合会"))
    second = bench.export(renamed, folder)
    assert sorted(folder.iterdir()) == sorted(second), "one export per draft is kept"
    exports.remove_exports()
    assert not root.exists(), "the folder (and the app's empty parent) is gone"
