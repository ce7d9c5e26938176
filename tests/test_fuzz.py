"""Fuzzing read -> normalize -> segment -> recognize -> extract with random and adversarial input.

Property-based (hypothesis), with a fixed budget and derandomized, so CI runs the same
examples every time in well under a minute. Properties: nothing raises, every record
validates, passages and evidence point inside the file (`0 <= start <= end <= len(text)`),
and a quote matches the file where no repair changed the text. Every crash found here
becomes a plain regression test in `tests/test_fuzz_regressions.py`.
"""

from __future__ import annotations

import codecs
import html
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irkg.loaders.pipeline import extract_document, extract_documents
from irkg.loaders.read import read_paths
from irkg.schema.graph import RECORD_BY_KIND
from irkg.schema.pipeline import DocExtraction, Document

# Each test gets a fixed number of examples; derandomize makes the examples the same on every run.
# IRKG_FUZZ_EXAMPLES raises the budget for a longer local hunt (with IRKG_FUZZ_RANDOM=1 for new examples).
BUDGET = settings(
    max_examples=int(os.environ.get("IRKG_FUZZ_EXAMPLES") or 400), deadline=None,
    derandomize=not os.environ.get("IRKG_FUZZ_RANDOM"), database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Phrases that make the rules fire: actors, titles, dates, figures, agreements, cues.
AR_PHRASES = [
    "زار وزير الخارجية الروسي سيرغي لافروف طهران", "في 3 مارس 2024", "والتقى نظيره الإيراني",
    "وقعت إيران وروسيا معاهدة شراكة شاملة لمدة 20 عاما", "بلغ حجم التبادل التجاري 4,8 مليار دولار",
    "في عام 2023", "يوليو/تموز 2022", "نوفمبر/تشرين أول", "(1980-1988)", "العام 5.2020", "أمس",
    "الأسبوع الماضي", "وتتنافس روسيا وإيران على أسواق الغاز", "ويرى الكاتب أن العلاقة ليست شراكة استراتيجية",
    "قد تسلّم إيران مقاتلات سوخوي-35", "حرصاً على علاقاتها مع إسرائيل", "السفير", "الرئيس بوتين",
    "بزشكيان", "بيزشكيان", "الكرملين", "وفي", "لل", "ال", "و", "ف", "ب", "ك", "الولايات المتحدة",
    "مجلس الأمن", "الوكالة الدولية للطاقة الذرية", "نحو 30%", "ثلاثة ملايين طن", "١٢ مارس ٢٠٢٥",
    "العميد رضا طلائي", "يتبع:", "ص 02", "ـــــ", "ّّ", "ً", "٪", "القرن العشرين", "التسعينيات",
    "أشهر العشرة الأولى من 2025", "يوم الثلاثاء", "لإجبار", "تستهدف", "بهدف", "نفت", "زعمت",
]
EN_PHRASES = [
    "Iranian President Masoud Pezeshkian visited Moscow", "on January 17, 2025", "Russian President Vladimir Putin",
    "signed a 20-year Comprehensive Strategic Partnership Treaty", "The treaty consists of 47 articles",
    "Bilateral trade between Iran and Russia reached $4.8 billion in 2024", "ratified the treaty on May 21, 2025",
    "Russia has reportedly delayed deliveries of Su-35 fighter jets to Iran", "Foreign Minister",
    "Moscow's close ties with Israel limit arms deliveries", "compete for gas markets in Central Asia",
    "a marriage of convenience rather than an alliance", "last week", "yesterday", "the 1990s", "IRGC", "S-400",
    "Ambassador", "denied", "allegedly", "is expected to", "in order to", "UN Security Council", "OPEC+",
]
MARKS = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", "،", "؛", "؟", "!", "?", ":", "-", "–", "•", "* ",
         "- ", "1. ", "## ", "**", "__", "*", "\"", "«", "»", "(", ")", "[", "]", "/", "\u200f", "\u200e",
         "\u202e", "\u00a0", "\ufeff", "\u0640", "\u064b", "%", "$", "٫", "...", "…", "---"]


def _chunks() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(AR_PHRASES), st.sampled_from(EN_PHRASES), st.sampled_from(MARKS),
        st.from_regex(r"[0-9٠-٩]{1,5}", fullmatch=True),
        st.text(max_size=12),
        st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=15),
    )


TEXTS = st.lists(_chunks(), max_size=40).map("".join)


def _html() -> st.SearchStrategy[str]:
    tags = st.sampled_from(["div", "p", "span", "article", "main", "nav", "script", "style", "li", "ul", "h1",
                            "h2", "br", "a", "table", "td", "title", "aside", "footer", "b"])
    attrs = st.sampled_from(["", " class=\"share-links\"", " id=\"main\"", " class='content'", " role=nav",
                             " data-x=\"<>\"", " class"])
    piece = st.one_of(
        st.builds(lambda t, a: f"<{t}{a}>", tags, attrs),
        st.builds(lambda t: f"</{t}>", tags),
        st.sampled_from(["&amp;", "&lt;", "&#1575;", "&#x627;", "&nbsp;", "&bogus;", "&", "<!-- c -->",
                         "<![CDATA[x]]>", "<!DOCTYPE html>", "<br/>", "<", ">", "</", "<p", "&#0;", "&#99999999;"]),
        _chunks(),
    )
    return st.lists(piece, max_size=50).map("".join)


