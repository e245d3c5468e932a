"""The catalog's tables and how each version of them migrates, in SQLite and in PostgreSQL: documents
with their metadata and file hash, chunks with their text, jieba words, vector and a sequence number
that only grows, the version counter and the log of removed reports (catalog.py reads and writes
them)."""

from __future__ import annotations

from .database import Migration

MIGRATIONS = [
    Migration(1, "docs, chunks, state", sqlite="""
        CREATE TABLE IF NOT EXISTS docs (
            doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, org TEXT, short_name TEXT,
            region TEXT, year INTEGER, report_type TEXT, date TEXT, doc_number TEXT,
            particulars TEXT, added REAL);
        CREATE TABLE IF NOT EXISTS chunks (
            chunk_id TEXT PRIMARY KEY, doc TEXT, position INTEGER, role TEXT, heading TEXT,
            text TEXT, words TEXT);
        CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
        CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
        """, postgres="""
        CREATE TABLE docs (
            doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, org TEXT, short_name TEXT,
            region TEXT, year INTEGER, report_type TEXT, date TEXT, doc_number TEXT,
            particulars TEXT, added DOUBLE PRECISION);
        CREATE TABLE chunks (
            seq BIGSERIAL PRIMARY KEY, chunk_id TEXT UNIQUE, doc TEXT, position INTEGER,
            role TEXT, heading TEXT, text TEXT, words TEXT, vector BYTEA);
        CREATE INDEX chunks_doc ON chunks(doc);
        CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE removals (version BIGINT, doc TEXT);
        CREATE INDEX removals_version ON removals(version);
        """),
    # PostgreSQL support started with the second schema, so its first migration already holds it.
    Migration(2, "chunk sequence numbers and vectors, removals log", sqlite="""
        CREATE TABLE chunks_v2 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, chunk_id TEXT UNIQUE, doc TEXT, position INTEGER,
            role TEXT, heading TEXT, text TEXT, words TEXT, vector BLOB);
        INSERT INTO chunks_v2 (chunk_id, doc, position, role, heading, text, words)
            SELECT chunk_id, doc, position, role, heading, text, words FROM chunks ORDER BY rowid;
        DROP TABLE chunks;
        ALTER TABLE chunks_v2 RENAME TO chunks;
        CREATE INDEX chunks_doc ON chunks(doc);
        CREATE TABLE removals (version INTEGER, doc TEXT);
        CREATE INDEX removals_version ON removals(version);
        """, postgres=""),
    # docs.path holds the document's source (ImportedReport.source): identity is looked up by it.
    Migration(3, "document identity lookups", sqlite="""
        CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
        CREATE INDEX IF NOT EXISTS docs_sha ON docs(sha256);
        """, postgres="""
        CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
        CREATE INDEX IF NOT EXISTS docs_sha ON docs(sha256);
        """),
    # '' for the shared reports (the corpus, `reportdraft index`); an organisation for a report one of
    # its users uploaded, used for that organisation only (owners.py).
    Migration(4, "owner organisation of uploaded reports", sqlite="""
        ALTER TABLE docs ADD COLUMN owner TEXT NOT NULL DEFAULT ''
        """, postgres="""
        ALTER TABLE docs ADD COLUMN owner TEXT NOT NULL DEFAULT ''
        """),
]
