"""Load the YAML dictionaries (actors, items, topics, places, titles), validated and indexed.

Entries with the same id in several files merge: later lists extend earlier ones and later
scalars override, so generated data (actors_states.yaml) is refined by hand-curated files
and analysts extend both from a directory named by the IRKG_DICTIONARIES variable.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from irkg.errors import InputError
from irkg.loaders.arabic import match_key
from irkg.loaders.dictionary_entries import ActorEntry, ItemEntry, PlaceEntry, Role, Target, TitleEntry, TopicEntry
from irkg.loaders.yaml_text import load_yaml
from irkg.schema.graph import ActorType

__all__ = [
    "ActorEntry", "Dictionaries", "ItemEntry", "PlaceEntry", "Role", "Target", "TitleEntry", "TopicEntry",
    "build_dictionaries", "dictionary_files", "key_tokens", "load_dictionaries",
]

DICT_DIR = Path(__file__).resolve().parent / "dictionaries"
ENV_DIR = "IRKG_DICTIONARIES"
CACHE_VERSION = "4"
# Built-in files this module owns; other YAML in the folder (cue lists) belongs to other steps.
BUILTIN_PREFIXES = ("actors", "items", "topics", "places", "titles")
GENERATED = "actors_states.yaml"

# Key tokens: Arabic letter runs, Latin letter runs, digit runs, and '+' (OPEC+).
TOKEN_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a]+|[a-z\u00e0-\u024f]+|[0-9]+|\+")

# Adjective endings added to a nisba base ending in ي: fem., plurals, duals, accusative.
_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ا", "يه")


class Dictionaries(BaseModel):
    """Every dictionary entry plus the token index recognition matches against."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    actors: dict[str, ActorEntry] = Field(default_factory=dict)
    items: dict[str, ItemEntry] = Field(default_factory=dict)
    topics: dict[str, TopicEntry] = Field(default_factory=dict)
    places: dict[str, PlaceEntry] = Field(default_factory=dict)
    titles: list[TitleEntry] = Field(default_factory=list)
    words: dict[str, list[str]] = Field(default_factory=dict, description="word lists from titles.yaml")
    files: list[str] = Field(default_factory=list)
    # token tuple (match key) -> targets; entities (actor/item/place) and topics kept apart
    entity_index: dict[tuple[str, ...], list[Target]] = Field(default_factory=dict)
    topic_index: dict[tuple[str, ...], list[Target]] = Field(default_factory=dict)
    title_index: dict[tuple[str, ...], str] = Field(default_factory=dict)
    word_sets: dict[str, frozenset[str]] = Field(default_factory=dict)
    fuzzy_names: dict[str, list[Target]] = Field(default_factory=dict, description="single-token names open to fuzzy matching")
    fuzzy_buckets: dict[str, list[str]] = Field(default_factory=dict, description="fuzzy names by first letter")
    entity_first: dict[str, int] = Field(default_factory=dict, description="first token -> longest alias length")
    topic_first: dict[str, int] = Field(default_factory=dict)
    title_first: dict[str, int] = Field(default_factory=dict)

    def actor(self, ref: str) -> ActorEntry | None:
        """Return the actor with this id, or None."""
        return self.actors.get(ref)

    def lookup(self, name: str) -> list[Target]:
        """Return what a name (any script, any clitic-free form) refers to."""
        toks = tuple(key_tokens(name))
        return list(self.entity_index.get(toks, [])) + list(self.topic_index.get(toks, []))

    def find_actor(self, name: str) -> ActorEntry | None:
        """Return the actor a name or id refers to, if any (first match)."""
        if name in self.actors:
            return self.actors[name]
        for t in self.lookup(name):
            if t.kind == "actor":
                return self.actors[t.ref]
        return None

    def roles_at(self, ref: str, date: str | None = None) -> list[Role]:
        """Return the offices an actor held on an ISO partial date (all offices when date is None)."""
        a = self.actors.get(ref)
        if a is None:
            return []
        if not date:
            return list(a.roles)
        # compare on the common precision: "2024" overlaps any role running through 2024
        return [r for r in a.roles
                if (not r.from_ or r.from_[:len(date)] <= date[:len(r.from_)])
                and (not r.to or date[:len(r.to)] <= r.to[:len(date)])]

    def state_of(self, ref: str) -> str | None:
        """Return the state an actor belongs to: itself for a state, else its country."""
        a = self.actors.get(ref)
        if a is None:
            return None
        return a.id if a.type == ActorType.STATE else a.country

    def words_of(self, name: str) -> frozenset[str]:
        """Return a word list from titles.yaml as a set of match keys."""
        return self.word_sets.get(name, frozenset())


def key_tokens(text: str) -> list[str]:
    """Return the match-key tokens of a text (lower-case Latin, unified Arabic letters)."""
    return TOKEN_RE.findall(match_key(text))


