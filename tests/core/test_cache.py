"""The on-disk cache: hits, misses, invalidation on edit, and survival of a broken DB."""

from __future__ import annotations

import os
import sqlite3

import numpy as np
import pytest

from reader.cache import CACHE_ENV, DB_NAME, Cache, cache_dir
from reader.library import SEEDS_DIR, load_library
from reader.corpus.stories import group_stories

STORY = ("Officials in Harbourton said on Monday that the new bridge would open in May. "
         "The project cost 40 million dollars and took six years to finish.\n\n"
         "Residents welcomed the news, though some complained about the tolls.\n")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("Bridge opens\n\n" + STORY, encoding="utf-8")
    (d / "b.txt").write_text("Council votes\n\nThe council voted on Tuesday to raise parking fees "
                             "in the old town by a third.\n\nShopkeepers said the rise would "
                             "drive customers away.\n", encoding="utf-8")
    return d


@pytest.fixture
def cache_path(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(directory))
    return directory


def _same(a, b):
    assert (a.text, a.title, a.body, a.date, a.attribution, a.sha256) == \
           (b.text, b.title, b.body, b.date, b.attribution, b.sha256)
    assert a.removed == b.removed and a.paragraphs == b.paragraphs


def test_cache_dir_follows_the_environment_and_is_not_the_input_folder(cache_path, folder):
    assert cache_dir() == str(cache_path)
    _load([str(folder)])
    assert (cache_path / DB_NAME).exists()
    assert sorted(os.listdir(folder)) == ["a.txt", "b.txt"]


def test_second_load_hits_and_returns_the_same_articles(cache_path, folder):
    plain = load_library([str(folder)])
    with Cache() as cache:
        first = _load([str(folder)], cache=cache)
        assert (cache.hits, cache.misses) == (0, 2)
    with Cache() as cache:
        second = _load([str(folder)], cache=cache)
        assert (cache.hits, cache.misses) == (2, 0)
    for x, y, z in zip(plain.articles, first.articles, second.articles):
        _same(x, y)
        _same(x, z)
        assert z.path == x.path


def test_seed_manifest_labels_apply_on_a_hit(cache_path):
    _load([SEEDS_DIR])
    again = _load([SEEDS_DIR])
    outlets = {a.name: a.outlet for a in again.articles}
    assert outlets["004_90f67be5c111099e.txt"] == "Reuters"


def test_editing_a_file_invalidates_only_that_entry(cache_path, folder):
    _load([str(folder)])
    (folder / "a.txt").write_text("Bridge delayed\n\n" + STORY.replace("May", "June"), encoding="utf-8")
    with Cache() as cache:
        lib = _load([str(folder)], cache=cache)
        assert (cache.hits, cache.misses) == (1, 1)
    assert "June" in lib.articles[0].body


def test_same_bytes_at_another_path_hit_and_keep_their_own_path(cache_path, folder, tmp_path):
    _load([str(folder)])
    copy = tmp_path / "copy.txt"
    copy.write_bytes((folder / "a.txt").read_bytes())
    with Cache() as cache:
        lib = _load([str(copy)], cache=cache)
        assert cache.hits == 1
    assert lib.articles[0].path == str(copy)


def test_a_corrupt_database_is_replaced(cache_path, folder):
    cache_path.mkdir()
    (cache_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with Cache() as cache:
        assert cache.enabled
        lib = _load([str(folder)], cache=cache)
    assert len(lib.articles) == 2
    with Cache() as cache:
        _load([str(folder)], cache=cache)
        assert cache.hits == 2


def test_a_locked_database_is_bypassed(cache_path, folder):
    _load([str(folder)])
    locker = sqlite3.connect(cache_path / DB_NAME)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        lib = _load([str(folder)])
        assert [a.name for a in lib.articles] == ["a.txt", "b.txt"]
    finally:
        locker.rollback()
        locker.close()


def test_an_unwritable_cache_location_still_loads(tmp_path, monkeypatch, folder):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "sub"))  # a directory inside a file
    cache = Cache()
    assert not cache.enabled
    assert len(_load([str(folder)], cache=cache).articles) == 2


def test_sketches_round_trip_and_grouping_uses_them(cache_path):
    lib = load_library([SEEDS_DIR])
    with Cache() as cache:
        cold = [s.paths for s in group_stories(lib.articles, cache=cache)]
    with Cache() as cache:
        sha = lib.articles[0].sha256
        values, n = cache.get_sketch(sha)
        assert values.dtype == np.uint64 and 0 < len(values) <= n
        warm = [s.paths for s in group_stories(lib.articles, cache=cache)]
    assert cold == warm


def _load(paths, cache=None):
    """load_library through a cache (a fresh default one when none is given)."""
    if cache is not None:
        return load_library(paths, cache=cache)
    with Cache() as own:
        return load_library(paths, cache=own)
