"""Shared wiring for the CLI and the app: open the index (building it from the corpus the first
time), pick a writer, load a case file."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafting.domain.meta import build_meta
from drafting.errors import InputError
from drafting.write.offline import OfflineComposer
from retrieval.embeddings import EndpointEmbedding
from retrieval.index import ReportIndex
from retrieval.text import init_jieba

from .settings import Settings


def open_index(settings: Settings, build_if_empty: bool = True):
    """The index under the data dir (or on the Chroma server); filled from the corpus on first use."""
    init_jieba(settings.data_dir / "jieba")
    embedding = None
    if settings.embeddings == "openai":
        embedding = EndpointEmbedding(settings.embedding_model, settings.openai_base_url,
                                      settings.openai_api_key, settings.timeout)
    index = ReportIndex(settings.index_dir, settings.chroma_host, settings.chroma_port, embedding,
                        database_url=settings.database_url)
    if build_if_empty and not index.documents():
        index.index_corpus(settings.corpus_dir)
    return index


def open_store(settings: Settings):
    """The draft store: SQLite in the data directory, or the shared PostgreSQL database."""
    from drafting.output.store import DraftStore

    return DraftStore(settings.store_location)


def make_writer(settings: Settings, backend: str | None = None):
    """The section writer: 'offline' always works; 'llm' needs a configured endpoint."""
    backend = backend or ("llm" if settings.llm_configured else "offline")
    if backend == "offline":
        return OfflineComposer()
    if not settings.llm_configured:
        raise InputError("设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以使用大模型；当前只能使用离线起草（--backend offline）。")
    from drafting.write.llm import LLMWriter  # langchain is imported only when a model is used

    return LLMWriter(settings.model_config())


CASE_KEYS = {"org", "year", "report_type", "facts"}
OPTIONAL_META = ("doc_number", "signer", "cc", "printer", "level", "body", "leader_title")


def meta_from_case(case: dict):
    """DraftMeta from a case: the required keys, then 版头/版记 fields when present."""
    return build_meta(case["org"], case["year"], case["report_type"], case.get("short_name", ""),
                      case.get("addressee", ""), str(case.get("date") or ""), case.get("period") or "",
                      **{k: str(case[k]) for k in OPTIONAL_META if case.get(k)})


def load_case(path: Path) -> dict:
    """A case file (YAML): org, year, report_type, facts; optional short_name, addressee, date."""
    if not path.is_file():
        raise InputError(f"找不到案例文件 {path}。")
    try:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"案例文件 {path} 不是有效的 YAML：{str(exc).splitlines()[0]}") from None
    if not isinstance(case, dict):
        raise InputError(f"案例文件 {path} 应是键值对（org、year、report_type、facts）。")
    missing = CASE_KEYS - set(case)
    if missing:
        raise InputError(f"案例文件 {path} 缺少：{'、'.join(sorted(missing))}。")
    if not isinstance(case["facts"], list) or not all(isinstance(f, (str, int, float)) for f in case["facts"]):
        raise InputError(f"案例文件 {path} 的 facts 应是字符串列表。")
    case["facts"] = [str(f) for f in case["facts"]]
    return case


def make_workbench(settings: Settings):
    """The app's shared services: the index, the draft store and the writer."""

    from .workbench import Workbench

    return Workbench(settings, open_index(settings), open_store(settings), make_writer(settings))
