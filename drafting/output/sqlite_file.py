"""The draft store's SQLite file: opened in write-ahead-log mode, set aside (never deleted) when it
cannot be read, and migrated in place up to SCHEMA_VERSION (`PRAGMA user_version`) when older; and
sqlite and file errors said as a DraftingError, with what to do."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from drafting.errors import DraftingError
from retrieval.errors import storage_errors

from .names import default_name
from .schema import MIGRATIONS, SCHEMA_VERSION, TABLES


def storage(failed: str):
    """sqlite and file errors as a DraftingError: what failed, why, and what to do."""
    return storage_errors(failed, (sqlite3.Error, OSError), DraftingError)


def open_or_set_aside(path: Path) -> tuple[sqlite3.Connection, str]:
    """The database at `path`, and a notice for the user: '' unless a damaged file was set aside."""
    try:
        return _open(path), ""
    except sqlite3.OperationalError:
        raise  # cannot open or write (read-only, full, locked): not a damaged file
    except sqlite3.DatabaseError:
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        path.rename(aside)
        return _open(path), f"草稿数据库已损坏，已另存为 {aside.name}，并新建了一个空数据库。"


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, check_same_thread=False, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(TABLES)
    db.execute("SELECT COUNT(*) FROM drafts").fetchone()
    _migrate(db)
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Bring an older database up to SCHEMA_VERSION, one step at a time, each in one transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0] or 1
    if version > SCHEMA_VERSION:
        raise DraftingError(f"草稿数据库来自更新版本的工具（结构版本 {version}），请升级后再打开。")
    for step in range(version + 1, SCHEMA_VERSION + 1):
        with db:
            for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {step}")
    if version < 2:
        _name_unnamed(db)


def _name_unnamed(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT id, org, year, report_type FROM drafts WHERE name = ''").fetchall()
    with db:
        for draft_id, *fields in rows:
            db.execute("UPDATE drafts SET name=? WHERE id=?", (default_name(*fields), draft_id))
