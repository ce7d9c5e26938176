"""Load the named Cypher questions in `queries/*.cypher`, validate their headers, run them read-only.

A file starts with `//` header lines (aiosql-like), then one read-only statement:

    // name: constraints_on
    // description: What constrains a topic: one row per factor, with actors and quotes.
    // param: topic string default=arms_deliveries fill=topic -- topic id
    // returns: factor, actors, quotes
    // example-en: what constrains arms deliveries?
    // example-ar: ما الذي يقيد تسليم الأسلحة؟
    // keywords: constrain, limit, obstacle, قيود, يقيد

`param` is `NAME TYPE [default=VALUE] [fill=KIND] [-- help]`; TYPE is string, int, float,
bool or list; VALUE is YAML (`null`, `[alleged, reported]`). `fill` names what `irkg ask`
takes from the question for it (topic, actor, actor2, year_from, year_to, event_type,
period, node, certainty, item, entities, terms, effect).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from irkg.errors import InputError

QUERY_DIR = Path(__file__).resolve().parent
PARAM_TYPES = ("string", "int", "float", "bool", "list")
FILL_KINDS = ("topic", "actor", "actor2", "year_from", "year_to", "event_type", "period", "node", "certainty", "item", "entities", "terms", "effect")
_REQUIRED = ("name", "description", "returns")
_MULTI = ("param", "example-en", "example-ar", "keywords")
_KNOWN = (*_REQUIRED, *_MULTI)

_HEADER_RE = re.compile(r"^//\s*([a-z][a-z-]*)\s*:\s*(.*?)\s*$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# Strings and comments are masked before looking for $params, so a `$` inside a literal is not one.
_MASK_RE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.S)
_WRITE_RE = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH)\b", re.I)


@dataclass(frozen=True)
class Param:
    """A declared query parameter: its type, default and what `ask` fills it from."""

    name: str
    type: str
    default: Any = None
    fill: str | None = None
    help: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """One library question: header fields plus the Cypher statement."""

    name: str
    description: str
    returns: tuple[str, ...]
    cypher: str
    path: Path
    params: tuple[Param, ...] = ()
    examples_en: tuple[str, ...] = ()
    examples_ar: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    line: int = 1

    @property
    def examples(self) -> tuple[str, ...]:
        return self.examples_en + self.examples_ar

    def param(self, name: str) -> Param | None:
        """Return the declared parameter with this name, or None."""
        return next((p for p in self.params if p.name == name), None)

    def defaults(self) -> dict[str, Any]:
        """Return every parameter at its default value."""
        return {p.name: p.default for p in self.params}


@dataclass
class Library:
    """All named queries by name, in file order."""

    queries: dict[str, NamedQuery] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)

    def get(self, name: str) -> NamedQuery:
        """Return the query with this name or fail with the names that exist."""
        if name not in self.queries:
            raise InputError(f"no query named {name!r}; run `irkg query list` (known: {', '.join(self.queries)})")
        return self.queries[name]


def _where(path: Path, line: int) -> str:
    return f"{path.name}:{line}"


def parse_param(text: str, path: Path, line: int) -> Param:
    """Parse `NAME TYPE [default=VALUE] [fill=KIND] [-- help]`."""
    spec, _, help_text = text.partition(" -- ")
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s+(\w+)(.*)$", spec.strip())
    if not m:
        raise InputError(f"{_where(path, line)}: bad param line {text!r}; write `// param: NAME TYPE [default=VALUE] [fill=KIND]`")
    name, ptype, rest = m.group(1), m.group(2), m.group(3)
    if ptype not in PARAM_TYPES:
        raise InputError(f"{_where(path, line)}: param {name!r} has type {ptype!r}; use one of {', '.join(PARAM_TYPES)}")
    default: Any = None
    fill = None
    for km in re.finditer(r"(default|fill)=(\[[^\]]*\]|\S+)", rest):
        if km.group(1) == "fill":
            fill = km.group(2)
            if fill not in FILL_KINDS:
                raise InputError(f"{_where(path, line)}: param {name!r} fill={fill!r}; use one of {', '.join(FILL_KINDS)}")
        else:
            try:
                default = yaml.safe_load(km.group(2))
            except yaml.YAMLError as e:
                raise InputError(f"{_where(path, line)}: default of {name!r} is not valid YAML: {km.group(2)!r}") from e
    if default is not None:
        default = coerce_value(Param(name, ptype), default, _where(path, line))
    return Param(name=name, type=ptype, default=default, fill=fill, help=help_text.strip())


def parse_query_text(text: str, path: Path) -> NamedQuery:
    """Parse one query file's text; fail with file:line on a bad header or an undeclared $param."""
    lines = text.splitlines()
    fields: dict[str, list[tuple[str, int]]] = {}
    body_start = len(lines)
    for i, raw in enumerate(lines, start=1):
        s = raw.strip()
        if not s:
            continue
        m = _HEADER_RE.match(s)
        if not m:
            if s.startswith("//"):
                continue  # free comment inside the header
            body_start = i
            break
        key, value = m.group(1), m.group(2)
        if key not in _KNOWN:
            raise InputError(f"{_where(path, i)}: unknown header field {key!r}; known: {', '.join(_KNOWN)}")
        fields.setdefault(key, []).append((value, i))
    for key in _REQUIRED:
        if key not in fields:
            raise InputError(f"{_where(path, 1)}: missing header `// {key}: ...`; every query file starts with name, description and returns")
        if len(fields[key]) > 1:
            raise InputError(f"{_where(path, fields[key][1][1])}: header `{key}` given twice")
    name, name_line = fields["name"][0]
    if not _NAME_RE.match(name):
        raise InputError(f"{_where(path, name_line)}: query name {name!r} must be lower_snake_case ASCII")
    body = "\n".join(lines[body_start - 1 :]).strip()
    if not body:
        raise InputError(f"{_where(path, body_start)}: no Cypher statement after the header")
    params = []
    for value, line in fields.get("param", []):
        p = parse_param(value, path, line)
        if any(q.name == p.name for q in params):
            raise InputError(f"{_where(path, line)}: param {p.name!r} declared twice")
        params.append(p)
    declared = {p.name for p in params}
    masked = _MASK_RE.sub(lambda m: " " * len(m.group(0)), body)
    used: set[str] = set()
    for m in _PARAM_RE.finditer(masked):
        used.add(m.group(1))
        if m.group(1) not in declared:
            line = body_start + masked.count("\n", 0, m.start())
            raise InputError(f"{_where(path, line)}: ${m.group(1)} is not declared; add `// param: {m.group(1)} TYPE` to the header")
    for value, line in fields.get("param", []):
        pname = value.split()[0]
        if pname not in used:
            raise InputError(f"{_where(path, line)}: param {pname!r} is declared but the query never uses ${pname}")
    w = _WRITE_RE.search(masked)
    if w:
        line = body_start + masked.count("\n", 0, w.start())
        raise InputError(f"{_where(path, line)}: library queries are read-only, found {w.group(1)!r}")
    if ";" in masked.rstrip().rstrip(";"):
        raise InputError(f"{_where(path, body_start)}: one statement per file")
    returns = tuple(c.strip() for c in fields["returns"][0][0].split(",") if c.strip())
    keywords = tuple(k.strip() for v, _ in fields.get("keywords", []) for k in v.split(",") if k.strip())
    return NamedQuery(
        name=name,
        description=fields["description"][0][0],
        returns=returns,
        cypher=body.rstrip().rstrip(";"),
        path=path,
        params=tuple(params),
        examples_en=tuple(v for v, _ in fields.get("example-en", [])),
        examples_ar=tuple(v for v, _ in fields.get("example-ar", [])),
        keywords=keywords,
        line=name_line,
    )


