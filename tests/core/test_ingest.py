"""ingest: decoding, newline normalisation, control characters, refusals, folders."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, strategies as st

from reader.ingest import (
    IngestError, decode, list_inputs, looks_binary, read_source, sanitize, source_from_bytes,
)

TEXT = "Turkey’s “foreign minister” said – café naïve.\nSecond line."


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # with BOM
    (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_decodes_each_encoding_to_the_same_text(data, encoding):
    text, used = decode(data)
    assert text == TEXT
    assert used.replace("_", "-") == encoding


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ascii_text_in_utf16_without_bom_is_not_read_as_utf8(codec):
    """Every other byte a NUL is valid UTF-8 too: the NUL pattern must be looked at first."""
    text, used = decode("Plain title\nA short ASCII story.".encode(codec))
    assert (text, used) == ("Plain title\nA short ASCII story.", codec)


def test_latin1_accents_decode():
    text, _ = decode("Zürich, São Paulo and Málaga are cities.".encode("latin-1"))
    assert text == "Zürich, São Paulo and Málaga are cities."


def test_newlines_normalised_and_offsets_kept():
    assert sanitize("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_control_characters_become_visible_one_for_one():
    raw = "red \x1b[31mX\x1b[0m title \x1b]0;pwned\x07 bidi \u202eevil\u202c end\x9b"
    safe = sanitize(raw)
    assert len(safe) == len(raw)
    assert "\x1b" not in safe and "\x07" not in safe and "\u202e" not in safe and "\x9b" not in safe
    assert "red ␛░░░░X␛░░░ title ␛░░░░░░░░░ bidi" in safe  # whole sequences masked
    assert "\t" in sanitize("a\tb")


def test_escape_payloads_are_no_words_but_stray_escapes_eat_none() -> None:
    safe = sanitize("Paid \x1b]52;c;MTIzNDU=\x1b\\ 12 pounds\x9b7m, in \x1b a hurry.")
    assert safe == "Paid ␛" + "░" * 16 + " 12 pounds\ufffd░░, in ␛ a hurry."


@given(st.text())
def test_sanitize_never_leaves_terminal_controls(text):
    out = sanitize(text)
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 for c in out)
    assert "\r" not in out


@pytest.mark.parametrize("head", [
    b"\x89PNG\r\n\x1a\n\x00\x00", b"%PDF-1.7\n%\xe2\xe3", b"\x7fELF\x02\x01\x01\x00",
    b"abc\x00\x00\x01\x02\x00\xff\x00def\x00",
])
def test_binary_detected(head):
    assert looks_binary(head)


def test_text_and_utf16_not_binary():
    assert not looks_binary(TEXT.encode("utf-8"))
    assert not looks_binary(TEXT.encode("utf-16-le"))


def test_read_source_reads_real_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(b"Headline\r\n\r\nBody text.\r\n")
    before = p.stat()
    src = read_source(p)
    assert src.text == "Headline\n\nBody text.\n"
    assert src.kind == "text"
    assert len(src.sha256) == 64
    after = p.stat()
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)


def test_html_sniffed(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert read_source(p).kind == "html"


def _reason(path, **kw) -> str:
    with pytest.raises(IngestError) as info:
        read_source(path, **kw)
    return str(info.value)


def test_refusals_name_the_problem(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    assert "too large" in _reason(big, max_bytes=1024)
    assert "is a folder, not a file" in _reason(tmp_path)
    assert "no such file" in _reason(tmp_path / "missing.txt")
    png = tmp_path / "img.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert "binary" in _reason(png)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty" in _reason(empty)
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \r\n\t\n")
    assert "only whitespace" in _reason(blank)


def test_fifo_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "FIFO" in _reason(fifo)


def test_device_refused():
    assert "device" in _reason("/dev/zero")


def test_symlink_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert "symlink loop" in _reason(loop)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    assert "permission" in _reason(p)


def test_folder_listing_skips_hidden_and_finds_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html></html>")
    (tmp_path / "sources.toml").write_text("")
    listing = list_inputs([tmp_path])
    names = [os.path.basename(f) for f in listing.files]
    assert names == ["a.txt", "b.html"]
    assert [os.path.basename(m) for m in listing.manifests] == ["sources.toml"]


def test_source_from_bytes_refuses_binary():
    with pytest.raises(IngestError):
        source_from_bytes(b"\x7fELF" + b"\x00" * 50, "x")


@pytest.mark.parametrize("names,skipped", [((), 0), (("notes.json", "photo.jpg", ".hidden.txt"), 3)])
def test_folder_with_nothing_to_read_is_reported_by_name(tmp_path, names, skipped):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    for name in names:
        (folder / name).write_text("x")
    listing = list_inputs([str(folder) + "/"])
    assert listing.files == []
    [error] = listing.errors
    assert error.path == str(folder) + "/"
    assert "no text or HTML files" in error.reason
    assert (f"{skipped} other files skipped" in error.reason) == bool(skipped)


def test_standard_input_is_listed_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.toml").write_text("")
    listing = list_inputs(["-"])
    assert listing.files == ["-"] and listing.manifests == [] and listing.errors == []
