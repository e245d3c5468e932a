"""The vector store: a Chroma collection, embedded under the index directory or on a Chroma server.

Opened on first use, not when the index is: listing reports, lexical search and (for a small
embedded index) vector search never need it, and importing chromadb alone costs 0.6 s."""

from __future__ import annotations

import threading
from pathlib import Path

from .errors import RetrievalError, storage_reason

COLLECTION = "reportdraft_passages"
_registered: dict[type, type] = {}
_register_lock = threading.Lock()


def chroma_function(embedding):
    """Our embedding wrapped in Chroma's embedding-function protocol (registered by name, so a
    collection reopened in another process finds it)."""
    from chromadb.api.types import EmbeddingFunction
    from chromadb.utils.embedding_functions import register_embedding_function

    base = type(embedding)
    with _register_lock:
        if base not in _registered:
            def __init__(self, inner):
                self.inner = inner

            wrapper = type(f"Chroma{base.__name__}", (EmbeddingFunction,), {
                "__init__": __init__,
                "__call__": lambda self, input: self.inner(list(input)),
                "name": staticmethod(base.name),
                "get_config": lambda self: self.inner.get_config(),
                "build_from_config": staticmethod(lambda config: _registered[base](base.build_from_config(config))),
                "default_space": lambda self: "cosine",
            })
            _registered[base] = register_embedding_function(wrapper)
        return _registered[base](embedding)


class ChromaVectors:
    """Vectors and filterable metadata per chunk; texts live in the catalog."""

    def __init__(self, index_dir: Path, host: str, port: int, embedding) -> None:
        self.index_dir, self.host, self.port, self.embedding = Path(index_dir), host, port, embedding
        self._collection = None
        self._lock = threading.Lock()

    @property
    def where(self) -> str:
        return f"Chroma 服务器 {self.host}:{self.port}" if self.host else f"本地索引 {self.index_dir}"

    def collection(self):
        with self._lock:
            if self._collection is None:
                self._collection = self._open()
            return self._collection

    def _open(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if self.host:
                client = chromadb.HttpClient(host=self.host, port=self.port, settings=settings)
            else:
                client = chromadb.PersistentClient(path=str(self.index_dir / "chroma"), settings=settings)
            return client.get_or_create_collection(
                COLLECTION, embedding_function=chroma_function(self.embedding),
                configuration={"hnsw": {"space": "cosine"}})
        except Exception as exc:
            advice = ("请检查 CHROMA_HOST/CHROMA_PORT，或取消 CHROMA_HOST 使用内置索引" if self.host
                      else storage_reason(exc))
            raise RetrievalError(f"无法打开{self.where}：{type(exc).__name__}: {exc}。{advice}。") from None

    def upsert(self, ids: list[str], vectors, metadatas: list[dict]) -> None:
        collection = self.collection()
        try:
            for start in range(0, len(ids), 1000):
                end = start + 1000
                collection.upsert(ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end])
        except Exception as exc:
            raise RetrievalError(f"写入向量索引（{self.where}）失败：{storage_reason(exc)}。") from None

    def delete(self, ids: list[str]) -> None:
        if not ids:
            return
        try:
            self.collection().delete(ids=ids)
        except RetrievalError:
            raise
        except Exception as exc:
            raise RetrievalError(f"从向量索引（{self.where}）删除失败：{type(exc).__name__}: {exc}") from None

    def count(self) -> int:
        return self.collection().count()

    def ids(self) -> set[str]:
        """Every chunk id in the store (healing compares them with the catalog's)."""
        return set(self.collection().get(include=[])["ids"])

    def nearest(self, vector, n: int, with_meta: bool = False) -> tuple[list[str], list[dict]]:
        """The n nearest chunk ids (and their metadata when asked), nearest first."""
        collection = self.collection()
        try:
            result = collection.query(query_embeddings=[vector], n_results=n,
                                      include=["metadatas"] if with_meta else [])
        except Exception as exc:
            raise RetrievalError(f"向量检索失败（{self.where}）：{type(exc).__name__}: {exc}。"
                                 "若使用 Chroma 服务器，请确认它在运行。") from None
        ids = list(result["ids"][0]) if result["ids"] else []
        metas = list(result["metadatas"][0]) if with_meta and result.get("metadatas") else []
        return ids, metas
