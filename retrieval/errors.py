"""Named errors of retrieval; the CLI and the app turn them into messages."""

from collections.abc import Iterator
from contextlib import contextmanager


class RetrievalError(Exception):
    """The index cannot be opened or searched; the message says what to do."""


class SkippedFile(Exception):
    """A file that cannot be imported; the message is the reason, in one line."""


def storage_reason(exc: BaseException) -> str:
    """Why writing to the data directory failed, in words the user can act on."""
    import errno

    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text or "no space" in text:
        return "磁盘已满，请清理磁盘空间后重试"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return "数据目录只读或没有写入权限，请用 --db 或 REPORTDRAFT_DB 指定一个可写的目录"
    if "disk i/o error" in text:
        return "磁盘读写出错（磁盘可能已满或有故障），请检查磁盘空间后重试"
    if "locked" in text:
        return "数据库正被另一个程序使用，请稍后重试"
    if "unable to open" in text:
        return "无法打开数据库文件，请确认数据目录存在且可写（--db 或 REPORTDRAFT_DB）"
    return f"{type(exc).__name__}: {exc}（请检查磁盘空间和数据目录的写入权限）"


@contextmanager
def storage_errors(failed: str, kinds: tuple = (OSError,), error: type[Exception] = RetrievalError) -> Iterator[None]:
    """Errors of `kinds` while reading or writing the data directory become `error`: what failed,
    why, and what to do — never a traceback."""
    try:
        yield
    except kinds as exc:
        raise error(f"{failed}：{storage_reason(exc)}。") from None
