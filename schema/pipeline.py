"""Typed values passed between the pipeline steps (read -> normalize -> segment -> recognize).

Offsets: `Passage.start/end` index the document's original text (as decoded from the
file), so a reader can find a quote in the file; mention spans index the passage's
display text.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Lang(StrEnum):
    AR = "ar"
    EN = "en"
    MIXED = "mixed"


class Document(BaseModel):
    """A document as read from disk, with its metadata (all optional but the file)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="stable id: slug of the relative path + content hash prefix")
    file: str = Field(description="path relative to the folder loaded (the file name for a file given alone), as evidence names it")
    path: str = Field(description="path the document was read from")
    sha256: str
    meta_sha256: str = Field("", description="hash of the metadata (corpus.yaml, front matter): an edit reloads the document")
    text: str = Field(description="original text as decoded (offsets refer to it)")
    content: str | None = Field(None, description="for markup (HTML): the article text the steps read")
    content_offsets: list[int] | None = Field(None, description="for markup: offset in `text` where each character of `content` comes from")
    content_ends: list[int] | None = Field(None, description="for markup: offset in `text` just past each character's source (a reference like &amp; is several)")
    lang: Lang = Lang.AR
    title: str | None = None
    title_ar: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    author: str | None = None
    kind: str | None = None
    published: str | None = Field(None, description="ISO partial date: 2025, 2025-01, 2025-01-17")
    url: str | None = None
    notes: str | None = None
    encoding: str = "utf-8"


class NormalizedDoc(BaseModel):
    """Repaired display text plus, for each of its characters, the offset in `Document.text`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    doc: Document
    text: str
    offsets: list[int] = Field(description="offsets[i] = position in the original text of text[i]")
    ends: list[int] | None = Field(None, description="for markup: ends[i] = position just past the source of text[i] (else offsets[i] + 1)")
    repairs: dict[str, int] = Field(default_factory=dict, description="repair kind -> count")


class PassageKind(StrEnum):
    SENTENCE = "sentence"
    BULLET = "bullet"
    HEADING = "heading"


class Passage(BaseModel):
    """A quotable unit: a sentence, a bullet item or a heading."""

    doc: str = Field(description="document id")
    file: str
    idx: int
    start: int = Field(description="offset of the first character in the original text")
    end: int = Field(description="offset just past the last character in the original text")
    text: str = Field(description="display text (repaired, diacritics kept)")
    key: str = Field("", description="match key: no diacritics/tatweel, unified letters")
    kind: PassageKind = PassageKind.SENTENCE

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.idx}"


class MentionKind(StrEnum):
    ACTOR = "actor"
    ITEM = "item"
    TOPIC = "topic"
    PLACE = "place"
    DATE = "date"
    MONEY = "money"
    QUANTITY = "quantity"


class Mention(BaseModel):
    """Something recognised in a passage: who, what, where, when, how much."""

    kind: MentionKind
    start: int = Field(description="offset in the passage's display text")
    end: int
    surface: str
    ref: str | None = Field(None, description="dictionary id; None when unlinked")
    unlinked: bool = False
    role: str | None = Field(None, description="title or office that introduced the name")
    value: str | float | None = Field(None, description="ISO partial date, or a number")
    unit: str | None = None
    flags: list[str] = Field(default_factory=list, description="e.g. relative, inconsistent, partial")


class Problem(BaseModel):
    """A file that was skipped or only partly read, with the reason (one line)."""

    file: str
    reason: str
    skipped: bool = True
    failed: bool = Field(False, description="an internal error, not a problem of the file")

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


class DocExtraction(BaseModel):
    """Everything one document yields; evidence in its records comes from this document only.

    The writer replaces a document's contribution as a unit, so per-document output is
    what gets loaded; `irkg.loaders.resolve` merges these across documents for JSONL.
    """

    document: "DocumentRecord"
    passages: list[Passage]
    records: list["AnyRecord"] = Field(default_factory=list)
    mentions: list[list[Mention]] | None = Field(None, description="per passage, when kept")


from irkg.schema.graph import AnyRecord, DocumentRecord  # noqa: E402

DocExtraction.model_rebuild()
