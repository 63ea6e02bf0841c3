"""URLs next to paths: fetched from a server on loopback, read like saved pages, named in
exports with their retrieval time; failures are one line naming the URL."""

from __future__ import annotations

import json
import os

import pytest

from tests.support import run_reader as run
from tests.support.page_server import refused_url, serve


@pytest.fixture(scope="module")
def site():
    with serve() as (base, _):
        yield base


def test_clean_reads_a_url_like_a_saved_page(site, tmp_path):
    out = run("clean", site + "/page", "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["title"] == "Harbour bridge reopens"
    assert obj["url"] == site + "/page"
    assert any("12,000 vehicles" in p for p in obj["paragraphs"])
    assert os.path.dirname(obj["path"]) == str(tmp_path / "data" / "pages")


def test_diff_of_two_urls_names_them_and_the_retrieval_time(site):
    out = run("diff", site + "/page", site + "/hop", "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["a"]["fetched"]["url"] == site + "/page"
    assert obj["b"]["fetched"]["final_url"] == site + "/page"
    assert [r["status"] for r in obj["b"]["fetched"]["redirects"]] == [302, 301]
    assert obj["a"]["fetched"]["retrieved_at"].endswith("Z")
    md = run("diff", site + "/page", site + "/other", "--format", "markdown")
    assert md.returncode == 0, md.stderr
    assert f"fetched from {site}/page at " in md.stdout.replace("\\", "")
    assert "number changed" in md.stdout


def test_url_mixes_with_a_path(site, tmp_path):
    local = tmp_path / "local.txt"
    local.write_text("Harbour bridge reopens\n\nThe harbour bridge reopened on Tuesday after "
                     "four months of repairs, the city council said in a statement.\n")
    out = run("diff", str(local), site + "/page", "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["a"]["fetched"] is None and obj["b"]["fetched"] is not None


@pytest.mark.parametrize("route, words", [("missing", "404"), ("image", "not a web page")])
def test_bad_url_is_one_line_naming_it(site, route, words):
    url = f"{site}/{route}"
    out = run("clean", url)
    assert out.returncode == 1
    assert out.stderr.strip().startswith(f"reader: {url}: ") and words in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_refused_connection_with_a_good_file_still_processes_the_file(tmp_path):
    local = tmp_path / "local.txt"
    local.write_text("A title\n\nA paragraph that says something about a bridge and a council.\n")
    url = refused_url()
    out = run("clean", url, str(local), "--format", "jsonl")
    assert out.returncode == 0
    assert f"{url}: could not connect (connection refused)" in out.stderr
    assert json.loads(out.stdout)["path"] == str(local)


def test_page_over_the_size_limit_is_refused(site):
    out = run("clean", site + "/endless", "--max-size", "1MB")
    assert out.returncode == 1 and "too large" in out.stderr


def test_sources_and_story_take_urls(site):
    out = run("sources", site + "/other", site + "/page", "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert [c["path"].rsplit("/", 1)[-1].split("-")[0] for c in obj["candidates"]] == [
        "127.0.0.1_page"]
    story = run("story", site + "/page", site + "/other", "--format", "json")
    assert story.returncode == 0, story.stderr
    assert len(json.loads(story.stdout)["versions"]) == 1
