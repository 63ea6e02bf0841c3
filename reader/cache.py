"""On-disk cache of cleaned articles and story sketches, so reopening a folder is instant.

One SQLite file in the user's cache directory (never next to the user's files;
`READER_CACHE_DIR` overrides the directory). Entries are keyed by the SHA-256 of a
file's raw bytes plus a version string: the cleaner's own source code for articles,
the sketch parameters for sketches. An edited file has a new hash, so only its entry
misses; a new cleaner misses everything. The cache is an accelerator, never a source
of failure: a corrupt file is replaced, a locked or unwritable one is bypassed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Article, Paragraph, Removed

if TYPE_CHECKING:  # numpy and the sketch code load only when sketches are used
    import numpy as np

CACHE_ENV = "READER_CACHE_DIR"
DB_NAME = "reader-cache.sqlite3"
# the code that turns bytes into an Article: the clean package and the modules it reads
_CLEANER_MODULES = ("ingest.py", "model.py", "lexicon.py")
# the code that turns two Articles into a comparison's pairs, drift and derivation verdict
_COMPARISON_CODE = ("compare.py", "comparison_model.py", "segment", "align", "drift",
                    "corpus/derivation.py")
# WAL with synchronous=NORMAL: a commit does not wait for the disk (a first launch writes
# every file's entry before its first screen), and a crash can lose recent entries but
# never corrupt the file
_SCHEMA = """
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS articles (sha TEXT, version TEXT, data BLOB, PRIMARY KEY (sha, version));
CREATE TABLE IF NOT EXISTS sketches (sha TEXT, version TEXT, data BLOB, n INTEGER,
                                     PRIMARY KEY (sha, version));
CREATE TABLE IF NOT EXISTS comparisons (a TEXT, b TEXT, version TEXT, data BLOB,
                                        PRIMARY KEY (a, b, version));
"""
_ERRORS = (sqlite3.Error, OSError)
_version: str | None = None
_comparison_version: str | None = None


def cache_dir() -> str:
    env = os.environ.get(CACHE_ENV)
    if env:
        return env
    from platformdirs import user_cache_dir

    return user_cache_dir("reader")


def _code_hash(names: tuple[str, ...], seed: str = "") -> str:
    """A hash of reader's own modules and packages named (relative to the package)."""
    digest = hashlib.sha256(seed.encode())
    here = Path(__file__).resolve().parent
    for name in names:
        path = here / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            if file.exists():
                digest.update(str(file.relative_to(here)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def cleaner_version() -> str:
    """A hash of the code that turns bytes into an Article: changing it invalidates articles."""
    global _version
    if _version is None:
        _version = _code_hash((*_CLEANER_MODULES, "clean"))
    return _version


def comparison_version() -> str:
    """A hash of the code from bytes to a comparison: changing any of it invalidates them."""
    global _comparison_version
    if _comparison_version is None:
        _comparison_version = _code_hash(_COMPARISON_CODE, cleaner_version())
    return _comparison_version


def article_to_dict(article: Article) -> dict[str, object]:
    """Everything the cleaner produced, except the path (the same bytes may live elsewhere)."""
    data: dict[str, object] = article.metadata()
    del data["path"]
    return data | {
        "text": article.text, "sha256": article.sha256,
        "paragraphs": [[p.text, p.start, p.end] for p in article.paragraphs],
        "removed": [[r.text, r.reason, r.start, r.end] for r in article.removed],
    }


def article_from_dict(data: dict, path: str) -> Article:
    return Article(**(data | {
        "path": path, "attribution": list(data["attribution"]),
        "paragraphs": [Paragraph(*p) for p in data["paragraphs"]],
        "removed": [Removed(*r) for r in data["removed"]],
    }))


class Cache:
    """The cache database; every method degrades to a miss / no-op if SQLite fails."""

    def __init__(self, directory: str | None = None) -> None:
        self.path = os.path.join(directory or cache_dir(), DB_NAME)
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = self._open()

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _open(self) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                os.makedirs(os.path.dirname(self.path), exist_ok=True)
                # one thread at a time, not always the same: the app's first file is read
                # by the thread that starts at launch, the rest by a load worker
                db = sqlite3.connect(self.path, timeout=0.5, check_same_thread=False)
                db.executescript(_SCHEMA)
                db.execute("SELECT count(*) FROM articles LIMIT 1").fetchone()
                return db
            except sqlite3.DatabaseError as exc:
                if attempt or "locked" in str(exc) or not os.path.exists(self.path):
                    return None
                self._discard()  # corrupt or not a database: start afresh
            except OSError:
                return None
        return None

    def _discard(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.remove(self.path + suffix)
            except OSError:
                pass

    def _run(self, sql: str, args: tuple) -> list[tuple]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, args).fetchall()
        except _ERRORS:
            self.close()  # locked or broken mid-run: carry on without the cache
            return []

    def get_article(self, sha: str, path: str) -> Article | None:
        rows = self._run("SELECT data FROM articles WHERE sha = ? AND version = ?",
                         (sha, cleaner_version()))
        article = None
        if rows:
            try:
                article = article_from_dict(json.loads(zlib.decompress(rows[0][0])), path)
            except (ValueError, KeyError, TypeError, zlib.error):
                article = None
        if article is None:
            self.misses += 1
        else:
            self.hits += 1
        return article

    def put_article(self, article: Article) -> None:
        if not article.sha256:
            return
        data = zlib.compress(json.dumps(article_to_dict(article)).encode("utf-8"), 1)
        self._run("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
                  (article.sha256, cleaner_version(), data))

    def get_sketch(self, sha: str) -> tuple[np.ndarray, int] | None:
        from reader.corpus.sketch import SKETCH_VERSION, sketch_from_bytes

        rows = self._run("SELECT data, n FROM sketches WHERE sha = ? AND version = ?",
                         (sha, SKETCH_VERSION))
        if not rows or len(rows[0][0]) % 8:
            return None
        return sketch_from_bytes(rows[0][0]), int(rows[0][1])

    def put_sketch(self, sha: str, values: np.ndarray, n: int) -> None:
        from reader.corpus.sketch import SKETCH_VERSION, sketch_to_bytes

        self._run("INSERT OR REPLACE INTO sketches VALUES (?, ?, ?, ?)",
                  (sha, SKETCH_VERSION, sketch_to_bytes(values), n))

    def get_comparison(self, a_sha: str, b_sha: str) -> dict | None:
        """What `put_comparison` stored for these two articles' bytes, or None."""
        rows = self._run("SELECT data FROM comparisons WHERE a = ? AND b = ? AND version = ?",
                         (a_sha, b_sha, comparison_version()))
        try:
            return json.loads(zlib.decompress(rows[0][0])) if rows else None
        except (ValueError, zlib.error):
            return None

    def put_comparison(self, a_sha: str, b_sha: str, data: dict) -> None:
        if a_sha and b_sha:
            self._run("INSERT OR REPLACE INTO comparisons VALUES (?, ?, ?, ?)",
                      (a_sha, b_sha, comparison_version(),
                       zlib.compress(json.dumps(data).encode("utf-8"), 1)))

    def commit(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
            except _ERRORS:
                self.close()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except _ERRORS:
                pass
            self._db = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.commit()
        self.close()
