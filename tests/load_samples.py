"""Small hand-written Arabic documents and their extractions, for the loading tests.

The sentences are ours; each fact points at the sentence that states it, and each actor,
topic and item is evidenced by the sentences that name it, as the pipeline's output is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from irkg.schema.graph import (
    ActorRecord,
    AgreementRecord,
    ConstraintRecord,
    DocumentRecord,
    EventRecord,
    Evidence,
    FrictionRecord,
    IndicatorRecord,
    ItemRecord,
    Participant,
    StanceRecord,
    TopicRecord,
)
from irkg.schema.pipeline import DocExtraction, Passage

# id -> (type, Arabic name as it appears in the sentences, English name, linked)
ACTORS = {
    "iran": ("state", "إيران", "Iran", True),
    "russia": ("state", "روسيا", "Russia", True),
    "pezeshkian": ("person", "بزشكيان", "Masoud Pezeshkian", True),
    "putin": ("person", "بوتين", "Vladimir Putin", True),
    "usa": ("state", "الولايات المتحدة", "United States", True),
    "unlinked-talaei": ("person", "رضا طلائي", None, False),
}
TOPICS = {"arms_deliveries": "تسليم الأسلحة", "trade": "التجارة", "energy": "الطاقة"}
ITEMS = {"su-35": ("platform", "سوخوي 35")}


@dataclass
class Fact:
    """One fact to put in a sample document: its record kind, id, sentence and links."""

    kind: str
    id: str
    passage: int
    fields: dict = field(default_factory=dict)


def make_extraction(file: str, sentences: list[str], facts: list[Fact]) -> DocExtraction:
    """Build the extraction of a document made of `sentences`, with ids like the reader's (stem + hash)."""
    text = "\n".join(sentences)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = f"{file.rsplit('.', 1)[0]}-{sha[:12]}"
    passages, offset = [], 0
    for i, s in enumerate(sentences):
        passages.append(Passage(doc=doc_id, file=file, idx=i, start=offset, end=offset + len(s), text=s, key=s))
        offset += len(s) + 1
    document = DocumentRecord(id=doc_id, label=file, file=file, sha256=sha, lang="ar", passages=len(passages))

    def evidence(p: Passage, start: int = 0, end: int | None = None, **claims) -> Evidence:
        return Evidence(doc=file, doc_id=doc_id, passage=p.idx, start=p.start + start,
                        end=p.start + (len(p.text) if end is None else end), text=p.text,
                        claims={k: str(v) for k, v in claims.items()})

    def mentions(name: str) -> list[Evidence]:
        return [evidence(p, p.text.index(name), p.text.index(name) + len(name)) for p in passages if name in p.text]

    records: list = []
    for aid, (atype, ar, en, linked) in ACTORS.items():
        ev = mentions(ar)
        if ev:
            names = [n for n in (ar, en) if n]
            records.append(ActorRecord(id=aid, label=en or ar, type=atype, names=names, name_ar=ar, name_en=en,
                                       linked=linked, evidence=ev))
    for tid, ar in TOPICS.items():
        ev = mentions(ar)
        if ev or any(tid in (f.fields.get("topics", []) + [f.fields.get("topic"), f.fields.get("constrains")]) for f in facts):
            records.append(TopicRecord(id=tid, label=tid, name_ar=ar, evidence=ev))
    for iid, (itype, ar) in ITEMS.items():
        ev = mentions(ar)
        if ev:
            records.append(ItemRecord(id=iid, label=iid, type=itype, names=[ar], name_ar=ar, evidence=ev,
                                      topics=["arms_deliveries"]))
    by_kind = {"event": EventRecord, "agreement": AgreementRecord, "friction": FrictionRecord,
               "constraint": ConstraintRecord, "indicator": IndicatorRecord, "stance": StanceRecord}
    for f in facts:
        p = passages[f.passage]
        claims = {k: v for k, v in f.fields.items() if k in ("date", "value")}
        extra = {"source": file} if f.kind == "stance" else {}
        records.append(by_kind[f.kind](id=f.id, label=f.id, evidence=[evidence(p, **claims)], **extra, **f.fields))
    return DocExtraction(document=document, passages=passages, records=records)


def doc_a() -> DocExtraction:
    """A visit, the treaty (also stated by doc B), and a constraint on arms deliveries naming an item."""
    return make_extraction("a.txt", [
        "زار الرئيس بزشكيان موسكو في يناير 2025 والتقى الرئيس بوتين.",
        "ووقعت إيران وروسيا خلال الزيارة معاهدة شراكة شاملة لمدة عشرين عاما.",
        "ويرى خبراء أن حاجة روسيا إلى طائرات سوخوي 35 في حربها تؤخر تسليم الأسلحة إلى إيران.",
    ], [
        Fact("event", "visit-pezeshkian-moscow-2025-01", 0, {
            "type": "visit", "date": "2025-01", "date_precision": "month", "participants": ["pezeshkian", "putin"],
            "roles": [Participant(actor="pezeshkian", role="visitor"), Participant(actor="putin", role="host")],
            "place": "Moscow", "agreement": "treaty-2025"}),
        Fact("agreement", "treaty-2025", 1, {"agreement_kind": "treaty", "date": "2025-01", "duration_years": 20,
                                             "parties": ["iran", "russia"], "status": "signed"}),
        Fact("constraint", "constraint-russian-war-needs", 2, {
            "factor": "Russia's own wartime needs", "constrains": "arms_deliveries", "actors": ["russia"]}),
    ])


