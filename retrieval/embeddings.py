"""Embeddings that work offline: hashed character n-grams, computed locally, no model download.

Chinese words are mostly one or two characters, so character unigrams and bigrams carry most
of the meaning a retrieval of report passages needs. Hashing keeps vectors stable as the
corpus grows (no vocabulary to rebuild) and the same on every machine.

Plain classes: chromadb (0.6 s to import) is loaded only when the vector store is opened, where
vectors.chroma_function wraps them in Chroma's embedding-function protocol.
"""

from __future__ import annotations

import math
import re
import zlib
from typing import Any

import numpy as np

_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


class HashingEmbedding:
    """Character unigram + bigram counts, signed-hashed into `dim` buckets, log-scaled, unit length."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim

    @staticmethod
    def name() -> str:
        return "reportdraft-hashing"

    def get_config(self) -> dict[str, Any]:
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashingEmbedding:
        return HashingEmbedding(dim=int(config.get("dim", 384)))

    def default_space(self) -> str:
        return "cosine"

    def __call__(self, input: list[str]) -> list[np.ndarray]:
        return [self.embed_one(text) for text in input]

    def embed_one(self, text: str) -> np.ndarray:
        counts: dict[int, float] = {}
        for run in _CHARS.findall(text):
            grams = list(run) + [run[i:i + 2] for i in range(len(run) - 1)]
            for gram in grams:
                h = zlib.crc32(gram.encode("utf-8"))
                bucket = h % self.dim
                sign = 1.0 if (h >> 16) & 1 else -1.0
                weight = 1.0 if len(gram) > 1 else 0.5
                counts[bucket] = counts.get(bucket, 0.0) + sign * weight
        vec = np.zeros(self.dim, dtype=np.float32)
        for bucket, value in counts.items():
            vec[bucket] = math.copysign(1.0 + math.log(abs(value)), value) if value else 0.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec


class EndpointEmbedding:
    """Embeddings from a configured OpenAI-compatible endpoint (REPORTDRAFT_EMBEDDINGS=openai)."""

    def __init__(self, model: str, base_url: str = "", api_key: str = "", timeout: float = 30.0) -> None:
        self.model, self.base_url, self.timeout = model, base_url, timeout
        self._api_key = api_key

    @staticmethod
    def name() -> str:
        return "reportdraft-endpoint"

    def get_config(self) -> dict[str, Any]:
        # The key is deliberately not part of the stored config.
        return {"model": self.model, "base_url": self.base_url}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> EndpointEmbedding:
        import os

        return EndpointEmbedding(config["model"], config.get("base_url", ""),
                                 os.environ.get("OPENAI_API_KEY", ""))

    def default_space(self) -> str:
        return "cosine"

    def __call__(self, input: list[str]) -> list[np.ndarray]:
        from openai import OpenAI

        client = OpenAI(base_url=self.base_url or None, api_key=self._api_key or "not-needed",
                        timeout=self.timeout, max_retries=2)
        result = client.embeddings.create(model=self.model, input=list(input))
        return [np.asarray(item.embedding, dtype=np.float32) for item in result.data]
