"""The parse step against the real CoreNLP server: tokens and offsets, long input, the cache, and reading
predicates, their arguments and their certainty off the trees (sentences of our own)."""

from __future__ import annotations

import pytest

from irkg.loaders.modality import predicate_certainty
from irkg.loaders.parse import service
from irkg.loaders.parse.cache import ParseCache, passage_key
from irkg.loaders.parse.clauses import SentenceView, predicate_at
from irkg.loaders.parse.client import ParserClient, parser_client
from irkg.loaders.parse.tree import ParsedPassage


def _parsed(lang: str, text: str) -> ParsedPassage:
    return ParsedPassage(text, parser_client().parse([(lang, text)])[0])


def test_arabic_clitics_are_split_and_offsets_slice_the_text():
    text = "وقال الوزير إن طهران تسلمت منظوماتها."
    pp = _parsed("ar", text)
    toks = [text[b:e] for s in pp.sentences for b, e, _ in s.tokens]
    assert toks[:2] == ["و", "قال"]  # the conjunction is its own token
    assert "ها" in toks  # the possessive pronoun too
    assert all(s.root is not None for s in pp.sentences)


def test_offsets_are_code_points_after_characters_outside_the_bmp():
    text = "Iran 😀 signed the deal with Russia."
    pp = _parsed("en", text)
    toks = [text[b:e] for s in pp.sentences for b, e, _ in s.tokens]
    assert "signed" in toks and "Russia" in toks


def test_a_long_passage_without_punctuation_is_parsed_in_pieces_without_trees_for_run_on_sentences():
    text = " ".join(["زار الوزير موسكو"] * 12000)  # about 200 KB, no sentence punctuation
    pp = _parsed("ar", text)
    assert pp.sentences and pp.sentences[-1].end > len(text) - 10
    assert all(s.root is None for s in pp.sentences if len(s.tokens) > service.MAX_TOKENS)


def test_parses_are_cached_by_passage(tmp_path):
    cache = ParseCache(tmp_path / "p.sqlite")
    cache.put_many({passage_key("ar", "نص"): '{"s": []}'})
    assert cache.get_many([passage_key("ar", "نص"), passage_key("en", "نص")]) == {passage_key("ar", "نص"): '{"s": []}'}
    client = ParserClient()
    client.cache = ParseCache(tmp_path / "q.sqlite")
    text = "Moscow hosted the talks."
    first = client.parse([("en", text)])
    assert client.cache.get_many([passage_key("en", text)])  # stored
    client.close()
    again = client.parse([("en", text)])
    assert again == first


def _pred(lang: str, text: str, word: str):
    pp = _parsed(lang, text)
    for s in pp.sentences:
        v = SentenceView(s, text, lang)
        for i, (b, e, _) in enumerate(s.tokens):
            if text[b:e] == word:
                return v, predicate_at(v, i)
    raise AssertionError(f"{word} not a token of {text}")


def _args(v, pred) -> dict[str, str]:
    out = {}
    for a in pred.args:
        key = a.rel if a.rel != "pp" else f"pp:{a.marker}"
        out[key] = v.text[v.sent.tokens[a.node.i][0]:v.sent.tokens[a.node.j - 1][1]]
    return out


ARGS = [
    ("ar", "سلمت روسيا الصواريخ إلى إيران.", "سلمت", {"subj": "روسيا", "obj": "الصواريخ", "pp:الي": "إيران"}),
    ("ar", "الطائرات التي أرسلتها إيران إلى روسيا استخدمت في أوكرانيا.", "أرسلت", {"subj": "إيران", "pp:الي": "روسيا"}),
    ("ar", "شنت إسرائيل غارات على مواقع في سوريا.", "غارات", {"subj": "إسرائيل"}),
    ("en", "New sanctions were imposed on Iran by the European Union.", "imposed",
     {"obj": "New sanctions", "pp:on": "Iran", "by": "the European Union"}),
    ("en", "Iran is seeking to join the organisation.", "join", {"subj": "Iran", "obj": "the organisation"}),
    ("en", "Araghchi visited Moscow and met Lavrov.", "met", {"subj": "Araghchi", "obj": "Lavrov"}),
]


@pytest.mark.parametrize(("lang", "text", "word", "want"), ARGS, ids=[a[1][:30] for a in ARGS])
def test_arguments_read_off_the_tree(lang, text, word, want):
    v, pred = _pred(lang, text, word)
    got = _args(v, pred)
    for k, val in want.items():
        assert got.get(k) == val, (k, got)


MOOD = [
    ("ar", "لم يزر الرئيس موسكو.", "يزر", "denied"),
    ("ar", "سيزور الرئيس موسكو.", "يزور", "expected"),
    ("ar", "قال مسؤول إن روسيا سلمت طهران طائرات.", "سلمت", "reported"),
    ("ar", "نفت موسكو أن تكون قد سلمت طهران طائرات.", "سلمت", "denied"),
    ("ar", "إذا فرضت واشنطن عقوبات فإن موسكو سترد.", "فرضت", "expected"),
    ("en", "Iran allegedly supplied drones.", "supplied", "alleged"),
    ("en", "Putin met Araghchi shortly before Peskov spoke to reporters.", "met", "asserted"),
    ("en", "The Kremlin said it condemned the strikes.", "strikes", "reported"),
    ("en", "Russia refused to sell the system.", "sell", "denied"),
]


@pytest.mark.parametrize(("lang", "text", "word", "certainty"), MOOD, ids=[m[1][:30] for m in MOOD])
def test_certainty_is_scoped_to_the_governing_clauses(lang, text, word, certainty):
    v, pred = _pred(lang, text, word)
    assert predicate_certainty(v, pred) == certainty


def test_parser_status_command_names_the_server_and_cache():
    from typer.testing import CliRunner

    from irkg.cli import app

    res = CliRunner().invoke(app, ["parser", "status"])
    assert res.exit_code == 0
    keys = [line.split(":", 1)[0] for line in res.output.splitlines()]
    assert keys == ["status", "version", "home", "assembled", "socket", "log", "cache"]


def test_many_uncached_passages_on_one_connection_come_back_whole(monkeypatch):
    # the sender thread writes while the reader reads: one read-write text stream lost answers (a fresh
    # machine, where nothing is cached, read half lines); 300 passages of mixed lengths, none from the cache
    import random

    from irkg.loaders.parse.client import ParserClient

    monkeypatch.setenv("IRKG_PARSE_CACHE", "off")
    rng = random.Random(7)
    texts = [("ar", f"وزار الوفد رقم {i} موسكو يوم {i} وبحث التعاون مع نظرائه. " * rng.randint(1, 25)) if i % 2 else
             ("en", f"Delegation {i} visited Moscow on day {i} and discussed cooperation. " * rng.randint(1, 25))
             for i in range(300)]
    answers = ParserClient()._ask(texts)
    assert len(answers) == len(texts)
    for (_, text), a in zip(texts, answers):
        toks = [t for s in a["s"] for t in s["t"]]
        assert toks and toks[-1][1] <= len(text) and text[toks[0][0]:toks[0][1]] in ("وزار", "و", "Delegation")
