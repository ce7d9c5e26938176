"""Inputs the fuzzing harness (tests/test_fuzz.py) found breaking a property, kept as plain tests."""

from __future__ import annotations

from irkg.loaders.pipeline import extract_document, extract_documents
from irkg.loaders.read import read_paths


def _inside(x, n: int) -> bool:
    return all(0 <= p.start <= p.end <= n for p in x.passages) and all(
        0 <= e.start <= e.end <= n for r in x.records for e in r.evidence)


def test_impossible_date_in_corpus_yaml_no_longer_raises(tmp_path):
    # Found as: fields=[('published', '2025-13-45')] -> ValueError: month must be in 1..12 (from PyYAML).
    (tmp_path / "doc.txt").write_text("زار الرئيس بوتين طهران أمس والتقى نظيره الإيراني.", encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text("documents:\n  - file: doc.txt\n    published: 2025-13-45\n", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert docs[0].published is None and len(problems) == 1
    assert _inside(extract_document(docs[0]), len(docs[0].text))


def test_one_file_name_in_two_folders_keeps_each_documents_offsets_in_its_own_file(tmp_path):
    # Found as: y0/same.txt and y1/same.txt got one id, so one document's passages were checked
    # against the other's text: (0, 86, 43) -> passage end beyond the 43-character file.
    long = "زار وزير الخارجية الروسي سيرغي لافروف طهران" * 2
    short = "زار وزير الخارجية الروسي سيرغي لافروف طهران"
    for folder, text in (("y0", long), ("y1", short)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    extractions, problems = extract_documents([tmp_path])
    assert problems == []
    sizes = {"y0/same.txt": len(long), "y1/same.txt": len(short)}
    assert sorted(x.document.file for x in extractions) == sorted(sizes)
    for x in extractions:
        assert _inside(x, sizes[x.document.file])


def test_unknown_character_reference_in_html_is_text_and_quoted_whole(tmp_path):
    # Found as: markup='&bogus;' -> the passage '&bogus;' pointed at '&' only (0, 1).
    (tmp_path / "page.html").write_text("&bogus;", encoding="utf-8")
    doc = read_paths([tmp_path])[0][0]
    x = extract_document(doc)
    assert [(p.text, doc.text[p.start:p.end]) for p in x.passages] == [("&bogus;", "&bogus;")]
