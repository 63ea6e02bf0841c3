"""Read files and folders safely: decode, normalise, neutralise control characters.

Nothing here ever writes to a source file, blocks on a FIFO or device, or raises on a
bad file: callers get either a `Source` or a `LoadError` with one line saying why.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import LoadError, Source

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MANIFEST_NAME = "sources.toml"
STDIN = "-"  # as a path: standard input

# Bidi embeddings, overrides and isolates can reorder what a terminal shows.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"\x7fELF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"MZ", b"\x00asm", b"\xca\xfe\xba\xbe",
)


_LATIN_SINGLE_BYTE = re.compile(r"^(utf_8|ascii|latin_1|cp125[0247]|iso8859_(1[03-6]?|[2349])|mac_(roman|latin2|iceland)|cp850)$")


_NO_SUCH_FILE = "no such file (check the path; it may have been moved or deleted)"


class IngestError(Exception):
    """A file that cannot be read; str(error) is the user-facing reason."""


def _safe_char_table() -> dict[int, str]:
    """Map every control character to a visible one of the same length (offsets hold)."""
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in "\n\t":
            table[code] = chr(0x2400 + code)  # e.g. ESC -> U+241B SYMBOL FOR ESCAPE
    table[0x7F] = "\u2421"
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for ch in _BIDI_CONTROLS:
        table[ord(ch)] = "\ufffd"
    table[0xFEFF] = "\u200b"  # a BOM mid-text: keep the length, lose the meaning
    return table


_SAFE_TABLE = _safe_char_table()
# A terminal escape sequence (ECMA-48), 7-bit or 8-bit: a control sequence ("ESC[31m"),
# a string one (OSC "ESC]52;c;...", DCS, APC ...) to its terminator on the same line,
# or a short escape ("ESC(B"); no space inside, so a stray escape eats no word after
# it. Its payload is no text of the article.
_ESCAPE = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x21-\x2f]*[\x40-\x7e]"
                     r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
                     r"|\x1b[\x21-\x2f]*[\x30-\x7e]")
_MASK = "\u2591"  # LIGHT SHADE: one cell, no word, no number


def sanitize(text: str) -> str:
    """Normalise newlines and make control characters visible, one char for one char
    (after newline normalisation), so no article text can drive the terminal. An escape
    sequence shows as its escape's placeholder and a shade for the rest, so its
    parameters ("31m", a clipboard payload) are never read as words or numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    if "\x1b" in text or any(c in text for c in "\x90\x98\x9b\x9d\x9e\x9f"):
        text = _ESCAPE.sub(lambda m: m.group()[0] + _MASK * (len(m.group()) - 1), text)
    return text.translate(_SAFE_TABLE)


def looks_binary(head: bytes) -> bool:
    """True for known binary formats or NUL-heavy data that is not UTF-16."""
    if head.startswith(_BINARY_MAGIC):
        return True
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    nul = head.count(b"\x00")
    if nul == 0:
        return False
    # UTF-16 without BOM: NULs on one parity only.
    if _utf16_guess(head):
        return False
    return True


