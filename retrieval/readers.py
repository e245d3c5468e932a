"""Read an earlier report from disk into plain text: .txt .md .docx .pdf .html.

Each reader raises SkippedFile with a one-line reason for a user's mistake (empty, corrupt,
binary, too large); nothing here writes anywhere. A file that needs a parser is parsed in a
worker process with a time and memory budget (sandbox.py), so a hostile file is skipped and the
batch goes on.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .errors import SkippedFile

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED = 40 * 1024 * 1024
"""What a .docx may inflate to, all parts together (a long report's XML is a few MB)."""
MAX_RATIO = 100
"""Inflated size over file size above which a .docx is a bomb (real ones: under 20)."""
MAX_PDF_PAGES = 300
MAX_TEXT = 1_000_000
"""Characters of text one report may hold (a long annual report has under 100,000)."""
PARSE_SECONDS = 60.0
"""Time one file may take to parse (a 300-page PDF takes well under 30 s)."""
PLAIN = (".txt", ".md")
"""Decoded here, not in a worker: decoding is linear in a size already capped, and a corpus of
plain text (the seeds, the benchmark) then pays nothing for the worker."""


def read_report(path: Path, max_bytes: int = MAX_BYTES, seconds: float | None = None) -> str:
    """The text of one report file, or SkippedFile saying why not. A file that needs a parser
    (.docx .pdf .html) is parsed in a worker process killed after `seconds` (default PARSE_SECONDS)."""
    suffix = _checked(path, max_bytes, SUPPORTED)
    if suffix in PLAIN:
        return parse_file(str(path))
    from .sandbox import run_bounded

    return run_bounded("retrieval.readers:parse_file", str(path), PARSE_SECONDS if seconds is None else seconds)


def read_paragraphs(path: Path, max_bytes: int | None = None, seconds: float | None = None) -> list[list[str]]:
    """[style name, text] of every paragraph of a .docx (a draft edited in Word/WPS, read back), with
    the checks and the worker budgets of an import: size, inflation, PARSE_SECONDS, memory, MAX_TEXT
    characters."""
    _checked(path, max_bytes or MAX_BYTES, (".docx",))
    from .sandbox import run_bounded

    return run_bounded("retrieval.readers:docx_paragraphs", str(path), PARSE_SECONDS if seconds is None else seconds)


def _checked(path: Path, max_bytes: int, suffixes: tuple[str, ...]) -> str:
    """The file's suffix, once it is a regular, non-empty file of a supported type within the size."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise SkippedFile("不是普通文件")
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        raise SkippedFile(f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {' '.join(suffixes)}")
    if not path.is_file():
        raise SkippedFile("文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise SkippedFile("空文件")
    if size > max_bytes:
        raise SkippedFile(f"文件过大（{size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB）")
    return suffix


def parse_file(name: str) -> str:
    """The text of a file already checked by read_report (in the worker process, but for plain text)."""
    path = Path(name)
    reader = {".txt": _read_text, ".md": _read_text, ".docx": _read_docx, ".pdf": _read_pdf,
              ".html": _read_html, ".htm": _read_html}[path.suffix.lower()]
    text = reader(path)
    if not text.strip():
        raise SkippedFile("文件里没有文字")
    if len(text) > MAX_TEXT:
        raise SkippedFile(f"文字过多（超过 {MAX_TEXT // 10000} 万字），不像一份报告")
    return text


def decode_text(data: bytes) -> str:
    """UTF-8 first, then GB18030 (older Chinese Windows files); binary data is refused."""
    if b"\x00" in data[:4096]:
        raise SkippedFile("这是二进制文件，不是文本（扩展名可能写错了）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SkippedFile("无法识别文字编码（不是 UTF-8 或 GB18030）")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > 0.05 * min(len(text), 4096):
        raise SkippedFile("这是二进制文件，不是文本（扩展名可能写错了）")
    return text


def _read_text(path: Path) -> str:
    return decode_text(path.read_bytes())


def check_zip(path: Path) -> None:
    """Inflate every part (without keeping it) and count the bytes that really come out: the
    sizes a zip declares are not trusted. Refused above MAX_UNZIPPED or MAX_RATIO."""
    budget = min(MAX_UNZIPPED, MAX_RATIO * path.stat().st_size)
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                with zf.open(info) as part:
                    while chunk := part.read(1 << 20):
                        total += len(chunk)
                        if total > budget:
                            raise SkippedFile(f"Word 文件解压后过大（超过 {budget / 1e6:.0f} MB：上限 "
                                              f"{MAX_UNZIPPED // 2**20} MB 或文件大小的 {MAX_RATIO} 倍），疑似压缩炸弹")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise SkippedFile("Word 文件已损坏或不是 .docx（无法解压）") from None


def _read_docx(path: Path) -> str:
    check_zip(path)
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise SkippedFile(f"Word 文件已损坏：{type(exc).__name__}") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def docx_paragraphs(name: str) -> list[list[str]]:
    """[style name, text] of every paragraph of a .docx, in the worker (see read_paragraphs)."""
    path = Path(name)
    check_zip(path)
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise SkippedFile(f"Word 文件已损坏：{type(exc).__name__}，请确认是 .docx 格式") from None
    paragraphs, size = [], 0
    for paragraph in document.paragraphs:
        paragraphs.append([paragraph.style.name if paragraph.style is not None else "", paragraph.text])
        size += len(paragraph.text)
        if size > MAX_TEXT:
            raise SkippedFile(f"文字过多（超过 {MAX_TEXT // 10000} 万字），不像一份报告")
    return paragraphs


def _read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise SkippedFile(f"PDF 页数过多（{len(reader.pages)} 页，上限 {MAX_PDF_PAGES}）")
        pages, size = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_TEXT:
                raise SkippedFile(f"PDF 文字过多（超过 {MAX_TEXT // 10000} 万字），不像一份报告")
        text = "\n".join(pages)
    except (SkippedFile, MemoryError):
        raise
    except LimitReachedError:
        raise SkippedFile("PDF 内容超出安全上限（解压后过大），已跳过") from None
    except Exception as exc:  # pypdf raises many kinds for a damaged or hostile file
        raise SkippedFile(f"PDF 文件已损坏或无法解析：{type(exc).__name__}") from None
    if not text.strip():
        raise SkippedFile("PDF 没有文字层（可能是扫描件），请先做文字识别再导入")
    return text


def _read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(path.read_bytes()), "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "iframe", "form"]):
        tag.decompose()
    return soup.get_text("\n")
