"""`irkg ask` beyond routing: reading the question, ranking, direct answers, trimmed quotes, never a dead end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.loaders.dictionaries import load_dictionaries
from irkg.queries.answer import MARK_CLOSE, MARK_OPEN, clause_quote, headline
from irkg.queries.ask import NothingMatches, Router, ask
from irkg.queries.library import load_library
from irkg.queries.understand import arabic_stem, match_sources, search_terms, split_parts, understand

FIXTURE = Path(__file__).resolve().parent / "data" / "queries_fixture.cypher"


@pytest.fixture(scope="module")
def dicts():
    return load_dictionaries()


@pytest.fixture(scope="module")
def router(dicts):
    return Router(load_library(), dicts)


# --- reading the question (dictionaries only) ---------------------------------------------

# (question, (kind, id) pairs it must link)
LINKS = [
    ("Did Russia deliver Su-35 fighters to Iran?", {("item", "su35"), ("actor", "russia"), ("actor", "iran")}),
    ("ما دور سلطنة عمان في المحادثات؟", {("actor", "oman")}),
    ("ماذا تتضمن معاهدة الشراكة؟", {("agreement", "agreement:cspt")}),
    ("What happened in Shiraz?", {("place", "shiraz")}),
    ("هل زار لافروف طهران؟", {("actor", "sergey_lavrov"), ("place", "tehran")}),
]


@pytest.mark.parametrize("question,links", LINKS, ids=[q for q, _ in LINKS])
def test_understand_links_names_in_both_languages(dicts, question, links):
    u = understand(question, dicts)
    assert links <= {(e.kind, e.ref) for e in u.entities}


def test_understand_years_decades_and_frame(dicts):
    u = understand("What did Russia do in the 1940s and in 1995?", dicts)
    assert sorted(u.years) == [1940, 1995]
    assert [e.ref for e in u.focus] == [] and {e.ref for e in u.entities} >= {"russia"}


def test_english_terms_are_bridged_to_arabic(dicts):
    u = understand("Who first revealed the drones deal secretly?", dicts)
    forms = {t.text.lower(): t.forms for t in u.terms}
    assert "سرا" in forms["secretly"] and "كشف" in forms["revealed"] and "صفقة" in forms["deal"]
    assert ("topic", "arms") in {(e.kind, e.ref) for e in u.entities}, "drones: a cue of the arms topic"
    phrases, boosts = search_terms(u)
    assert "سرا" in phrases and len(phrases) == len(boosts)


def test_arabic_words_are_search_terms_as_written(dicts):
    u = understand("ما الذي أخّر توقيع المعاهدة؟", dicts)
    assert {"أخّر", "توقيع"} <= {t.text for t in u.terms}
    assert "ما" not in {t.text for t in u.terms}


@pytest.mark.parametrize("question,parts", [
    ("When was the treaty signed, and what does it lack?", ["When was the treaty signed", "what does it lack"]),
    ("متى وقعت المعاهدة، وما الذي تفتقر إليه؟", ["متى وقعت المعاهدة", "وما الذي تفتقر إليه"]),
    ("What constrains arms deliveries?", ["What constrains arms deliveries"]),
])
def test_two_part_questions_split(question, parts):
    assert split_parts(question) == parts


@pytest.mark.parametrize("word,stem", [("والعقوبات", "عقوب"), ("الإيرانية", "ايران"), ("بالمسيرات", "مسير"), ("موسكو", "موسكو")])
def test_arabic_light_stem(word, stem):
    assert arabic_stem(word) == stem


SOURCES = [
    {"doc": "a.txt", "title": "The cautious partnership: prospects", "kind": "think-tank paper"},
    {"doc": "b.txt", "title": "Trade corridors report", "publisher": "Gulf News Daily", "kind": "news analysis"},
]


def test_a_question_that_points_at_a_source_names_it():
    assert match_sources("What could set it back, according to the cautious-partnership paper?", SOURCES) == {"a.txt": 1.0}
    assert match_sources("ما الذي تقوله الشراكة الحذرة بحسب التقرير؟", [{**SOURCES[0], "title_ar": "الشراكة الحذرة"}, SOURCES[1]]) == {"a.txt": 1.0}
    assert match_sources("What is the cautious partnership?", SOURCES) == {}, "no pointer to a source, no source"


# --- answers: direct lines and trimmed quotes (no database) -----------------------------------

def test_headline_for_did_it_happen_in_both_languages():
    row = {"event": "x", "_label": "Russia delivers Su-35 to Iran", "_label_ar": "تسليم سو-35 من روسيا إلى إيران",
           "by_certainty": ["expected", "reported"], "quotes": [{"doc": "a"}, {"doc": "b"}, {"doc": "b"}]}
    assert headline("did_happen", row, "en") == "Russia delivers Su-35 to Iran: reported (2 sources)"
    row["by_certainty"] = ["expected"]
    assert headline("did_happen", row, "en") == "Russia delivers Su-35 to Iran: expected, not confirmed (2 sources)"
    assert headline("did_happen", row, "ar") == "تسليم سو-35 من روسيا إلى إيران: متوقع، غير مؤكد (2 مصادر)"


def test_headline_of_a_weakening_factor():
    row = {"effect": "weaken", "factor": "x", "_label": "Iran–United States agreement", "certainty": "expected", "quotes": []}
    assert headline("scenario_factors", row) == "Weakening factor: Iran–United States agreement (expected, not confirmed)"


LONG = ("وفي الملف الاقتصادي، تشدد المعاهدة على زيادة التجارة الثنائية بين البلدين، وتعزز استخدام العملات الوطنية عوضا عن الدولار، "
        "غير أن هذه البنود تفتقر إلى تفاصيل واضحة بشأن نطاقها، ولا تلتزم باستثمارات كبيرة أو بمشاريع واسعة للبنى التحتية في مجال الطاقة والنقل، "
        "وهو ما يراه محللون دليلا على حذر الطرفين.")


def test_clause_quote_marks_the_clause_and_never_cuts_a_word(dicts):
    u = understand("ما الذي تفتقر إليه البنود الاقتصادية؟", dicts)
    out = clause_quote(LONG, u, limit=120)
    assert MARK_OPEN in out and MARK_CLOSE in out and len(out) < len(LONG)
    marked = out[out.index(MARK_OPEN) + 1 : out.index(MARK_CLOSE)]
    assert "تفتقر" in marked
    words = set(LONG.replace("،", " ").split())
    for w in out.replace(MARK_OPEN, " ").replace(MARK_CLOSE, " ").replace("…", " ").replace("،", " ").split():
        assert w in words, f"{w!r} is not a whole word of the quote"
    assert clause_quote("جملة قصيرة.", u) == "جملة قصيرة."


# --- against the fixture graph with the full-text index -------------------------------------

@pytest.fixture
def graph(schema_db, neo4j_settings):
    with schema_db.session(database=neo4j_settings.database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()
        s.run("CALL db.awaitIndexes(60)").consume()
    return schema_db


def test_every_row_opens_with_a_direct_answer(graph, neo4j_settings, router):
    result = ask(graph, "did Russia deliver Su-35 fighters to Iran?", database=neo4j_settings.database, router=router)
    assert result.intents[0] == "did_happen"
    first = result.rows[0]
    assert first.headline == "Su-35 deliveries to Iran: denied (1 source)"
    assert first.quotes[0]["doc"] == "doc_a.txt" and first.quotes[0]["passage"] == 7


def test_entities_answer_when_no_query_fits(graph, neo4j_settings, router):
    result = ask(graph, "Oman and the United States", database=neo4j_settings.database, router=router)
    assert result.intents == [] and result.rows[0].tier == "entities"
    assert result.rows[0].fields["_ids"] == ["ev_oman_talks"]


def test_passages_answer_when_no_fact_does(graph, neo4j_settings, router):
    result = ask(graph, "ما الذي يغذي الشك تجاه موسكو؟", database=neo4j_settings.database, router=router)
    hits = [(q["doc"], q["passage"]) for r in result.rows[:3] for q in r.quotes[:1]]
    assert ("doc_b.txt", 0) in hits


def test_nothing_matches_says_what_the_graph_covers(graph, neo4j_settings, router):
    with pytest.raises(NothingMatches) as info:
        ask(graph, "what's the weather in Paris?", database=neo4j_settings.database, router=router)
    assert any(c.startswith("trade (") for c in info.value.coverage)


def test_cli_explain_lang_and_json(graph):
    result = CliRunner().invoke(app, ["ask", "did Russia deliver Su-35 fighters to Iran?", "--explain", "--lang", "ar"])
    assert result.exit_code == 0, result.output
    assert "understood:" in result.output and "  items: su35 (su 35)" in result.output
    assert "1. Su-35 deliveries to Iran: منفي (مصدر واحد)" in result.output.splitlines()
    out = CliRunner().invoke(app, ["ask", "ما الذي يغذي الشك تجاه موسكو؟", "-f", "json"])
    rows = json.loads(out.stdout)
    assert rows and all(r["answer"] and r["quotes"] for r in rows)
    assert all(q["quote"] and "clause" in q for r in rows for q in r["quotes"]), "JSON keeps quotes whole, with the clause"


def test_cli_nothing_matches(graph):
    result = CliRunner().invoke(app, ["ask", "what's the weather in Paris?"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "No library query fits: \"what's the weather in Paris?\". Nothing was run. Closest questions:"
    assert any(re.match(r"Nothing in the graph matches .*; the graph covers: .*trade \(\d+ facts\)", line) for line in lines)
