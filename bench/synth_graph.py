"""A synthetic graph of N documents written straight in the irkg model, for query benchmarks.

Extraction on this shared 2-core machine runs at about one document per second, so a
10,000-document graph through the pipeline takes hours; this writes the same shape of
graph directly: per document a Source, 12 Arabic passages (sentences from bench/synth.py
templates), and about 8 facts (events, an agreement mention, a constraint, a friction, an
indicator, a stance) with EVIDENCED_BY quotes, certainty and claims, linked to actors and
topics from the dictionaries. Agreements and indicators recur across documents (so they
collect evidence from many sources, with differing claims), as they do in real corpora.
"""

from __future__ import annotations

import json

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import _sentence  # noqa: E402

from irkg.loaders.dictionaries import load_dictionaries  # noqa: E402
from irkg.schema.graph import ACTOR_TYPE_LABEL, ActorType  # noqa: E402

ACTORS = ["iran", "russia", "israel", "united_states", "china", "turkey", "saudi_arabia", "ukraine", "syria",
          "gcc", "nato", "european_union", "india", "qatar", "oman", "iraq", "azerbaijan", "armenia",
          "vladimir_putin", "masoud_pezeshkian", "abbas_araghchi", "sergey_lavrov", "ali_khamenei"]
EVENT_TYPES = ["visit", "meeting", "signing", "delivery", "sanction", "exercise", "statement", "strike"]
FACTORS = ["relations with Israel", "relations with Gulf States", "UN Security Council sanctions", "US secondary sanctions",
           "Russia's own need for the weapons", "a policy of strategic caution", "limited financial resources",
           "competition in energy markets", "relations with China", "relations with Turkey", "the war in Ukraine",
           "payment system problems", "the nuclear file", "rivalry in Central Asia", "the Caspian border"]
TOPICS_FOR = ["arms", "trade", "energy", "transport", "finance", "nuclear_programme", "security", "space"]
INDICATORS = [("bilateral trade", "USD"), ("oil exports", "barrels per day"), ("gas exports", "bcm"),
              ("transit of goods", "tonnes"), ("trade in national currencies", "percent")]
STANCES = [("strategic partnership", "positive"), ("alliance", "positive"), ("marriage of convenience", "negative"),
           ("transactional", "mixed"), ("cautious partnership", "mixed"), ("rivalry", "negative")]
CERTAINTY = ["asserted"] * 6 + ["reported", "alleged", "expected", "denied"]


def entity_rows() -> tuple[list[dict], list[dict]]:
    """Return actor and topic rows from the dictionaries."""
    d = load_dictionaries()
    actors = []
    for aid in ACTORS:
        a = d.actors.get(aid)
        if a is None:
            continue
        actors.append({"id": a.id, "label": ACTOR_TYPE_LABEL[ActorType(a.type)], "props": {
            "label": a.name_en, "name_en": a.name_en, "name_ar": a.name_ar, "aliases": a.aliases,
            "type": str(a.type.value if hasattr(a.type, "value") else a.type), "linked": True}})
    topics = [{"id": t.id, "props": {"label": t.name_en, "name_ar": t.name_ar}} for t in d.topics.values()]
    return actors, topics


