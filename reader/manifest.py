"""`sources.toml`: a folder's own labels for its files (outlet, URL, date, title).

    [defaults]            # optional: applies to every file in the folder
    outlet = "Example Times"

    [files."004_story.txt"]
    outlet = "Reuters"
    url = "https://www.reuters.com/..."
    date = "2020-02-21"

Values from the manifest are what the user told us, so they override what the cleaner
found; keys other than the ones below are ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reader.model import Article

FIELDS = ("outlet", "url", "date", "title", "byline")


class ManifestError(Exception):
    """A manifest that cannot be parsed; str() is the user-facing reason."""


@dataclass
class Manifest:
    folder: str
    defaults: dict[str, str] = field(default_factory=dict)
    files: dict[str, dict[str, str]] = field(default_factory=dict)

    def labels_for(self, path: str) -> dict[str, str]:
        """Labels for a file: defaults, then its own entry (by path relative to the folder)."""
        rel = os.path.relpath(path, self.folder).replace(os.sep, "/")
        return {**self.defaults, **self.files.get(rel, {})}


def _clean_table(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ManifestError(f"{where} must be a table")
    return {k: str(v) for k, v in table.items() if k in FIELDS and isinstance(v, (str, int))}


def read_manifest(path: str) -> Manifest:
    import tomllib  # here, not at the top: most folders have no manifest (start-up cost)

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"cannot read it ({exc})") from None
    manifest = Manifest(os.path.dirname(os.path.abspath(path)))
    manifest.defaults = _clean_table(data.get("defaults", {}), "[defaults]")
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise ManifestError("[files] must be a table of file names")
    for name, table in files.items():
        manifest.files[name] = _clean_table(table, f'[files."{name}"]')
    return manifest


def apply_labels(article: Article, manifests: list[Manifest]) -> None:
    """Overlay manifest labels on an article; the nearest folder's manifest wins."""
    target = os.path.abspath(article.path)
    for manifest in sorted(manifests, key=lambda m: len(m.folder)):
        if target.startswith(manifest.folder + os.sep):
            for key, value in manifest.labels_for(target).items():
                setattr(article, key, value)