def doc_a_edited() -> DocExtraction:
    """Doc A after an edit: the treaty and constraint sentences are gone, a trade figure is added."""
    return make_extraction("a.txt", [
        "زار الرئيس بزشكيان موسكو في يناير 2025 والتقى الرئيس بوتين.",
        "وقال بزشكيان إن التجارة مع روسيا ستتضاعف.",
    ], [
        Fact("event", "visit-pezeshkian-moscow-2025-01", 0, {
            "type": "visit", "date": "2025-01", "participants": ["pezeshkian", "putin"], "place": "Moscow"}),
        Fact("stance", "stance-a-trade-doubles", 1, {"characterization": "trade expected to double",
                                                     "polarity": "positive", "subjects": ["russia"]}),
    ])


def doc_b() -> DocExtraction:
    """The treaty again (a second source), a trade indicator, and an unlinked officer."""
    return make_extraction("b.txt", [
        "وقعت إيران وروسيا في موسكو معاهدة شراكة شاملة تمتد عشرين عاما.",
        "وبلغ حجم التجارة بين إيران وروسيا نحو أربعة مليارات دولار في عام 2024.",
        "وحضر التوقيع العميد رضا طلائي ممثلا عن إيران.",
    ], [
        Fact("agreement", "treaty-2025", 0, {"agreement_kind": "treaty", "duration_years": 20,
                                             "parties": ["iran", "russia"], "status": "signed"}),
        Fact("indicator", "trade-volume-2024", 1, {"what": "trade volume", "value": 4e9, "unit": "USD",
                                                   "date": "2024", "actors": ["iran", "russia"], "topic": "trade"}),
    ])


def doc_c() -> DocExtraction:
    """A friction with a third party and a stance on the relationship."""
    return make_extraction("c.txt", [
        "وتتنافس إيران وروسيا على أسواق الطاقة في آسيا بينما تراقب الولايات المتحدة.",
        "ويصف الكاتب العلاقة بين إيران وروسيا بأنها شراكة حذرة.",
    ], [
        Fact("friction", "friction-energy-markets", 0, {"parties": ["iran", "russia"], "third_parties": ["usa"],
                                                        "topic": "energy", "summary": "competition for energy markets"}),
        Fact("stance", "stance-c-cautious", 1, {"characterization": "cautious partnership", "polarity": "mixed",
                                                "subjects": ["iran", "russia"]}),
    ])


def corpus() -> list[DocExtraction]:
    """Return the three sample documents."""
    return [doc_a(), doc_b(), doc_c()]


def synthetic_extractions(n: int, seed: int = 0) -> list[DocExtraction]:
    """Return `n` small generated documents, each with a visit and an indicator sharing actors across documents."""
    out = []
    people = [("pezeshkian", "بزشكيان"), ("putin", "بوتين")]
    for i in range(n):
        year = 2000 + (i + seed) % 25
        person, name = people[i % 2]
        sentences = [
            f"زار الرئيس {name} طهران في عام {year} في الزيارة رقم {i}.",
            f"وبلغ حجم التجارة بين إيران وروسيا {i + 1} مليون دولار في عام {year}.",
        ]
        out.append(make_extraction(f"synthetic-{i:05d}.txt", sentences, [
            Fact("event", f"visit-{i}", 0, {"type": "visit", "date": str(year), "participants": [person]}),
            Fact("indicator", f"trade-{i}", 1, {"what": "trade volume", "value": float(i + 1) * 1e6, "unit": "USD",
                                                "date": str(year), "actors": ["iran", "russia"], "topic": "trade"}),
        ]))
    return out


def graph_snapshot(driver) -> tuple[list, list]:
    """Return every node (labels, id, properties) and relationship (type, ends, properties), sorted, for comparisons."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props")
    node_rows = sorted((sorted(r["labels"]), r["id"], sorted(r["props"].items(), key=str)) for r in nodes)
    rel_rows = sorted((r["type"], r["a"], r["b"], sorted(r["props"].items(), key=str)) for r in rels)
    return [repr(n) for n in node_rows], [repr(r) for r in rel_rows]


def graph_counts(driver) -> tuple[int, int]:
    """Return (nodes, relationships)."""
    records, _, _ = driver.execute_query(
        "RETURN COUNT { (n) } AS nodes, COUNT { ()-[r]->() } AS rels")
    return records[0]["nodes"], records[0]["rels"]
