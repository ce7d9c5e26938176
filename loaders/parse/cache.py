"""Parses kept by passage hash, so that re-extracting a corpus never parses a passage twice.

One SQLite file per parser version under the cache directory; several extraction processes
may read and write it at once (WAL). `IRKG_PARSE_CACHE=off` disables it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

_CHUNK = 500  # keys per SELECT (SQLite's variable limit is far above it)


def passage_key(lang: str, text: str) -> bytes:
    return hashlib.blake2b(f"{lang}\0{text}".encode(), digest_size=16).digest()


class ParseCache:
    """A key -> parse (JSON text) store; a missing or unusable file only makes it a no-op."""

    def __init__(self, path: Path | None):
        self.db: sqlite3.Connection | None = None
        if path is None or os.environ.get("IRKG_PARSE_CACHE") == "off":
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS parses (k BLOB PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
        except sqlite3.Error:
            self.db = None  # a read-only or broken cache costs speed, never correctness

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, str]:
        if self.db is None:
            return {}
        keys = list(dict.fromkeys(keys))
        out: dict[bytes, str] = {}
        try:
            for i in range(0, len(keys), _CHUNK):
                part = keys[i:i + _CHUNK]
                marks = ",".join("?" * len(part))
                out.update(self.db.execute(f"SELECT k, v FROM parses WHERE k IN ({marks})", part).fetchall())
        except sqlite3.Error:
            return out
        return out

    def put_many(self, items: dict[bytes, str]) -> None:
        if self.db is None or not items:
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO parses (k, v) VALUES (?, ?)", items.items())
            self.db.execute("COMMIT")
        except sqlite3.Error:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
