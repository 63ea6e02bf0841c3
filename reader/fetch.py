"""Fetch web pages as evidence: saved once, with where and when they came from.

A fact-checker who compares two URLs must later be able to say what was on each page
and when. So a fetched page is never only held in memory: its bytes are written to
the user's data directory (`pages/`, see `reader.datadir`), named by the URL asked for and
the SHA-256 of the bytes, next to a JSON record of the URL asked for, the final URL, every
redirect, the retrieval time and the hash. The saved file is then read like any saved
HTML page (or text dump), so everything downstream is unchanged.

urllib3 is the client (already installed with trafilatura): explicit timeouts, a
streamed body cut at the size limit, redirects followed by hand so that each hop is
recorded and only http(s) targets are followed.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.datadir import data_dir, write_atomic
from reader.ingest import DEFAULT_MAX_BYTES, decode, looks_binary, sniff_html
from reader.model import Article

USER_AGENT = f"reader/{__version__} (news story comparison for fact-checking)"
CONNECT_TIMEOUT = 10.0  # seconds to open the connection
READ_TIMEOUT = 30.0  # seconds of silence from the server
DEADLINE = 120.0  # seconds for the whole download, so a trickling server cannot hang us
MAX_REDIRECTS = 10
PAGES = "pages"
_REDIRECTS = (301, 302, 303, 307, 308)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_CHUNK = 1 << 16
_SLUG_CHARS = re.compile(r"[^A-Za-z0-9.-]+")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


class FetchError(Exception):
    """A page that could not be fetched; str() is one line naming the URL and why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class Page:
    """A fetched page as saved: `path` is the file to read, the rest is its provenance."""

    url: str  # as the user gave it
    final_url: str  # after redirects
    retrieved_at: str  # ISO 8601 UTC, when these exact bytes were first fetched from `url`
    last_checked_at: str  # when they were last fetched again, unchanged
    sha256: str  # of the bytes as received (after transfer encoding)
    size: int
    status: int
    content_type: str
    path: str  # the saved file (UTF-8 when the server declared another charset)
    redirects: list[dict] = field(default_factory=list)  # {status, from, to} per hop
    original: str | None = None  # the bytes as received, when `path` holds a transcoding

    def to_dict(self) -> dict:
        return asdict(self)


def is_url(arg: str) -> bool:
    """True for the arguments that name a web page rather than a file."""
    return arg[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES, *, connect_timeout: float = CONNECT_TIMEOUT,
          read_timeout: float = READ_TIMEOUT, deadline: float = DEADLINE) -> Page:
    """Download `url`, save it with its record, and return the record; FetchError otherwise."""
    import urllib3

    http = urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                 "text/plain;q=0.9,*/*;q=0.1", "Accept-Encoding": "gzip, deflate"},
        timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout), retries=False)
    try:
        current, redirects = _check_url(url, url), []
        started = time.monotonic()
        while True:
            response = _request(http, url, current)
            if response.status in _REDIRECTS and response.headers.get("Location"):
                target = _check_url(url, urljoin(current, response.headers["Location"]))
                _discard(response)
                redirects.append({"status": response.status, "from": current, "to": target})
                if len(redirects) > MAX_REDIRECTS:
                    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a loop?)")
                current = target
                continue
            break
        try:
            body = _body(url, response, max_bytes, started + deadline, read_timeout)
        finally:
            response.release_conn()
    finally:
        http.clear()
    return _save(url, current, redirects, response.status,
                 response.headers.get("Content-Type", ""), body)


def _check_url(asked: str, url: str) -> str:
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # a bad port or bracket raises here
    except ValueError:
        raise FetchError(asked, f"not a valid address: {url}") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise FetchError(asked, f"not an http(s) address: {url}")
    return url


def _request(http, asked: str, url: str):
    """One GET without following redirects; transport failures become one plain line."""
    import urllib3.exceptions as ue

    try:
        response = http.request("GET", url, redirect=False, preload_content=False)
    except ue.MaxRetryError as exc:
        raise FetchError(asked, _transport_reason(exc.reason)) from None
    except (ue.HTTPError, OSError) as exc:
        raise FetchError(asked, _transport_reason(exc)) from None
    if response.status >= 400:
        reason = response.reason or "error"
        _discard(response)
        raise FetchError(asked, f"the server answered {response.status} {reason}"
                         + (f" (at {url})" if url != asked else ""))
    return response


def _discard(response) -> None:
    """Hang up on a response whose body we do not want (a redirect's, an error page's):
    its unread bytes must not be taken for the next response on the connection."""
    response.close()
    response.release_conn()


def _transport_reason(exc: object) -> str:
    import urllib3.exceptions as ue

    if isinstance(exc, ue.NameResolutionError):
        return "no such host (the name does not resolve; check the address and the network)"
    if isinstance(exc, (ue.NewConnectionError, ConnectionRefusedError)):
        text = str(exc).lower()
        if "refused" in text:
            return "could not connect (connection refused)"
        return "could not connect (check the address and the network)"
    if isinstance(exc, ue.ConnectTimeoutError):
        return "timed out while connecting"
    if isinstance(exc, ue.ReadTimeoutError):
        return "timed out: the server stopped sending"
    if isinstance(exc, ue.SSLError):
        return f"secure connection failed ({exc})"
    if isinstance(exc, ue.LocationParseError):
        return "not a valid address"
    return f"connection failed ({type(exc).__name__})"


