"""The comparison as one self-contained HTML page a journalist can mail to an editor.

No script and no external resource (a Content-Security-Policy tells the browser so too);
every piece of article text is escaped. The drift findings come first, each sentence
pair's findings with both sentences as evidence, then both versions side by side (one
column on a narrow screen) with deletions and insertions as <del>/<ins>. Print styles
keep the marks legible on paper.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from reader import __version__
from reader.corpus.derivation import derivation_of
from reader.fetch import provenance_line
from reader.render.labels import KIND_MARK, article_label
from reader.reviews import Finding, ReviewStore, findings

if TYPE_CHECKING:
    from reader.compare import Comparison
    from reader.model import Article

Span = tuple[int, int]
KIND_LABEL = {"same": "identical", "changed": "changed", "dropped": "dropped", "added": "added"}

_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d8d8d8;
  --del: #ffe1e1; --del-ink: #8a0000; --ins: #dcf5dc; --ins-ink: #005a00;
  --drift: #6b2a83; --drift-bg: #f7ecfb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 16px/1.5 Georgia, "Times New Roman", serif; overflow-wrap: break-word; }
h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 .75rem; }
.side-tag { font: 600 .8rem system-ui, sans-serif; color: #fff; background: var(--muted);
  border-radius: .2rem; padding: .05rem .35rem; vertical-align: middle; }
h2 { font: 600 1.1rem/1.3 system-ui, sans-serif; margin: 2rem 0 .75rem;
  border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
small, .meta, .summary, .legend, .mark, .finding .where, .kind, .verdict, .score {
  font-family: system-ui, sans-serif; }
.summary { margin: .5rem 0; }
.verdict { margin: .5rem 0; padding: .5rem .75rem; border-left: 4px solid var(--drift);
  background: var(--drift-bg); }
.verdict ul { margin: .25rem 0 0; padding-left: 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .2rem .5rem;
  border-bottom: 1px solid var(--rule); }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
pre { overflow-x: auto; }
table.meta th { color: var(--muted); font-weight: 500; width: 7rem; }
table.meta td, .side { overflow-wrap: anywhere; }
.unknown { color: var(--muted); font-style: italic; }
ol.findings { padding-left: 1.5rem; }
.finding { margin-bottom: 1rem; }
.finding ul { margin: .1rem 0 .25rem; padding-left: 0; list-style: none; }
.kind { font-weight: 600; color: var(--drift); }
.id { color: var(--muted); }
.change { font: 600 .8rem system-ui, sans-serif; color: var(--muted); }
.review { font: italic .9rem system-ui, sans-serif; color: var(--ins-ink); }
.finding .where { font-size: .85rem; color: var(--muted); }
.evidence { margin: .25rem 0 0; display: grid; grid-template-columns: 1fr 1fr; gap: .25rem 1rem; }
.evidence p { margin: 0; padding: .25rem .5rem; border-left: 3px solid var(--rule); }
.evidence .elsewhere { grid-column: 1 / -1; }
mark { background: #ffef9f; color: inherit; padding: 0 .1em; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; }
.legend { font-size: .85rem; color: var(--muted); }
.pairs { border-top: 1px solid var(--rule); }
.pair { display: grid; grid-template-columns: 5rem 1fr 1fr; column-gap: 1.25rem;
  padding: .5rem 0; border-bottom: 1px solid var(--rule); }
.pair.head { font: 600 .9rem/1.3 system-ui, sans-serif; position: static; }
.mark { font-size: .8rem; color: var(--muted); }
.mark b { font-size: 1rem; color: var(--ink); margin-right: .3rem; }
.mark span { display: block; }
.side { min-width: 0; }
.side .label { display: none; }
.pair.same .side { color: var(--muted); }
.pair.dropped .side.a { background: var(--del); }
.pair.added .side.b { background: var(--ins); }
.empty { color: var(--muted); font-style: italic; }
.notes { grid-column: 2 / 4; margin: .25rem 0 0; padding: 0; list-style: none;
  color: var(--drift); font: .9rem/1.4 system-ui, sans-serif; }
.notes li::before { content: "! "; font-weight: 700; }
footer { margin-top: 2rem; font: .8rem system-ui, sans-serif; color: var(--muted); }
@media (max-width: 40rem) {
  body { padding: .75rem; font-size: 15px; }
  .evidence { grid-template-columns: 1fr; }
  .pair { display: block; }
  .pair.head { display: none; }
  .side { margin-top: .25rem; }
  .side .label { display: inline; font: 600 .8rem system-ui, sans-serif; color: var(--muted);
    margin-right: .35rem; }
  .mark span { display: inline; margin-right: .35rem; }
  table.meta th { width: 4.5rem; }
  table:not(.meta) { display: block; overflow-x: auto; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  .pair, .finding { break-inside: avoid; }
  del, ins, mark, .pair.dropped .side.a, .pair.added .side.b, .verdict {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a.url::after { content: " <" attr(href) ">"; font-size: .85em; }
}
"""


