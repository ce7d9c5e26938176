"""The graph, described once: node kinds, relationship types, provenance.

Each fact model is both the record `irkg extract` writes (one JSON object per line)
and the description the writer turns into nodes and relationships. Constraints and
indexes are generated from these models (`schema/ddl.py`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Certainty(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    EXPECTED = "expected"
    DENIED = "denied"


class ActorType(StrEnum):
    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    COMPANY = "company"
    INSTITUTION = "institution"
    BLOC = "bloc"
    ARMED_GROUP = "armed_group"


ACTOR_TYPE_LABEL: dict[ActorType, str] = {
    ActorType.STATE: "State",
    ActorType.PERSON: "Person",
    ActorType.ORGANIZATION: "Organization",
    ActorType.COMPANY: "Company",
    ActorType.INSTITUTION: "Institution",
    ActorType.BLOC: "Bloc",
    ActorType.ARMED_GROUP: "ArmedGroup",
}


class EventType(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    SIGNING = "signing"
    RATIFICATION = "ratification"
    ENTRY_INTO_FORCE = "entry_into_force"
    DELIVERY = "delivery"
    SANCTION = "sanction"
    STRIKE = "strike"
    ATTACK = "attack"
    EXERCISE = "exercise"
    LAUNCH = "launch"
    WITHDRAWAL = "withdrawal"
    INVASION = "invasion"
    ANNEXATION = "annexation"
    INTERVENTION = "intervention"
    DEATH = "death"
    STATEMENT = "statement"
    TRADE = "trade"
    OTHER = "other"


class AgreementKind(StrEnum):
    TREATY = "treaty"
    MOU = "mou"
    CONTRACT = "contract"
    DEAL = "deal"
    ROADMAP = "roadmap"
    MEMBERSHIP = "membership"
    AGREEMENT = "agreement"


class AgreementStatus(StrEnum):
    NEGOTIATED = "negotiated"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    FROZEN = "frozen"
    STALLED = "stalled"
    ENDED = "ended"


class ItemType(StrEnum):
    WEAPON = "weapon"
    PLATFORM = "platform"
    FACILITY = "facility"
    PROJECT = "project"
    COMMODITY = "commodity"
    PLACE = "place"


class Polarity(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    MIXED = "mixed"


class RelType(StrEnum):
    """Every relationship type in the graph."""

    HAS_PASSAGE = "HAS_PASSAGE"  # (Source)->(Passage)
    EVIDENCED_BY = "EVIDENCED_BY"  # (fact)->(Passage) {start, end, quote, certainty, doc}
    MENTIONS = "MENTIONS"  # (Passage)->(Actor|Item|Topic)
    PARTICIPATED_IN = "PARTICIPATED_IN"  # (Actor)->(Event) {role}
    PARTY_TO = "PARTY_TO"  # (Actor)->(Agreement)
    CONCERNS = "CONCERNS"  # (Event|Agreement)->(Agreement|Item)
    ABOUT = "ABOUT"  # (fact)->(Topic)
    BETWEEN = "BETWEEN"  # (Friction)->(Actor)
    INVOLVES_THIRD_PARTY = "INVOLVES_THIRD_PARTY"  # (Friction|Constraint|Event)->(Actor)
    CONSTRAINS = "CONSTRAINS"  # (Constraint)->(Topic)
    IMPOSED_BY = "IMPOSED_BY"  # (Constraint)->(Actor) the actors behind a factor
    OFFICIAL_OF = "OFFICIAL_OF"  # (Person)->(State) {role, from, to}
    STATED_IN = "STATED_IN"  # (Stance)->(Source)
    CHARACTERIZES = "CHARACTERIZES"  # (Stance)->(Actor) the pair whose relationship it judges
    MEASURES = "MEASURES"  # (Indicator)->(Actor) the actors an indicator is about


class Evidence(BaseModel):
    """Where a fact is stated: the document, the passage and the quote."""

    model_config = ConfigDict(extra="forbid")

    doc: str = Field(description="document file name")
    doc_id: str = Field("", description="document id (file stem + hash)")
    passage: int = Field(description="passage index within the document")
    start: int = Field(description="offset in the original file")
    end: int
    text: str = Field(description="the sentence as a reader would quote it (repaired)")
    certainty: Certainty = Certainty.ASSERTED
    claims: dict[str, str] = Field(
        default_factory=dict,
        description="values this passage gives for the fact (e.g. date, value), kept per source",
    )


class Participant(BaseModel):
    actor: str
    role: str | None = None


class Record(BaseModel):
    """Common to every record `irkg extract` writes."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    NODE_LABEL: ClassVar[str] = ""
    kind: str
    id: str
    label: str = Field(description="readable English label built from the record's fields")
    label_ar: str | None = Field(None, description="the same label in Arabic")
    evidence: list[Evidence] = Field(default_factory=list)
    certainty: Certainty = Certainty.ASSERTED
    conflicts: list[str] = Field(
        default_factory=list, description="fields on which the sources disagree"
    )


class DocumentRecord(Record):
    NODE_LABEL: ClassVar[str] = "Source"
    kind: Literal["document"] = "document"
    file: str = Field(description="path relative to the folder loaded")
    sha256: str
    meta_sha256: str = Field("", description="hash of the document's metadata")
    lang: str
    title: str | None = None
    title_ar: str | None = None
    title_en: str | None = None
    publisher: str | None = None
    author: str | None = None
    doc_kind: str | None = None
    published: str | None = None
    url: str | None = None
    passages: int = 0


