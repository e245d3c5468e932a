"""Token counting with tiktoken, offline.

tiktoken downloads its BPE file on first use. It reads a cached copy from TIKTOKEN_CACHE_DIR,
named by the sha1 of the download URL and checked against a known sha256. The package
quicktok-v1 ships the same vocabulary in its own binary form ([u16 length][bytes][u32 rank]);
rewritten as `base64(token) rank` lines in rank order it is byte-identical to tiktoken's file,
so we write it into our cache and tiktoken never goes to the network.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
import threading
from pathlib import Path

CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
_lock = threading.Lock()


def _quicktok_vocab(name: str) -> bytes:
    import quicktok

    data = (Path(quicktok.__file__).parent / "data" / f"{name}.vocab").read_bytes()
    (count,) = struct.unpack_from("<I", data, 0)
    pos, ranks = 4, []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", data, pos)
        token = data[pos + 2:pos + 2 + length]
        (rank,) = struct.unpack_from("<I", data, pos + 2 + length)
        pos += 6 + length
        ranks.append((rank, token))
    return b"".join(base64.b64encode(t) + b" " + str(r).encode() + b"\n" for r, t in sorted(ranks))


def ensure_tiktoken_cache(cache_dir: Path) -> Path:
    """Write cl100k_base into tiktoken's cache (once) and point TIKTOKEN_CACHE_DIR at it."""
    cache_dir = Path(cache_dir)
    target = cache_dir / hashlib.sha1(CL100K_URL.encode()).hexdigest()
    with _lock:
        if not target.exists() or hashlib.sha256(target.read_bytes()).hexdigest() != CL100K_SHA256:
            data = _quicktok_vocab("cl100k")
            if hashlib.sha256(data).hexdigest() != CL100K_SHA256:
                raise RuntimeError("quicktok 的 cl100k 词表与 tiktoken 期望的不一致：请检查 quicktok-v1 版本。")
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(target)
        os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
    return target


_loaded = None


def _encoding(cache_dir: str):
    """cl100k_base, loaded once per process: the first caller's cache directory supplies the file
    (later callers with another directory need not write it again)."""
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
    ensure_tiktoken_cache(Path(cache_dir))
    import tiktoken

    with _lock:
        _loaded = tiktoken.get_encoding("cl100k_base")
        return _loaded


def count_tokens(text: str, cache_dir: Path) -> int:
    """Tokens of `text` in cl100k_base: an estimate for any chat model, counted offline. The
    vocabulary is kept in `cache_dir` (the settings' data directory)."""
    return len(_encoding(str(cache_dir)).encode(text, disallowed_special=()))


def trim_to_budget(texts: list[str], budget: int, cache_dir: Path) -> list[str]:
    """Keep texts in order while they fit the budget; cut the one that overflows at a sentence."""
    kept, used = [], 0
    for text in texts:
        cost = count_tokens(text, cache_dir)
        if used + cost <= budget:
            kept.append(text)
            used += cost
            continue
        room = budget - used
        if room > 50:
            sentences = text.split("。")
            piece = ""
            for sentence in sentences:
                candidate = piece + sentence + "。"
                if count_tokens(candidate, cache_dir) > room:
                    break
                piece = candidate
            if piece:
                kept.append(piece)
        break
    return kept