def doc_row(i: int, rng: random.Random, actor_ids: list[str]) -> dict:
    """Return one synthetic document: source, passages and facts with evidence and links."""
    doc_id = f"synth_{i:05d}"
    passages, pos = [], 0
    for idx in range(12):
        text = _sentence(rng)
        passages.append({"id": f"{doc_id}:{idx}", "idx": idx, "start": pos, "end": pos + len(text), "text": text})
        pos += len(text) + 1
    facts = []

    def evidence(idx: int, cert: str, claims: dict | None = None) -> list[dict]:
        p = passages[idx]
        props = {"doc": doc_id, "file": f"{doc_id}.txt", "quote": p["text"], "certainty": cert}
        # As graph/rows.py writes evidence: each claim as claim_<field>, all of them as claims_json.
        props.update({f"claim_{k}": v for k, v in (claims or {}).items()})
        if claims:
            props["claims_json"] = json.dumps(claims, ensure_ascii=False, sort_keys=True)
        return [{"passage": p["id"], "start": p["start"], "end": p["end"], "props": props}]

    def fact(label, fid, props, idx, links, topics=(), topic_rel="ABOUT", claims=None):
        cert = rng.choice(CERTAINTY)
        facts.append({"label": label, "id": fid, "props": {**props, "label": props.get("label", fid), "certainty": cert},
                      "evidence": evidence(idx, cert, claims), "links": links, "topics": list(topics), "topic_rel": topic_rel})

    pair = ["iran", "russia"]
    for k in range(2):
        etype = rng.choice(EVENT_TYPES)
        year = rng.randint(1995, 2026)
        who = pair + rng.sample(actor_ids, 1)
        roles = ["supplier", "recipient", "party"] if etype == "delivery" else ["visitor", "host", "party"]
        fact("Event", f"{doc_id}:event:{k}", {"type": etype, "date": f"{year}-{rng.randint(1, 12):02d}",
             "summary": f"{etype} {year}"}, rng.randrange(12),
             [{"type": "PARTICIPATED_IN", "actor": a, "role": r, "out": False} for a, r in zip(who, roles)],
             [rng.choice(TOPICS_FOR)])
    ag = rng.randrange(40)
    fact("Agreement", f"agreement:synth:{ag}", {"label": f"Agreement {ag}", "agreement_kind": "agreement",
         "date": f"{2000 + ag % 26}", "status": rng.choice(["signed", "ratified", "in_force", "stalled"]),
         "provisions": ["energy cooperation"], "missing_provisions": ["mutual defence clause"] if ag % 3 == 0 else []},
         rng.randrange(12), [{"type": "PARTY_TO", "actor": a, "role": None, "out": False} for a in pair],
         [rng.choice(TOPICS_FOR)], claims={"date": f"{2000 + ag % 26}-{rng.randint(1, 12):02d}"})
    factor = rng.choice(FACTORS)
    topic = rng.choice(TOPICS_FOR)
    fact("Constraint", f"{doc_id}:constraint", {"factor": factor, "factor_kind": "relationship", "constrains": topic,
         "summary": factor}, rng.randrange(12),
         [{"type": "IMPOSED_BY", "actor": rng.choice(actor_ids), "role": None, "out": True}], [topic], "CONSTRAINS")
    fact("Friction", f"{doc_id}:friction", {"summary": f"friction over {topic}", "historical": rng.random() < 0.3,
         "topic": topic}, rng.randrange(12),
         [{"type": "BETWEEN", "actor": a, "role": None, "out": True} for a in pair]
         + [{"type": "INVOLVES_THIRD_PARTY", "actor": rng.choice(actor_ids), "role": None, "out": True}], [topic])
    what, unit = rng.choice(INDICATORS)
    year = rng.randint(2015, 2025)
    fact("Indicator", f"indicator:{what}:{year}", {"what": what, "value": float(rng.randint(1, 90)), "unit": unit,
         "date": str(year), "topic": "trade"}, rng.randrange(12),
         [{"type": "MEASURES", "actor": a, "role": None, "out": True} for a in pair], ["trade"],
         claims={"value": str(rng.randint(1, 90))})
    char, pol = rng.choice(STANCES)
    fact("Stance", f"{doc_id}:stance", {"characterization": char, "polarity": pol, "source": f"{doc_id}.txt"},
         rng.randrange(12), [{"type": "CHARACTERIZES", "actor": a, "role": None, "out": True} for a in pair])
    return {"id": doc_id, "file": f"{doc_id}.txt", "passages": passages, "facts": facts}


def write_synthetic_graph(driver, n: int, database: str | None = None, seed: int = 0, batch: int = 100, first: int = 0) -> None:
    """Write synthetic documents number `first` to N-1 (and their actors and topics) into the graph."""
    rng = random.Random(seed * 100_003 + first)
    actors, topics = entity_rows()
    driver.execute_query((HERE / "synth_entities.cypher").read_text(), actors=actors, topics=topics, database_=database)
    actor_ids = [a["id"] for a in actors if a["id"] not in ("iran", "russia")]
    query = (HERE / "synth_graph.cypher").read_text()
    for start in range(first, n, batch):
        docs = [doc_row(i, rng, actor_ids) for i in range(start, min(n, start + batch))]
        driver.execute_query(query, docs=docs, database_=database)