def _utf16_guess(head: bytes) -> str | None:
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    BOMs win; then UTF-16 by NUL pattern; then strict UTF-8; then cp1252, whose smart
    quotes are what Western legacy pages actually contain; latin-1 as the last resort.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    # before UTF-8: ASCII text in UTF-16 is valid UTF-8 (every other byte a NUL)
    guess = _utf16_guess(data[:4096]) if b"\x00" in data[:4096] else None
    if guess:
        return data.decode(guess, errors="replace"), guess
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        # Trust detection for other scripts (Cyrillic, Greek, Arabic, CJK...); among the
        # Latin single-byte code pages it cannot reliably tell them apart, and cp1252 is
        # what Western legacy pages actually use.
        if best is not None and not _LATIN_SINGLE_BYTE.match(best.encoding):
            return data.decode(best.encoding, errors="replace"), best.encoding.replace("_", "-")
    except Exception:  # noqa: BLE001 - detection is best effort; fall through to cp1252
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head[:512]


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file into a `Source`, or raise `IngestError` with a one-line reason."""
    return source_from_bytes(read_bytes(path, max_bytes), str(path))


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's raw bytes (or standard input's, for `-`), never blocking on FIFOs
    or devices; IngestError with a one-line reason otherwise."""
    p = os.fspath(path)  # not a Path: this runs once per file of a folder
    if p == STDIN:
        return _read_stdin(max_bytes)
    try:
        st = os.stat(p)  # follows symlinks; loops raise ELOOP
    except FileNotFoundError:
        raise IngestError(_NO_SUCH_FILE) from None
    except PermissionError:
        raise IngestError("permission denied (check the file's read permission)") from None
    except OSError as exc:
        raise IngestError(_os_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise IngestError("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = "FIFO" if stat.S_ISFIFO(st.st_mode) else "device or special file"
        raise IngestError(f"is a {kind}, not a regular file; skipped so reading cannot block")
    if st.st_size > max_bytes:
        raise IngestError(
            f"too large ({_human(st.st_size)}; the limit is {_human(max_bytes)}, "
            "raise it with --max-size)"
        )
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise IngestError("permission denied (check the file's read permission)") from None
    except OSError as exc:
        raise IngestError(_os_reason(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise IngestError("is not a regular file; skipped so reading cannot block")
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(1 << 20, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(_os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise IngestError(f"too large (grew past the limit of {_human(max_bytes)} while reading)")
    return data


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input's bytes, refused when a person would be left typing into it."""
    if sys.stdin is None or sys.stdin.closed:
        raise IngestError("standard input is closed: nothing to read")
    if sys.stdin.isatty():
        raise IngestError("standard input is a terminal: pipe the article in "
                          "(for example: cat story.txt | reader clean -)")
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(f"standard input cannot be read ({_os_reason(exc)})") from None
    if len(data) > max_bytes:
        raise IngestError(f"standard input is too large (over the limit of "
                          f"{_human(max_bytes)}, raise it with --max-size)")
    if not data:
        raise IngestError("standard input is empty: nothing to read")
    return data


def source_from_bytes(data: bytes, path: str, sha256: str | None = None) -> Source:
    """Decode and check raw bytes; `sha256`: their digest, if the caller has it already."""
    if looks_binary(data[:8192]):
        raise IngestError("looks like a binary file (not text or HTML); skipped")
    if not data:
        raise IngestError("is empty (0 bytes): nothing to read")
    text, encoding = decode(data)
    text = sanitize(text)
    if not text.strip():
        raise IngestError("contains only whitespace: nothing to read")
    kind = "html" if (Path(path).suffix.lower() in HTML_SUFFIXES or sniff_html(text)) else "text"
    return Source(path, text, encoding, len(data), sha256 or hashlib.sha256(data).hexdigest(),
                  kind)


def source_from_text(text: str, path: str = "<text>") -> Source:
    """Build a Source from an in-memory string (tests, benchmarks, stdin)."""
    return source_from_bytes(text.encode("utf-8"), path)


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop (the link points back at itself)"
    if exc.errno == errno.ENOENT:
        return _NO_SUCH_FILE
    if exc.errno == errno.EACCES:
        return "permission denied (check the file's read permission)"
    return exc.strerror or type(exc).__name__


def _human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


@dataclass
class FolderListing:
    """Candidate files of a folder walk, plus what was skipped and why."""

    files: list[str] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    manifests: list[str] = field(default_factory=list)


def list_inputs(paths: Iterable[str | os.PathLike[str]]) -> FolderListing:
    """Expand the user's paths into files to read, in a stable order.

    Folders are walked recursively (hidden entries skipped, symlinked dirs not followed);
    files named directly are always kept so that read_source reports their problem, and
    so is `-` (standard input). A folder with nothing to read is reported, not skipped
    in silence.
    """
    out = FolderListing()
    for raw in paths:
        if os.fspath(raw) == STDIN:
            out.files.append(STDIN)
            continue
        p = Path(raw)
        try:
            is_dir = p.is_dir()
        except OSError as exc:
            out.errors.append(LoadError(str(p), _os_reason(exc)))
            continue
        if not is_dir:
            out.files.append(str(p))
            sibling = p.parent / MANIFEST_NAME
            if sibling.is_file() and str(sibling) not in out.manifests:
                out.manifests.append(str(sibling))
            continue
        found = len(out.files)
        skipped = _walk(p, out)
        if len(out.files) == found:
            out.errors.append(LoadError(os.fspath(raw), _nothing_to_read(skipped)))
    return out


def _walk(folder: Path, out: FolderListing) -> int:
    """Add the folder's text files and manifests to `out`; the number of files skipped."""
    skipped = 0
    for root, dirs, files in os.walk(folder, onerror=lambda e: out.errors.append(
            LoadError(str(e.filename), _os_reason(e)))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            full = os.path.join(root, name)
            if name.startswith("."):
                skipped += 1
            elif name == MANIFEST_NAME:
                if full not in out.manifests:
                    out.manifests.append(full)
            elif os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:  # not Path: 3x faster
                out.files.append(full)
            else:
                skipped += 1
    return skipped


def _nothing_to_read(skipped: int) -> str:
    readable = ", ".join(sorted(s for s in TEXT_SUFFIXES if s))
    if not skipped:
        return "is a folder with no text or HTML files in it (it is empty)"
    files = "file" if skipped == 1 else "files"
    return (f"is a folder with no text or HTML files in it ({skipped} other {files} skipped: "
            f"reader reads {readable} and names without an extension, and skips hidden files)")
