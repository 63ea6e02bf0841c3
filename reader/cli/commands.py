"""The non-interactive subcommands. Each returns a process exit code."""

from __future__ import annotations

import argparse
import json
import os
import sys

from reader.cli.errors import error, read_or_report
from reader.library import load_library
from reader.model import Article


def article_dict(article: Article) -> dict:
    """The `reader clean --format json` object (the contract is in the README's CLI section)."""
    return {
        "path": article.path,
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "dateline": article.dateline,
        "outlet": article.outlet,
        "url": article.url,
        "attribution": list(article.attribution),
        "encoding": article.encoding,
        "paragraphs": [p.text for p in article.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def _progress(done: int, total: int, what: str) -> None:
    """A one-line counter on stderr, only when a person is watching it."""
    if total >= 50 and (done == total or done % 25 == 0):
        label = what if what in ("sketching", "matching", "confirming") else "loading"
        end = "\n" if done == total else ""
        print(f"\rreader: {label} {done}/{total}\x1b[K", end=end, file=sys.stderr, flush=True)


def _watcher():
    return _progress if sys.stderr.isatty() else None


def _fetched(paths: list[str], args: argparse.Namespace) -> list[str]:
    """The paths with each http(s) URL fetched and replaced by its saved page (see
    reader.fetch); a URL that cannot be fetched is reported in one line and left out."""
    from reader.fetch import resolve

    def say(url: str) -> None:
        if sys.stderr.isatty():
            print(f"reader: fetching {url}", file=sys.stderr, flush=True)

    paths, failed = resolve(paths, args.max_size, say)
    for line in failed:
        error(line)
    return paths


def _library(paths: list[str], args: argparse.Namespace):
    """load_library for a command, through the on-disk cache unless --no-cache."""
    paths = _fetched(paths, args)
    if args.no_cache:
        return load_library(paths, _watcher(), max_bytes=args.max_size)
    from reader.cache import Cache

    with Cache() as cache:
        return load_library(paths, _watcher(), max_bytes=args.max_size, cache=cache)


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _one(path: str, args: argparse.Namespace) -> Article | None:
    """One file, cleaned and labelled by its folder's sources.toml; errors printed."""
    lib = _library([path], args)
    for e in lib.errors:
        error(e.message())
    return lib.articles[0] if lib.articles else None


def cmd_clean(args: argparse.Namespace) -> int:
    from reader.render.text import article_markdown, article_text

    lib = _library(args.files, args)
    for e in lib.errors:
        error(e.message())
    for article in lib.articles:
        if args.format == "jsonl":
            print(_dump(article_dict(article)))
        elif args.format == "text":
            sys.stdout.write(article_text(article, args.show_removed))
        elif args.format == "markdown":
            sys.stdout.write(article_markdown(article, args.show_removed))
    if args.format == "json" and lib.articles:
        dicts = [article_dict(a) for a in lib.articles]
        print(_dump(dicts[0] if len(dicts) == 1 else dicts))
    return 0 if lib.articles else 1


def _diff_side(path: str, args: argparse.Namespace) -> Article | None:
    if getattr(args, "split", "sentences") == "lines":
        fetched = _fetched([path], args)
        if not fetched:
            return None
        source = read_or_report(fetched[0], args.max_size)
        if source is None:
            return None
        return Article(path=source.path, text=source.text, encoding=source.encoding,
                       sha256=source.sha256)
    return _one(path, args)


def load_pair(a_path: str, b_path: str, args: argparse.Namespace):
    """The Comparison of two files or URLs (None when either cannot be read; reported)."""
    from reader.compare import compare

    a = _diff_side(a_path, args)
    b = _diff_side(b_path, args)
    if a is None or b is None:
        return None
    return compare(a, b, getattr(args, "split", "sentences"))


def cmd_diff(args: argparse.Namespace) -> int:
    from reader.render.export import comparison_dict, render_html, render_markdown
    from reader.reviews import ReviewStore

    cmp = load_pair(args.a, args.b, args)
    if cmp is None:
        return 1
    reviews = ReviewStore()
    if args.format == "json":
        print(_dump(comparison_dict(cmp, reviews=reviews)))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(cmp, reviews=reviews) + "\n")
    elif args.format == "html":
        sys.stdout.write(render_html(cmp, reviews=reviews))
    else:
        from reader.render.text import print_comparison

        print_comparison(cmp, changes_only=args.changes_only)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from reader.corpus.provenance import rank_sources

    article = _one(args.file, args)
    if article is None:
        return 1
    corpus_paths = args.corpus or [os.path.dirname(os.path.abspath(article.path))]
    lib = _library(corpus_paths, args)
    for e in lib.errors:
        error(e.message())
    target = os.path.realpath(article.path)
    corpus = [o for o in lib.articles if os.path.realpath(o.path) != target]
    ranked = rank_sources(article, corpus)
    if args.format == "json":
        print(_dump({"article": article.path, "candidates": [c.to_dict() for c in ranked]}))
        return 0
    from reader.render.text import print_sources

    print_sources(article, ranked)
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    from reader.corpus.stories import group_stories

    lib = _library(args.paths, args)
    for e in lib.errors:
        error(e.message())
    if not lib.articles:
        error("no readable articles in " + ", ".join(args.paths))
        return 1
    stories = group_stories(lib.articles, progress=_watcher())
    if args.format == "json":
        print(_dump({"stories": [s.to_dict() for s in stories]}))
        return 0
    from reader.render.text import print_stories

    print_stories(stories)
    return 0