def _t(text: str) -> str:
    """Untrusted text (an article's, a path, a note) as HTML text."""
    return escape(text, quote=True)


def _field(value: str | None) -> str:
    return _t(value) if value else '<span class="unknown">unknown</span>'


def _url(value: str | None) -> str:
    """A link only for an http(s) URL: never a javascript: or file: href from a page."""
    if value and value.lower().startswith(("http://", "https://")):
        return f'<a class="url" href="{_t(value)}">{_t(value)}</a>'
    return _field(value)


def _meta_table(a: Article, b: Article) -> str:
    rows = [
        ("file", a.path, b.path), ("title", a.title, b.title), ("outlet", a.outlet, b.outlet),
        ("date", a.date, b.date), ("byline", a.byline, b.byline),
        ("dateline", a.dateline, b.dateline),
        ("credits", ", ".join(a.attribution) or None, ", ".join(b.attribution) or None),
    ]
    body = "".join(f"<tr><th>{name}</th><td>{_field(x)}</td><td>{_field(y)}</td></tr>"
                   for name, x, y in rows)
    body += f"<tr><th>url</th><td>{_url(a.url)}</td><td>{_url(b.url)}</td></tr>"
    fetched = provenance_line(a.path), provenance_line(b.path)
    if any(fetched):
        body += "<tr><th>fetched</th>" + "".join(f"<td>{_field(f)}</td>" for f in fetched)
        body += "</tr>"
    return ('<table class="meta"><thead><tr><th></th><th>A</th><th>B</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _marked(text: str, spans: list[Span], tag: str) -> str:
    """`text` escaped, each (start, end) span wrapped in <tag> (overlaps merged)."""
    out, cursor = [], 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if start >= end:
            continue
        out.append(_t(text[cursor:start]))
        out.append(f"<{tag}>{_t(text[start:end])}</{tag}>")
        cursor = end
    out.append(_t(text[cursor:]))
    return "".join(out)


def _summary(cmp: Comparison) -> str:
    s = cmp.summary()
    return (f'<p class="summary">Sentences of A: {s.same} identical, {s.changed} changed, '
            f"{s.dropped} dropped, {s.moved} moved; {s.added} added in B. "
            f"<strong>B explains {s.share_of_a_in_b:.0%} of A, A explains {s.share_of_b_from_a:.0%} of B.</strong></p>")


def _verdict(cmp: Comparison) -> str:
    """The derivation verdict on B against A, the measures behind it and its reasons."""
    d = derivation_of(cmp)
    reasons = "".join(f"<li>{_t(r)}</li>" for r in d.reasons)
    return (f'<div class="verdict"><strong>B against A:</strong> {_t(d.headline())}'
            f"{f'<ul>{reasons}</ul>' if reasons else ''}</div>")


def _empty() -> str:
    return '<span class="empty">(nothing)</span>'


def _decision(f: Finding) -> str:
    r = f.review
    if r is None:
        return ""
    why = f": {_t(r.note)}" if r.note else ""
    return f' <span class="review">{_t(r.state)} by {_t(r.user)} at {_t(r.at)}{why}</span>'


def _notes(found: list[Finding]) -> str:
    return "".join(f'<li><span class="kind">{_t(f.drift.kind)}</span>{_change(f)} '
                   f'{_t(f.drift.note)} <small class="id">id {_t(f.id)}</small>{_decision(f)}'
                   "</li>" for f in found)


def _change(f: Finding) -> str:
    """`only in A` / `only in B` for a fact one side states and the other does not."""
    side = {"dropped": "A", "added": "B"}.get(f.drift.change)
    return f' <span class="change">only in {side}</span>' if side else ""


def _evidence(a: str, b: str, found: list[Finding]) -> str:
    """Both sentences of a pair, each finding's span marked."""
    a_spans = [(f.drift.a_start, f.drift.a_end) for f in found if f.drift.a_start >= 0]
    b_spans = [(f.drift.b_start, f.drift.b_end) for f in found if f.drift.b_start >= 0]
    elsewhere = "".join(f'<p class="elsewhere"><small>A, another sentence</small> '
                        f"<mark>{_t(f.drift.a_text)}</mark></p>"
                        for f in found if f.drift.a_start < 0 and f.drift.a_text)
    return (f'<div class="evidence"><p><small>A</small> {_marked(a, a_spans, "mark")}</p>'
            f'<p><small>B</small> {_marked(b, b_spans, "mark")}</p>{elsewhere}</div>')


def _findings(cmp: Comparison, found: list[Finding]) -> str:
    """Article-level findings, then one entry per sentence pair with drift: its notes and
    both sentences with the changed words marked."""
    if not found:
        return "<p>None found.</p>"
    items = []
    article = [f for f in found if f.pair is None]
    if article:
        items.append(f'<li class="finding"><span class="where">whole article</span>'
                     f"<ul>{_notes(article)}</ul></li>")
    for i in sorted({f.pair for f in found if f.pair is not None}):
        mine = [f for f in found if f.pair == i]
        items.append(f'<li class="finding"><a class="where" href="#p{i + 1}">'
                     f"sentence pair {i + 1}</a><ul>{_notes(mine)}</ul>"
                     f"{_evidence(*cmp.pair_texts(i), mine)}</li>")
    return f'<ol class="findings">{"".join(items)}</ol>'


def _facts(cmp: Comparison, found: list[Finding]) -> str:
    """Facts both sides state differently, then, apart, facts only one side states."""
    changed = [f for f in found if f.drift.change == "changed"]
    one_sided = [f for f in found if f.drift.change != "changed"]
    out = ('<section><h2 id="findings">Changes that alter facts</h2>\n'
           f"<p>{len(changed)} changed, {len(one_sided)} stated on one side only: leads to "
           f"check against the sources, not verdicts.</p>{_findings(cmp, changed)}</section>\n")
    if one_sided:
        out += ('<section><h2 id="one-sided">Facts on one side only</h2>\n'
                f"{_findings(cmp, one_sided)}</section>\n")
    return out


def _audit(found: list[Finding]) -> str:
    reviewed = sorted((f for f in found if f.review), key=lambda f: f.review.at)
    if not reviewed:
        return ""
    rows = "".join(f"<tr><td>{_t(f.review.at)}</td><td>{_t(f.review.user)}</td>"
                   f"<td>{_t(f.id)}: {_t(f.drift.note)}</td><td>{_t(f.review.state)}</td>"
                   f"<td>{_t(f.review.note)}</td></tr>" for f in reviewed)
    return ('<section><h2 id="audit">Review audit trail</h2><table class="meta">'
            "<thead><tr><th>when</th><th>who</th><th>finding</th><th>decision</th>"
            f"<th>why</th></tr></thead><tbody>{rows}</tbody></table></section>\n")


def _side(text: str, spans: list[Span], tag: str, label: str, present: bool) -> str:
    inner = _marked(text, spans, tag) if present else _empty()
    return f'<div class="side {label.lower()}"><span class="label">{label}</span>{inner}</div>'


def _pair(cmp: Comparison, i: int, found: list[Finding]) -> str:
    p = cmp.pairs[i]
    a, b = cmp.pair_texts(i)
    wd = cmp.word_diff(i)
    a_spans, b_spans = wd.changed_spans() if wd is not None else ([], [])
    moved = ", moved" if p.moved else ""
    score = f"<span>{p.score:.0f}% alike</span>" if p.a and p.b else ""
    notes = "".join(f"<li>{_t(f.drift.note)}</li>" for f in found if f.pair == i)
    return (f'<div class="pair {p.kind}{" moved" if p.moved else ""}" id="p{i + 1}">'
            f'<div class="mark"><b>{KIND_MARK[p.kind]}{"↕" if p.moved else ""}</b>{i + 1} '
            f"<span>{KIND_LABEL[p.kind]}{moved}</span>{score}</div>"
            f"{_side(a, a_spans, 'del', 'A', bool(p.a))}"
            f"{_side(b, b_spans, 'ins', 'B', bool(p.b))}"
            f"{f'<ul class=notes>{notes}</ul>' if notes else ''}</div>")


def page(title: str, body: str) -> str:
    """A standalone page: the report's styles inline, no script, nothing fetched."""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="reader {_t(__version__)}">\n'
        f"<title>{_t(title)}</title>\n<style>{_CSS}</style></head>\n<body>\n{body}"
        f"<footer>Made by reader {_t(__version__)}: sentence alignment, word diff and "
        "rule-based fact drift. Findings are leads to check, not verdicts.</footer>\n"
        "</body></html>\n"
    )


