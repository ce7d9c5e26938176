"""Reading documents: formats, metadata, encodings and one-line problems for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    text = docs[0].content
    assert docs[0].text.startswith("<html>")
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
    assert problems[1].reason == "too large (900 bytes > 50); split it, or raise the limit with --max-bytes or IRKG_MAX_BYTES"


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
    assert [d.file for d in docs] == ["sub/deep.txt"] and problems == []


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


def test_same_file_name_in_two_folders_gives_two_documents(tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text("نص التقرير نفسه.", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert problems == []
    assert [d.file for d in docs] == ["2024/report.txt", "2025/report.txt"]
    assert docs[0].id != docs[1].id and docs[0].sha256 == docs[1].sha256
    assert docs[0].id.startswith("2024-report-")


def test_one_relative_path_from_two_folders_is_refused_in_one_line(tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(f"تقرير {year}.", encoding="utf-8")
    docs, problems = read_paths([tmp_path / "2024", tmp_path / "2025"])
    assert [d.file for d in docs] == ["report.txt"]
    assert str(problems[0]) == (f"{tmp_path / '2025' / 'report.txt'}: same relative path 'report.txt' as "
                                f"{tmp_path / '2024' / 'report.txt'}; load the folder that holds both, so each keeps its own path")


def test_utf16_with_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    (tmp_path / "le.txt").write_bytes("زار بوتين طهران.\n".encode("utf-16"))
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + "Putin visited Tehran.".encode("utf-16-be"))
    docs, problems = read_paths([tmp_path])
    assert problems == []
    assert [(d.text.strip(), d.encoding) for d in docs] == [("Putin visited Tehran.", "utf-16"), ("زار بوتين طهران.", "utf-16")]


def test_empty_folder_gives_a_one_line_warning(tmp_path):
    docs, problems = read_paths([tmp_path])
    assert docs == []
    assert [str(p) for p in problems] == [f"{tmp_path}: no documents in this folder (.txt .md .html .pdf)"]
    assert problems[0].skipped is False


def test_corpus_yaml_naming_missing_files_gives_a_one_line_warning(tmp_path):
    (tmp_path / "a.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text("documents:\n- file: a.txt\n- file: gone.txt\n- file: lost.md\n", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert [d.file for d in docs] == ["a.txt"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'corpus.yaml'}: names files that are not there: gone.txt, lost.md; fix or remove their entries"]


def test_corpus_yaml_in_a_parent_folder_names_files_by_relative_path(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "report.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text("documents:\n- file: 2024/report.txt\n  publisher: ناشر\n", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert problems == [] and docs[0].publisher == "ناشر"


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "March 2024"])
def test_impossible_published_date_in_corpus_yaml_is_one_warning(tmp_path, value):
    (tmp_path / "a.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text(f"documents:\n- file: a.txt\n  published: {value}\n  author: كاتب\n", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert docs[0].published is None and docs[0].author == "كاتب"
    assert len(problems) == 1 and problems[0].skipped is False
    assert str(problems[0]).startswith(f"{tmp_path / 'corpus.yaml'}: entry 'a.txt': published: '{value}' is not ")
    assert str(problems[0]).endswith("; use YYYY, YYYY-MM or YYYY-MM-DD (read without it)")


def test_impossible_published_date_in_front_matter_is_one_warning(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2025-13-45\ntitle: عنوان\n---\nنص.\n", encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert docs[0].title == "عنوان" and docs[0].published is None
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'a.md'}: front matter: published: '2025-13-45' is not a real date (month must be in 1..12); "
        "use YYYY, YYYY-MM or YYYY-MM-DD (read without it)"]


def test_metadata_hash_changes_with_corpus_yaml_not_with_the_text(tmp_path):
    (tmp_path / "a.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text("documents:\n- file: a.txt\n  published: 2024-01-01\n", encoding="utf-8")
    before = read_paths([tmp_path])[0][0]
    (tmp_path / "corpus.yaml").write_text("documents:\n- file: a.txt\n  published: 2025-01-01\n", encoding="utf-8")
    after = read_paths([tmp_path])[0][0]
    assert before.sha256 == after.sha256 and before.id == after.id
    assert before.meta_sha256 != after.meta_sha256


def test_size_limit_comes_from_the_environment_and_a_bad_value_is_one_line(tmp_path, monkeypatch):
    from irkg.errors import InputError

    (tmp_path / "a.txt").write_text("كلمة " * 100, encoding="utf-8")
    monkeypatch.setenv("IRKG_MAX_BYTES", "100")
    docs, problems = read_paths([tmp_path])
    assert docs == [] and problems[0].reason.startswith("too large (900 bytes > 100); ")
    assert read_paths([tmp_path], max_bytes=1000)[0]  # the option wins over the environment
    monkeypatch.setenv("IRKG_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="^IRKG_MAX_BYTES='lots' is not a number of bytes; use e.g. IRKG_MAX_BYTES=20000000$"):
        read_paths([tmp_path])


def test_html_passages_point_into_the_file(tmp_path):
    from irkg.loaders.pipeline import extract_document

    markup = ("<html><head><title>t</title><style>p {}</style></head><body><nav>الرئيسية</nav>"
              "<article><h1>عنوان</h1><p>زار الرئيس <b>بوتين</b> طهران &amp; التقى نظيره.</p>"
              "<p>ووقعت إيران وروسيا معاهدة شراكة شاملة.</p><p>&laquo;وقال إن الشراكة متينة.&raquo;</p></article></body></html>")
    (tmp_path / "page.html").write_text(markup, encoding="utf-8")
    doc = read_paths([tmp_path])[0][0]
    x = extract_document(doc)
    quotes = {p.text: markup[p.start:p.end] for p in x.passages}
    assert quotes["ووقعت إيران وروسيا معاهدة شراكة شاملة."] == "ووقعت إيران وروسيا معاهدة شراكة شاملة."
    assert quotes["زار الرئيس بوتين طهران & التقى نظيره."] == "زار الرئيس <b>بوتين</b> طهران &amp; التقى نظيره."
    assert quotes["«وقال إن الشراكة متينة.»"] == "&laquo;وقال إن الشراكة متينة.&raquo;"  # references whole at both ends


def test_pypdf_warnings_do_not_leak_and_become_one_warning_line(tmp_path, capfd):
    data = (DATA / "pdf" / "ports.pdf").read_bytes()
    at = data.rfind(b"startxref")
    (tmp_path / "damaged.pdf").write_bytes(data[:at] + b"startxref\n999999\n%%EOF\n")  # a wrong xref offset
    docs, problems = read_paths([tmp_path])
    out = capfd.readouterr()
    assert out.out == "" and out.err == ""
    assert "في مجال النقل البحري" in docs[0].text
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'damaged.pdf'}: damaged PDF, read anyway; pypdf says: incorrect startxref pointer(2) (and 1 more)"]
    assert problems[0].skipped is False
