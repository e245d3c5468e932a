"""Hostile files into the importer (issue 17): a tiny file may not take gigabytes or minutes, a
parser's error is a skipped file, and a document is known by its path and content."""

from __future__ import annotations

import time
import zipfile
import zlib
from pathlib import Path

import pytest

from drafting.shell.cli import main
from retrieval import readers
from retrieval.errors import SkippedFile
from retrieval.index import ReportIndex
from retrieval.ingest import import_file
from retrieval.sandbox import run_bounded

REPORT = "{org}2024年度法治政府建设工作情况报告\n一、加强组织领导\n{body}\n二、存在的不足\n基层普法力量不足。\n"


def _report(path: Path, org: str = "青川县妇女联合会",
            body: str = "全年开展普法宣传28场次，开展会前学法16次。") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REPORT.format(org=org, body=body), encoding="utf-8")
    return path


def shared_stream_pdf(path: Path, pages: int = 299, ops: int = 20000, text: bytes = b"abcdefgh") -> Path:
    """The red-team PDF: a few tens of KB whose pages all draw one heavy content stream
    (ops=20000: about 2 s of pypdf per page, so ten minutes for the file). With text=b"" it draws
    nothing readable: no text cap ends it early, only the time budget."""
    content = zlib.compress(b"BT /F1 12 Tf " + (b"1 0 0 1 10 10 Tm (" + text + b") Tj ") * ops + b"ET")
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"}
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>")
    objs.update({5 + i: page for i in range(pages)})
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs[2] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, len(objs) + 1))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _bomb_docx(path: Path, inflated: int) -> Path:
    """A .docx whose document.xml inflates to `inflated` bytes of one repeated character."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as part:
            block = b"0" * (1 << 20)
            for _ in range(inflated >> 20):
                part.write(block)
            part.write(b"0" * (inflated % (1 << 20)))
    return path


# -- decompression and parse budgets --------------------------------------------------------------

def test_a_docx_that_passed_the_old_100_mb_check_is_refused_in_well_under_a_second(tmp_path):
    path = _bomb_docx(tmp_path / "bomb.docx", 95 * 1024 * 1024)
    assert path.stat().st_size < 330 * 1024
    start = time.perf_counter()
    with pytest.raises(SkippedFile, match="疑似压缩炸弹"):
        import_file(path)
    assert time.perf_counter() - start < 1.5


def test_a_docx_is_refused_on_its_ratio_below_the_absolute_cap(tmp_path):
    path = _bomb_docx(tmp_path / "dense.docx", 6 * 1024 * 1024)  # 6 MB in a few KB
    assert path.stat().st_size * readers.MAX_RATIO < 6 * 1024 * 1024 < readers.MAX_UNZIPPED
    with pytest.raises(SkippedFile, match="文件大小的 100 倍"):
        readers.check_zip(path)


def test_a_pypdf_limit_is_a_skipped_file(tmp_path):
    path = shared_stream_pdf(tmp_path / "limit.pdf", pages=1, ops=10)
    path.write_bytes(path.read_bytes().replace(b"xref\n0 6\n", b"xref\n0 999999999\n"))
    with pytest.raises(SkippedFile, match="超出安全上限"):
        import_file(path)


@pytest.mark.parametrize("error", [RecursionError, ZeroDivisionError, AttributeError, IndexError])
def test_any_error_inside_pypdf_is_a_skipped_file(tmp_path, monkeypatch, error):
    import pypdf

    def broken(*_a, **_k):
        raise error("inside pypdf")

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    with pytest.raises(SkippedFile, match=f"PDF 文件已损坏或无法解析：{error.__name__}"):
        readers.parse_file(str(shared_stream_pdf(tmp_path / "x.pdf", pages=1, ops=10)))


def test_a_pdf_that_would_take_minutes_is_skipped_and_the_batch_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "PARSE_SECONDS", 0.5)
    corpus = tmp_path / "corpus"
    shared_stream_pdf(_report(corpus / "a-good.txt").parent / "b-slow.pdf", ops=20000)
    _report(corpus / "c-good.txt", org="旺苍县妇女联合会")
    start = time.perf_counter()
    run = ReportIndex(tmp_path / "ix").index_corpus(corpus)
    elapsed = time.perf_counter() - start
    assert [Path(p).name for p, _ in run.skipped] == ["b-slow.pdf"]
    assert "超过 0.5 秒仍未完成" in run.skipped[0][1]
    assert run.added == ["a-good", "c-good"]
    assert elapsed < 4, elapsed


def test_a_worker_that_dies_or_runs_out_of_memory_is_a_skipped_file():
    with pytest.raises(SkippedFile, match="异常退出"):
        run_bounded("os:_exit", 3, seconds=5)
    with pytest.raises(SkippedFile, match="内存超出上限"):
        run_bounded("builtins:bytearray", 3 * 2 ** 30, seconds=5)
    assert run_bounded("builtins:str", "the next file is parsed as usual", seconds=5).startswith("the next")


# -- what is a file, and which document it is -----------------------------------------------------

def test_a_directory_symlink_is_not_a_regular_file(tmp_path):
    corpus = tmp_path / "corpus"
    _report(tmp_path / "elsewhere" / "r.txt")
    corpus.mkdir()
    (corpus / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (corpus / "linked.txt").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    run = ReportIndex(tmp_path / "ix").index_corpus(corpus)
    assert sorted((Path(p).name, why) for p, why in run.skipped) == [("linked", "不是普通文件"),
                                                                     ("linked.txt", "不是普通文件")]


def test_same_names_in_two_folders_and_x_y_against_x_space_y_are_four_documents(tmp_path):
    corpus = tmp_path / "corpus"
    _report(corpus / "2023" / "报告.txt", org="青川县妇女联合会")
    _report(corpus / "2024" / "报告.txt", org="旺苍县妇女联合会")
    _report(corpus / "x y.txt", org="苍溪县妇女联合会")
    _report(corpus / "x_y.txt", org="剑阁县妇女联合会")
    index = ReportIndex(tmp_path / "ix")
    first = index.index_corpus(corpus)
    assert len(first.added) == 4 and len(set(first.added)) == 4
    assert sorted(d.org for d in index.documents()) == sorted(["青川县妇女联合会", "旺苍县妇女联合会",
                                                               "苍溪县妇女联合会", "剑阁县妇女联合会"])
    second = index.index_corpus(corpus)
    assert sorted(second.unchanged) == sorted(first.added) and not second.replaced and not second.added
    assert index.vector_count() == index.chunk_count()


def test_reindexing_says_unchanged_for_every_file(data_dir, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    _report(corpus / "a" / "r.txt")
    _report(corpus / "b" / "r.txt", org="旺苍县妇女联合会")
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["index", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "更新" not in out.split("（")[0] and "新增 0，更新 0，未变 2，跳过 0" in out


def test_a_moved_corpus_is_the_same_documents(tmp_path):
    _report(tmp_path / "old" / "r.txt")
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(tmp_path / "old")
    (tmp_path / "old").rename(tmp_path / "new")
    run = index.index_corpus(tmp_path / "new", prune=True)
    assert run.unchanged == ["r"] and not run.added and not run.removed
    assert index.documents()[0].path == str((tmp_path / "new" / "r.txt").resolve())


def test_an_upload_never_replaces_another_upload_or_a_corpus_report(tmp_path):
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    corpus = tmp_path / "corpus"
    _report(corpus / "报告.txt", body="全年开展普法宣传28场次。")
    index = ReportIndex(tmp_path / "ix")
    index.index_corpus(corpus)
    corpus_text = [p.text for p in index.passages("报告")]
    bench = Workbench(Settings.from_env(env={}, data_dir=tmp_path / "data"), index,
                      DraftStore(tmp_path / "data" / "d.sqlite3"), OfflineComposer())
    first = _report(tmp_path / "up1" / "报告.txt", org="旺苍县妇女联合会", body="开展学法16次。")
    second = _report(tmp_path / "up2" / "报告.txt", org="苍溪县妇女联合会", body="受理信访案件43件。")
    lines = bench.import_reports([first, second, first, corpus / "报告.txt"])
    assert lines[0] == "报告.txt：已导入（新增；索引中已有同名报告，两份都保留）"
    assert lines[1] == "报告.txt：已导入（新增；索引中已有同名报告，两份都保留）"
    assert lines[2].startswith("报告.txt：已存在") and lines[3].startswith("报告.txt：已存在")
    assert [p.text for p in index.passages("报告")] == corpus_text, "the corpus report is untouched"
    assert sorted(d.org for d in index.documents()) == ["旺苍县妇女联合会", "苍溪县妇女联合会", "青川县妇女联合会"]
    index.index_corpus(corpus, prune=True)
    assert len(index.documents()) == 3, "pruning the corpus leaves uploads alone"


def test_a_name_with_url_escapes_gets_a_safe_id_and_writes_nowhere_else(tmp_path):
    corpus = tmp_path / "corpus"
    _report(corpus / "%2E%2E%2F%2E%2E%2Fevil.txt")
    before = set(tmp_path.rglob("*"))
    index = ReportIndex(tmp_path / "data" / "ix")
    run = index.index_corpus(corpus)
    assert len(run.added) == 1 and not run.skipped, "the file is imported, not ignored"
    doc = run.added[0]
    assert doc.startswith("2E_2E_2F_2E_2E_2Fevil-") and doc.replace("_", "").replace("-", "").isalnum()
    assert all(str(p).startswith(str(tmp_path / "data")) for p in set(tmp_path.rglob("*")) - before)


def _ordinary_docx(path: Path) -> Path:
    """A real report as Word saves it, about 40 KB."""
    import docx

    document = docx.Document()
    document.add_paragraph("旺苍县妇女联合会2024年度法治政府建设工作情况报告")
    document.add_paragraph("一、加强组织领导")
    for n in range(150):
        document.add_paragraph(f"全年开展普法宣传{n + 1}场次，开展会前学法16次，组织妇女干部参加法治培训，"
                               "推动法治宣传进村入户。")
    document.add_paragraph("二、存在的不足")
    document.add_paragraph("基层普法力量不足。")
    document.save(str(path))
    return path


@pytest.mark.slow
def test_one_users_slow_file_does_not_hold_up_another_users_upload(tmp_path, monkeypatch, seed_index):
    """All uploads shared one parse worker: an ordinary 42 KB .docx waited 57 s behind a slow PDF."""
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    monkeypatch.setattr(readers, "PARSE_SECONDS", 6.0)
    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, ReportIndex(tmp_path / "ix"), DraftStore(settings.db_path), OfflineComposer())
    slow = shared_stream_pdf(tmp_path / "slow.pdf", text=b"")
    ordinary = _ordinary_docx(tmp_path / "b.docx")
    assert 20_000 < ordinary.stat().st_size < 60_000
    run_bounded("builtins:str", "warm", seconds=5)  # the parse server is up, as in a running app
    finished: dict[str, float] = {}

    def upload(name: str, path: Path) -> None:
        started = time.perf_counter()
        finished[name] = (bench.import_reports([path]), time.perf_counter() - started)

    import threading

    first = threading.Thread(target=upload, args=("slow", slow))
    first.start()
    time.sleep(0.5)  # the PDF is being parsed
    upload("ordinary", ordinary)
    lines, seconds = finished["ordinary"]
    assert "已导入" in lines[0] and seconds < 5, (lines, seconds)
    assert "slow" not in finished, "the slow file was still being parsed meanwhile"
    first.join(timeout=60)
    assert "超过 6 秒仍未完成" in finished["slow"][0][0]


# -- reading an edited Word file back (reportdraft merge, the app's 读回) ----------------------------
def heavy_docx(path: Path, paragraphs: int) -> Path:
    """A valid .docx of many short paragraphs of varied text (so it passes the inflation checks):
    python-docx takes seconds on it and, at 4 MB, minutes and hundreds of MB."""
    import io
    import random

    import docx

    base, rng = io.BytesIO(), random.Random(7)
    docx.Document().save(base)
    body = "".join(f"<w:p><w:r><w:t>{''.join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(12))}</w:t></w:r></w:p>"
                   for _ in range(paragraphs))
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            out.writestr(item, data)
    return path


@pytest.fixture
def saved_draft(tmp_path, seed_index):
    from drafting.domain.meta import build_meta
    from drafting.engine import draft_report

    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"),
                         "全年开展普法宣传28场次\n基层普法力量不足", seed_index)
    path = tmp_path / "d.json"
    path.write_text(draft.to_json(), encoding="utf-8")
    return draft, path


def test_reading_back_a_word_file_has_the_imports_time_budget_in_the_app_and_the_cli(
        tmp_path, monkeypatch, saved_draft, data_dir, capsys, seed_index):
    """A 4 MB .docx took the app 115 s and +650 MB to read back; now it is parsed in the import's
    worker and refused at the import's time budget, in the app as in `reportdraft merge`."""
    from drafting.output.store import DraftStore
    from drafting.shell import session as S
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    monkeypatch.setattr(readers, "PARSE_SECONDS", 1.0)
    draft, json_path = saved_draft
    heavy = heavy_docx(tmp_path / "edited.docx", 30_000)
    settings = Settings.from_env(env={}, data_dir=tmp_path / "app")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    started = time.perf_counter()
    with pytest.raises(Exception, match="解析超过 1 秒仍未完成") as caught:
        S.merge(bench, draft, str(heavy))
    assert time.perf_counter() - started < 4 and "无法读取 Word 文件" in S.refusal(caught.value)
    started = time.perf_counter()
    assert main(["merge", str(json_path), str(heavy)]) == 2
    assert time.perf_counter() - started < 8 and "解析超过 1 秒仍未完成" in capsys.readouterr().err


def test_reading_back_a_word_file_has_the_imports_size_and_inflation_budgets(tmp_path, saved_draft, seed_index):
    from drafting.errors import InputError
    from drafting.output.word_merge import merge_docx

    draft, _ = saved_draft
    with pytest.raises(InputError, match="文件过大"):
        merge_docx(draft, heavy_docx(tmp_path / "big.docx", 2_000), max_bytes=10_000)
    with pytest.raises(InputError, match="疑似压缩炸弹"):
        merge_docx(draft, _bomb_docx(tmp_path / "bomb.docx", 30 * 2 ** 20))