def render_html(cmp: Comparison, reviews: ReviewStore | None = None) -> str:
    """The comparison report as one UTF-8 HTML document; `reviews` adds each finding's
    decision and an audit trail."""
    found = findings(cmp, reviews)
    a_label, b_label = article_label(cmp.a), article_label(cmp.b)
    head_row = (f'<div class="pair head"><div></div><div>A: {_t(a_label)}</div>'
                f"<div>B: {_t(b_label)}</div></div>")
    pairs = "".join(_pair(cmp, i, found) for i in range(len(cmp.pairs)))
    body = (
        f'<header><h1><span class="side-tag">A</span> {_t(a_label)}<br>'
        f'<span class="side-tag">B</span> {_t(b_label)}</h1>\n'
        f"{_verdict(cmp)}{_summary(cmp)}{_meta_table(cmp.a, cmp.b)}</header>\n"
        f"{_facts(cmp, found)}{_audit(found)}"
        '<section><h2 id="pairs">Sentence by sentence</h2>\n'
        '<p class="legend">= identical · ~ changed · - dropped from A · + added in B · '
        "↕ moved · <del>deleted words</del> · <ins>inserted words</ins> · ! fact drift</p>\n"
        f'<div class="pairs">{head_row}{pairs}</div></section>\n'
    )
    return page(f"{a_label} vs {b_label}", body)
