"""Fetching pages as evidence, against a real HTTP server on loopback (tests/support/page_server.py)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from reader.fetch import USER_AGENT, FetchError, fetch, is_url, page_record
from reader.library import load_article
from tests.support.page_server import CZECH_PAGE, PAGE, refused_url, serve


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def saved_files(data_dir) -> list[str]:
    pages = data_dir / "pages"
    return os.listdir(pages) if pages.exists() else []


@pytest.fixture(scope="module")
def site():
    with serve() as (base, seen):
        yield base, seen


def test_is_url_only_for_http_and_https():
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("ftp://example.org/a") and not is_url("http_notes.txt")
    assert not is_url("/tmp/https://x")


def test_page_is_saved_in_the_data_dir_with_its_record(site, data_dir):
    base, seen = site
    page = fetch(base + "/page")
    assert os.path.dirname(page.path) == str(data_dir / "pages")
    with open(page.path, "rb") as fh:
        data = fh.read()
    assert data == PAGE.encode("utf-8")
    assert page.sha256 == hashlib.sha256(data).hexdigest()
    assert page.url == page.final_url == base + "/page"
    assert page.status == 200 and page.redirects == []
    assert page.retrieved_at.endswith("Z") and page.retrieved_at[:4].isdigit()
    with open(os.path.splitext(page.path)[0] + ".json", encoding="utf-8") as fh:
        assert json.load(fh) == page.to_dict()
    assert seen[-1]["agent"] == USER_AGENT
    assert not [n for n in os.listdir(os.path.dirname(page.path)) if n.endswith(".tmp")]


def test_saved_page_reads_like_a_saved_html_page(site):
    article = load_article(fetch(site[0] + "/page").path)
    assert article.title == "Harbour bridge reopens"
    body = article.body
    assert "12,000 vehicles" in body and "Home | World" not in body


def test_page_record_finds_the_record_from_the_saved_path(site, tmp_path):
    page = fetch(site[0] + "/page")
    assert page_record(page.path) == page
    elsewhere = tmp_path / "copy.html"
    elsewhere.write_bytes(Path(page.path).read_bytes())
    assert page_record(str(elsewhere)) is None


def test_refetching_unchanged_bytes_keeps_the_first_retrieval_time(site):
    first = fetch(site[0] + "/page")
    again = fetch(site[0] + "/page")
    assert again.path == first.path
    assert again.retrieved_at == first.retrieved_at
    assert again.last_checked_at >= first.last_checked_at


def test_changed_page_is_a_new_file(site):
    assert fetch(site[0] + "/page").path != fetch(site[0] + "/other").path


def test_redirects_are_followed_and_recorded(site):
    base, _ = site
    page = fetch(base + "/hop")
    assert page.final_url == base + "/page"
    assert [(r["status"], r["from"], r["to"]) for r in page.redirects] == [
        (302, base + "/hop", base + "/moved"), (301, base + "/moved", base + "/page")]
    assert Path(page.path).read_bytes() == PAGE.encode("utf-8")


@pytest.mark.parametrize("url", ["http://[::1/page", "http://127.0.0.1:99999/page", "https:///page"])
def test_malformed_address_is_one_line(url):
    with pytest.raises(FetchError) as err:
        fetch(url)
    assert str(err.value).startswith(url + ": not a")


def test_redirect_loop_is_refused(site):
    with pytest.raises(FetchError, match="redirects"):
        fetch(site[0] + "/loop")


def test_redirect_to_another_scheme_is_refused(site):
    with pytest.raises(FetchError, match="not an http"):
        fetch(site[0] + "/to-ftp")


@pytest.mark.parametrize("route, words", [("missing", "404"), ("gone", "410")])
def test_error_status_names_url_and_status(site, route, words):
    url = f"{site[0]}/{route}"
    with pytest.raises(FetchError) as err:
        fetch(url)
    assert str(err.value).startswith(url + ": ") and words in str(err.value)
    assert "\n" not in str(err.value)


def test_connection_refused_is_one_line():
    url = refused_url()
    with pytest.raises(FetchError) as err:
        fetch(url, connect_timeout=2)
    assert str(err.value) == f"{url}: could not connect (connection refused)"


def test_silent_server_times_out(site):
    with pytest.raises(FetchError, match="timed out"):
        fetch(site[0] + "/slow", read_timeout=0.3)


def test_trickling_server_hits_the_overall_deadline(site):
    with pytest.raises(FetchError, match="took too long"):
        fetch(site[0] + "/trickle", read_timeout=2, deadline=0.5)


def test_record_survives_a_moved_data_dir(site, data_dir, tmp_path, monkeypatch):
    page = fetch(site[0] + "/page")
    moved = tmp_path / "moved"
    os.rename(data_dir, moved)
    monkeypatch.setenv("READER_DATA_DIR", str(moved))
    new_path = str(moved / "pages" / os.path.basename(page.path))
    record = page_record(new_path)
    assert record is not None and record.path == new_path and record.sha256 == page.sha256


def test_announced_huge_page_is_refused_before_download(site, data_dir):
    with pytest.raises(FetchError, match="too large"):
        fetch(site[0] + "/huge", max_bytes=1 << 20)
    assert not saved_files(data_dir)


def test_endless_page_is_cut_at_the_limit(site, data_dir):
    with pytest.raises(FetchError, match="too large"):
        fetch(site[0] + "/endless", max_bytes=1 << 20)
    assert not saved_files(data_dir)


@pytest.mark.parametrize("route", ["image", "lying", "empty"])
def test_not_a_page_is_refused(site, route):
    with pytest.raises(FetchError, match="not a web page|empty"):
        fetch(f"{site[0]}/{route}")


def test_plain_text_and_untyped_pages(site):
    plain = fetch(site[0] + "/plain")
    assert plain.path.endswith(".txt")
    untyped = fetch(site[0] + "/untyped")
    assert untyped.path.endswith(".html")


def test_gzip_transfer_is_decoded_and_hashed_as_decoded(site):
    page = fetch(site[0] + "/gzipped")
    assert Path(page.path).read_bytes() == PAGE.encode("utf-8")
    assert page.sha256 == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()


def test_latin1_page_reads_correctly(site):
    article = load_article(fetch(site[0] + "/latin").path)
    assert "Le café de la place a fermé" in article.body


def test_cyrillic_page_reads_correctly(site):
    assert "Мост через гавань" in load_article(fetch(site[0] + "/cyrillic").path).body


def test_declared_charset_wins_and_the_bytes_as_received_are_kept(site):
    page = fetch(site[0] + "/czech")  # Latin-2, which detection alone would read as cp1252
    assert "Přístav v Ústí" in load_article(page.path).body
    assert page.original is not None
    received = Path(page.original).read_bytes()
    assert received == CZECH_PAGE.encode("iso-8859-2")
    assert page.sha256 == hashlib.sha256(received).hexdigest()
