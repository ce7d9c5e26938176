"""Evidence: where a record is stated (document, passage, offsets in the original file, quote)."""

from __future__ import annotations

from irkg.schema.graph import Certainty, Evidence
from irkg.schema.pipeline import Passage

MAX_EVIDENCE = 5  # passages kept per entity record (facts keep all of theirs)


def passage_evidence(p: Passage, certainty: Certainty = Certainty.ASSERTED,
                     claims: dict[str, object] | None = None) -> Evidence:
    """Return the evidence pointing at passage `p`, with the claims that have a value."""
    return Evidence(
        doc=p.file,
        doc_id=p.doc,
        passage=p.idx,
        start=p.start,
        end=p.end,
        text=p.text,
        certainty=certainty,
        claims={k: str(v) for k, v in (claims or {}).items() if v not in (None, "", [])},
    )
