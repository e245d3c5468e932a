"""One small seam over the two databases we keep state in: SQLite (stdlib sqlite3, the default,
one file per store under the data directory) and PostgreSQL (psycopg 3 with a small connection
pool, when REPORTDRAFT_DATABASE_URL names one, so several app instances share drafts and catalog).

Statements are written once with `?` placeholders and standard SQL (ON CONFLICT upserts); only the
schema differs per database, in numbered migrations. Each store records the migrations it has run
in `schema_versions`, and runs the missing ones in order at start, under a lock, in one
transaction: a failed migration changes nothing.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
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
    db = PostgresDatabase(str(where), timeout=timeout) if is_postgres(where) else SQLiteDatabase(Path(where))
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

    def one(self, sql: str, params=()):
        with self.transaction() as tx:
            return tx.one(sql, params)

    def all(self, sql: str, params=()) -> list:
        with self.transaction() as tx:
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
        self._conn.close()


def _to_psycopg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    """A small pool of connections, checked before use, so a database that restarts is found
    again; every failure to reach it becomes DatabaseUnavailable with the URL shown without its
    password."""

    kind = "postgres"

    def __init__(self, url: str, size: int = 8, timeout: float = 10.0) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self.where = safe_url(self.url)
        try:  # one plain connection first: its error says what is wrong (refused, password, no such database)
            psycopg.connect(self.url, connect_timeout=max(1, int(timeout))).close()
        except psycopg.Error as exc:
            raise self.unavailable(exc) from None
        self.pool = ConnectionPool(self.url, min_size=1, max_size=size, timeout=timeout, open=False,
                                   check=ConnectionPool.check_connection, kwargs={"connect_timeout": int(timeout)})
        try:
            self.pool.open(wait=True, timeout=timeout)
        except Exception as exc:
            self.pool.close()
            raise self.unavailable(exc) from None

    def unavailable(self, exc: Exception) -> DatabaseUnavailable:
        lines = [line.strip() for line in str(exc).replace(self.url, self.where).splitlines() if line.strip()]
        # psycopg: "connection failed: connection to server at …, port … failed: FATAL:  the reason"
        reason = (lines[0].rsplit("failed: ", 1)[-1] if lines else "") or type(exc).__name__
        return DatabaseUnavailable(f"无法连接数据库 {self.where}：{reason}。"
                                   "请确认 PostgreSQL 在运行，并检查 REPORTDRAFT_DATABASE_URL 中的主机、端口、库名、用户和密码。")

    @contextmanager
    def _connection(self):
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            with self.pool.connection() as conn:
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise self.unavailable(exc) from None

    @contextmanager
    def transaction(self, exclusive: bool = False, lock_key: str = "catalog-write"):
        with self._connection() as conn, conn.transaction(), conn.cursor() as cursor:
            if exclusive:
                # Writers queue here, so sequence numbers are committed in the order they were taken.
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(lock_key.encode()),))
            yield Tx(cursor, _to_psycopg)

    @contextmanager
    def snapshot(self):
        with self._connection() as conn, conn.transaction(), conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield Tx(cursor, _to_psycopg, conn)

    def close(self) -> None:
        self.pool.close()


def safe_url(url: str) -> str:
    """The URL as it may be shown: user, host, port and database, never the password."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "（无法解析的数据库地址）"
    user = f"{parts.username}:***@" if parts.password else (f"{parts.username}@" if parts.username else "")
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


class _Result:
    def __init__(self, rows: list, rowcount: int) -> None:
        self._rows, self.rowcount = rows, rowcount

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list:
        return self._rows


class PostgresConnection:
    """What code written for a sqlite3 connection expects — execute(), `with conn:` as one
    transaction — over the PostgreSQL pool. A transaction belongs to the thread that opened it."""

    def __init__(self, db: PostgresDatabase) -> None:
        self.db = db
        self._local = threading.local()

    def execute(self, sql: str, params=()):
        tx = getattr(self._local, "tx", None)
        if tx is not None:
            tx.run(sql, params)
            return tx.cursor
        with self.db.transaction() as tx:
            tx.run(sql, params)
            return _Result(tx.cursor.fetchall() if tx.cursor.description else [], tx.cursor.rowcount)

    def __enter__(self):
        context = self.db.transaction()
        self._local.tx = context.__enter__()
        self._local.context = context
        return self

    def __exit__(self, *exc) -> bool:
        context = self._local.context
        self._local.tx = self._local.context = None
        return bool(context.__exit__(*exc))

    def close(self) -> None:
        self.db.close()
