"""YAML that users write (corpus.yaml, front matter, dictionaries): dates stay text, and we check them.

PyYAML turns `2025-01-17` into a date object and raises a bare ValueError on `2025-13-45`
while parsing; loading without that conversion lets the caller say which file, which entry
and which value is wrong, in one line.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDateLoader(_BASE):  # type: ignore[misc, valid-type]
    """A safe loader that leaves timestamps as strings."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[ T]\S*)?\s*$")


def load_yaml(text: str):
    """Parse YAML safely, keeping dates as the text written; raises yaml.YAMLError on bad syntax."""
    return yaml.load(text, Loader=_TextDateLoader)


def iso_partial_date(value: object) -> str:
    """Return `2025`, `2025-01` or `2025-01-17` from a YAML value, or raise ValueError saying what is wrong."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} is not a date")
    if isinstance(value, date):
        return value.isoformat()[:10]
    m = _ISO.match(str(value))
    if not m:
        raise ValueError(f"{str(value)[:40]!r} is not a date")
    year, month, day = m.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))  # validates month and day
    except ValueError as e:
        raise ValueError(f"{str(value).strip()[:40]!r} is not a real date ({e})") from None
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out
