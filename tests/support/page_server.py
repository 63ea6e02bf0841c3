"""A local web server on 127.0.0.1 for the fetch tests: good pages and every way a page
can go wrong (slow, huge, redirecting, looping, wrong type, non-UTF-8, 404).

It only ever listens on loopback and stops when the test's `with` block ends; nothing in
the suite touches the internet.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = ("<!doctype html><html><head><title>Harbour bridge reopens</title></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Harbour bridge reopens</h1>"
        "<p>The harbour bridge reopened on Tuesday after four months of repairs, the city "
        "council said in a statement.</p><p>About 12,000 vehicles crossed it in the first "
        "hour, according to the council, which had closed it after a crack was found in "
        "March.</p><p>\"We are relieved,\" said Mara Velde, who drives across it daily.</p>"
        "</article><footer>Copyright</footer></body></html>")
LATIN_PAGE = ("<html><head><title>Caf\u00e9 fermé</title></head><body><article>"
              "<p>Le caf\u00e9 de la place a fermé ses portes apr\u00e8s trente ans, a "
              "annonc\u00e9 son propri\u00e9taire \u00e0 la presse locale mardi.</p>"
              "<p>Les habitu\u00e9s regrettent d\u00e9j\u00e0 les croissants du matin et les "
              "longues discussions au comptoir.</p></article></body></html>")
CYRILLIC_PAGE = ("<html><head><title>Мост открыт</title></head><body><article>"
                 "<p>Мост через гавань снова открыт после четырёх месяцев ремонта, сообщил "
                 "городской совет во вторник.</p><p>По данным совета, в первый час по нему "
                 "проехали около двенадцати тысяч машин.</p></article></body></html>")
CZECH_PAGE = ("<html><head><title>Přístav</title></head><body><article>"
              "<p>Přístav v Ústí nad Labem se po čtyřech měsících oprav znovu otevřel, "
              "oznámila v úterý městská rada.</p><p>Během první hodiny jím podle rady "
              "projelo zhruba dvanáct tisíc aut.</p></article></body></html>")
SLOW_SECONDS = 3.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[dict]

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self.server.seen.append({"path": self.path, "agent": self.headers.get("User-Agent")})
        route = getattr(self, "route_" + self.path.strip("/").replace("-", "_"), None)
        if route is None:
            self._send(404, "text/html", b"<html><body>Not here</body></html>")
        else:
            route()

    def _send(self, status: int, ctype: str | None, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, status: int, to: str) -> None:
        self._send(status, "text/html", b"moved", {"Location": to})

    def route_page(self) -> None:
        self._send(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))

    def route_other(self) -> None:
        self._send(200, "text/html; charset=utf-8",
                   PAGE.replace("12,000", "21,000").replace("four", "five").encode("utf-8"))

    def route_restyled(self) -> None:  # the same article, new page furniture
        self._send(200, "text/html; charset=utf-8", PAGE.replace(
            "Home | World | Sport", "Home | Business | Weather | Live").replace(
            "Copyright", "Copyright 2031, all rights reserved").encode("utf-8"))

    def route_plain(self) -> None:
        self._send(200, "text/plain", b"A plain text dump of a page.\n\nIt has two paragraphs "
                   b"that say very little of interest to anyone.\n")

    def route_untyped(self) -> None:
        self._send(200, None, PAGE.encode("utf-8"))

    def route_gzipped(self) -> None:
        self._send(200, "text/html", gzip.compress(PAGE.encode("utf-8")),
                   {"Content-Encoding": "gzip"})

    def route_latin(self) -> None:
        self._send(200, "text/html; charset=iso-8859-1", LATIN_PAGE.encode("latin-1"))

    def route_cyrillic(self) -> None:
        self._send(200, "text/html; charset=koi8-r", CYRILLIC_PAGE.encode("koi8-r"))

    def route_czech(self) -> None:
        self._send(200, "text/html; charset=iso-8859-2", CZECH_PAGE.encode("iso-8859-2"))

    def route_image(self) -> None:
        self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200))

    def route_lying(self) -> None:  # says HTML, sends a PNG
        self._send(200, "text/html", b"\x89PNG\r\n\x1a\n" + bytes(200))

    def route_empty(self) -> None:
        self._send(200, "text/html", b"")

    def route_huge(self) -> None:  # announces its size
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 << 20))
        self.end_headers()

    def route_endless(self) -> None:  # no length given, keeps sending
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(200):  # 200 x 64 KB, well past the tests' limit
                self.wfile.write(b"<p>" + b"x" * 65_530 + b"</p>")
        except OSError:
            pass  # the client hung up, as it should

    def route_slow(self) -> None:  # headers at once, then silence
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.flush()
        time.sleep(SLOW_SECONDS)
        try:
            self.wfile.write(PAGE.encode())
        except OSError:
            pass

    def route_trickle(self) -> None:  # a byte at a time, never silent for long
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        try:
            for char in PAGE.encode():
                self.wfile.write(bytes([char]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def route_hop(self) -> None:
        self._redirect(302, "/moved")

    def route_moved(self) -> None:
        self._redirect(301, "page")  # relative

    def route_loop(self) -> None:
        self._redirect(302, "/loop")

    def route_to_ftp(self) -> None:
        self._redirect(302, "ftp://127.0.0.1/file")

    def route_gone(self) -> None:
        self._send(410, "text/html", b"gone")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client hanging up mid-page is what several tests want


@contextmanager
def serve() -> Iterator[tuple[str, list[dict]]]:
    """(base URL, log of requests) of a server on a free loopback port, for one block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.seen
    finally:
        server.shutdown()
        server.server_close()


def refused_url() -> str:
    """An address on loopback where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"
