"""The draft store's tables (store.py) and how an older database is brought up to date: SQLite by
`PRAGMA user_version` and MIGRATIONS (run by sqlite_file.py), PostgreSQL by retrieval.database's
`schema_versions`."""

from __future__ import annotations

from retrieval.database import Migration

from .history import STEPS_TABLE

SCHEMA_VERSION = 3
"""1: drafts and versions; 2: name, owner, deleted on drafts; 3: steps (the draft after each action, for 撤销)."""
TABLES = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
    created REAL, updated REAL, body TEXT);
CREATE TABLE IF NOT EXISTS versions (
    draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT, reason TEXT, created REAL,
    PRIMARY KEY (draft_id, section_id, version));
"""
MIGRATIONS = {
    2: """
ALTER TABLE drafts ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN deleted REAL;
CREATE INDEX IF NOT EXISTS drafts_by_owner ON drafts (owner, deleted, updated);
""",
    3: STEPS_TABLE.format(real="REAL"),
}
POSTGRES_MIGRATIONS = [
    # PostgreSQL support started at schema 2: its first migration creates schema 2 whole.
    Migration(2, "drafts (with name, owner, deleted) and versions", sqlite="", postgres="""
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
            created DOUBLE PRECISION, updated DOUBLE PRECISION, body TEXT,
            name TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '', deleted DOUBLE PRECISION);
        CREATE TABLE versions (
            draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT, reason TEXT,
            created DOUBLE PRECISION, PRIMARY KEY (draft_id, section_id, version));
        CREATE INDEX drafts_by_owner ON drafts (owner, deleted, updated);
        """),
    Migration(3, "steps: the draft after each action, for 撤销", sqlite="",
              postgres=STEPS_TABLE.format(real="DOUBLE PRECISION")),
]