def expand_adjective(adj: str) -> list[str]:
    """Return the inflected forms of a nisba adjective (روسي -> روسية, روسيون, ...)."""
    key = " ".join(key_tokens(adj))
    if not key.endswith("ي") or " " in key or not re.match(r"[\u0621-\u064a]", key):
        return [adj]
    return [key + e for e in _NISBA_ENDINGS]


_SECTIONS = ("actors", "items", "topics", "places", "titles", "words", "months", "weekdays", "relative")


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        raise InputError(f"{path.name}: cannot read dictionary (not UTF-8, byte {e.start}); save it as UTF-8") from e
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"{path.name}: cannot read dictionary ({str(e).splitlines()[0]}); fix the YAML syntax") from e
    if data is None:
        return {}
    if not isinstance(data, dict) or not set(data) <= set(_SECTIONS):
        raise InputError(f"{path.name}: top level must be a mapping with sections {', '.join(_SECTIONS)}")
    return data


def _merge(into: dict[str, dict], entry: Any, path: Path, section: str) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
        raise InputError(f"{path.name}: {section} entry without an id ({str(entry)[:60]}); every entry needs `id:`")
    old = into.setdefault(entry["id"], {"_files": []})
    old["_files"].append(path.name)
    for k, v in entry.items():
        if isinstance(v, list) and isinstance(old.get(k), list):
            old[k] = old[k] + [x for x in v if x not in old[k]]
        else:
            old[k] = v


def _validate(model: type[BaseModel], raw: dict[str, dict], section: str) -> dict[str, Any]:
    out = {}
    for rid, entry in raw.items():
        files = entry.pop("_files")
        try:
            out[rid] = model.model_validate(entry)
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise InputError(
                f"{', '.join(files)}: {section} entry '{rid}': {where}: {err['msg']}; fix or remove the entry"
            ) from e
    return out


def dictionary_files(extra: Sequence[Path] = ()) -> list[Path]:
    """Return the YAML files to load: built-in, then IRKG_DICTIONARIES, then `extra` (files or dirs)."""
    dirs: list[Path] = [DICT_DIR]
    if os.environ.get(ENV_DIR):
        dirs += [Path(p) for p in os.environ[ENV_DIR].split(os.pathsep) if p]
    files: list[Path] = []
    for d in [*dirs, *map(Path, extra)]:
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            found = [p for p in d.glob("*.yaml") if d != DICT_DIR or p.name.startswith(BUILTIN_PREFIXES)]
            # generated data first, so hand-curated scalars (name_en) override it
            files += sorted(found, key=lambda p: (p.name != GENERATED, p.name))
        else:
            raise InputError(f"{d}: dictionary path not found; check {ENV_DIR} or the path given")
    return files


def build_dictionaries(files: Iterable[Path]) -> Dictionaries:
    """Read, merge, validate and index dictionary files (uncached)."""
    raw: dict[str, dict[str, dict]] = {s: {} for s in ("actors", "items", "topics", "places")}
    titles: list[dict] = []
    words: dict[str, list[str]] = {}
    names = []
    for path in files:
        names.append(path.name)
        data = _read_yaml(path)
        for section in raw:
            for entry in data.get(section) or []:
                _merge(raw[section], entry, path, section)
        titles += [(path, t) for t in data.get("titles") or []]
        for k, v in (data.get("words") or {}).items():
            bad = [w for w in v or [] if not isinstance(w, str)]
            if bad:
                raise InputError(f"{path.name}: words.{k}: {bad[0]!r} is not text; quote it (YAML reads on/yes/no as booleans)")
            words.setdefault(k, []).extend(v or [])
    d = Dictionaries(
        actors=_validate(ActorEntry, raw["actors"], "actors"),
        items=_validate(ItemEntry, raw["items"], "items"),
        topics=_validate(TopicEntry, raw["topics"], "topics"),
        places=_validate(PlaceEntry, raw["places"], "places"),
        titles=[_validate_title(path, t) for path, t in titles],
        words=words,
        files=names,
    )
    _check_refs(d)
    _index(d)
    return d


def _validate_title(path: Path, entry: Any) -> TitleEntry:
    try:
        return TitleEntry.model_validate(entry)
    except ValidationError as e:
        raise InputError(f"{path.name}: titles entry {str(entry)[:50]}: {e.errors()[0]['msg']}; fix the entry") from e


def _check_refs(d: Dictionaries) -> None:
    # ids are node ids in one JSONL stream and one graph: an actor and a topic may not share one
    seen: dict[str, str] = {}
    for section in ("actors", "items", "topics", "places"):
        for rid in getattr(d, section):
            if rid in seen:
                raise InputError(f"{section} entry '{rid}': id already used in {seen[rid]}; choose another id")
            seen[rid] = section
    for a in d.actors.values():
        for ref in [a.country, *(r.state for r in a.roles), *(r.org for r in a.roles)]:
            if ref and ref not in d.actors:
                raise InputError(f"actors entry '{a.id}': unknown actor id '{ref}'; use an id from actors*.yaml")
    for it in d.items.values():
        for t in it.topics:
            if t not in d.topics:
                raise InputError(f"items entry '{it.id}': unknown topic '{t}'; use an id from topics.yaml")


