"""Read an earlier report from disk into plain text: .txt .md .docx .pdf .html.

Each reader raises SkippedFile with a one-line reason for a user's mistake (empty, corrupt,
binary, too large); nothing here writes anywhere.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import SkippedFile

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_PDF_PAGES = 300


def read_report(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of one report file, or SkippedFile saying why not."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise SkippedFile(f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 {' '.join(SUPPORTED)}")
    if path.is_symlink() or not path.is_file():
        raise SkippedFile("不是普通文件")
    size = path.stat().st_size
    if size == 0:
        raise SkippedFile("空文件")
    if size > max_bytes:
        raise SkippedFile(f"文件过大（{size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB）")
    reader = {".txt": _read_text, ".md": _read_text, ".docx": _read_docx, ".pdf": _read_pdf,
              ".html": _read_html, ".htm": _read_html}[suffix]
    text = reader(path)
    if not text.strip():
        raise SkippedFile("文件里没有文字")
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
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > MAX_UNZIPPED:
                raise SkippedFile(f"Word 文件解压后过大（{total / 1e6:.0f} MB），疑似压缩炸弹")
    except zipfile.BadZipFile:
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


def _read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise SkippedFile(f"PDF 页数过多（{len(reader.pages)} 页，上限 {MAX_PDF_PAGES}）")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except SkippedFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SkippedFile(f"PDF 文件已损坏：{type(exc).__name__}") from None
    if not text.strip():
        raise SkippedFile("PDF 没有文字层（可能是扫描件），请先做文字识别再导入")
    return text


def _read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(path.read_bytes()), "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "iframe", "form"]):
        tag.decompose()
    return soup.get_text("\n")