def _check(x: DocExtraction, doc: Document) -> None:
    """The properties every extraction must have."""
    DocExtraction.model_validate(x.model_dump(mode="json"))
    n = len(doc.text)
    for p in x.passages:
        assert 0 <= p.start <= p.end <= n, (p.start, p.end, n)
    for r in x.records:
        RECORD_BY_KIND[r.kind].model_validate(r.model_dump(mode="json"))
        for e in r.evidence:
            assert 0 <= e.start <= e.end <= n, (r.kind, e.start, e.end, n)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _extract_file(name: str, data: bytes, corpus_yaml: str | None = None) -> list[tuple[DocExtraction, Document]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / name).write_bytes(data)
        if corpus_yaml is not None:
            (folder / "corpus.yaml").write_text(corpus_yaml, encoding="utf-8")
        docs, problems = read_paths([folder])
        for problem in problems:
            assert "\n" not in str(problem)
        return [(extract_document(d), d) for d in docs]


@BUDGET
@given(TEXTS)
def test_fuzz_text_documents(text):
    for x, doc in _extract_file("doc.txt", text.encode("utf-8")):
        _check(x, doc)


@BUDGET
@given(st.lists(st.sampled_from(AR_PHRASES + EN_PHRASES + [".", "\n", " ", "، ", ". "]), min_size=1, max_size=30).map(" ".join))
def test_fuzz_quotes_match_the_file_when_nothing_was_repaired(text):
    from irkg.loaders.normalize import normalize

    for x, doc in _extract_file("doc.txt", text.encode("utf-8")):
        _check(x, doc)
        if normalize(doc).repairs:
            continue
        for p in x.passages:
            assert _squash(p.text) == _squash(doc.text[p.start:p.end])
        for r in x.records:
            for e in r.evidence:
                assert _squash(e.text) == _squash(doc.text[e.start:e.end])


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "latin-1"])


@BUDGET
@given(st.one_of(
    st.binary(max_size=300),
    st.tuples(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]),
              st.binary(max_size=200)).map(b"".join),
    st.tuples(TEXTS, _ENCODINGS).map(lambda te: te[0].encode(te[1], errors="replace")),
))
def test_fuzz_arbitrary_bytes(data):
    for x, doc in _extract_file("doc.txt", data):
        _check(x, doc)


def _chars_in_order(quote: str, source: str) -> bool:
    """Tell whether the quote's characters (not its spaces) appear in order in the source's text.

    The source's tags are removed and its references decoded; page furniture the reader drops
    (navigation, scripts) may sit between them, so this is a subsequence, not a substring.
    """
    visible = html.unescape(re.sub(r"<[A-Za-z/!?][^>]*>?", "", source))  # '<' before anything else is text
    pos = 0
    for ch in quote:
        if ch.isspace():
            continue
        pos = visible.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


@BUDGET
@given(_html())
def test_fuzz_html_documents(markup):
    from irkg.loaders.normalize import normalize

    for x, doc in _extract_file("page.html", markup.encode("utf-8")):
        _check(x, doc)
        assert doc.text == markup.removeprefix("\ufeff")  # the decoded file: offsets count from after a byte-order mark
        if normalize(doc).repairs:
            continue
        for p in x.passages:  # the quote is found where its offsets point in the markup
            assert _chars_in_order(p.text, doc.text[p.start:p.end]), (p.text, doc.text[p.start:p.end])


_YAML_VALUES = st.one_of(
    st.none(), st.integers(-10, 3000).map(str), st.sampled_from([
        "2025", "2025-01", "2025-01-17", "2025-13-45", "2025-02-30", "0000-00-00", "'2024-06'", "[2024]",
        "{a: 1}", "yes", "null", "\"\"", "9999-99-99", "2025-1-5", "March 2024", "-5", "1e9", "!!binary AAAA",
        "&a x", "*a", "'", "\"unterminated", ": :", "- - -"]),
    st.text(max_size=10).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
)
_KEYS = st.sampled_from(["published", "title", "lang", "author", "publisher", "title_ar", "url", "kind", "other"])


@BUDGET
@given(st.lists(st.tuples(_KEYS, _YAML_VALUES), max_size=6), TEXTS, st.booleans())
def test_fuzz_metadata_in_corpus_yaml_and_front_matter(fields, text, front):
    lines = "\n".join(f"{k}: {v if v is not None else ''}" for k, v in fields)
    body = "زار الرئيس بوتين طهران أمس والتقى نظيره الإيراني. " + text
    if front:
        results = _extract_file("doc.md", f"---\n{lines}\n---\n{body}".encode("utf-8"))
    else:
        entry = "\n".join(f"    {k}: {v if v is not None else ''}" for k, v in fields)
        results = _extract_file("doc.txt", body.encode("utf-8"), f"documents:\n  - file: doc.txt\n{entry}\n")
    for x, doc in results:
        _check(x, doc)


@BUDGET
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_fuzz_extract_documents_over_a_folder(texts):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, t in enumerate(texts):
            sub = folder / f"y{i % 2}"
            sub.mkdir(exist_ok=True)
            (sub / "same.txt").write_text(t, encoding="utf-8")
        extractions, problems = extract_documents([folder])
        assert not [p for p in problems if p.failed], problems
        by_file = {d.file: d for d in read_paths([folder])[0]}
        for x in extractions:
            _check(x, by_file[x.document.file])
