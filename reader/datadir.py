"""Where reader keeps what a user made and must not lose: fetched pages and reviews.

Unlike the cache (which can be rebuilt), this is the user's data directory
(`platformdirs.user_data_dir("reader")`, `~/.local/share/reader` on Linux);
`READER_DATA_DIR` moves it. Never next to the user's source files.
"""

from __future__ import annotations

import os

DATA_ENV = "READER_DATA_DIR"


def data_dir(*parts: str, create: bool = True) -> str:
    """The data directory (or a folder inside it), created on first use."""
    base = os.environ.get(DATA_ENV)
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("reader")
    path = os.path.join(base, *parts)
    if create:
        os.makedirs(path, exist_ok=True)
    return path


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` through a temp file in the same folder and a rename, so a
    reader never sees half a file and a crash leaves the old one."""
    import tempfile  # only writers pay for it, not the app's start-up

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".reader-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
