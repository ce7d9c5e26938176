"""`irkg ask`: routing English and Arabic questions, filling parameters, answering from the real server."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.loaders.dictionaries import load_dictionaries
from irkg.queries.ask import NoMatchingQuery, Router, ask, fill_params, read_question
from irkg.queries.library import load_library

CORPUS = Path("/work/shared/corpus")
FIXTURE = Path(__file__).resolve().parent / "data" / "queries_fixture.cypher"


def load_fixture(driver, database=None) -> None:
    with driver.session(database=database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()


def graph_size(driver, database=None) -> tuple[int, int]:
    with driver.session(database=database) as s:
        rec = s.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r").single()
        return rec["n"], rec["r"]


@pytest.fixture(scope="module")
def router():
    return Router(load_library(), load_dictionaries())


# (question, query, parameters the question must fill)
ROUTES = [
    ("what constrains arms deliveries?", "constraints_on", {"topic": "arms"}),
    ("ما الذي يقيد تسليم الأسلحة؟", "constraints_on", {"topic": "arms"}),
    ("what limits nuclear cooperation?", "constraints_on", {"topic": "nuclear"}),
    ("timeline of events between Iran and Russia since 2020", "timeline", {"year_from": 2020}),
    ("what happened between Iran and Russia in 2022?", "timeline", {"year_from": 2022, "year_to": 2022}),
    ("ما هو التسلسل الزمني للعلاقات الإيرانية الروسية؟", "timeline", {}),
    ("which high-level visits and meetings took place between Iran and Russia?", "visits_meetings", {}),
    ("ما هي الزيارات واللقاءات رفيعة المستوى بين إيران وروسيا؟", "visits_meetings", {}),
    ("what agreements have Iran and Russia signed?", "agreements", {}),
    ("ما الاتفاقيات التي وقعتها إيران وروسيا؟", "agreements", {}),
    ("what are the historical frictions between Iran and Russia?", "frictions", {"period": "historical"}),
    ("ما هي نقاط الخلاف بين إيران وروسيا؟", "frictions", {}),
    ("what does each side get from the other?", "exchanges", {}),
    ("ماذا يحصل كل طرف من الآخر؟", "exchanges", {}),
    ("how does each source characterize the relationship?", "stances", {}),
    ("كيف يصف كل مصدر العلاقة بين إيران وروسيا؟", "stances", {}),
    ("where do the sources disagree?", "disagreements", {}),
    ("أين تختلف المصادر؟", "disagreements", {}),
    ("how has trade between Iran and Russia changed over time?", "indicators", {"topic": "trade"}),
    ("كيف تطور حجم التبادل التجاري بين إيران وروسيا؟", "indicators", {"topic": "trade"}),
    ("which third parties matter and what role do they play?", "third_parties", {}),
    ("ما هي الأطراف الثالثة في العلاقات الإيرانية الروسية وما دورها؟", "third_parties", {}),
    ("what is the evidence for the strategic partnership treaty?", "evidence_for", {"node": "strategic partnership treaty"}),
    ("ما الدليل على معاهدة الشراكة الاستراتيجية الشاملة؟", "evidence_for", {"node": "معاهدة الشراكة الاستراتيجية الشاملة"}),
    ("evidence for Putin", "evidence_for", {"node": "vladimir_putin"}),
    ("how are Iran and Israel connected?", "connection", {"actor": "iran", "actor2": "israel"}),
    ("ما الصلة بين روسيا وإسرائيل؟", "connection", {"actor": "russia", "actor2": "israel"}),
    ("what could strengthen or weaken the Iran Russia partnership?", "scenario_factors", {}),
    ("ما العوامل التي قد تعزز الشراكة الإيرانية الروسية أو تضعفها؟", "scenario_factors", {}),
    ("what do the sources report as alleged or unconfirmed?", "unconfirmed", {"levels": ["alleged", "reported"]}),
    ("ما الذي تورده المصادر على أنه مزعوم أو غير مؤكد؟", "unconfirmed", {"levels": ["alleged", "reported"]}),
]

NO_FIT = [
    "what's the weather in Paris?",
    "كم عمر بوتين؟",
    "Iran Russia",
    "x'}) DETACH DELETE n //",
]


@pytest.mark.parametrize("question,name,params", ROUTES)
def test_route_and_fill(router, question, name, params):
    facts = read_question(question, router.dicts)
    route = router.route(question, facts)
    assert route.query.name == name, [(r.query.name, r.score) for r in router.score(question)[:3]]
    filled = fill_params(route.query, facts, question)
    assert {k: v for k, v in filled.items() if k in params} == params
    assert "iran" not in filled.values() or name == "connection", "naming both sides is the frame, not a filter"


@pytest.mark.parametrize("question", NO_FIT)
def test_no_query_fits(router, question):
    with pytest.raises(NoMatchingQuery) as info:
        router.route(question)
    assert info.value.closest and all(ex for _, ex, _ in info.value.closest)
    assert str(info.value).startswith(f"no library query fits {question!r}; closest questions: ")


def test_read_question_names_actor_and_years(router):
    facts = read_question("list the events involving Putin since 2020", router.dicts)
    assert facts.actors == ["vladimir_putin"] and facts.years == [2020] and facts.year_mode == "from"
    ar = read_question("ماذا فعل لافروف قبل ٢٠١٥؟", router.dicts)
    assert ar.actors == ["sergey_lavrov"] and ar.years == [2015] and ar.year_mode == "to"


def test_timeline_actor_from_question(router):
    facts = read_question("list the events involving Putin since 2020", router.dicts)
    route = router.route("list the events involving Putin since 2020", facts)
    assert route.query.name == "timeline"
    assert fill_params(route.query, facts) == {"actor": "vladimir_putin", "year_from": 2020}


@pytest.fixture
def graph(db, neo4j_settings):
    load_fixture(db, neo4j_settings.database)
    return db


def test_ask_runs_the_routed_query(graph, neo4j_settings, router):
    result = ask(graph, "what constrains arms deliveries?", database=neo4j_settings.database, router=router)
    assert result.route.query.name == "constraints_on"
    assert result.params["topic"] == "arms"
    assert {r["factor"] for r in result.answer.rows} == {"Russia's ties with Israel", "Relations with the Gulf states"}


def test_ask_injection_question_changes_nothing(graph, neo4j_settings, router):
    before = graph_size(graph, neo4j_settings.database)
    for q in ['evidence for "x\'}) DETACH DELETE n //"', "ما الدليل على x'}) MATCH (n) DETACH DELETE n //"]:
        result = ask(graph, q, database=neo4j_settings.database, router=router)
        assert result.route.query.name == "evidence_for"
        assert result.answer.rows == []
    assert graph_size(graph, neo4j_settings.database) == before


def test_cli_ask_table_names_query_and_quotes(graph):
    result = CliRunner().invoke(app, ["ask", "ما الذي يقيد تسليم الأسلحة؟"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("query: constraints_on — What constrains a topic")
    assert lines[1].startswith("params: topic=arms")
    # each row opens with its direct answer (the fact's label, how the sources put it, how many), then its fields
    heads = [line for line in lines if line[:3] in ("1. ", "2. ")]
    assert sorted(heads) == ["1. Gulf states (مؤكد في المصادر, مصدر واحد)", "2. Russia's ties with Israel (مؤكد في المصادر, مصدر واحد)"] or \
        sorted(h[3:] for h in heads) == ["Gulf states (مؤكد في المصادر, مصدر واحد)", "Russia's ties with Israel (مؤكد في المصادر, مصدر واحد)"]
    assert any(line.startswith("   factor: Relations with the Gulf states | ") for line in lines)
    assert "   «كما تخشى روسيا إغضاب دول الخليج إذا باعت منظومات دفاع جوي لإيران.» — doc_a.txt #3 [asserted]" in lines
    assert lines[-1].endswith(" rows)")


def test_cli_ask_show_cypher(graph):
    result = CliRunner().invoke(app, ["ask", "what constrains arms deliveries?", "--show-cypher"])
    assert result.exit_code == 0, result.output
    assert ':param topic => "arms";' in result.output
    assert "MATCH (c:Constraint)" in result.output


def test_cli_ask_json(graph):
    result = CliRunner().invoke(app, ["ask", "where do the sources disagree?", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert result.stderr.startswith("query: disagreements — ")
    assert {r["field"] for r in rows} == {"date", "value", "polarity"}


def test_cli_ask_csv(graph):
    result = CliRunner().invoke(app, ["ask", "how has trade between Iran and Russia changed over time?", "-f", "csv"])
    assert result.exit_code == 0, result.output
    (header, row) = list(csv.reader(io.StringIO(result.stdout)))
    assert header == ["what", "date", "value", "unit", "actors", "sources", "conflicting_values", "quotes"]
    assert row[0] == "trade volume" and "— doc_b.txt #2 [reported]" in row[-1]


def test_cli_ask_markdown(graph):
    result = CliRunner().invoke(app, ["ask", "what agreements have Iran and Russia signed?", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    table = [line for line in result.output.splitlines() if line.startswith("|")]
    assert table[0].startswith("| agreement | kind | status | signed |")
    assert "Comprehensive Strategic Partnership Treaty" in table[2] and "<br>" in table[2]


def test_cli_ask_no_fit_lists_closest(graph):
    result = CliRunner().invoke(app, ["ask", "what's the weather in Paris?"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "No library query fits: \"what's the weather in Paris?\". Nothing was run. Closest questions:"
    assert len([line for line in lines if line.startswith("  - ")]) >= 3


# --- the reference corpus, loaded by the real pipeline -------------------------------------

CORPUS_QUESTIONS = [q for q, _, _ in ROUTES]


@pytest.fixture
def corpus(driver, neo4j_settings):
    """Return the driver on a graph holding exactly the reference corpus (loaded once, reused)."""
    from irkg.graph.connect import read_cypher
    from irkg.graph.load import load_paths

    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    with driver.session(database=neo4j_settings.database) as s:
        loaded = sorted(r["f"] for r in s.run("MATCH (s:Source) RETURN s.file AS f"))
        nodes = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        passages = s.run("MATCH (p:Passage) RETURN count(p) AS c").single()["c"]
    if loaded != files or nodes == passages + len(files):
        while driver.execute_query(read_cypher("wipe_batch"), batch=10000, database_=neo4j_settings.database).records[0]["deleted"]:
            pass
        load_paths(driver, [CORPUS], database=neo4j_settings.database)
    return driver


def test_corpus_arms_constraints_have_eight_factors(corpus, neo4j_settings, router):
    result = ask(corpus, "what constrains arms deliveries?", database=neo4j_settings.database, router=router)
    factors = {r["factor"] for r in result.answer.rows}
    assert len(factors) >= 8, factors
    assert all(r["quotes"] for r in result.answer.rows)
    docs = {q["doc"] for r in result.answer.rows for q in r["quotes"]}
    assert docs <= {p.name for p in CORPUS.glob("*.txt")}


@pytest.mark.parametrize("question", [q for q in CORPUS_QUESTIONS if "nuclear" not in q])
def test_corpus_question_answered_with_quotes(corpus, neo4j_settings, router, question):
    result = ask(corpus, question, database=neo4j_settings.database, router=router)
    rows = result.answer.rows
    assert rows, f"{result.route.query.name} found nothing for {question!r}"
    files = {p.name for p in CORPUS.glob("*.txt")}
    for row in rows:
        assert row["quotes"], row
        assert all(q["quote"] and q["doc"] in files for q in row["quotes"])


# The questions of issue 13 that went wrong before: each now opens with what was asked.
def _shown_text(result, rows=5):
    return "\n".join([r.headline for r in result.rows[:rows]] + [q["quote"] for r in result.rows[:rows] for q in r.quotes[:3]])


ISSUE_QUESTIONS = [
    ("How large is trade between Iran and Russia?", lambda res: any("trade" in r.headline.lower() for r in res.rows[:3]) and "مليار" in _shown_text(res, 3)),
    ("What could weaken the partnership?", lambda res: res.rows[0].headline.startswith("Weakening factor: ")),
    ("What does China do in this relationship", lambda res: "الصين" in _shown_text(res, 3)),
    ("Did Russia deliver Su-35 fighters?", lambda res: "سوخوي" in _shown_text(res, 3)),
    ("Who mediates between Iran and the United States?", lambda res: "عُمان" in _shown_text(res, 3) or "عمان" in _shown_text(res, 3)),
    ("ما الذي أخّر توقيع معاهدة الشراكة الاستراتيجية الشاملة؟", lambda res: "رئيسي" in _shown_text(res, 5)),
]


@pytest.mark.parametrize("question,check", ISSUE_QUESTIONS, ids=[q for q, _ in ISSUE_QUESTIONS])
def test_corpus_issue_questions_answer_what_was_asked(corpus, neo4j_settings, router, question, check):
    result = ask(corpus, question, database=neo4j_settings.database, router=router)
    assert check(result), "\n".join(r.headline for r in result.rows[:5])
    assert all(r.headline and r.quotes for r in result.rows[:10])


def test_corpus_labels_are_built_not_cut(corpus, neo4j_settings):
    with corpus.session(database=neo4j_settings.database) as s:
        facts = s.run("MATCH (f)-[e:EVIDENCED_BY]->() WITH f, collect(e.quote) AS quotes "
                      "RETURN f.label AS en, f.label_ar AS ar, quotes").data()
    assert facts
    for f in facts:
        assert f["en"] and f["ar"], f
        for label in (f["en"], f["ar"]):
            for q in f["quotes"]:
                at = q.find(label) if len(label) >= 30 else -1  # a short built label may recur inside a word by chance
                if at >= 0:  # a long name the quote contains, whole: a word boundary on each side
                    before, after = q[at - 1 : at], q[at + len(label) : at + len(label) + 1]
                    assert not (before.isalnum() or after.isalnum()), f"{label!r} is cut mid-word from its quote"


def test_an_adverb_of_emphasis_asks_no_yes_no_question(router):
    # "actually" fits did_happen's words, but the question names no event or item to check: the next query answers
    from irkg.queries.respond import choose_intents
    from irkg.queries.understand import understand

    q = "What has Iran actually obtained from Russia on the military side?"
    intents = choose_intents(q, read_question(q, router.dicts), understand(q, router.dicts), router)
    assert intents and "did_happen" not in [r.query.name for r in intents]
