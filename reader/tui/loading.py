"""Load a library one entry at a time, so the list can fill while a big folder loads.

`reader.library.load_library` returns only when every file is read; the TUI needs each
article (or error) as soon as it exists. This generator walks the same core steps
(list_inputs, manifests, load_article, apply_labels) and yields as it goes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reader.cache import Cache
from reader.ingest import IngestError, list_inputs
from reader.library import load_article
from reader.manifest import Manifest, ManifestError, apply_labels, read_manifest
from reader.model import Article, LoadError

Entry = Article | LoadError
COMMIT_EVERY = 200  # cached articles are committed in batches of this many files


def iter_entries(paths: Sequence[str], max_bytes: int, cache: Cache | None = None
                 ) -> Iterator[tuple[int, int, Entry]]:
    """(files done, files in all, the entry) for every listing error, bad manifest and
    file under `paths`, in listing order; never raises for a bad file."""
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
    try:
        for done, path in enumerate(listing.files, 1):
            try:
                article = load_article(path, max_bytes, cache)
            except IngestError as exc:
                yield done, total, LoadError(path, str(exc))
            else:
                apply_labels(article, manifests)
                yield done, total, article
            if cache is not None and done % COMMIT_EVERY == 0:
                cache.commit()
    finally:
        if cache is not None:
            cache.commit()
