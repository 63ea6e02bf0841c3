"""Load files and folders into a Library of cleaned articles plus per-file errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.clean import clean
from reader.ingest import DEFAULT_MAX_BYTES, IngestError, list_inputs, read_source
from reader.manifest import Manifest, ManifestError, apply_labels, read_manifest
from reader.model import Article, LoadError

Progress = Callable[[int, int, str], None]  # (done, total, path)

SEEDS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")


@dataclass
class Library:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def default_paths() -> list[str]:
    """What `reader` opens with no argument: the bundled seeds."""
    return [SEEDS_DIR]


def load_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and clean one file; raises IngestError with a user-facing reason."""
    source = read_source(path, max_bytes)
    try:
        return clean(source)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a load
        raise IngestError(f"could not be cleaned ({type(exc).__name__}: {exc})") from None


def load_library(paths: Sequence[str], progress: Progress | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Library:
    """Load every readable file under `paths`; unreadable ones become LoadErrors."""
    listing = list_inputs(paths)
    library = Library(errors=list(listing.errors))
    manifests: list[Manifest] = []
    for mpath in listing.manifests:
        try:
            manifests.append(read_manifest(mpath))
        except ManifestError as exc:
            library.errors.append(LoadError(mpath, str(exc)))
    total = len(listing.files)
    for done, path in enumerate(listing.files, 1):
        try:
            article = load_article(path, max_bytes)
        except IngestError as exc:
            library.errors.append(LoadError(path, str(exc)))
        else:
            apply_labels(article, manifests)
            library.articles.append(article)
        if progress:
            progress(done, total, path)
    return library
