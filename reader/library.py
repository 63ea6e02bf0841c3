"""Load files and folders into a Library of cleaned articles plus per-file errors."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from reader.ingest import (DEFAULT_MAX_BYTES, IngestError, list_inputs, read_bytes,
                           source_from_bytes)
from reader.manifest import Manifest, ManifestError, apply_labels, read_manifest
from reader.model import Article, LoadError, Source

if TYPE_CHECKING:
    from reader.cache import Cache

Progress = Callable[[int, int, str], None]  # (done, total, path)

SEEDS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")


@dataclass
class Library:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def default_paths() -> list[str]:
    """What `reader` opens with no argument: the bundled seeds."""
    return [SEEDS_DIR]


def clean_source(source: Source) -> Article:
    """clean(), with any cleaner failure turned into a user-facing IngestError.

    The cleaner is imported here, not at the top: compiling its rules costs about 0.1 s,
    which a start-up that finds every file in the cache should not pay."""
    from reader.clean import clean

    try:
        return clean(source)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a load
        raise IngestError(f"could not be cleaned ({type(exc).__name__}: {exc})") from None


def load_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES, cache: Cache | None = None
                 ) -> Article:
    """Read and clean one file; raises IngestError with a user-facing reason.

    The file is always read (its hash proves it unchanged); with a cache, decoding and
    cleaning are skipped for bytes seen before (bytes that were refused never got an
    entry, so a hit needs no checks either)."""
    data = read_bytes(path, max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    if cache is not None:
        hit = cache.get_article(sha256, path)
        if hit is not None:
            return hit
    article = clean_source(source_from_bytes(data, path, sha256))
    if cache is not None:
        cache.put_article(article)
    return article


Entry = Article | LoadError
COMMIT_EVERY = 200  # cached articles are committed in batches of this many files


def iter_entries(paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
                 cache: Cache | None = None) -> Iterator[tuple[int, int, Entry]]:
    """(files done, files in all, entry) for every listing error, bad manifest and file
    under `paths`, in listing order, as soon as each exists (so a UI can fill while a big
    folder loads); never raises for a bad file. With a cache, cleaned articles are stored
    and reused."""
    listing = list_inputs(paths)
    total = len(listing.files)
    for error in listing.errors:
        yield 0, total, error
    manifests: list[Manifest] = []
    for mpath in listing.manifests:
        try:
            manifests.append(read_manifest(mpath))
        except ManifestError as exc:
            yield 0, total, LoadError(mpath, str(exc))
    from reader.fetch import label_fetched

    try:
        for done, path in enumerate(listing.files, 1):
            try:
                article = load_article(path, max_bytes, cache)
            except IngestError as exc:
                yield done, total, LoadError(path, str(exc))
            else:
                apply_labels(article, manifests)
                label_fetched(article)
                yield done, total, article
            if cache is not None and done % COMMIT_EVERY == 0:
                cache.commit()
    finally:
        if cache is not None:
            cache.commit()


def load_library(paths: Sequence[str], progress: Progress | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, cache: Cache | None = None) -> Library:
    """Load every readable file under `paths`; unreadable ones become LoadErrors."""
    library = Library()
    for done, total, entry in iter_entries(paths, max_bytes, cache):
        if isinstance(entry, LoadError):
            library.errors.append(entry)
        else:
            library.articles.append(entry)
        if progress and done:
            progress(done, total, entry.path)
    return library
