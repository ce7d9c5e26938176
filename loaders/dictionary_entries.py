"""Dictionary entry models: what one YAML entry may say about an actor, item, topic, place or title."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from irkg.loaders.yaml_text import iso_partial_date
from irkg.schema.graph import ActorType, ItemType


class Role(BaseModel):
    """A dated office: who held what, of which state or organization, from when to when."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    role: str
    state: str | None = None
    org: str | None = None
    from_: str | None = Field(None, alias="from")
    to: str | None = None

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> str | None:
        """Accept YYYY, YYYY-MM or YYYY-MM-DD that exist on the calendar."""
        return None if value is None else iso_partial_date(value)

    def as_dict(self) -> dict[str, str]:
        """Return the non-empty fields with `from` spelled as in YAML."""
        d = {"role": self.role, "state": self.state, "org": self.org, "from": self.from_, "to": self.to}
        return {k: str(v) for k, v in d.items() if v is not None}


class ActorEntry(BaseModel):
    """An actor: state, person, organization, company, institution, bloc or armed group."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: ActorType
    name_en: str
    name_ar: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Arabic, English and variant spellings")
    weak: list[str] = Field(default_factory=list, description="aliases that are also common words: need a title before them")
    adjectives: list[str] = Field(default_factory=list, description="nisba adjectives: روسي expands to الروسية, الروس...")
    metonyms: list[str] = Field(default_factory=list, description="names that stand for the government: طهران, الكرملين")
    roles: list[Role] = Field(default_factory=list)
    country: str | None = Field(None, description="state id, for persons and organizations")
    members: list[str] = Field(default_factory=list, description="for a bloc of states: the state ids it is made of")
    iso2: str | None = None
    iso3: str | None = None
    historical: bool = False
    note: str | None = None

    def names(self) -> list[str]:
        """Return the canonical names and aliases, deduplicated, in order."""
        seen: list[str] = []
        for n in (self.name_en, self.name_ar, *self.aliases, *self.weak):
            if n and n not in seen:
                seen.append(n)
        return seen


class ItemEntry(BaseModel):
    """A weapon, platform, facility, project, commodity or strategic place."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: ItemType
    name_en: str
    name_ar: str | None = None
    aliases: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    country: str | None = None


class TopicEntry(BaseModel):
    """A subject of the relationship and the words that signal it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name_en: str
    name_ar: str | None = None
    cues: list[str] = Field(default_factory=list)


class PlaceEntry(BaseModel):
    """A city or region, with the state it belongs to."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name_en: str
    name_ar: str | None = None
    aliases: list[str] = Field(default_factory=list)
    state: str | None = None
    kind: str = "city"


class TitleEntry(BaseModel):
    """An office or title that introduces a person's name (discovery trigger)."""

    model_config = ConfigDict(extra="forbid")

    role: str
    ar: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class Target(BaseModel):
    """What an alias points to: kind, id and how (name, adjective, metonym, weak)."""

    model_config = ConfigDict(frozen=True)

    kind: str
    ref: str
    how: str = "name"
