"""One small seam over the two databases we keep state in: SQLite (stdlib sqlite3, the default,
one file per store under the data directory) and PostgreSQL (postgres.py: psycopg 3 with a small
connection pool, when REPORTDRAFT_DATABASE_URL names one, so several app instances share drafts
and catalog).

Statements are written once with `?` placeholders and standard SQL (ON CONFLICT upserts); only the
schema differs per database, in numbered migrations. Each store records the migrations it has run
in `schema_versions`, and runs the missing ones in order at start, under a lock, in one
transaction: a failed migration changes nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import RetrievalError, storage_errors

FAULTS = (sqlite3.OperationalError, OSError)  # a read-only or full data directory, not a bug


class DatabaseUnavailable(RetrievalError):
    """The database cannot be reached (or the URL is wrong); the message never holds the password."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: str
    postgres: str


def is_postgres(where) -> bool:
    return isinstance(where, str) and where.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def open_database(where: Path | str, component: str, migrations: list[Migration], timeout: float = 10.0) -> Database:
    """A SQLite file (a path) or a PostgreSQL database (a postgresql:// URL), migrated to the latest schema."""
    if is_postgres(where):
        from .postgres import PostgresDatabase

        db: Database = PostgresDatabase(str(where), timeout=timeout)
    else:
        db = SQLiteDatabase(Path(where))
    try:
        db.migrate(component, migrations)
    except BaseException:
        db.close()
        raise
    return db


class Tx:
    """Statements inside one transaction (or one snapshot)."""

    def __init__(self, cursor, convert, conn=None) -> None:
        self.cursor, self.convert, self.conn = cursor, convert, conn
        """conn: a PostgreSQL connection, whose large reads go through a server-side cursor."""

    def run(self, sql: str, params=()) -> None:
        self.cursor.execute(self.convert(sql), params)

    def many(self, sql: str, rows) -> None:
        self.cursor.executemany(self.convert(sql), rows)

    def one(self, sql: str, params=()):
        self.cursor.execute(self.convert(sql), params)
        return self.cursor.fetchone()

    def all(self, sql: str, params=()) -> list:
        self.cursor.execute(self.convert(sql), params)
        return self.cursor.fetchall()

    def stream(self, sql: str, params=(), size: int = 5000) -> Iterator:
        """Rows in batches: a large table is never held in memory at once."""
        if self.conn is None:
            self.cursor.execute(self.convert(sql), params)
            while batch := self.cursor.fetchmany(size):
                yield from batch
            return
        with self.conn.cursor(name="reportdraft_stream") as cursor:
            cursor.execute(self.convert(sql), params)
            while batch := cursor.fetchmany(size):
                yield from batch


class Database:
    kind = ""
    where = ""

    def transaction(self, exclusive: bool = False):
        raise NotImplementedError

    def snapshot(self):
        raise NotImplementedError

    def reading(self):
        """One read outside any transaction (each statement sees the latest commit)."""
        return self.transaction()

    def one(self, sql: str, params=()):
        with self.reading() as tx:
            return tx.one(sql, params)

    def all(self, sql: str, params=()) -> list:
        with self.reading() as tx:
            return tx.all(sql, params)

    def close(self) -> None:
        raise NotImplementedError

    def migrate(self, component: str, migrations: list[Migration]) -> None:
        with self.transaction(exclusive=True, lock_key=f"migrate:{component}") as tx:
            tx.run("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER)")
            row = tx.one("SELECT version FROM schema_versions WHERE component=?", (component,))
            current = row[0] if row else 0
            for step in migrations:
                if step.version > current:
                    self.run_script(tx, step.postgres if self.kind == "postgres" else step.sqlite)
                    current = step.version
            tx.run("INSERT INTO schema_versions VALUES (?, ?) ON CONFLICT (component) DO UPDATE "
                   "SET version = excluded.version", (component, current))

    def run_script(self, tx: Tx, script: str) -> None:
        for statement in (s.strip() for s in script.split(";")):
            if statement:
                tx.cursor.execute(statement)

    def schema_version(self, component: str) -> int:
        row = self.one("SELECT version FROM schema_versions WHERE component=?", (component,))
        return row[0] if row else 0


MAX_IDLE_READERS = 8


class SQLiteDatabase(Database):
    """One connection shared by the threads of a process (statements serialised by a lock; each
    takes milliseconds); write-ahead log, so other processes read while one writes."""

    kind = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = self.where = path
        self._lock = threading.RLock()
        with storage_errors(f"无法打开索引数据库 {path}", FAULTS):
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
        self._idle: list[sqlite3.Connection] = []

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def transaction(self, exclusive: bool = False, lock_key: str = ""):
        with self._lock, storage_errors(f"无法读写索引数据库 {self.path}", FAULTS):
            cursor = self._conn.cursor()
            cursor.execute("BEGIN IMMEDIATE" if exclusive else "BEGIN")
            try:
                yield Tx(cursor, str)
            except BaseException:
                self._conn.rollback()
                raise
            else:
                self._conn.commit()
            finally:
                cursor.close()

    @property
    def idle_readers(self) -> int:
        """Read connections kept for reuse (at most MAX_IDLE_READERS)."""
        return len(self._idle)

    @contextmanager
    def reading(self):
        """Reads on connections of their own, outside the writers' lock: under load every search
        checks the catalog's version, and those checks must not queue behind each other. Idle
        connections are kept for the next read (a few; threads come and go, connections stay)."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        conn = conn or self._connect()
        cursor = conn.cursor()
        try:
            yield Tx(cursor, str)
        finally:
            cursor.close()
            with self._lock:
                if len(self._idle) < MAX_IDLE_READERS:
                    self._idle.append(conn)
                    conn = None
            if conn is not None:
                conn.close()

    @contextmanager
    def snapshot(self):
        """A read transaction on a connection of its own: a long read blocks nobody."""
        conn = self._connect()
        try:
            cursor = conn.cursor()
            cursor.execute("BEGIN")
            yield Tx(cursor, str)
            conn.rollback()
        finally:
            conn.close()

    def close(self) -> None:
        with self._lock:
            for conn in [self._conn, *self._idle]:
                conn.close()
            self._idle.clear()