def _body(url: str, response, max_bytes: int, deadline: float, read_timeout: float) -> bytes:
    """The decoded body, refused past `max_bytes` or the overall deadline."""
    import urllib3.exceptions as ue

    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large ({_mb(int(declared))}; the limit is {_mb(max_bytes)},"
                         " raise it with --max-size)")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = response.read(_CHUNK, decode_content=True)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"too large (more than the limit of {_mb(max_bytes)}; "
                                 "raise it with --max-size)")
            if time.monotonic() > deadline:
                raise FetchError(url, "timed out: the download took too long")
    except ue.ReadTimeoutError:
        raise FetchError(url, f"timed out: the server sent nothing for {read_timeout:g} s") from None
    except (ue.HTTPError, OSError) as exc:
        raise FetchError(url, f"the download broke off ({type(exc).__name__})") from None
    return b"".join(chunks)


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB"


def _save(url: str, final_url: str, redirects: list[dict], status: int, content_type: str,
          body: bytes) -> Page:
    """Write the page and its record (atomically) and return the record."""
    mime = content_type.split(";", 1)[0].strip().lower()
    if not body.strip():
        raise FetchError(url, "the server sent an empty page")
    if looks_binary(body[:8192]):
        raise FetchError(url, f"not a web page or text (content type {mime or 'not given'}, "
                         "binary content)")
    if mime in _HTML_TYPES:
        suffix = ".html"
    elif mime in _TEXT_TYPES:
        suffix = ".txt"
    elif not mime:
        suffix = ".html" if sniff_html(body[:4096].decode("latin-1")) else ".txt"
    else:
        raise FetchError(url, f"not a web page or text (content type {mime})")
    sha = hashlib.sha256(body).hexdigest()
    folder = data_dir(PAGES)
    # one file per address asked for and content: the same bytes reached from two
    # addresses (a redirect, a query string) keep both records
    asked = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    stem = os.path.join(folder, f"{_slug(url)}-{asked}-{sha[:12]}")
    saved, original = _as_utf8(body, content_type), None
    if saved is not body:
        original = stem + ".orig"
        if not os.path.exists(original):
            write_atomic(original, body)
    path = stem + suffix
    if not os.path.exists(path):
        write_atomic(path, saved)
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    previous = _load_record(stem + ".json")
    first = previous.retrieved_at if previous is not None else now
    page = Page(url, final_url, first, now, sha, len(body), status, content_type, path,
                redirects, original)
    write_atomic(stem + ".json", json.dumps(page.to_dict(), indent=1).encode("utf-8"))
    return page


def _slug(url: str) -> str:
    """A readable file name from the URL: host and path, safe characters, short."""
    parts = urlsplit(url)
    raw = (parts.hostname or "page") + parts.path.rstrip("/")
    return _SLUG_CHARS.sub("_", raw).strip("._-")[:60] or "page"


def _as_utf8(body: bytes, content_type: str) -> bytes:
    """The body re-encoded as UTF-8 when the server declared a charset that reader's own
    detection would not pick (e.g. KOI8-R, Shift-JIS); else the body itself."""
    match = _CHARSET.search(content_type)
    if not match:
        return body
    try:
        codec = codecs.lookup(match.group(1)).name
        declared = body.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return body  # a wrong or unknown label: trust detection instead
    if codec == "utf-8" or decode(body)[0] == declared:
        return body
    return declared.encode("utf-8")


def _load_record(path: str) -> Page | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return Page(**json.load(fh))
    except (OSError, ValueError, TypeError):
        return None


def resolve(paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES,
            on_fetch: Callable[[str], None] | None = None) -> tuple[list[str], list[str]]:
    """The user's arguments with each URL replaced by its saved page, and one line per
    URL that could not be fetched."""
    out, failed = [], []
    for arg in paths:
        if not is_url(arg):
            out.append(arg)
            continue
        if on_fetch:
            on_fetch(arg)
        try:
            out.append(fetch(arg, max_bytes).path)
        except FetchError as exc:
            failed.append(str(exc))
    return out, failed


def page_record(path: str) -> Page | None:
    """The record of a saved page when `path` is one (else None), so exports name the URL
    and the retrieval time whenever the page is read, now or later. Costs no system call
    for a path outside the pages folder (this runs for every file loaded)."""
    full = os.path.abspath(path)
    if os.path.dirname(full) != os.path.abspath(data_dir(PAGES, create=False)):
        return None
    record = _load_record(os.path.splitext(full)[0] + ".json")
    if record is None or os.path.basename(record.path) != os.path.basename(full):
        return None
    return replace(record, path=full)  # the data directory may have moved since


def provenance_line(path: str) -> str | None:
    """'fetched from URL at TIME ...' for a saved page, else None: what an export says."""
    page = page_record(path)
    if page is None:
        return None
    moved = f" (redirected to {page.final_url})" if page.final_url != page.url else ""
    return (f"fetched from {page.url}{moved} at {page.retrieved_at}, SHA-256 {page.sha256}")


def label_fetched(article: Article) -> None:
    """A saved page's article is labelled with the address it was fetched from (what the
    page itself says, a canonical link or nothing, is not evidence of that)."""
    page = page_record(article.path)
    if page is not None:
        article.url = page.final_url
