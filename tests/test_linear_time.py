"""Inputs that used to take superlinear time: a run-on text without punctuation, deeply nested HTML.

`bench/bench_linear.py` measures the doubling ratios; these tests keep the two causes fixed with
bounds far above the linear cost (0.7 s and 0.2 s here) and far below the old one (39 s and 30 s).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from irkg.loaders.html_text import extract_html_text
from irkg.loaders.normalize import normalize
from irkg.loaders.pipeline import extract_document
from irkg.loaders.read import read_text
from irkg.loaders.segment import MAX_PASSAGE, segment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_linear import nested_html, plain_text  # noqa: E402


def test_run_on_text_is_cut_into_bounded_passages_between_words():
    text = plain_text(60_000)
    passages = segment(normalize(read_text("a.txt", text)))
    assert len(passages) > 50 and max(len(p.text) for p in passages) <= MAX_PASSAGE
    assert all(not p.text[0].isspace() and not p.text[-1].isspace() for p in passages)
    words = text.split()
    assert " ".join(p.text for p in passages).split() == words  # nothing lost, no word cut


def test_run_on_text_of_200_kb_is_extracted_in_seconds():
    doc = read_text("a.txt", plain_text(200 * 1024))
    started = time.process_time()
    x = extract_document(doc)
    assert time.process_time() - started < 10
    assert x.records


def test_stray_end_tags_in_deep_nesting_take_linear_time():
    markup = "<div>" * 20000 + "نص" + "</span>" * 20000 + "</div>" * 20000
    started = time.process_time()
    text, _ = extract_html_text(markup)
    assert time.process_time() - started < 3
    assert text == "نص\n"


def test_unclosed_tag_openers_take_linear_time():
    started = time.process_time()
    extract_html_text("<a " * 40000 + ">" + "نص")
    assert time.process_time() - started < 3


def test_nested_html_of_480_kb_goes_through_the_chain_in_seconds(tmp_path):
    from irkg.loaders.read import read_paths

    (tmp_path / "page.html").write_text(nested_html(480 * 1024), encoding="utf-8")
    started = time.process_time()
    docs, problems = read_paths([tmp_path])
    x = extract_document(docs[0])
    assert time.process_time() - started < 15 and not problems and x.records
