"""Derivation verdicts on METER's development pairs: was each newspaper article written
from its Press Association source(s) wholly, partly, or not at all?

Scores (3-class macro F1 over the annotators' labels, and F1 per class):
- reader: `reader.corpus.derivation` with its shipped thresholds, against the pair's
  PA sources;
- reader sources on the story's folder: `reader sources ARTICLE FOLDER`'s verdict, with
  the sources chosen from the folder a researcher would have (the story's wire takes and
  the other papers' versions), as a user gets it; and how it ranks the other papers'
  versions there (the article's original or its copy, a sibling written from the same
  wire copy, or unclear);
- reader sources on the day's folder: the same, with every wire take and paper article
  of the article's date in the folder (the wire copy of its day, other stories too);
- reader, cross-validated: the same rule fitted on four fifths of the stories and scored
  on the fifth left out (five folds, three shuffles), so the figure says what to expect
  on held-out pairs rather than how well the rule fits these. Fitting: how much each
  threshold rises per doubling of the article's length is the ratio of the weights of a
  logistic regression (derived or not on sequence_share and log2 length; wholly or
  partly, among the derived, on words_found and log2 length), then the two thresholds
  at LENGTH_REF words are the pair with the best macro F1, all on the pairs whose
  sources are on the public record; then the bar for the others, from a short grid;
- the same rule without the length (two fixed thresholds, the previous rule), cross-validated;
- the same rule without the facts it adds (numbers and names the sources lack keep an
  article from being wholly derived), cross-validated;
- the same rule without the public record (one bar for every source), cross-validated;
- previous release: two thresholds on the share of the article its aligner explains
  (the only measure it had), chosen on the pairs themselves (an optimistic baseline)
  and cross-validated the same way; computed in this run from the previous release's code;
- the best published result, 0.664 (Clough, Gaizauskas, Piao and Wilks, ACL 2002).

Agreement with the phrase annotations (118 articles annotated verbatim / rewrite / new):
of the words annotated verbatim or rewrite, the share inside sentences reader pairs
with PA; of the words annotated new, the share it leaves unpaired; of the words
annotated verbatim, the share inside verbatim passages the derivation reports (and
of those passages' words, the share annotated verbatim) and the share the word diff
leaves unchanged; of the words annotated rewrite in paired sentences, the share the
word diff marks changed.

Where the verdicts go wrong: macro F1 on the phrase-annotated articles, beside two
thresholds on the share of words the annotators marked as taken from PA (fitted on those
same articles: what wording alone, read as the annotators read it, could reach there),
and on the articles not annotated phrase by phrase, court and showbiz apart.

Run from the project root: `python3 bench/meter_derivation.py`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import numpy as np
from common import METER
from meter_common import previous_and_current, write_results

LABELS = ("wholly", "partially", "non")
VERDICTS = {"wholly-derived": 0, "partially-derived": 1, "independent": 2}
PUBLISHED = 0.664
FOLDS, SHUFFLES = 5, 3
OFF_RECORD_GRID = (0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15)


def _articles(docs: dict, ids: set[str]) -> dict:
    from reader.clean import clean
    from reader.ingest import source_from_text

    return {k: clean(source_from_text(docs[k]["text"], path=k)) for k in sorted(ids)}


def _union_share(article, sources) -> float:
    """Previous release's measure: the article's characters in strongly aligned sentences."""
    from reader.compare import compare

    taken: set[int] = set()
    sentences = None
    for s in sources:
        al = compare(s, article).alignment
        sentences = al.b
        taken.update(j for p in al.pairs if p.a and p.b and p.score >= 45 for j in p.b)
    total = sum(len(s.text) for s in sentences or [])
    return sum(len(sentences[j].text) for j in taken) / total if total else 0.0


def _raw_to_clean(raw: str) -> list[int]:
    """Index in the newline-normalised text of each character of `raw` (ingest's rule)."""
    out, pos, i = [], 0, 0
    while i < len(raw):
        out.append(pos)
        if raw[i] == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
            out.append(pos)
            i += 1
        pos += 1
        i += 1
    return out


def _mark_kept(cmp, index: int, kept: np.ndarray) -> None:
    """Mark the characters of B that pair `index` keeps from A: a whole identical pair,
    or the tokens the word diff of a changed pair leaves equal."""
    al, pair = cmp.alignment, cmp.alignment.pairs[index]
    starts, pos = [], 0  # where each B sentence begins in the pair's joined text
    for j in pair.b:
        starts.append((pos, al.b[j].start))
        pos += len(al.b[j].text) + 1
    if pair.kind == "same":
        for j in pair.b:
            kept[al.b[j].start:al.b[j].end] = True
        return
    wd = cmp.word_diff(index)
    for op in wd.ops if wd else []:
        if op.tag != "equal":
            continue
        for tok in wd.b[op.b1:op.b2]:
            joined, start = max((t for t in starts if t[0] <= tok.start), key=lambda t: t[0])
            kept[start + tok.start - joined:start + tok.end - joined] = True


def _phrases(data: dict, sources_of: dict, articles: dict) -> dict:
    """Word counts: annotated kind x (in a sentence paired with PA, in a verbatim run)."""
    import re

    from reader.clean import clean
    from reader.compare import compare
    from reader.corpus.derivation import STRONG_LINK, VERBATIM
    from reader.corpus.wording import words_of_article
    from reader.corpus.wording import read_words, shared_runs
    from reader.ingest import source_from_text

    counts = {k: {"words": 0, "paired": 0, "verbatim_run": 0, "kept": 0}
              for k in ("verbatim", "rewrite", "new")}
    run_words = 0
    for ann in data["phrase_annotations"]:
        art = clean(source_from_text(ann["text"], path=ann["doc"]))
        srcs = [articles[s] for s in sources_of.get(ann["doc"], [])]
        if not srcs:
            continue
        paired = np.zeros(len(art.text) + 1, dtype=bool)
        kept = np.zeros(len(art.text) + 1, dtype=bool)  # words the word diff leaves equal
        for s in srcs:
            cmp = compare(s, art)
            al = cmp.alignment
            for i, p in enumerate(al.pairs):
                if p.a and p.b and p.score >= STRONG_LINK:
                    for j in p.b:
                        paired[al.b[j].start:al.b[j].end] = True
                    _mark_kept(cmp, i, kept)
        verbatim = np.zeros(len(art.text) + 1, dtype=bool)
        theirs = [words_of_article(s) for s in srcs]
        for para in art.paragraphs:
            words = read_words([para.text])
            cover = shared_runs(words, theirs, VERBATIM)
            spans = list(re.finditer(r"\w+(?:['\u2019]\w+)*", para.text))
            for m, hit in zip(spans, cover.tolist()):
                verbatim[para.start + m.start():para.start + m.end()] = hit
        where = _raw_to_clean(ann["text"])
        for start, end, kind in ann["spans"]:
            for m in re.finditer(r"\w+", ann["text"][start:end]):
                at = where[start + m.start()]
                counts[kind]["words"] += 1
                counts[kind]["paired"] += bool(paired[at])
                counts[kind]["verbatim_run"] += bool(verbatim[at])
                counts[kind]["kept"] += bool(kept[at])
        run_words += int(sum(1 for m in re.finditer(r"\w+", art.text) if verbatim[m.start()]))
    counts["run_words"] = run_words  # type: ignore[assignment]
    return counts


def _marked_shares(data: dict) -> dict[str, float]:
    """Per phrase-annotated article, the share of its words the annotators marked as
    taken from PA (verbatim or rewritten)."""
    import re

    out = {}
    for ann in data["phrase_annotations"]:
        count = {"verbatim": 0, "rewrite": 0, "new": 0}
        for start, end, kind in ann["spans"]:
            count[kind] += len(re.findall(r"\w+", ann["text"][start:end]))
        out[ann["doc"]] = (count["verbatim"] + count["rewrite"]) / max(1, sum(count.values()))
    return out


def _against_the_marks(rows: list, y: np.ndarray, pred: np.ndarray) -> dict:
    """Where the verdicts go wrong: macro F1 on the phrase-annotated articles, beside
    two thresholds on the annotators' own marks fitted on those same articles (what
    wording alone, read as the annotators read it, could reach there), and on the
    articles nobody annotated phrase by phrase, by domain."""
    marks = _marked_shares(json.loads(METER.read_text("utf-8")))
    annotated = np.array([r["id"] in marks for r in rows])
    marked = np.array([marks.get(r["id"], 0.0) for r in rows])[annotated]
    best = _fit(share_rule, (marked, marked), y[annotated])
    out = {"annotated_pairs": int(annotated.sum()),
           "reader_on_annotated": f1_scores(y[annotated], pred[annotated])[0],
           "marks_thresholds_fitted_on_annotated": f1_scores(
               y[annotated], share_rule(marked, marked, *best))[0]}
    for domain in ("courts", "showbiz"):
        here = ~annotated & np.array([r["story"].startswith(domain) for r in rows])
        out[f"reader_on_unannotated_{domain}"] = {
            "pairs": int(here.sum()), "agreement": float((y[here] == pred[here]).mean()),
            "labels": {k: int((y[here] == i).sum()) for i, k in enumerate(LABELS)},
            "partially_read_as_independent": int(((y == 1) & (pred == 2) & here).sum())}
    return out


def _from_folder(article, folder: list) -> tuple[str, dict[str, int]]:
    """`reader sources ARTICLE FOLDER`'s verdict (the sources chosen from the folder),
    and the directions it gives the other papers' versions there."""
    from reader.corpus.derivation import derive_from_ranked
    from reader.corpus.provenance import LOOSE, rank_sources

    ranked = rank_sources(article, folder)
    papers = Counter(c.direction for c in ranked if c.article.path.startswith("newspapers/"))
    papers |= Counter("wire take " + c.direction for c in ranked
                      if c.article.path.startswith("PA/") and c.explained >= LOOSE)
    return derive_from_ranked(article, ranked, folder).verdict, dict(papers)


def measure() -> dict:
    """Per pair: the measures of whichever `reader` is first on sys.path."""
    data = json.loads(METER.read_text("utf-8"))
    pairs = data["pairs"]
    ids = {p["derived"] for p in pairs} | {s for p in pairs for s in p["source"]}
    articles = _articles(data["docs"], ids)
    try:
        from reader.corpus.derivation import measure as derivation_measure
        from reader.corpus.derivation import verdict_of
    except ImportError:
        derivation_measure = None
    folder_of = {d: s["pa"] + s["news"] for s in data["stories"] for d in s["news"]}
    day_of = {}  # the day's folder: every wire take and paper article of that date
    for doc in sorted(data["docs"]):
        day_of.setdefault(doc.split("/")[2], []).append(doc)
    if derivation_measure is not None:  # the folders, as `reader sources` reads them
        articles |= _articles(data["docs"], set(data["docs"]) - ids)
    rows = []
    for p in pairs:
        art, srcs = articles[p["derived"]], [articles[s] for s in p["source"]]
        row = {"id": p["derived"], "label": p["label"], "story": "/".join(p["derived"].split("/")[1:4])}
        if derivation_measure is None:
            row["share"] = _union_share(art, srcs)
        else:
            m = derivation_measure(art, srcs)
            folder_verdict, papers = _from_folder(
                art, [articles[d] for d in folder_of[p["derived"]] if d != p["derived"]])
            day = [articles[d] for d in day_of[p["derived"].split("/")[2]] if d != p["derived"]]
            row.update(share=m.share, sequence_share=m.sequence_share, words_found=m.words_found,
                       verbatim_share=m.verbatim_share, words=m.words, verdict=verdict_of(m),
                       adds_facts=m.adds_facts(), on_record=m.on_record(),
                       folder_verdict=folder_verdict, day_verdict=_from_folder(art, day)[0],
                       folder_other_papers=papers)
        rows.append(row)
    out: dict = {"rows": rows}
    if derivation_measure is not None:
        out["phrases"] = _phrases(data, {p["derived"]: p["source"] for p in pairs}, articles)
    return out


def f1_scores(y: np.ndarray, pred: np.ndarray) -> tuple[float, list[float]]:
    per = []
    for c in range(3):
        tp = int(((pred == c) & (y == c)).sum())
        wrong = int(((pred == c) != (y == c)).sum())
        per.append(2 * tp / (2 * tp + wrong) if tp + wrong else 0.0)
    return float(np.mean(per)), per


def _grid(x: np.ndarray) -> np.ndarray:
    return np.unique(np.round(np.quantile(x, np.linspace(0.02, 0.98, 49)), 3))


def _fit(predict, features: tuple[np.ndarray, ...], y: np.ndarray) -> tuple[float, float]:
    """The two thresholds with the best macro F1 on these pairs (ties: the first found)."""
    best, arg = -1.0, (0.0, 0.0)
    for t1 in _grid(features[0]):
        for t2 in _grid(features[1]):
            s = f1_scores(y, predict(*features, t1, t2))[0]
            if s > best:
                best, arg = s, (float(t1), float(t2))
    return arg


def cross_validated(fit, predict, features: tuple[np.ndarray, ...], y: np.ndarray,
                    story: np.ndarray) -> float:
    """Macro F1 with the rule fitted on the other folds' stories, averaged over shuffles."""
    scores = []
    for seed in range(SHUFFLES):
        stories = np.unique(story)
        np.random.default_rng(seed).shuffle(stories)
        pred = np.zeros(len(y), dtype=int)
        for k in range(FOLDS):
            test = np.isin(story, stories[k::FOLDS])
            params = fit(tuple(f[~test] for f in features), y[~test])
            pred[test] = predict(*(f[test] for f in features), *params)
        scores.append(f1_scores(y, pred)[0])
    return float(np.mean(scores))


def threshold_fit(predict):
    """A fitter choosing `predict`'s two thresholds on the training pairs."""
    return lambda features, y: _fit(predict, features, y)


def share_rule(share: np.ndarray, _: np.ndarray, wholly: float, partial: float) -> np.ndarray:
    """Previous release baseline: thresholds on the aligner's share alone."""
    return np.where(share >= max(wholly, partial), 0, np.where(share >= min(wholly, partial), 1, 2))


def derivation_rule(sequences: np.ndarray, words: np.ndarray, length: np.ndarray,
                    share: np.ndarray, adds: np.ndarray, on_record: np.ndarray, partial: float,
                    wholly: float, slopes: tuple[float, float] = (0.0, 0.0),
                    off_record: float | None = None) -> np.ndarray:
    """reader.corpus.derivation.verdict_of, vectorised (thresholds and slopes as
    arguments, the one for sources off the record the shipped one unless given; the
    aligner's share at WHOLLY_ALIGNED and the facts it adds are fixed)."""
    from reader.corpus.derivation import OFF_RECORD_SEQUENCES, WHOLLY_ALIGNED, thresholds

    off_record = OFF_RECORD_SEQUENCES if off_record is None else off_record
    need = thresholds(length, on_record, partial, wholly, slopes, off_record)
    whole = (share >= WHOLLY_ALIGNED) | (sequences >= need[0]) & (words >= need[1])
    return np.where(whole & ~adds, 0, np.where(whole | (sequences >= need[0]), 1, 2))


def _logistic_slope(x: np.ndarray, doublings: np.ndarray, target: np.ndarray) -> float:
    """How far the threshold on `x` moves per doubling: minus the ratio of the weights of
    an L2-regularised logistic regression (standardised inputs, Newton's method)."""
    raw = np.c_[x, doublings]
    mu, sd = raw.mean(0), raw.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (raw - mu) / sd]
    ridge = np.diag([0.0, 1.0, 1.0])
    w = np.zeros(3)
    for _ in range(30):
        p = 1 / (1 + np.exp(-z @ w))
        w -= np.linalg.solve(z.T @ (z * (p * (1 - p))[:, None]) + ridge, z.T @ (p - target) + ridge @ w)
    weights = w[1:] / sd
    return float(-weights[1] / weights[0])


