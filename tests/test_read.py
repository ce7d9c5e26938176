"""Reading documents: formats, metadata, encodings and one-line problems for bad files."""

from __future__ import annotations

from pathlib import Path

from irkg.loaders.read import detect_lang, make_doc_id, read_paths, read_text
from irkg.schema.pipeline import Lang

DATA = Path(__file__).parent / "data" / "ingest"


def _by_name(docs):
    return {d.file: d for d in docs}


def test_mixed_folder_reports_bad_files_one_line_each_and_reads_good_ones():
    docs, problems = read_paths([DATA / "mixed"])
    names = _by_name(docs)
    assert {"good.txt", "arabic_cp1256.txt", "notes.md", "page.html"} <= set(names)
    reasons = {Path(p.file).name: p.reason for p in problems}
    assert set(reasons) == {"empty.txt", "image.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    for p in problems:
        assert "\n" not in str(p) and str(p).startswith(p.file)


def test_cp1256_file_is_decoded_and_its_encoding_recorded():
    docs, _ = read_paths([DATA / "mixed" / "arabic_cp1256.txt"])
    assert docs[0].encoding == "cp1256"
    assert "السكك الحديدية" in docs[0].text


def test_corpus_yaml_metadata_is_attached():
    docs, _ = read_paths([DATA / "mixed"])
    good = _by_name(docs)["good.txt"]
    assert good.title_ar == "خبر تجريبي"
    assert good.title == "خبر تجريبي"
    assert good.publisher == "ناشر تجريبي"
    assert good.published == "2023"


def test_front_matter_gives_metadata():
    docs, _ = read_paths([DATA / "mixed" / "notes.md"])
    doc = docs[0]
    assert doc.title == "ملاحظات اجتماع"
    assert doc.published == "2024-03-05"
    assert doc.author == "كاتب تجريبي"


def test_html_keeps_article_and_drops_navigation():
    docs, _ = read_paths([DATA / "mixed" / "page.html"])
    text = docs[0].text
    assert "الرصيف الشمالي" in text and "& يزيد" in text
    assert "الرئيسية" not in text
    assert "مقالات ذات صلة" not in text
    assert "جميع الحقوق" not in text
    assert docs[0].title == "تقرير عن الموانئ"


def test_malformed_corpus_yaml_is_reported_and_documents_still_read():
    docs, problems = read_paths([DATA / "badyaml"])
    assert [d.file for d in docs] == ["a.txt"]
    assert len(problems) == 1
    assert problems[0].file.endswith("corpus.yaml")
    assert "line" in problems[0].reason
    assert problems[0].skipped is False


def test_missing_path_and_oversized_file_are_problems(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("كلمة " * 100, encoding="utf-8")
    docs, problems = read_paths([tmp_path / "nothing.txt", big], max_bytes=50)
    assert docs == []
    assert len(problems) == 2
    assert "no such file" in problems[0].reason
    assert "too large" in problems[1].reason


def test_unsupported_file_in_folder_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("نص عربي قصير.", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04")
    docs, problems = read_paths([tmp_path])
    assert [d.file for d in docs] == ["a.txt"]
    assert "unsupported" in problems[0].reason


def test_pdf_without_text_is_reported_not_fatal(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    (tmp_path / "a.txt").write_text("نص عربي قصير.", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert [d.file for d in docs] == ["a.txt"]
    assert problems[0].file.endswith("scan.pdf")


def test_arabic_pdf_is_read_in_reading_order():
    # ports.pdf: our own sentences, laid out right to left with HarfBuzz shaping (fpdf2).
    docs, problems = read_paths([DATA / "pdf" / "ports.pdf"])
    assert problems == []
    text = docs[0].text
    assert docs[0].encoding == "pdf"
    assert "في مجال النقل البحري في 12 مارس 2024 بحضور الوزيرين." in text
    assert "إلى 5 مليارات دولار" in text
    assert "(الشمالية والجنوبية)." in text


def test_visual_order_line_is_put_in_reading_order():
    from irkg.loaders.read_pdf import visual_to_logical

    assert visual_to_logical(". في الميناء2023  يونيو3 افتتح الرصيف") == "افتتح الرصيف 3 يونيو 2023 في الميناء."
    assert visual_to_logical("سطر عربي خالص بلا أرقام") == "سطر عربي خالص بلا أرقام"
    assert visual_to_logical("An English line with 3 numbers 2024") == "An English line with 3 numbers 2024"


def test_recursive_folder_reading(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "deep.txt").write_text("نص في مجلد فرعي.", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert [d.file for d in docs] == ["deep.txt"] and problems == []


def test_document_id_is_stable_and_changes_with_content():
    a = make_doc_id("تقرير 1.txt", b"abc")
    assert a == make_doc_id("تقرير 1.txt", b"abc")
    assert a != make_doc_id("تقرير 1.txt", b"abd")
    assert a.isascii() and a.endswith("-" + __import__("hashlib").sha256(b"abc").hexdigest()[:8])
    assert make_doc_id("Report_2025 Final.txt", b"x").startswith("report-2025-final-")


def test_language_detection():
    assert detect_lang("هذا نص عربي خالص عن التعاون") == Lang.AR
    assert detect_lang("This is an English sentence about trade.") == Lang.EN
    assert detect_lang("التعاون في مجال energy and trade بين البلدين") == Lang.MIXED


def test_read_text_builds_an_in_memory_document():
    doc = read_text("sample.txt", "نص تجريبي.", publisher="ناشر")
    assert doc.file == "sample.txt" and doc.publisher == "ناشر" and doc.lang == Lang.AR
    assert doc.id.startswith("sample-")