def _add(index: dict, name: str, target: Target) -> None:
    toks = tuple(key_tokens(name))
    if not toks:
        return
    lst = index.setdefault(toks, [])
    if target not in lst:
        lst.append(target)


ACRONYM_RE = re.compile(r"[A-Z][A-Z.]{0,3}")


def _name_target(kind: str, ref: str, name: str, common: frozenset[str]) -> Target:
    """Return the target for a name: short all-caps acronyms and common words need care."""
    if ACRONYM_RE.fullmatch(name):
        return Target(kind=kind, ref=ref, how="acronym")
    if " ".join(key_tokens(name)) in common:
        return Target(kind=kind, ref=ref, how="weak")
    return Target(kind=kind, ref=ref)


def _firsts(index: dict[tuple[str, ...], Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for toks in index:
        out[toks[0]] = max(out.get(toks[0], 0), len(toks))
    return out


def _index(d: Dictionaries) -> None:
    ent, top = d.entity_index, d.topic_index
    d.word_sets = {k: frozenset(" ".join(key_tokens(w)) for w in v) for k, v in d.words.items()}
    common = d.word_sets.get("common", frozenset())
    for n in d.words.get("not_entities", []):
        _add(ent, n, Target(kind="none", ref="not_entity"))
    for a in d.actors.values():
        for n in (a.name_en, a.name_ar, *a.aliases):
            if n:
                _add(ent, n, _name_target("actor", a.id, n, common))
        for n in a.weak:
            _add(ent, n, Target(kind="actor", ref=a.id, how="weak"))
        for adj in a.adjectives:
            for form in expand_adjective(adj):
                _add(ent, form, Target(kind="actor", ref=a.id, how="adjective"))
        for n in a.metonyms:
            _add(ent, n, Target(kind="actor", ref=a.id, how="metonym"))
    for kind, entries in (("item", d.items), ("place", d.places)):
        for e in entries.values():
            for n in (e.name_en, e.name_ar, *e.aliases):
                if n:
                    _add(ent, n, _name_target(kind, e.id, n, common))
    for t in d.topics.values():
        for n in (t.name_en, t.name_ar, *t.cues):
            if n:
                _add(top, n, Target(kind="topic", ref=t.id))
    for t in d.titles:
        for n in (*t.ar, *t.en):
            toks = tuple(key_tokens(n))
            if toks:
                d.title_index.setdefault(toks, t.role)
    for toks, targets in ent.items():
        strong = [t for t in targets if t.how == "name" and t.kind == "actor"]
        tok = toks[0]
        if len(toks) == 1 and len(tok) >= 5 and strong and tok not in common and re.fullmatch("[\u0621-\u064a]+", tok) \
                and not tok.startswith("ال"):
            if any(t.kind == "none" for t in targets):
                continue
            d.fuzzy_names[tok] = strong
            d.fuzzy_buckets.setdefault(tok[0], []).append(tok)
        # Latin spellings of persons and bodies (Zanganeh/Zangeneh), never of states or adjectives
        people = [t for t in strong if d.actors[t.ref].type != ActorType.STATE]
        if len(toks) == 1 and len(tok) >= 6 and people and tok.isascii() and tok.isalpha() and tok not in common:
            d.fuzzy_names[tok] = people
            d.fuzzy_buckets.setdefault(tok[0], []).append(tok)
    d.entity_first = _firsts(ent)
    d.topic_first = _firsts(top)
    d.title_first = _firsts(d.title_index)


def _cache_path(files: list[Path]) -> Path:
    h = hashlib.sha256(CACHE_VERSION.encode())
    for code in ("dictionaries.py", "dictionary_entries.py"):  # a code change invalidates old builds
        h.update((Path(__file__).parent / code).read_bytes())
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}|{st.st_mtime_ns}|{st.st_size}".encode())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "irkg"
    return base / f"dictionaries-{h.hexdigest()[:16]}.pickle"


def _prune_cache(folder: Path, keep: int = 8) -> None:
    """Delete all but the newest cached dictionary builds (each edit of a YAML file makes one)."""
    old = sorted(folder.glob("dictionaries-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]
    for p in old:
        p.unlink(missing_ok=True)


@functools.lru_cache(maxsize=8)
def _load_cached(files: tuple[Path, ...]) -> Dictionaries:
    path = _cache_path(list(files))
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    d = build_dictionaries(files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(d, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        _prune_cache(path.parent)
    except OSError:
        pass  # a read-only home only costs speed
    return d


def load_dictionaries(extra: Sequence[Path] = ()) -> Dictionaries:
    """Return the dictionaries (built-in + $IRKG_DICTIONARIES + extra), cached by file mtimes."""
    return _load_cached(tuple(dictionary_files(extra)))
