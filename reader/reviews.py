"""A fact-checker's decisions on drift findings, kept across runs: confirmed or dismissed.

A finding's `id` is a hash of the two texts' content hashes, its kind and its two spans
(case- and space-folded), never its position in a list, so it is the same on every run
for the same two texts and survives re-alignment; the same finding twice in one pair
gets `-2`, `-3`. The id does not depend on which text is A: a swapped comparison sees
the same reviews. Reviews are stored per pair of texts, keyed by hashes of the texts as
read (so moving or renaming a file keeps them, and editing one shows which no longer
apply), in one SQLite file in the user's data directory. SQLite's transactions make each write
atomic and let two `reader` processes write at once; nothing is written next to the
source files.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from reader.datadir import data_dir
from reader.fetch import page_record

if TYPE_CHECKING:
    from reader.compare import Comparison
    from reader.drift import Drift
    from reader.model import Article

State = Literal["confirmed", "dismissed"]
STATES: tuple[State, ...] = ("confirmed", "dismissed")
DB_NAME = "reviews.sqlite3"
BUSY_SECONDS = 30.0  # how long a writer waits for another process's transaction
_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    pair TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, note TEXT NOT NULL,
    at TEXT NOT NULL, user TEXT NOT NULL, kind TEXT NOT NULL, a_text TEXT NOT NULL,
    b_text TEXT NOT NULL, a_path TEXT NOT NULL, b_path TEXT NOT NULL,
    PRIMARY KEY (pair, id));
CREATE INDEX IF NOT EXISTS reviews_paths ON reviews (a_path, b_path);
"""


class ReviewError(Exception):
    """A review that cannot be stored or found; str() is the user-facing line."""


@dataclass(frozen=True)
class Review:
    """One decision on one finding, with who made it, when and why."""

    id: str
    state: State
    note: str
    at: str  # ISO 8601 UTC
    user: str
    kind: str  # the finding, as it was when reviewed
    a_text: str
    b_text: str
    a_path: str  # where the texts were (see `location`)
    b_path: str

    def to_dict(self) -> dict[str, str]:
        return {"state": self.state, "note": self.note, "at": self.at, "user": self.user}


@dataclass(frozen=True)
class Finding:
    """A drift finding as a reviewer sees it: where it is (`pair` index, None for the
    article-level findings), what it is, its stable id and its review if any."""

    pair: int | None
    drift: Drift
    id: str
    review: Review | None


def content_key(article: Article) -> str:
    """A hash of the article's text as read (its body, or its whole text when it has no
    paragraphs): a page fetched again with new adverts or timestamps around the same
    article keeps its reviews; an edit to the article's words does not."""
    body = "\n\n".join(p.text for p in article.paragraphs) or article.text
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def location(article: Article) -> str:
    """Where a text came from, as reviews remember it: a fetched page's URL (each fetch of
    a changed page is a new file), else the file's absolute path."""
    page = page_record(article.path)
    return page.url if page is not None else os.path.abspath(article.path)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _ordered(a_key: str, b_key: str, a_text: str, b_text: str) -> tuple[str, str, str, str]:
    """The pair in one canonical order, so a swapped comparison names findings alike."""
    return (a_key, b_key, a_text, b_text) if a_key <= b_key else (b_key, a_key, b_text, a_text)


def pair_key(a_key: str, b_key: str) -> str:
    first, second, _, _ = _ordered(a_key, b_key, "", "")
    return f"{first}:{second}"


