"""The index of earlier reports: idempotent, searchable by role and kind, spread over reports."""

from __future__ import annotations

import json
import shutil

from drafting.shell.cli import main
from retrieval.index import ReportIndex

from .conftest import CORPUS, SEEDS


def test_reindexing_the_same_corpus_adds_nothing(tmp_path):
    index = ReportIndex(tmp_path / "ix")
    first = index.index_corpus(CORPUS)
    chunks = index.chunk_count()
    second = index.index_corpus(CORPUS)
    assert len(first.added) == 5 and not second.added and len(second.unchanged) == 5
    assert index.chunk_count() == chunks
    assert index.vector_count() == chunks


def test_a_changed_file_replaces_its_records_and_a_removed_one_can_be_pruned(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("__*"))
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(corpus)
    target = corpus / f"{SEEDS['guxian']}.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("四、下一步打算", "四、下一步工作计划"),
                      encoding="utf-8")
    run = index.index_corpus(corpus)
    assert run.replaced == [SEEDS["guxian"]]
    headings = {p.heading for p in index.passages(SEEDS["guxian"])}
    assert "下一步工作计划" in headings and "下一步打算" not in headings
    (corpus / f"{SEEDS['city']}.txt").unlink()
    run = index.index_corpus(corpus, prune=True)
    assert run.removed == [SEEDS["city"]]
    assert SEEDS["city"] not in index.doc_ids()
    assert index.vector_count() == index.chunk_count()


def test_search_filters_by_role_and_kind_and_spreads_over_reports(seed_index):
    results = seed_index.search("普法宣传 场次", role="measures", k=5)
    assert len(results) == 5
    assert all(p.role == "measures" for p in results)
    assert len({p.doc for p in results}) == 5, "five reports, not five chunks of one"
    pufa = seed_index.search("存在的不足", role="shortcomings", report_type="pufa", k=3)
    assert pufa and all(p.doc == SEEDS["shapotou"] for p in pufa)


def test_search_finds_the_passage_about_the_query(seed_index):
    top = seed_index.search("两癌 救助 春蕾计划 助学金", k=3)
    assert any("春蕾计划" in p.text for p in top)


def test_cli_search_prints_json(data_dir, capsys):
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["search", "普法宣传 场次", "--role", "measures", "-k", "5", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    assert set(rows[0]) >= {"doc", "title", "heading", "role", "text", "score"}
    assert all(r["role"] == "measures" for r in rows)


def test_cli_index_skips_bad_files_names_them_and_exits_nonzero(data_dir, tmp_path, capsys):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "good.txt").write_text("青川县妇联2024年度法治政府建设工作情况报告\n一、加强组织领导\n开展学法12次。\n",
                                     encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "fake.txt").write_bytes(b"\x00\xff" * 200)
    (corpus / "table.xlsx").write_bytes(b"x")
    assert main(["index", "--corpus", str(corpus)]) == 1
    captured = capsys.readouterr()
    assert "empty.txt：空文件" in captured.err
    assert "fake.txt" in captured.err and "table.xlsx" in captured.err
    assert "Traceback" not in captured.err
    assert "新增  good" in captured.out


def test_embedded_store_reopens_in_a_new_process_without_downloading(tmp_path):
    import subprocess
    import sys

    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(CORPUS)
    index.close()
    code = ("from retrieval.index import ReportIndex; from pathlib import Path;"
            f"r = ReportIndex(Path({str(tmp_path / 'ix')!r})).search('信访 案件', k=2); print(len(r))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HTTPS_PROXY": "http://127.0.0.1:9",
                              "HTTP_PROXY": "http://127.0.0.1:9"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "2"
