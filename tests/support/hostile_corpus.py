"""Build a folder of everything scraped folders contain, in a temp dir (nothing committed).

`build(folder)` returns the names that must load as articles and the names that must be
reported as errors, so tests can check both halves: the bad ones are named, the rest load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

STORY = (
    "Officials meet to discuss the crisis\n\n"
    "ANKARA (Reuters) - Officials from both countries met on Friday to discuss the crisis, "
    "a spokesman said. More than 900,000 people have fled since December.\n\n"
    "“We will hold talks,” the minister said. The talks ended without a result.\n"
)

# Terminal attacks: colour, cursor moves, window title (OSC 0/2), clipboard write (OSC 52),
# device control string, and a bare C1 CSI.
ESCAPES = (
    "Escape test headline\n\n"
    "Colour \x1b[31mred\x1b[0m and cursor \x1b[2J\x1b[H moves in this sentence. "
    "Title \x1b]0;PWNED-TITLE\x07 and \x1b]2;PWNED-TITLE\x1b\\ changes here. "
    "Clipboard \x1b]52;c;UFdORUQtQ0xJUA==\x07 write attempt. "
    "Device \x1bP+q544e\x1b\\ control. C1 \x9b31m csi.\n"
)
MARKUP = (
    "Markup test headline [bold red]not bold[/]\n\n"
    "The text says [bold]x[/bold] and [@click=app.quit]quit[/] and [link=http://x]y[/link] "
    "and [/] stray closers, which must show as plain text.\n"
)
UNICODE = (
    "Unicode headline: 東京 and القاهرة and עברית 🎉\n\n"
    "Arabic: قال المسؤول إن المحادثات مستمرة. Hebrew: השיחות נמשכות היום.\n\n"
    "Bidi override \u202eevil\u202c and isolate \u2067x\u2069 inside a sentence.\n\n"
    "Combining: e\u0301 a\u0308 n\u0303, emoji 👩‍👩‍👧‍👦 🇹🇷, wide 東京都庁は大きい。\n\n"
    "Zero\u200bwidth\u200cjoiners\u200d and \ufeffBOM in the middle of a sentence.\n"
)


@dataclass
class HostileCorpus:
    folder: Path
    loads: set[str] = field(default_factory=set)  # file names that must become articles
    errors: set[str] = field(default_factory=set)  # file names that must be reported


def build(folder: Path, *, big_line_mb: int = 10, sentences: int = 100_000) -> HostileCorpus:
    folder.mkdir(parents=True, exist_ok=True)
    c = HostileCorpus(folder)

    def text(name: str, data: bytes, ok: bool = True) -> None:
        (folder / name).write_bytes(data)
        (c.loads if ok else c.errors).add(name)

    text("empty.txt", b"", ok=False)
    text("whitespace.txt", b"   \n\t\n  \r\n \n", ok=False)
    text("one_huge_line.txt", (b"word " * (big_line_mb * 1024 * 1024 // 5)).strip())
    # A sparse 200 MB file: refused by size from stat, never read.
    huge = folder / "huge_200mb.txt"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    c.errors.add(huge.name)
    text("image.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ok=False)
    text("doc.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(300), ok=False)
    text("program.elf.txt", b"\x7fELF\x02\x01\x01" + bytes(500), ok=False)
    text("nul_bytes.txt", b"text\x00\x00\x01\x02\x00\x00\xff\xfe\x00data" * 50, ok=False)
    text("invalid_utf8.txt", STORY.encode() + b"\n\nbroken \xff\xfe\xc3( bytes here.\n")
    text("utf16_bom.txt", STORY.encode("utf-16"))
    text("utf16_nobom.txt", STORY.encode("utf-16-le"))
    text("cp1252_quotes.txt", STORY.replace("-", "–").encode("cp1252"))
    text("mixed_newlines.txt", STORY.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 2).encode())
    text("no_punctuation.txt", b"\n".join(b"a line of words with no full stop at all %d" % i
                                         for i in range(50)))
    text("many_sentences.txt", "\n\n".join(
        " ".join(f"Sentence {i * 10 + k} says item {i} changed." for k in range(10))
        for i in range(sentences // 10)).encode())
    text("escapes.txt", ESCAPES.encode())
    text("markup.txt", MARKUP.encode())
    text("unicode.txt", UNICODE.encode())
    text("duplicate_a.txt", STORY.encode())
    text("duplicate_b.txt", STORY.encode())
    loop = folder / "symlink_loop.txt"
    os.symlink(loop.name, loop)
    c.errors.add(loop.name)
    fifo = folder / "named_pipe.txt"
    os.mkfifo(fifo)
    c.errors.add(fifo.name)
    if os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", folder / "device.txt")
        c.errors.add("device.txt")
    return c