def load_query_file(path: Path) -> NamedQuery:
    """Read and parse one `.cypher` file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read query file ({e})") from e
    return parse_query_text(text, path)


def load_library(directory: Path | str | None = None) -> Library:
    """Load every `*.cypher` in the directory (default: the packaged library); fail on a duplicate name."""
    root = Path(directory) if directory else QUERY_DIR
    lib = Library()
    for path in sorted(root.glob("*.cypher")):
        q = load_query_file(path)
        if q.name in lib.queries:
            first = lib.queries[q.name]
            raise InputError(f"{_where(path, q.line)}: duplicate query name {q.name!r} (first in {_where(first.path, first.line)})")
        lib.queries[q.name] = q
    if not lib.queries:
        raise InputError(f"{root}: no .cypher query files found")
    return lib


def coerce_value(param: Param, value: Any, where: str = "") -> Any:
    """Convert a CLI string (or YAML value) to the parameter's declared type."""
    if value is None:
        return None
    label = f"{where}: " if where else ""
    try:
        if param.type == "string":
            return str(value)
        if param.type == "int":
            return cypher_int(int(value), f"{label}param {param.name!r}")
        if param.type == "float":
            return float(value)
        if param.type == "bool":
            if isinstance(value, bool):
                return value
            v = str(value).strip().lower()
            if v in ("true", "yes", "1"):
                return True
            if v in ("false", "no", "0"):
                return False
            raise ValueError(value)
        if param.type == "list":
            if isinstance(value, (list, tuple)):
                return [str(v) for v in value]
            return [v.strip() for v in str(value).split(",") if v.strip()]
    except (TypeError, ValueError) as e:
        raise InputError(f"{label}param {param.name!r} expects {param.type}, got {value!r}") from e
    return value


CYPHER_INT_MIN, CYPHER_INT_MAX = -(2**63), 2**63 - 1


def cypher_int(value: int, what: str) -> int:
    """Return `value` if Cypher can hold it (a 64-bit integer), else raise a one-line InputError."""
    if not CYPHER_INT_MIN <= value <= CYPHER_INT_MAX:
        raise InputError(f"{what}: {str(value)[:30]}{'…' if len(str(value)) > 30 else ''} is too large for a Cypher integer "
                         f"(64-bit: {CYPHER_INT_MIN} to {CYPHER_INT_MAX})")
    return value


def parse_param_args(items: list[str] | None) -> dict[str, str | None]:
    """Turn `key=value` strings into a dict; `key=` or `key=null` means null."""
    out: dict[str, str | None] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {item!r}: write --param key=value")
        out[key.strip()] = None if value.strip() in ("", "null") else value
    return out


def bind_params(query: NamedQuery, given: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return defaults overridden by `given`, typed; fail on a parameter the query does not declare."""
    values = query.defaults()
    for key, value in (given or {}).items():
        p = query.param(key)
        if p is None:
            names = ", ".join(p.name for p in query.params) or "none"
            raise InputError(f"query {query.name!r} has no parameter {key!r} (parameters: {names})")
        values[key] = coerce_value(p, value)
    return values


def guess_value(text: str | None) -> Any:
    """Return an ad-hoc parameter as int, float, bool or null when it reads as one, else the text."""
    if text is None:
        return None
    t = text.strip()
    if re.fullmatch(r"-?[0-9]+", t):
        return cypher_int(int(t), f"--param value {t[:30]!r}")
    if re.fullmatch(r"-?[0-9]*\.[0-9]+", t):
        return float(t)
    if t in ("true", "false"):
        return t == "true"
    return text
