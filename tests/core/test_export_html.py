"""The HTML report: one self-contained page (no script, nothing fetched), article text
always escaped, findings first with their evidence, both versions with <del>/<ins>."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

import pytest

from reader.clean import clean
from reader.compare import compare
from reader.corpus.derivation import derivation_of
from reader.drift.types import Drift
from reader.ingest import source_from_text
from reader.model import Article
from reader.render.html import _evidence, render_html
from reader.reviews import Finding, ReviewStore, findings
from tests.support.articles import ORIGINAL, REWRITE

HOSTILE = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> '
           '<a href="javascript:alert(3)">x</a> <style>body{background:url(http://e.test/a)}</style>')


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each element kind."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def _cmp(a_text: str = ORIGINAL, b_text: str = REWRITE, url: str | None = None):
    a = clean(source_from_text(a_text, "original.txt"))
    b = clean(source_from_text(b_text, "rewrite.txt"))
    a.url = url
    return compare(a, b)


def _lines(a_text: str, b_text: str):
    """A comparison of the texts line by line, as they are (no cleaning to drop lines)."""
    a, b = Article("a.txt", a_text, url="javascript:alert(4)"), Article("b.txt", b_text)
    return compare(a, b, "lines")


def test_page_is_self_contained_and_runs_no_script():
    html = render_html(_lines(ORIGINAL.replace("the winter storm", HOSTILE),
                              REWRITE.replace("the winter storm", HOSTILE)))
    page = Page(html)
    kinds = {t for t, _ in page.tags}
    assert not kinds & {"script", "img", "link", "iframe", "object", "embed", "base", "form"}
    assert len(page.all("style")) == 1
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    for attrs in page.all("a"):
        assert attrs["href"].startswith(("#", "http://", "https://"))
    assert not any("src" in attrs for _, attrs in page.tags)
    css = "".join(page.styles)
    assert "url(" not in css and "@import" not in css
    csp = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert "@media print" in css and "@media (max-width" in css
    # the hostile text is there, as text
    assert any("<script>alert(1)</script>" in t for t in page.text)


def test_only_http_urls_become_links():
    links = Page(render_html(_cmp(url="https://news.example/lighthouse?a=1&b=2"))).all("a")
    assert {"class": "url", "href": "https://news.example/lighthouse?a=1&b=2"} in links
    assert not [a for a in Page(render_html(_cmp(url="file:///etc/passwd"))).all("a")
                if not a["href"].startswith("#")]


def test_changed_words_are_del_and_ins_and_each_side_has_its_column():
    html = render_html(_cmp())
    assert "<del>2.4</del>" in html and "<ins>4.2</ins>" in html
    page = Page(html)
    sides = [a["class"] for a in page.all("div") if (a.get("class") or "").startswith("side")]
    assert sides.count("side a") == sides.count("side b") == len(_cmp().pairs)


def test_findings_come_first_with_their_evidence():
    html = render_html(_cmp())
    findings, pairs = html.index('id="findings"'), html.index('id="pairs"')
    assert findings < pairs
    head = html[findings:pairs]
    assert "<mark>2.4 million</mark>" in head and "<mark>4.2 million</mark>" in head
    cmp = _cmp()
    first = next(i for i in range(len(cmp.pairs)) if cmp.drift(i))
    assert "credit removed" in head and f'href="#p{first + 1}"' in head


def test_facts_on_one_side_only_come_apart_saying_which_side():
    html = render_html(_cmp())
    changed = html[html.index('id="findings"'):html.index('id="one-sided"')]
    one_sided = html[html.index('id="one-sided"'):html.index('id="pairs"')]
    assert "4.2 million" in changed and "credit removed" not in changed
    assert "credit removed" in one_sided and "only in A" in one_sided


def test_no_findings_is_said_plainly():
    html = render_html(_cmp(ORIGINAL, ORIGINAL))
    assert "None found." in html[html.index('id="findings"'):html.index('id="pairs"')]


def test_derivation_verdict_comes_first_with_its_reasons():
    cmp = _cmp()
    verdict = derivation_of(cmp)
    html = render_html(cmp)
    at = html.index(f"<strong>B against A:</strong> {escape(verdict.headline())}")
    assert at < html.index('id="findings"')
    assert all(escape(r) in html[at:] for r in verdict.reasons)


def test_metadata_of_both_sides_is_shown_unknowns_said():
    text = " ".join(Page(render_html(_cmp())).text)
    assert "Mara Quint" in text and "PORT ELLISON (Wirepost)" in text
    assert "original.txt" in text and "rewrite.txt" in text and "unknown" in text


def test_a_misquote_found_in_another_sentence_of_a_shows_that_wording():
    """A quote whose closest original wording lies outside the pair carries it in a_text
    with no offsets: the evidence still shows it, escaped."""
    drift = Drift("quote", "a <b>harsh</b> winter", "a bad winter", -1, -1, 10, 22,
                  "quote altered", "changed")
    html = _evidence("The mayor spoke.", "She said: a bad winter.",
                     [Finding(0, drift, "x", None)])
    assert "A, another sentence" in html
    assert "<mark>a &lt;b&gt;harsh&lt;/b&gt; winter</mark>" in html
    assert "<mark>a bad winter</mark>" in html


def test_review_decisions_and_their_audit_trail_are_in_the_report():
    cmp = _cmp()
    store = ReviewStore()
    first = findings(cmp, store)[0]
    store.decide(cmp, first, "confirmed", "checked <the> council minutes")
    html = render_html(cmp, store)
    assert html.index('id="audit"') < html.index('id="pairs"')
    audit = html[html.index('id="audit"'):html.index('id="pairs"')]
    assert "confirmed" in audit and "checked &lt;the&gt; council minutes" in audit
    assert f"id {first.id}" in html[:html.index('id="audit"')]
