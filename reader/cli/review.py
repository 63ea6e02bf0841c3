"""`reader review A B`: list a pair's drift findings with their ids and decisions, and
confirm, dismiss or clear one (`--confirm ID [--note TEXT]`, `--dismiss ID`, `--clear ID`).

An ID may be shortened to any prefix that names one finding. Reviews are stored in the
user's data directory (see `reader.reviews`), never next to the files.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.errors import error
from reader.cli.inputs import add_format, command_parser, load_pair

HELP = "list a pair's fact-drift findings with ids; confirm or dismiss them"


EPILOG = """\
arguments:
  A         the original: a file, an http(s) URL, or - for standard input
  B         the version to check: a file, an http(s) URL, or - (one of A and B at most)
  ID        a finding's id as listed, or any prefix that names one finding

formats:
  text      one line per finding: its id, its state (open, confirmed or dismissed),
            where it is (article or pair N) and its note
  json      {a, b, findings: [{id, kind, pair, note, review}], stale: [...]}: review is
            {state, note, at, user} or null; stale lists decisions on findings the
            texts no longer have"""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "review", HELP, HELP + ". Decisions are kept per pair of "
                       "texts (by content) in the user's data directory.", EPILOG)
    p.add_argument("a", metavar="A", help="the original (a file or an http(s) URL)")
    p.add_argument("b", metavar="B", help="the version to check (a file or an http(s) URL)")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--confirm", metavar="ID", help="mark the finding as confirmed")
    action.add_argument("--dismiss", metavar="ID", help="mark the finding as a false alarm")
    action.add_argument("--clear", metavar="ID", help="forget the decision on the finding")
    p.add_argument("--note", default="", metavar="TEXT",
                   help="why (with --confirm or --dismiss): kept in the audit trail")
    add_format(p, ("text", "json"))
    common(p)
    p.set_defaults(handler=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from reader.reviews import ReviewError, ReviewStore, findings, stale_reviews

    if args.note and not (args.confirm or args.dismiss):
        error("--note goes with --confirm ID or --dismiss ID")
        return 2
    cmp = load_pair(args.a, args.b, args)
    if cmp is None:
        return 1
    store = ReviewStore()
    try:
        live = findings(cmp, store)
        wanted = args.confirm or args.dismiss or args.clear
        if wanted:
            found = _pick(live, wanted)
            if found is None:
                return 1
            if args.clear:
                if not store.clear(cmp, found.id):
                    print(f"{found.id}: had no decision", file=sys.stderr)
            else:
                store.decide(cmp, found, "confirmed" if args.confirm else "dismissed", args.note)
            live = findings(cmp, store)
        stale = stale_reviews(cmp, store, live)
    except ReviewError as exc:
        error(str(exc))
        return 1
    if args.format == "json":
        print(json.dumps(_as_json(cmp, live, stale), ensure_ascii=False))
    else:
        sys.stdout.write(_as_text(cmp, live, stale))
    return 0


def _pick(live, wanted: str):
    """The finding whose id is `wanted` or starts with it; None (reported) otherwise."""
    exact = [f for f in live if f.id == wanted]
    matches = exact or [f for f in live if f.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        error(f"no finding with id {wanted!r} in this pair (run reader review A B to list them)")
    else:
        error(f"id {wanted!r} is ambiguous: " + ", ".join(f.id for f in matches))
    return None


def _where(pair: int | None) -> str:
    return "article" if pair is None else f"pair {pair + 1}"


def _as_text(cmp, live, stale) -> str:
    out = [f"A: {cmp.a.path}", f"B: {cmp.b.path}", ""]
    if not live:
        out.append("No fact drift found in this pair.")
    for f in live:
        state = f.review.state if f.review else "open"
        out.append(f"{f.id:<10} {state:<9} {f.drift.kind:<11} {_where(f.pair):<9} {f.drift.note}")
        if f.review:
            why = f": {f.review.note}" if f.review.note else ""
            out.append(f"{'':<10} by {f.review.user} at {f.review.at}{why}")
    if stale:
        out += ["", "Reviews that no longer apply (a file changed, or the finding is gone):"]
        for r in stale:
            why = f": {r.note}" if r.note else ""
            out.append(f"{r.id:<10} {r.state:<9} {r.kind:<11} \"{r.a_text}\" -> \"{r.b_text}\" "
                       f"(by {r.user} at {r.at}{why})")
    return "\n".join(out) + "\n"


def _as_json(cmp, live, stale) -> dict:
    return {
        "a": cmp.a.path, "b": cmp.b.path,
        "findings": [{"id": f.id, "kind": f.drift.kind, "pair": f.pair, "note": f.drift.note,
                      "a_text": f.drift.a_text, "b_text": f.drift.b_text,
                      "review": f.review.to_dict() if f.review else None} for f in live],
        "stale": [{"id": r.id, "kind": r.kind, "a_text": r.a_text, "b_text": r.b_text,
                   **r.to_dict()} for r in stale],
    }