def length_fit(features: tuple[np.ndarray, ...], y: np.ndarray) -> tuple:
    """The slopes by logistic regression, then the two thresholds for the best macro F1,
    on the pairs whose sources are on the record; then the threshold for the others."""
    from reader.corpus.derivation import LENGTH_REF

    on = features[5]
    seq, words, length, share, adds, _ = (f[on] for f in features)
    doublings = np.log2(np.maximum(1, length) / LENGTH_REF)
    derived = y[on] != 2
    slopes = (_logistic_slope(seq, doublings, derived.astype(float)),
              _logistic_slope(words[derived], doublings[derived], (y[on][derived] == 0).astype(float)))
    t1, t2 = _fit(lambda _s, _w, p, q: derivation_rule(seq, words, length, share, adds, on[on],
                                                        p, q, slopes),
                  (seq - slopes[0] * doublings, words - slopes[1] * doublings), y[on])
    off = max(OFF_RECORD_GRID, key=lambda c: (
        f1_scores(y, derivation_rule(*features, t1, t2, slopes, c))[0], c))
    return t1, t2, slopes, off


def main() -> int:
    got = previous_and_current(__file__, __doc__, measure)
    if got is None:
        return 0
    runs, prev_ref = got
    from reader.corpus.derivation import (
        LENGTH_REF,
        OFF_RECORD_SEQUENCES,
        PARTIAL_PER_DOUBLING,
        PARTIAL_SEQUENCES,
        WHOLLY_PER_DOUBLING,
        WHOLLY_WORDS,
    )

    cur, prev = runs["current"]["rows"], runs["previous"]["rows"]
    y = np.array([LABELS.index(r["label"]) for r in cur])
    story = np.array([r["story"] for r in cur])
    names = ("sequence_share", "words_found", "words", "share", "adds_facts", "on_record")
    features = tuple(np.array([r[k] for r in cur]) for k in names)
    old = np.array([r["share"] for r in prev])
    slopes = (PARTIAL_PER_DOUBLING, WHOLLY_PER_DOUBLING)
    verdicts = derivation_rule(*features, PARTIAL_SEQUENCES, WHOLLY_WORDS, slopes)
    shipped = f1_scores(y, verdicts)
    assert shipped[1] == f1_scores(y, np.array([VERDICTS[v] for v in
                                                (r["verdict"] for r in cur)]))[1]

    folder = f1_scores(y, np.array([VERDICTS[r["folder_verdict"]] for r in cur]))
    day = f1_scores(y, np.array([VERDICTS[r["day_verdict"]] for r in cur]))
    fitted = length_fit(features, y)
    base_t = _fit(share_rule, (old, old), y)
    base = f1_scores(y, share_rule(old, old, *base_t))
    results = {
        "pairs": len(y), "labels": {k: int((y == i).sum()) for i, k in enumerate(LABELS)},
        "reader": {"macro_f1": shipped[0], "per_class": dict(zip(LABELS, shipped[1])),
                   "thresholds": {"partial_sequences": PARTIAL_SEQUENCES, "wholly_words": WHOLLY_WORDS,
                                  "per_doubling": slopes, "off_record": OFF_RECORD_SEQUENCES},
                   "cv_macro_f1": cross_validated(length_fit, derivation_rule, features, y, story),
                   "fitted_here": fitted},
        "reader_sources_on_day": {"macro_f1": day[0], "per_class": dict(zip(LABELS, day[1]))},
        "reader_sources_on_folder": {"macro_f1": folder[0], "per_class": dict(zip(LABELS, folder[1])),
                                     "same_verdict": float(np.mean([r["folder_verdict"] == r["verdict"]
                                                                    for r in cur])),
                                     "other_papers": dict(sum((Counter(r["folder_other_papers"])
                                                               for r in cur), Counter()))},
        "without_length_cv_macro_f1": cross_validated(threshold_fit(derivation_rule),
                                                      derivation_rule, features, y, story),
        "without_facts_cv_macro_f1": cross_validated(length_fit, derivation_rule,
                                                     (*features[:4], np.zeros(len(y), bool), features[5]),
                                                     y, story),
        "without_record_cv_macro_f1": cross_validated(length_fit, derivation_rule,
                                                      (*features[:5], np.ones(len(y), bool)), y, story),
        "previous_share_thresholds": {
            "macro_f1_fitted_on_dev": base[0], "per_class": dict(zip(LABELS, base[1])),
            "thresholds": base_t,
            "cv_macro_f1": cross_validated(threshold_fit(share_rule), share_rule, (old, old), y, story)},
        "against_the_marks": _against_the_marks(cur, y, verdicts),
        "published_best": PUBLISHED, "previous_ref": prev_ref,
        "phrases": runs["current"]["phrases"],
    }
    r, b, ph = results["reader"], results["previous_share_thresholds"], results["phrases"]
    marks = results["against_the_marks"]
    lines = ["| system | macro F1 | wholly | partially | non | cross-validated macro F1 |",
             "|---|---|---|---|---|---|",
             f"| reader (shipped thresholds) | {r['macro_f1']:.3f} | "
             + " | ".join(f"{r['per_class'][k]:.3f}" for k in LABELS) + f" | {r['cv_macro_f1']:.3f} |",
             f"| reader sources on the story's folder (sources chosen from it) | {folder[0]:.3f} | "
             + " | ".join(f"{x:.3f}" for x in folder[1]) + " | |",
             f"| reader sources on the day's folder (every wire take and article of its date) | "
             f"{day[0]:.3f} | " + " | ".join(f"{x:.3f}" for x in day[1]) + " | |",
             f"| reader without the length (two fixed thresholds) | | | | | "
             f"{results['without_length_cv_macro_f1']:.3f} |",
             f"| reader without the facts it adds (no veto on wholly derived) | | | | | "
             f"{results['without_facts_cv_macro_f1']:.3f} |",
             f"| reader without the public record (one derived threshold for every source) | | | | | "
             f"{results['without_record_cv_macro_f1']:.3f} |",
             f"| previous release: share thresholds fitted on these pairs | {b['macro_f1_fitted_on_dev']:.3f} | "
             + " | ".join(f"{b['per_class'][k]:.3f}" for k in LABELS) + f" | {b['cv_macro_f1']:.3f} |",
             f"| published best (Clough et al. 2002) | {PUBLISHED:.3f} | | | | |", ""]
    papers = results["reader_sources_on_folder"]["other_papers"]
    claims = papers.get("original", 0) + papers.get("derivative", 0)
    takes = {k.removeprefix("wire take "): v for k, v in papers.items() if k.startswith("wire take ")}
    shown = sum(v for k, v in papers.items() if not k.startswith("wire take "))
    lines += [f"Wire takes explaining a fifth or more of the article on the story's folder "
              f"({sum(takes.values())}): {takes.get('original', 0)} named its original, "
              f"{takes.get('unclear', 0)} unclear, {takes.get('derivative', 0)} called its copy.", "",
              f"Other papers' versions as `reader sources` ranks them on the story's folder "
              f"({shown}): {claims} called the article's original or its copy, "
              f"{papers.get('sibling', 0)} siblings written from the same wire copy (what the two "
              f"share, the wire has too), {papers.get('unclear', 0)} unclear (most explain under a "
              f"fifth of it). METER's papers wrote from PA, not from each other.", ""]
    annotated = {k: ph[k] for k in ("verbatim", "rewrite", "new")}
    from_pa = annotated["verbatim"]["paired"] + annotated["rewrite"]["paired"]
    pa_words = annotated["verbatim"]["words"] + annotated["rewrite"]["words"]
    new = annotated["new"]
    lines += [
        "| phrase annotations (118 articles) | share |", "|---|---|",
        f"| words annotated verbatim or rewrite inside sentences paired with PA | {from_pa / pa_words:.3f} |",
        f"| words annotated new left unpaired | {1 - new['paired'] / new['words']:.3f} |",
        f"| words annotated verbatim inside reported verbatim passages | "
        f"{annotated['verbatim']['verbatim_run'] / annotated['verbatim']['words']:.3f} |",
        f"| words of reported verbatim passages annotated verbatim | "
        f"{annotated['verbatim']['verbatim_run'] / max(1, ph['run_words']):.3f} |",
        f"| words annotated verbatim the word diff leaves unchanged | "
        f"{annotated['verbatim']['kept'] / annotated['verbatim']['words']:.3f} |",
        f"| words annotated rewrite the word diff marks changed (of those in paired sentences) | "
        f"{1 - annotated['rewrite']['kept'] / max(1, annotated['rewrite']['paired']):.3f} |", "",
        f"{len(y)} pairs ({', '.join(f'{k} {v}' for k, v in results['labels'].items())}); "
        f"cross-validation: {FOLDS} folds by story, {SHUFFLES} shuffles. Previous release: git "
        f"{prev_ref}. Fitted on all these pairs (thresholds at {LENGTH_REF} words, rise per doubling): "
        f"{fitted[0]:.3f}, {fitted[1]:.3f}, ({fitted[2][0]:.3f}, {fitted[2][1]:.3f}); sources off the "
        f"record: {fitted[3]:.3f}.", "",
        "| where the verdicts go wrong | pairs | macro F1 |", "|---|---|---|",
        f"| reader, articles annotated phrase by phrase | {marks['annotated_pairs']} | "
        f"{marks['reader_on_annotated']:.3f} |",
        f"| two thresholds on the annotators' own marks (share of words marked verbatim or "
        f"rewrite), fitted on those articles | {marks['annotated_pairs']} | "
        f"{marks['marks_thresholds_fitted_on_annotated']:.3f} |", "",
        "| articles not annotated phrase by phrase | pairs (wholly / partially / non) | "
        "agreement | partially derived read as independent |", "|---|---|---|---|",
        *(f"| {d} | {u['pairs']} ({' / '.join(str(v) for v in u['labels'].values())}) | "
          f"{u['agreement']:.3f} | {u['partially_read_as_independent']} |" for d, u in
          ((d, marks[f"reader_on_unannotated_{d}"]) for d in ("courts", "showbiz")))]
    write_results("meter_derivation", "Derivation verdicts on METER dev pairs (wholly / partially "
                  "/ not derived from PA)", "\n".join(lines), results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
