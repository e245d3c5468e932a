"""Fast at any size: the CLI loads only what a command needs, jieba's dictionary comes from a prepared
cache, and the lexical index takes one new report without being rebuilt."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from retrieval import text
from retrieval.catalog_schema import MIGRATIONS
from retrieval.index import ReportIndex
from retrieval.ingest import import_file

from .conftest import CORPUS, ROOT, SEEDS

NEW_REPORT = """永宁县妇联2024年度法治政府建设工作情况报告
一、主要举措
开展“巾帼普法夜校”活动36场次，组织沙洲渡口调解室调解婚姻家庭纠纷19件。
二、存在的不足
基层普法力量不足。
"""


def run_python(code: str, env: dict) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow  # rebuilds jieba's whole dictionary / starts a fresh interpreter
def test_a_search_on_a_small_office_index_never_loads_chroma_or_jieba_tag_tables(tmp_path):
    import os

    env = {**os.environ, "REPORTDRAFT_DB": str(tmp_path / "data")}
    ReportIndex(tmp_path / "data" / "index").index_corpus(CORPUS)
    out = run_python(
        "import sys, json\n"
        "from drafting.shell.cli import main\n"
        "main(['search', '普法宣传 场次', '--json'])\n"
        "print(json.dumps(sorted(m for m in ('chromadb', 'jieba.posseg', 'pkg_resources', 'gradio', 'langchain_openai')"
        " if m in sys.modules)))", env)
    *results, loaded = out.strip().splitlines()
    assert json.loads(loaded) == []
    assert json.loads("\n".join(results)), "the search still finds passages"
    assert (tmp_path / "data" / "jieba" / text.CACHE_NAME).is_file(), "the prepared dictionary is kept in the data dir"


def test_the_prepared_dictionary_segments_as_jieba_itself_does(tmp_path):
    import jieba

    sample = "青川县妇联开展“巾帼普法夜校”活动36场次，主席张秀红带头讲授法治专题党课。"
    assert text.tokens(sample) == jieba.lcut(sample)
    assert "张秀红" in text.find_particulars(sample) and "青川县" in text.find_particulars(sample)


@pytest.mark.slow  # rebuilds jieba's whole dictionary / starts a fresh interpreter
def test_a_stale_or_broken_dictionary_cache_is_rebuilt(tmp_path):
    import jieba

    cache = tmp_path / text.CACHE_NAME
    cache.write_bytes(b"not a pickle")
    places, verbs = text.load_dictionary(jieba, tmp_path)
    assert "青川县" in places or "成都" in places
    assert "开展" in verbs
    assert cache.stat().st_size > 1_000_000, "rewritten from jieba's dictionary"
    assert text.load_dictionary(jieba, tmp_path) == (places, verbs)


def test_one_new_report_is_searchable_without_rebuilding_the_main_segment(tmp_path):
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(CORPUS)
    index.search("普法", k=1)
    main = index.lexical.main
    (tmp_path / "new.txt").write_text(NEW_REPORT, encoding="utf-8")
    assert index.add_report(import_file(tmp_path / "new.txt")) == "added"
    top = index.search("巾帼普法夜校 沙洲渡口", k=3)
    assert top and top[0].doc == "new"
    assert index.lexical.main is main, "the main segment was kept; only the delta was built"
    assert len(index.lexical.delta) == len(index.passages("new"))


def test_a_removed_or_replaced_report_leaves_the_main_segment_masked(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("__*"))
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(corpus)
    index.search("普法", k=1)
    index.remove(SEEDS["city"])
    assert all(p.doc != SEEDS["city"] for p in index.search("普法宣传", k=20, per_doc=5))
    target = corpus / f"{SEEDS['guxian']}.txt"
    added = target.read_text(encoding="utf-8").replace("四、下一步打算", "四、下一步打算\n开展沙洲渡口调解活动。")
    target.write_text(added, encoding="utf-8")
    assert index.add_report(import_file(target)) == "replaced"
    hits = index.search("沙洲渡口", k=5, per_doc=5)
    assert [p.doc for p in hits if "沙洲渡口" in p.text] == [SEEDS["guxian"]]
    assert len({p.chunk_id for p in hits}) == len(hits), "no chunk twice (old and new copy)"


def test_a_new_process_loads_the_saved_segment_and_sees_an_import_made_elsewhere(tmp_path):
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(CORPUS)
    saved = (tmp_path / "ix" / "lexical" / "main" / "meta.json")
    assert saved.is_file()
    other = ReportIndex(tmp_path / "ix")
    (tmp_path / "new.txt").write_text(NEW_REPORT, encoding="utf-8")
    index.add_report(import_file(tmp_path / "new.txt"))
    assert other.search("巾帼普法夜校", k=1)[0].doc == "new", "the other reader checked the catalog version"
    assert json.loads(saved.read_text())["version"] == other.lexical.main.version


def test_exact_in_memory_vectors_rank_as_chroma_does(seed_index):
    vector = seed_index.embedding.embed_one("妇女儿童 信访 案件 办结")
    exact = seed_index.lexical.vector_ranks(vector, pool=10)
    chroma, _ = seed_index.vectors.nearest(vector, 10)
    assert exact[:5] == chroma[:5]


def test_a_catalog_of_the_first_schema_is_migrated_in_place(tmp_path):
    path = tmp_path / "ix" / "catalog.sqlite3"
    path.parent.mkdir()
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE docs (doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, org TEXT, short_name TEXT,
            region TEXT, year INTEGER, report_type TEXT, date TEXT, doc_number TEXT, particulars TEXT, added REAL);
        CREATE TABLE chunks (chunk_id TEXT PRIMARY KEY, doc TEXT, position INTEGER, role TEXT, heading TEXT,
            text TEXT, words TEXT);
        CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO docs VALUES ('old', '', 'x', '旧报告', '青川县妇女联合会', '县妇联', '', 2023, 'fazhi', '', '',
            '[]', 0);
        INSERT INTO chunks VALUES ('old#0', 'old', 0, 'measures', '主要举措', '开展巾帼普法夜校活动。',
            '巾帼 普法 夜校 活动');
        INSERT INTO state VALUES ('version', '3');
    """)
    db.commit()
    db.close()
    index = ReportIndex(tmp_path / "ix")
    assert index.catalog.db.schema_version("catalog") == MIGRATIONS[-1].version
    assert [p.chunk_id for p in index.search("巾帼 夜校", k=1)] == ["old#0"]
    assert [d.owner for d in index.documents()] == [""], "reports imported before owners were kept are shared"



def test_reads_from_threads_that_come_and_go_keep_a_few_connections(tmp_path):
    import threading

    from retrieval.database import MAX_IDLE_READERS, SQLiteDatabase

    db = SQLiteDatabase(tmp_path / "x.sqlite3")
    for _ in range(5):
        threads = [threading.Thread(target=db.one, args=("SELECT 1",)) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert db.idle_readers <= MAX_IDLE_READERS, "a drafting thread per draft must not leave a connection behind"
    db.close()
