"""Gradio's own front-end files (its /assets/ and /static/ folders in site-packages), served from
memory, compressed once.

A new browser asks for about 80 of them (1.1 MB) on its first visit. Through Gradio's routes each
one went through the whole HTTP stack (eight middlewares, ours among them, then FastAPI's routing)
and was brotli-compressed again on every request, with an ETag but no Cache-Control, so a returning
browser asked again for each. That was most of the app's 140–180 ms of CPU per page load.

`StaticCache` sits outside that stack: a GET for one of those files is answered with the bytes kept
from the first time (brotli-compressed once when the browser accepts it), an ETag, and
Cache-Control — a year for /assets/ (Vite puts a content hash in every name there), revalidation for
/static/. Anything else (another path, a HEAD, a Range, a browser without brotli, a missing or large
file) goes to Gradio exactly as before. These files are public in Gradio too (no login check).
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

import brotli

COMPRESSIBLE = {".html", ".htm", ".js", ".mjs", ".css", ".json", ".md", ".txt", ".csv", ".tsv", ".xml", ".svg"}
"""What Gradio's own brotli middleware compresses (woff2 and images are compressed already)."""
LARGEST = 4 * 1024 * 1024
"""A file above this is left to Gradio (none of the page's files come near it)."""
FOREVER = "public, max-age=31536000, immutable"  # /assets/: the name changes when the content does
REVALIDATE = "no-cache"  # /static/: fixed names; the ETag answers 304 when nothing changed


@dataclass(frozen=True)
class Kept:
    """One file as it is sent: its bytes (brotli-compressed when `encoding` says so) and headers."""
    body: bytes
    encoding: str | None
    media_type: str
    etag: str
    cache: str


def gradio_folders(gr) -> dict[str, Path]:
    """URL prefix → folder, as the /assets/ and /static/ routes of `gr` (the gradio module) serve them."""
    frontend = Path(gr.__file__).resolve().parent / "templates" / "frontend"
    return {"/assets/": frontend / "assets", "/static/": frontend / "static"}


def keep(path: Path, cache: str) -> Kept:
    """The file read once, compressed once if it is text worth compressing."""
    raw = path.read_bytes()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type in ("application/javascript", "application/json"):
        media_type += "; charset=utf-8"
    etag = '"' + hashlib.blake2b(raw, digest_size=12).hexdigest() + '"'
    if path.suffix.lower() in COMPRESSIBLE and len(raw) >= 400:
        return Kept(brotli.compress(raw, mode=brotli.MODE_TEXT, quality=5), "br", media_type, etag, cache)
    return Kept(raw, None, media_type, etag, cache)


class StaticCache:
    """ASGI app around Gradio's: its front-end files from memory, everything else passed on.
    `folders`: URL prefix → folder (gradio_folders)."""

    def __init__(self, app, folders: dict[str, Path]) -> None:
        self.app, self.folders = app, {prefix: folder.resolve() for prefix, folder in folders.items()}
        self.kept: dict[str, Kept] = {}  # URL path → what is sent

    async def __call__(self, scope, receive, send) -> None:
        headers = {name.lower(): value for name, value in scope.get("headers") or ()}
        plain_get = scope.get("type") == "http" and scope.get("method") == "GET" and b"range" not in headers
        kept = self.lookup(scope.get("path", "")) if plain_get else None
        if kept is None:
            await self.app(scope, receive, send)
            return
        if kept.encoding and b"br" not in headers.get(b"accept-encoding", b""):
            await self.app(scope, receive, send)  # Gradio's gzip fallback
            return
        fresh = headers.get(b"if-none-match", b"").decode("latin-1") == kept.etag
        out = [(b"etag", kept.etag.encode()), (b"cache-control", kept.cache.encode()), (b"vary", b"Accept-Encoding")]
        if not fresh:
            out += [(b"content-type", kept.media_type.encode()), (b"content-length", str(len(kept.body)).encode())]
            out += [(b"content-encoding", kept.encoding.encode())] if kept.encoding else []
        await send({"type": "http.response.start", "status": 304 if fresh else 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if fresh else kept.body})

    def lookup(self, path: str) -> Kept | None:
        """What is kept for this path (read the first time), or None: Gradio's to answer."""
        found = self.kept.get(path)
        if found is None:
            found = self.read(path)
            if found is not None:  # only files that exist are kept: their number is bounded
                self.kept[path] = found
        return found

    def read(self, path: str) -> Kept | None:
        for prefix, folder in self.folders.items():
            if not path.startswith(prefix):
                continue
            file = (folder / path[len(prefix):]).resolve()
            if file.is_relative_to(folder) and file.is_file() and file.stat().st_size <= LARGEST:
                return keep(file, FOREVER if prefix == "/assets/" else REVALIDATE)
        return None
