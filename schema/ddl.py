"""Constraint and index statements generated from the models, safe to rerun."""

from __future__ import annotations

from irkg.schema.graph import ALL_RECORDS, NODE_LABELS

# Properties the question library filters on, per label.
_INDEXED: dict[str, tuple[str, ...]] = {
    "Actor": ("name_en", "type", "linked"),
    "Event": ("type", "date"),
    "Agreement": ("status",),
    "Indicator": ("what", "date"),
    "Passage": ("doc",),
    "Source": ("file", "sha256"),
    "Stance": ("characterization",),
}

FULLTEXT_INDEX = "passage_text"


def constraint_statements() -> list[tuple[str, str]]:
    """Return (name, statement) for one uniqueness constraint on `id` per node label."""
    labels = [m.NODE_LABEL for m in ALL_RECORDS] + ["Passage"]
    out = []
    for label in dict.fromkeys(labels):
        assert label in NODE_LABELS, label
        name = f"{label.lower()}_id"
        out.append((name, f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"))
    return out


def index_statements() -> list[tuple[str, str]]:
    """Return (name, statement) for the range indexes the queries use."""
    out = []
    for label, props in _INDEXED.items():
        for prop in props:
            name = f"{label.lower()}_{prop}"
            out.append((name, f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"))
    return out


def fulltext_statement(analyzer: str) -> tuple[str, str]:
    """Return the full-text index over passage text with the given Lucene analyzer."""
    return (
        FULLTEXT_INDEX,
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (p:Passage) ON EACH [p.text] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{analyzer}'}}}}",
    )
