"""SVG snapshots of every screen and state at 80x24 and 160x48 (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/tui/test_snapshots.py
--snapshot-update` and look at the SVGs in tests/tui/__snapshots__/ before committing.
"""

from __future__ import annotations

import os
import shutil
import textwrap

import pytest

from tests.support.hearing_story import COPY, WIRE, take_text
from tests.support.star_story import write_star
from tests.tui.helpers import SEEDS, open_compare, seeds_app, select, settle

SMALL = (80, 24)
WIDE = (160, 48)


def after(*keys: str, compare: tuple[str, str | None] | None = None, article: str | None = None):
    """A run_before that loads, optionally selects or compares, then presses `keys`."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if compare is not None:
            await open_compare(pilot, *compare)
        elif article is not None:
            await select(pilot, article)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


class TestLibrary:
    def test_library(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL, run_before=after())

    def test_library_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE, run_before=after(article="004"))

    def test_removed_lines_shown(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("tab", "r", article="001"))

    def test_removed_lines_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after("tab", "r", article="002"))

    def test_search_titles_typing(self, snap_compare):
        """The search row above the key bar, filtering the list as the query is typed."""
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("slash", *"offens"))

    def test_search_in_text(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("tab", "slash", *"Idlib", "enter", article="003"))

    def test_error_entry(self, snap_compare, tmp_path, monkeypatch):
        shutil.copy(os.path.join(SEEDS[0], "001_7a96e757d48b2c2e.txt"), tmp_path / "good.txt")
        (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        monkeypatch.chdir(tmp_path)  # relative paths: the snapshot does not show tmp_path
        assert snap_compare(seeds_app(["."]), terminal_size=SMALL, run_before=after("G"))


def hard_wrapped(folder) -> None:
    """A wire take as delivered and a copy saved as plain text, both hard-wrapped at 60
    columns, in `folder`: their paragraphs hold line breaks."""
    take = take_text("10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE FOR KEEPER", WIRE)
    folded = [ln if ln.startswith(("  ", "GOATS", "By")) else textwrap.fill(ln, 60)
              for ln in take.splitlines()]
    (folder / "goats1.txt").write_text("\n".join(folded) + "\n", "utf-8")
    (folder / "copy.txt").write_text("Goats on the green\n\n" + "\n\n".join(
        textwrap.fill(p, 60) for p in COPY) + "\n", "utf-8")


class TestHardWrapped:
    """Text wrapped by its writer reads as whole paragraphs, every word in place."""

    def test_reading(self, snap_compare, tmp_path, monkeypatch):
        hard_wrapped(tmp_path)
        monkeypatch.chdir(tmp_path)
        assert snap_compare(seeds_app(["."]), terminal_size=SMALL, run_before=after(article="goats1"))

    def test_compare(self, snap_compare, tmp_path, monkeypatch):
        hard_wrapped(tmp_path)
        monkeypatch.chdir(tmp_path)
        assert snap_compare(seeds_app(["."]), terminal_size=SMALL,
                            run_before=after(compare=("copy", None)))


class TestCompare:
    def test_side_by_side(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("n", compare=("004", "003")))

    def test_side_by_side_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after(compare=("001", "002")))

    def test_unified(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("s", "n", compare=("004", "003")))

    def test_unified_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after("s", compare=("001", "002")))

    def test_identical_rows_hidden(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after("f", compare=("004", "003")))

    def test_swapped(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("x", compare=("004", "003")))

    def test_drift_jump(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("right_square_bracket", "right_square_bracket",
                                             compare=("001", "002")))

    def test_one_sided_hidden(self, snap_compare):
        """Facts only one side states hidden (o): changed facts stay, counted apart."""
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("o", compare=("004", "003")))

    def test_no_color(self, snap_compare, monkeypatch):
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("n", compare=("004", "003")))

    def test_wire_copy_off_the_record(self, snap_compare, tmp_path, monkeypatch):
        """The agency's own news on A: the header says why a little shared wording made
        the paper on B partly derived."""
        write_star(tmp_path)
        monkeypatch.chdir(tmp_path)
        assert snap_compare(seeds_app(["."]), terminal_size=WIDE,
                            run_before=after(compare=("wire", "paper")))


class TestDialogs:
    def test_detail(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("n", "enter", compare=("004", "003")))

    def test_detail_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after("n", "n", "enter", compare=("001", "002")))

    def test_picker(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("p", compare=("004", None)))

    def test_picker_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE,
                            run_before=after("p", compare=("002", None)))

    def test_picker_with_a_sibling(self, snap_compare, tmp_path, monkeypatch):
        """Two papers' copies of one wire take: the other is a sibling, the take the original."""
        (tmp_path / "goats1.txt").write_text(take_text(
            "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE FOR KEEPER", WIRE), "utf-8")
        for name, paragraphs in (("short", WIRE[1:3]), ("long", WIRE[1:5])):
            (tmp_path / f"{name}.txt").write_text(
                "Goats on the green\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
        monkeypatch.chdir(tmp_path)
        assert snap_compare(seeds_app(["."]), terminal_size=SMALL,
                            run_before=after("p", compare=("short", "long")))

    def test_help(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL, run_before=after("question_mark"))

    def test_help_wide(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=WIDE, run_before=after("f1"))

    def test_export(self, snap_compare):
        assert snap_compare(seeds_app(), terminal_size=SMALL,
                            run_before=after("e", compare=("004", "003")))


@pytest.fixture(autouse=True)
def _no_notifications(monkeypatch):
    """Toasts time out on a clock; keep them out of the pictures."""
    from textual.app import App

    monkeypatch.setattr(App, "notify", lambda self, *args, **kwargs: None)