class ActorRecord(Record):
    NODE_LABEL: ClassVar[str] = "Actor"
    kind: Literal["actor"] = "actor"
    type: ActorType
    names: list[str] = Field(default_factory=list, description="every name seen or known")
    name_en: str | None = None
    name_ar: str | None = None
    aliases: list[str] = Field(default_factory=list)
    linked: bool = Field(True, description="False for names discovered in text, awaiting curation")
    roles: list[dict[str, str]] = Field(default_factory=list, description="dated offices")


class TopicRecord(Record):
    NODE_LABEL: ClassVar[str] = "Topic"
    kind: Literal["topic"] = "topic"
    name_ar: str | None = None


class ItemRecord(Record):
    NODE_LABEL: ClassVar[str] = "Item"
    kind: Literal["item"] = "item"
    type: ItemType
    names: list[str] = Field(default_factory=list)
    name_ar: str | None = None
    topics: list[str] = Field(default_factory=list)


class EventRecord(Record):
    NODE_LABEL: ClassVar[str] = "Event"
    kind: Literal["event"] = "event"
    type: EventType
    date: str | None = Field(None, description="ISO partial: 2025, 2025-01, 2025-01-17")
    date_precision: Literal["year", "month", "day"] | None = None
    participants: list[str] = Field(default_factory=list, description="actor ids")
    roles: list[Participant] = Field(default_factory=list)
    place: str | None = None
    agreement: str | None = Field(None, description="agreement id concerned")
    items: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    summary: str = ""
    channel: Literal["phone"] | None = Field(None, description="how a meeting was held: 'phone' for a call")


class AgreementRecord(Record):
    NODE_LABEL: ClassVar[str] = "Agreement"
    kind: Literal["agreement"] = "agreement"
    agreement_kind: AgreementKind = AgreementKind.AGREEMENT
    names: list[str] = Field(default_factory=list)
    date: str | None = Field(None, description="signing date, ISO partial")
    ratified: str | None = None
    in_force: str | None = None
    duration_years: int | None = None
    articles: int | None = None
    status: AgreementStatus | None = None
    parties: list[str] = Field(default_factory=list, description="actor ids")
    multilateral: bool = Field(
        False, description="more than two parties; for a treaty open to many states (the NPT) `parties` lists only "
        "those the text concerns"
    )
    covers: list[str] = Field(default_factory=list, description="topic ids")
    provisions: list[str] = Field(default_factory=list)
    missing_provisions: list[str] = Field(default_factory=list)


class FrictionRecord(Record):
    NODE_LABEL: ClassVar[str] = "Friction"
    kind: Literal["friction"] = "friction"
    parties: list[str] = Field(default_factory=list)
    third_parties: list[str] = Field(default_factory=list)
    topic: str | None = None
    historical: bool = False
    summary: str = ""


class ConstraintRecord(Record):
    NODE_LABEL: ClassVar[str] = "Constraint"
    kind: Literal["constraint"] = "constraint"
    factor: str = Field(description="what limits: a relationship, a need, a clause, a policy")
    factor_kind: str | None = None
    constrains: str | None = Field(None, description="topic id constrained")
    actors: list[str] = Field(default_factory=list, description="actors behind the factor")
    summary: str = ""


class IndicatorRecord(Record):
    NODE_LABEL: ClassVar[str] = "Indicator"
    kind: Literal["indicator"] = "indicator"
    what: str
    about: str | None = Field(
        default=None, description="the words of the evidence the figure belongs to (whose, which), quoted"
    )
    value: float
    unit: str
    date: str | None = None
    period: str | None = Field(
        None, description="the part of the year the figure covers ('first 5 months', 'first half'), when the text names one"
    )
    actors: list[str] = Field(default_factory=list)
    topic: str | None = None
    values: list[dict[str, str]] = Field(
        default_factory=list, description="conflicting values, each with its document"
    )


class StanceRecord(Record):
    NODE_LABEL: ClassVar[str] = "Stance"
    kind: Literal["stance"] = "stance"
    characterization: str
    polarity: Polarity = Polarity.NEUTRAL
    source: str = Field(description="document file name")
    subjects: list[str] = Field(default_factory=list, description="actor ids")


FACT_RECORDS: tuple[type[Record], ...] = (
    EventRecord,
    AgreementRecord,
    FrictionRecord,
    ConstraintRecord,
    IndicatorRecord,
    StanceRecord,
)
ENTITY_RECORDS: tuple[type[Record], ...] = (ActorRecord, TopicRecord, ItemRecord)
ALL_RECORDS: tuple[type[Record], ...] = (DocumentRecord, *ENTITY_RECORDS, *FACT_RECORDS)
RECORD_BY_KIND: dict[str, type[Record]] = {
    m.model_fields["kind"].default: m for m in ALL_RECORDS
}

# Labels that exist in the graph; Passage is written from segment output.
NODE_LABELS: tuple[str, ...] = (
    "Source",
    "Passage",
    "Actor",
    *ACTOR_TYPE_LABEL.values(),
    "Topic",
    "Item",
    "Event",
    "Agreement",
    "Friction",
    "Constraint",
    "Indicator",
    "Stance",
)

AnyRecord = Annotated[
    Union[
        DocumentRecord,
        ActorRecord,
        TopicRecord,
        ItemRecord,
        EventRecord,
        AgreementRecord,
        FrictionRecord,
        ConstraintRecord,
        IndicatorRecord,
        StanceRecord,
    ],
    Field(discriminator="kind"),
]
