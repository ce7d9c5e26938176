"""Keep each fact and entity node equal to the merge of what every loaded document says about it.

Each document contributes its own version of a record, a *variant* (its fields and, for a
fact, its evidence with the claims). A node keeps its distinct variants with the number of
loaded documents giving each (`merge_keys`, `merge_counts`, `merge_variants`), and its
properties are `resolve.merge_group` of those variants in a fixed order (by document path,
then content). The properties therefore depend on the set of loaded documents only, never
on the order of loads, unloads and reloads. A Source lists what it contributed
(`contributions`), so unloading it takes exactly that away and recomputes the rest.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable

import neo4j
from pydantic import ValidationError

from irkg.graph.connect import read_cypher
from irkg.graph.rows import TYPE_LABELS, actor_labels, record_props
from irkg.loaders.resolve import merge_group
from irkg.schema.graph import RECORD_BY_KIND, Evidence, Record, RelType
from irkg.schema.links import record_links

_SEP = "\t"
Node = tuple[str, str]  # (label, id)


def add_contributions(tx: neo4j.ManagedTransaction, nodes: Iterable[dict]) -> dict[str, list[str]]:
    """Add the variants of written node rows to their nodes, remerge what changed; return each document's contributions."""
    deltas: dict[Node, Counter[str]] = defaultdict(Counter)
    variants: dict[str, str] = {}
    by_doc: dict[str, set[str]] = defaultdict(set)
    for row in nodes:
        item = _SEP.join((row["label"], row["id"], row["variant"]))
        if item in by_doc[row["doc"]]:
            continue  # a document counts once per node
        by_doc[row["doc"]].add(item)
        deltas[(row["label"], row["id"])][row["variant"]] += 1
        variants[row["variant"]] = row["variant_json"]
    _apply(tx, deltas, variants)
    return {doc: sorted(items) for doc, items in by_doc.items()}


def remove_contributions(tx: neo4j.ManagedTransaction, contributions: Iterable[str]) -> None:
    """Take unloaded documents' variants away from the nodes that still exist and remerge them."""
    deltas: dict[Node, Counter[str]] = defaultdict(Counter)
    for item in contributions:
        label, rest = item.split(_SEP, 1)
        node_id, key = rest.rsplit(_SEP, 1)
        deltas[(label, node_id)][key] -= 1
    _apply(tx, deltas, {})


def merge_variants(variants: Iterable[str]) -> Record | None:
    """Return the merged record of some variants, in a fixed order: by the first document's path, then by content.

    A variant another irkg version wrote may not fit today's models; it is left out (its document
    is reloaded in turn, since the extraction fingerprint changed). None if no variant fits.
    """
    records = []
    for text in sorted(variants):
        data = json.loads(text)
        model = RECORD_BY_KIND.get(data.get("kind"))
        if model is None:
            continue
        data = {k: v for k, v in data.items() if k in model.model_fields}
        data["evidence"] = [{"text": "", **{k: v for k, v in e.items() if k in Evidence.model_fields}}
                            for e in data.get("evidence", []) if isinstance(e, dict)]
        try:
            records.append(model.model_validate(data))
        except ValidationError:
            continue
    if not records:
        return None
    records.sort(key=lambda r: min((e.doc for e in r.evidence), default=""))  # stable: content order within a document
    return merge_group(records)


def _apply(tx: neo4j.ManagedTransaction, deltas: dict[Node, Counter[str]], new: dict[str, str]) -> None:
    if not deltas:
        return
    wanted = [{"label": label, "id": node_id} for label, node_id in deltas]
    updates: dict[Node, dict[str, int]] = {}
    changed: list[Node] = []
    for r in tx.run(read_cypher("read_merge_state"), rows=wanted):
        node = (r["label"], r["id"])
        counts = Counter(dict(zip(r["keys"], r["counts"])))
        counts.update(deltas[node])
        updates[node] = {k: c for k, c in sorted(counts.items()) if c > 0}
        if sorted(updates[node]) != sorted(r["keys"]):
            changed.append(node)
    stored: dict[str, str] = {}
    if changed:
        rows = [{"label": label, "id": node_id} for label, node_id in changed]
        for r in tx.run(read_cypher("read_merge_variants"), rows=rows):
            stored.update(zip(r["keys"], r["variants"]))
    stored.update(new)
    out, roles = [], []
    for node, counts in updates.items():
        row = {"label": node[0], "id": node[1], "keys": list(counts), "counts": list(counts.values()),
               "variants": None, "props": {}, "relabel": False, "extra_labels": []}
        if node in changed:
            row["variants"] = [stored.get(k, "{}") for k in counts]
            merged = merge_variants(row["variants"]) if counts else None
            if merged is not None:
                row.update(props=record_props(merged), relabel=node[0] == "Actor", extra_labels=actor_labels(merged))
                if node[0] == "Event":
                    roles.append({"id": node[1], "roles": {link.target: link.props.get("role") for link in record_links(merged)
                                                           if link.rel == RelType.PARTICIPATED_IN.value}})
        out.append(row)
    tx.run(read_cypher("write_merge_state"), rows=out, type_labels=list(TYPE_LABELS)).consume()
    if roles:
        tx.run(read_cypher("set_participant_roles"), rows=roles).consume()