def finding_ids(a_key: str, b_key: str, drifts: list[Drift]) -> list[str]:
    """Stable ids for findings in reading order; repeats of one finding get -2, -3..."""
    seen: Counter[str] = Counter()
    out = []
    for d in drifts:
        first, second, a_text, b_text = _ordered(a_key, b_key, d.a_text, d.b_text)
        raw = "\0".join((first, second, d.kind, _fold(a_text), _fold(b_text)))
        base = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def findings(cmp: Comparison, store: ReviewStore | None = None) -> list[Finding]:
    """Every drift finding of a comparison (article-level first, then by pair), with
    its id and, given a store, its review."""
    located = [(None, d) for d in cmp.article_drift()]
    located += [(i, d) for i in range(len(cmp.pairs)) for d in cmp.drift(i)]
    a_key, b_key = content_key(cmp.a), content_key(cmp.b)
    ids = finding_ids(a_key, b_key, [d for _, d in located])
    stored = store.for_pair(a_key, b_key) if store is not None else {}
    return [Finding(where, d, fid, stored.get(fid)) for (where, d), fid in zip(located, ids)]


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ReviewStore:
    """The reviews database. Reading never creates it; the first write does."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or os.path.join(data_dir(create=False), DB_NAME)

    def _connect(self, write: bool) -> sqlite3.Connection | None:
        if not write and not os.path.exists(self.path):
            return None
        try:
            if write:
                os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            if write:
                conn.executescript(_SCHEMA)
            return conn
        except (sqlite3.Error, OSError) as exc:
            raise ReviewError(f"{self.path}: cannot open the reviews ({exc})") from None

    def _rows(self, sql: str, args: tuple) -> list[Review]:
        conn = self._connect(write=False)
        if conn is None:
            return []
        try:
            rows = conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise ReviewError(f"{self.path}: cannot read the reviews ({exc})") from None
        except sqlite3.Error as exc:
            raise ReviewError(f"{self.path}: cannot read the reviews ({exc})") from None
        finally:
            conn.close()
        return [Review(*row) for row in rows]

    def for_pair(self, a_key: str, b_key: str) -> dict[str, Review]:
        """The reviews of this pair of texts, by finding id."""
        rows = self._rows("SELECT id, state, note, at, user, kind, a_text, b_text, a_path, b_path"
                          " FROM reviews WHERE pair = ?", (pair_key(a_key, b_key),))
        return {r.id: r for r in rows}

    def by_location(self, a: str, b: str, not_pair: str) -> list[Review]:
        """Reviews made on these two locations (see `location`) when their content was
        different (either order): what an edit to either file left behind."""
        return self._rows(
            "SELECT id, state, note, at, user, kind, a_text, b_text, a_path, b_path FROM reviews"
            " WHERE pair != ? AND ((a_path = ? AND b_path = ?) OR (a_path = ? AND b_path = ?))"
            " ORDER BY at", (not_pair, a, b, b, a))

    def decide(self, cmp: Comparison, finding: Finding, state: State, note: str = "") -> Review:
        """Record (or replace) the decision on one finding, in one transaction."""
        if state not in STATES:
            raise ReviewError(f"unknown review state {state!r} (use {' or '.join(STATES)})")
        review = Review(finding.id, state, note, _now(), current_user(), finding.drift.kind,
                        finding.drift.a_text, finding.drift.b_text,
                        location(cmp.a), location(cmp.b))
        key = pair_key(content_key(cmp.a), content_key(cmp.b))
        self._write("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, review.id, review.state, review.note, review.at, review.user,
                     review.kind, review.a_text, review.b_text, review.a_path, review.b_path))
        return review

    def clear(self, cmp: Comparison, finding_id: str) -> bool:
        """Forget the decision on a finding; False when there was none."""
        key = pair_key(content_key(cmp.a), content_key(cmp.b))
        return self._write("DELETE FROM reviews WHERE pair = ? AND id = ?", (key, finding_id)) > 0

    def _write(self, sql: str, args: tuple) -> int:
        conn = self._connect(write=True)
        try:
            conn.execute("BEGIN IMMEDIATE")  # take the write lock now; others wait for it
            count = conn.execute(sql, args).rowcount
            conn.execute("COMMIT")
            return count
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise ReviewError(f"{self.path}: cannot save the review ({exc})") from None
        finally:
            conn.close()


def stale_reviews(cmp: Comparison, store: ReviewStore, live: list[Finding]) -> list[Review]:
    """Reviews that no longer apply: of this pair but of a finding it no longer has, or
    made on these paths before one of the files changed."""
    a_key, b_key = content_key(cmp.a), content_key(cmp.b)
    ids = {f.id for f in live}
    gone = [r for r in store.for_pair(a_key, b_key).values() if r.id not in ids]
    return gone + store.by_location(location(cmp.a), location(cmp.b), pair_key(a_key, b_key))
