"""The question library: headers, validation errors with file:line, parameters, Browser files (no database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.errors import InputError
from irkg.queries.library import (
    QUERY_DIR,
    bind_params,
    guess_value,
    load_library,
    parse_param_args,
    parse_query_text,
)
from irkg.queries.render import GRASS_FILE, SCRIPT_FILE, browser_script, cypher_literal
from irkg.schema.graph import NODE_LABELS

# The twelve questions of issue 7 and the query that answers each.
QUESTION_QUERIES = {
    "constraints": "constraints_on",
    "timeline": "timeline",
    "visits": "visits_meetings",
    "agreements": "agreements",
    "frictions": "frictions",
    "exchanges": "exchanges",
    "stances": "stances",
    "disagreements": "disagreements",
    "indicators": "indicators",
    "third parties": "third_parties",
    "evidence": "evidence_for",
    "connection": "connection",
    "scenarios": "scenario_factors",
    "unconfirmed": "unconfirmed",
}

GOOD = """// name: sample
// description: A sample.
// param: topic string default=arms fill=topic -- a topic id
// param: years list default=[2020, 2021]
// returns: x, quotes
// example-en: what is x?
// example-ar: ما هو س؟
// keywords: x, س
MATCH (n:Topic) WHERE n.id = $topic AND n.year IN $years
RETURN n.id AS x, [] AS quotes
"""


def write_query(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_library_loads_every_file():
    lib = load_library()
    files = sorted(p.name for p in QUERY_DIR.glob("*.cypher"))
    assert sorted(q.path.name for q in lib) == files
    assert len(lib) >= 12


def test_library_covers_the_twelve_questions():
    lib = load_library()
    for name in QUESTION_QUERIES.values():
        assert lib.get(name).name == name


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERY_DIR.glob("*.cypher")))
def test_query_header_is_complete(name):
    q = load_library().get(name)
    assert q.path.stem == q.name, "one query per file, named after it"
    assert q.description and q.returns
    assert q.examples_en and q.examples_ar, "examples in English and Arabic"
    assert all(re.search("[\u0600-\u06ff]", e) for e in q.examples_ar)
    assert q.keywords
    assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP)\b", q.cypher)


@pytest.mark.parametrize("name", sorted(QUESTION_QUERIES.values()))
def test_answer_queries_return_quotes(name):
    assert "quotes" in load_library().get(name).returns


def test_parse_good_header(tmp_path):
    q = parse_query_text(GOOD, tmp_path / "sample.cypher")
    assert q.name == "sample"
    assert q.returns == ("x", "quotes")
    topic = q.param("topic")
    assert (topic.type, topic.default, topic.fill, topic.help) == ("string", "arms", "topic", "a topic id")
    assert q.param("years").default == ["2020", "2021"]
    assert q.examples_ar == ("ما هو س؟",)
    assert q.keywords == ("x", "س")
    assert q.cypher.startswith("MATCH (n:Topic)")


def test_missing_header_fails_with_file_and_line(tmp_path):
    write_query(tmp_path, "bare.cypher", "MATCH (n) RETURN n\n")
    with pytest.raises(InputError, match=r"^bare\.cypher:1: missing header `// name: \.\.\.`"):
        load_library(tmp_path)


def test_missing_returns_fails(tmp_path):
    write_query(tmp_path, "noret.cypher", "// name: noret\n// description: d\nMATCH (n) RETURN n\n")
    with pytest.raises(InputError, match=r"^noret\.cypher:1: missing header `// returns: \.\.\.`"):
        load_library(tmp_path)


def test_duplicate_name_fails_with_both_places(tmp_path):
    write_query(tmp_path, "a.cypher", GOOD)
    write_query(tmp_path, "b.cypher", "\n" + GOOD)
    with pytest.raises(InputError, match=r"^b\.cypher:2: duplicate query name 'sample' \(first in a\.cypher:1\)"):
        load_library(tmp_path)


def test_undeclared_param_fails_at_its_line(tmp_path):
    text = GOOD.replace("RETURN n.id AS x", "AND n.x = $other\nRETURN n.id AS x")
    write_query(tmp_path, "undeclared.cypher", text)
    with pytest.raises(InputError, match=r"^undeclared\.cypher:10: \$other is not declared; add `// param: other TYPE`"):
        load_library(tmp_path)


def test_dollar_inside_string_or_comment_is_not_a_param(tmp_path):
    text = GOOD.replace("RETURN n.id AS x", "AND n.note <> '$notaparam' // $neither\nRETURN n.id AS x")
    q = parse_query_text(text, tmp_path / "s.cypher")
    assert {p.name for p in q.params} == {"topic", "years"}


def test_unused_param_fails(tmp_path):
    text = GOOD.replace("// returns:", "// param: spare int\n// returns:")
    write_query(tmp_path, "unused.cypher", text)
    with pytest.raises(InputError, match=r"^unused\.cypher:5: param 'spare' is declared but the query never uses \$spare"):
        load_library(tmp_path)


def test_write_clause_fails(tmp_path):
    text = GOOD.replace("RETURN n.id AS x, [] AS quotes", "DETACH DELETE n")
    write_query(tmp_path, "writes.cypher", text)
    with pytest.raises(InputError, match=r"^writes\.cypher:10: library queries are read-only, found 'DETACH'"):
        load_library(tmp_path)


def test_bad_param_type_fails(tmp_path):
    write_query(tmp_path, "badtype.cypher", GOOD.replace("param: topic string", "param: topic text"))
    with pytest.raises(InputError, match=r"^badtype\.cypher:3: param 'topic' has type 'text'; use one of string, int"):
        load_library(tmp_path)


def test_unknown_header_field_fails(tmp_path):
    write_query(tmp_path, "field.cypher", GOOD.replace("// keywords:", "// keyword:"))
    with pytest.raises(InputError, match=r"^field\.cypher:8: unknown header field 'keyword'"):
        load_library(tmp_path)


def test_bind_params_types_and_defaults():
    q = load_library().get("timeline")
    values = bind_params(q, {"year_from": "2020", "actor": "iran"})
    assert values == {"actor": "iran", "event_type": None, "topic": None, "year_from": 2020, "year_to": None, "limit": 200}


def test_bind_params_rejects_unknown_and_badly_typed():
    q = load_library().get("timeline")
    with pytest.raises(InputError, match=r"query 'timeline' has no parameter 'color' \(parameters: actor, event_type"):
        bind_params(q, {"color": "red"})
    with pytest.raises(InputError, match=r"param 'year_from' expects int, got 'soon'"):
        bind_params(q, {"year_from": "soon"})


def test_list_param_from_cli_text():
    q = load_library().get("unconfirmed")
    assert bind_params(q, {"levels": "alleged,denied"})["levels"] == ["alleged", "denied"]


def test_parse_param_args():
    assert parse_param_args(["topic=arms", "year_from=", "x=null", "q=a=b"]) == {
        "topic": "arms", "year_from": None, "x": None, "q": "a=b"}
    with pytest.raises(InputError, match=r"--param 'topic': write --param key=value"):
        parse_param_args(["topic"])


def test_guess_value_for_adhoc_params():
    assert [guess_value(v) for v in ("12", "-3", "1.5", "true", "iran", None)] == [12, -3, 1.5, True, "iran", None]


def test_cypher_literal_for_param_lines():
    assert cypher_literal("x'}) DETACH DELETE n //") == "\"x'}) DETACH DELETE n //\""
    assert cypher_literal(["alleged", "reported"]) == '["alleged", "reported"]'
    assert cypher_literal(None) == "null"


def test_browser_script_is_up_to_date():
    assert SCRIPT_FILE.read_text(encoding="utf-8") == browser_script(load_library()), (
        "regenerate with `irkg browser --write`"
    )


def test_browser_script_has_param_lines_per_query():
    text = SCRIPT_FILE.read_text(encoding="utf-8")
    for q in load_library():
        assert f"// {q.name}: " in text
        for p in q.params:
            assert f":param {p.name} => " in text


def test_grass_styles_every_label():
    text = GRASS_FILE.read_text(encoding="utf-8")
    for label in NODE_LABELS:
        rule = re.search(r"node\." + label + r" \{(.*?)\n\}", text, re.S)
        assert rule, f"no style for {label}"
        assert re.search(r"color: #[0-9A-F]{6};", rule.group(1))
        assert re.search(r'caption: "\{\w+\}";', rule.group(1))
    colors = re.findall(r"node\.(\w+) \{\s*color: (#[0-9A-F]{6})", text)
    assert len({c for _, c in colors}) == len(colors), "each label its own colour"


def test_cli_query_list_names_every_query():
    result = CliRunner().invoke(app, ["query", "list"])
    assert result.exit_code == 0, result.output
    for q in load_library():
        assert re.search(rf"^{q.name}\s+{re.escape(q.description)}$", result.output, re.M)


def test_cli_query_show_prints_header_and_cypher():
    result = CliRunner().invoke(app, ["query", "show", "constraints_on"])
    assert result.exit_code == 0, result.output
    assert "param topic: string = null, from the question: topic" in result.output
    assert "e.g. ما الذي يقيد تسليم الأسلحة؟" in result.output
    assert "MATCH (c:Constraint)" in result.output


def test_cli_query_show_unknown_name():
    result = CliRunner().invoke(app, ["query", "show", "nope"])
    assert result.exit_code == 1
    assert "no query named 'nope'; run `irkg query list`" in str(result.exception)
