"""Shared wiring for the CLI and the app: open the index (building it from the corpus the first
time), pick a writer, load a case file.

What only some commands need (the composer, case files) is imported where it is used:
`reportdraft search` should not pay for drafting's modules."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

from drafting.errors import ConfigError, DraftingError, InputError
from retrieval.embeddings import EndpointEmbedding
from retrieval.errors import storage_reason
from retrieval.index import ReportIndex
from retrieval.safeyaml import load_data
from retrieval.text import init_jieba

from .settings import Settings


def check_data_dir(settings: Settings) -> None:
    """The data directory exists and takes a new file: a read-only or missing one is said at start,
    with what to do, instead of a sqlite traceback at the first write."""
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=settings.data_dir):
            pass
    except OSError as exc:
        raise DraftingError(f"无法保存到数据目录 {settings.data_dir}：{storage_reason(exc)}。") from None


def open_index(settings: Settings, build_if_empty: bool = True):
    """The index under the data dir (or on the Chroma server); filled from the corpus on first use."""
    check_data_dir(settings)
    init_jieba(settings.data_dir / "jieba")
    use_terms(settings)
    embedding = None
    if settings.embeddings == "openai":
        embedding = EndpointEmbedding(settings.embedding_model, settings.openai_base_url,
                                      settings.openai_api_key, settings.timeout)
    index = ReportIndex(settings.index_dir, settings.chroma_host, settings.chroma_port, embedding,
                        database_url=settings.database_url)
    if build_if_empty and not index.documents():
        index.index_corpus(settings.corpus_dir)
    return index


def use_terms(settings: Settings) -> None:
    """The office's own term table, read now so that a wrong one is said at start (ConfigError)."""
    from drafting.domain.terms import term_table, use_office_terms
    from lexicon.terms import TermsError

    use_office_terms(settings.terms_path)
    try:
        term_table()
    except TermsError as exc:
        raise ConfigError(str(exc)) from None


def open_store(settings: Settings):
    """The draft store: SQLite in the data directory, or the shared PostgreSQL database."""
    from drafting.output.store import DraftStore

    return DraftStore(settings.store_location)


def make_writer(settings: Settings, backend: str | None = None):
    """The section writer: 'offline' always works; 'llm' needs a configured endpoint."""
    backend = backend or ("llm" if settings.llm_configured else "offline")
    if backend == "offline":
        from drafting.write.offline import OfflineComposer

        return OfflineComposer()
    if not settings.llm_configured:
        raise InputError("设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以使用大模型；"
                         "当前只能使用离线起草（--backend offline）。")
    from drafting.write.llm import LLMWriter  # langchain is imported only when a model is used

    return LLMWriter(settings.model_config())


CASE_KEYS = {"org", "year", "report_type", "facts"}
OPTIONAL_META = ("doc_number", "signer", "cc", "printer", "level", "body", "leader_title", "shape")
TEXT_KEYS = ("org", "report_type", "short_name", "addressee", "date", "period", *OPTIONAL_META)
LIST_KEYS = ("facts", "expected_sections", "exclude_docs", "expect_fail")
MAX_CASE_BYTES = 1024 * 1024


def meta_from_case(case: dict):
    """DraftMeta from a case: the required keys, then 版头/版记 fields when present."""
    from drafting.domain.meta import build_meta

    return build_meta(case["org"], case["year"], case["report_type"], case.get("short_name", ""),
                      case.get("addressee", ""), str(case.get("date") or ""), case.get("period") or "",
                      **{k: str(case[k]) for k in OPTIONAL_META if case.get(k)})


def load_case(path: Path) -> dict:
    """A case file (YAML): org, year, report_type, facts; optional short_name, addressee, date.
    Anything of the wrong type is an InputError naming the field (never a crash or a silent cut)."""
    import yaml

    if not path.is_file():
        raise InputError(f"找不到案例文件 {path}。")
    if path.stat().st_size > MAX_CASE_BYTES:
        raise InputError(f"案例文件 {path} 过大（超过 1 MB）：案例只需单位、年份、报告类型和事实。")
    try:
        case = load_data(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"案例文件 {path} 不是有效的 YAML：{reason}") from None
    if not isinstance(case, dict):
        raise InputError(f"案例文件 {path} 应是键值对（org、year、report_type、facts）。")
    missing = CASE_KEYS - set(case)
    if missing:
        raise InputError(f"案例文件 {path} 缺少：{'、'.join(sorted(missing))}。")
    for problem in _case_type_problems(case):
        raise InputError(f"案例文件 {path} 的 {problem}")
    case["facts"] = [str(f) for f in case["facts"]]
    return case


def make_workbench(settings: Settings):
    """The app's shared services: the index, the draft store and the writer."""

    from .workbench import Workbench

    return Workbench(settings, open_index(settings), open_store(settings), make_writer(settings))


def _case_type_problems(case: dict) -> list[str]:
    """What is of the wrong type, one line per field: text fields are text, the year a whole
    number, lists are lists of text."""
    problems = []
    for key in TEXT_KEYS:
        value = case.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f"{key} 应是文字（例如 {key}: …），现在是{_kind_of(value)} {str(value)[:40]}。")
    year = case["year"]
    if isinstance(year, bool) or not (isinstance(year, int) or (isinstance(year, str) and year.strip().isdigit())):
        problems.append(f"year 应是整数年份（例如 year: 2024），现在是{_kind_of(year)} {str(year)[:40]}。")
    for key in LIST_KEYS:
        value = case.get(key)
        plain = isinstance(value, list) and all(isinstance(v, str | int | float) and not isinstance(v, bool)
                                                for v in value)
        if value is not None and not plain:
            problems.append(f"{key} 应是文字列表（每行以 - 开头），现在是{_kind_of(value)}。")
    return problems


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, int | float):
        return "数字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值对"
    return "文字" if isinstance(value, str) else type(value).__name__


def prepare_app_process(settings: Settings) -> None:
    """What `python app.py` sets up before building the page: its own temp folder under the data
    directory for exports and Gradio's copies of uploads and downloads (GRADIO_TEMP_DIR, unless set),
    emptied now of what a killed run left and removed at exit; and a SIGTERM (a service manager's
    stop) ends the process through sys.exit, so that the removal runs."""
    from drafting.output.exports import app_temp

    os.environ.setdefault("GRADIO_TEMP_DIR", str(app_temp(settings.data_dir) / "gradio"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


def open_for_app():
    """(settings, workbench) for `python app.py`, its process prepared (prepare_app_process). A wrong
    setting or a database that cannot be reached ends the start with one line saying what to fix,
    not a traceback."""
    from drafting.errors import ReportDraftError
    from retrieval.errors import RetrievalError

    try:
        settings = Settings.from_env()
        workbench = make_workbench(settings)
    except (ReportDraftError, RetrievalError) as exc:
        raise SystemExit(f"错误：{exc}") from None
    prepare_app_process(settings)
    return settings, workbench
