"""Bad input and bad settings give one line naming what is wrong and where, never a traceback."""

from __future__ import annotations

import pytest

from irkg.graph.load import load_paths

SENTENCE = "زار الرئيس الروسي فلاديمير بوتين طهران في 3 مارس 2024.\n"


def _docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    return folder


def _user_dictionary(tmp_path, monkeypatch, date: str) -> None:
    """A user dictionary with one person whose role starts on `date` (written unquoted, as users write it)."""
    dicts = tmp_path / "dicts"
    dicts.mkdir()
    (dicts / "local.yaml").write_text(
        "actors:\n- id: reza_navabi\n  type: person\n  name_en: Reza Navabi\n"
        f"  roles: [{{role: deputy_foreign_minister, state: iran, from: {date}}}]\n", encoding="utf-8")
    monkeypatch.setenv("IRKG_DICTIONARIES", str(dicts))


def test_impossible_date_in_a_user_dictionary_is_one_line(tmp_path, monkeypatch, irkg_run):
    _user_dictionary(tmp_path, monkeypatch, "2025-13-45")
    code, out, err = irkg_run("extract", str(_docs(tmp_path)), "-o", str(tmp_path / "x.jsonl"))
    assert code == 1 and out == ""
    assert err == ("error: local.yaml: actors entry 'reza_navabi': roles.0.from: Value error, '2025-13-45' is not a real "
                   "date (month must be in 1..12); fix or remove the entry\n")


def test_unquoted_date_in_a_user_dictionary_is_read(tmp_path, monkeypatch, irkg_run):
    _user_dictionary(tmp_path, monkeypatch, "2025-03-01")
    code, _, err = irkg_run("extract", str(_docs(tmp_path)), "-o", str(tmp_path / "x.jsonl"))
    assert code == 0, err


def test_impossible_date_in_corpus_yaml_is_one_warning_line(tmp_path, irkg_run):
    folder = _docs(tmp_path)
    (folder / "corpus.yaml").write_text("documents:\n- file: a.txt\n  published: 2025-13-45\n", encoding="utf-8")
    code, _, err = irkg_run("extract", str(folder), "-o", str(tmp_path / "x.jsonl"))
    assert code == 0
    assert err.splitlines()[0] == (f"warning {folder / 'corpus.yaml'}: entry 'a.txt': published: '2025-13-45' is not a "
                                   "real date (month must be in 1..12); use YYYY, YYYY-MM or YYYY-MM-DD (read without it)")


@pytest.mark.parametrize("where", ["missing", "directory"])
def test_output_that_cannot_be_written_is_refused_before_any_work(tmp_path, irkg_run, where):
    target = tmp_path / "nowhere" / "x.jsonl" if where == "missing" else tmp_path
    code, out, err = irkg_run("extract", str(tmp_path / "does-not-exist"), "-o", str(target))
    # The documents path does not exist either: refusing the output first proves nothing was read.
    assert code == 1 and out == ""
    if where == "missing":
        assert err == f"error: -o {target}: folder {target.parent} does not exist; create it first\n"
    else:
        assert err == f"error: -o {target}: is a directory; give a file name, e.g. -o {target / 'extract.jsonl'}\n"


def test_config_file_that_is_not_utf8_is_one_line(tmp_path, monkeypatch, irkg_run):
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.yaml").write_bytes("uri: bolt://127.0.0.1:7687\npassword: كلمة\n".encode("cp1256"))
    monkeypatch.setenv("IRKG_CONFIG_DIR", str(config))
    for var in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = irkg_run("stats")
    assert code == 1
    assert err == (f"error: cannot read {config / 'config.yaml'}: not UTF-8 (byte 37) — save it as UTF-8 "
                   "(keys uri, username, password, database)\n")


@pytest.mark.parametrize(("uri", "why"), [
    ("bolt://[::1", "Invalid IPv6 URL"),
    ("bolt://127.0.0.1:notaport", "Port could not be cast to integer value as 'notaport'"),
    ("bolt://127.0.0.1:99999", "Port out of range 0-65535"),
    ("bolt://", "no host"),
    ("http://127.0.0.1:7474", "scheme 'http'"),
])
def test_malformed_neo4j_uri_is_one_line(tmp_path, monkeypatch, irkg_run, uri, why):
    monkeypatch.setenv("IRKG_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NEO4J_URI", uri)
    code, _, err = irkg_run("stats")
    assert code == 1
    assert err == (f"error: invalid Neo4j URI {uri!r} from NEO4J_URI: {why} — use bolt://host:7687 (one server) "
                   "or neo4j://host:7687 (cluster, Aura: neo4j+s://)\n")


DB_COMMANDS = [
    ["stats"], ["load", "DOCS"], ["unload", "a.txt"], ["actors"], ["schema", "apply"],
    ["ask", "what constrains arms deliveries?"], ["query", "run", "topics"], ["cypher", "RETURN 1 AS x"],
]


@pytest.mark.parametrize("args", DB_COMMANDS, ids=lambda a: a[0] if a[0] not in ("schema", "query") else "-".join(a[:2]))
def test_missing_database_is_one_line_for_every_command(neo4j_settings, tmp_path, monkeypatch, irkg_run, args):
    monkeypatch.setenv("NEO4J_DATABASE", "nosuchdb")
    args = [str(_docs(tmp_path)) if a == "DOCS" else a for a in args]
    code, out, err = irkg_run(*args)
    assert code == 1 and out == ""
    assert err.startswith(f"error: Neo4j at {neo4j_settings.uri} has no usable database 'nosuchdb' (")
    assert err.endswith(") — fix NEO4J_DATABASE, or unset it to use the server's default database\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize("args", [
    ["query", "run", "timeline", "--param", "year_from=99999999999999999999"],
    ["cypher", "RETURN $x AS x", "--param", "x=99999999999999999999"],
])
def test_integer_parameter_too_large_for_cypher_is_one_line(neo4j_settings, irkg_run, args):
    code, out, err = irkg_run(*args)
    assert code == 1 and out == ""
    assert err.endswith(": 99999999999999999999 is too large for a Cypher integer "
                        "(64-bit: -9223372036854775808 to 9223372036854775807)\n")
    assert err.count("\n") == 1


def test_oversized_document_names_the_option_that_exists(schema_db, tmp_path, irkg_run):
    folder = _docs(tmp_path)
    (folder / "big.txt").write_text(SENTENCE * 40, encoding="utf-8")
    code, out, err = irkg_run("extract", str(folder), "--max-bytes", "1000", "-o", str(tmp_path / "x.jsonl"))
    assert code == 3
    assert f"skipped {folder / 'big.txt'}: too large (" in err
    assert "; split it, or raise the limit with --max-bytes or IRKG_MAX_BYTES" in err
    report = load_paths(schema_db, [folder], max_bytes=1000)
    assert report.loaded and [f for f, _ in report.failed] == [str(folder / "big.txt")]


def test_load_prints_read_warnings_one_line_each(schema_db, tmp_path, irkg_run):
    empty = tmp_path / "empty"
    empty.mkdir()
    folder = _docs(tmp_path)
    (folder / "corpus.yaml").write_text("documents:\n- file: a.txt\n- file: gone.txt\n", encoding="utf-8")
    code, out, err = irkg_run("load", str(empty), str(folder))
    assert code == 0, err
    assert "documents: 1 loaded, 0 unchanged (skipped), 0 failed" in out
    assert f"warning: {empty}: no documents in this folder (.txt .md .html .pdf)" in out.splitlines()
    assert (f"warning: {folder / 'corpus.yaml'}: names files that are not there: gone.txt; fix or remove their entries"
            in out.splitlines())
