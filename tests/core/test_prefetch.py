"""The prefetch helper: a real child process cleans the first files into the cache, the
app's loader then finds them there, and a launch whose files are cached starts none."""

from __future__ import annotations

import os

import pytest

from reader import prefetch
from reader.cache import CACHE_ENV, Cache
from reader.library import iter_entries, load_article

STORY = ("Officials in Harbourton said on Monday that the new bridge would open in May. "
         "The project cost 40 million dollars and took six years to finish.\n\n"
         "Residents welcomed the news, though some complained about the tolls.\n")

several_cores = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2,
                                   reason="the helper only starts with two cores or more")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for n in range(3):
        (d / f"{n}.txt").write_text(f"Bridge story {n}\n\n{STORY}", encoding="utf-8")
    (d / "z_binary.txt").write_bytes(b"\x7fELF" + bytes(64))  # refused, never cached
    return d


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(directory))
    return directory


def cached_articles(folder) -> int:
    """How many of the folder's files load as cache hits."""
    with Cache() as cache:
        for path in sorted(folder.iterdir()):
            try:
                load_article(str(path), cache=cache)
            except Exception:  # noqa: BLE001 - the refused file
                pass
        return cache.hits


@several_cores
def test_the_helper_process_fills_the_cache_and_the_next_launch_needs_none(folder):
    assert cached_articles(folder) == 0
    helper = prefetch.Helper([str(folder)], 20_000_000)
    helper.finish(timeout=60)
    assert helper.process is not None and helper.process.returncode == 0
    assert cached_articles(folder) == 3
    with Cache() as cache:  # the refused file counts as known: nothing to clean there
        assert cache.knows_files(prefetch.first_files([str(folder)]))
    assert prefetch.start([str(folder)], 20_000_000) is None


def test_an_edited_file_is_no_longer_known(folder):
    prefetch.prefetch([str(folder)], 20_000_000)  # in this process: same code as the helper
    files = prefetch.first_files([str(folder)])
    with Cache() as cache:
        assert cache.knows_files(files)
    (folder / "1.txt").write_text("Bridge story, updated\n\n" + STORY + "More.\n",
                                  encoding="utf-8")
    with Cache() as cache:
        assert not cache.knows_files(files)
    (folder / "new.txt").write_text("A new story\n\n" + STORY, encoding="utf-8")
    with Cache() as cache:
        assert not cache.knows_files(prefetch.first_files([str(folder)]))


def test_only_the_first_files_are_cleaned_ahead(tmp_path, monkeypatch):
    monkeypatch.setattr(prefetch, "FIRST_FILES", 2)
    d = tmp_path / "many"
    d.mkdir()
    for n in range(5):
        (d / f"{n}.txt").write_text(f"Story {n}\n\n{STORY}", encoding="utf-8")
    assert prefetch.prefetch([str(d)], 20_000_000) == 2
    assert cached_articles(d) == 2


def test_the_loader_reads_what_the_helper_cleaned(folder):
    prefetch.prefetch([str(folder)], 20_000_000)
    with Cache() as cache:
        entries = [entry for _, _, entry in iter_entries([str(folder)], cache=cache)]
        assert cache.hits == 3  # every readable file: nothing left to clean
    assert len(entries) == 4  # three articles and the refused file's error


def test_bad_arguments_and_missing_paths_end_quietly(tmp_path, capsys):
    assert prefetch.main(["--", str(tmp_path / "nowhere")]) == 0
    assert prefetch.main(["--max-bytes", "not-a-number"]) == 1
    assert capsys.readouterr() == ("", "")


def test_no_helper_when_the_cache_cannot_be_opened(folder, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # cannot be created
    assert prefetch.start([str(folder)], 20_000_000) is None


@several_cores
def test_a_folder_named_reader_in_the_working_directory_does_not_shadow_the_helper(
        folder, tmp_path, monkeypatch):
    decoy = tmp_path / "cwd" / "reader"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("", encoding="utf-8")
    (decoy / "prefetch.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    monkeypatch.chdir(decoy.parent)
    helper = prefetch.Helper([str(folder)], 20_000_000)
    helper.finish(timeout=60)
    assert helper.process is not None and helper.process.returncode == 0
    assert cached_articles(folder) == 3


def test_a_failing_start_leaves_no_helper_and_the_app_unharmed(folder, monkeypatch):
    def broken(paths, max_bytes):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(prefetch, "start", broken)
    helper = prefetch.Helper([str(folder)], 20_000_000)
    helper.finish(timeout=5)
    assert helper.process is None
