"""Read documents from files and folders: decode, attach metadata, report bad input.

Bad input never stops a batch: every file that cannot be used becomes one `Problem`
(file + reason) and the other files still come through.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from irkg.loaders.html_text import extract_html_text
from irkg.schema.pipeline import Document, Lang, Problem

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
CORPUS_FILE = "corpus.yaml"
META_FIELDS = ("title", "title_ar", "title_en", "publisher", "author", "kind", "published", "url", "notes", "lang")

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_NOT_ARABIC = re.compile("[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_NOT_LATIN = re.compile("[^A-Za-z]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_SLUG = re.compile(r"[^a-z0-9]+")


class _Skip(Exception):
    """A file that cannot be used; the message is the one-line reason."""


def read_paths(paths: Sequence[str | Path], max_bytes: int = 20_000_000) -> tuple[list[Document], list[Problem]]:
    """Read files and folders (recursively) into documents; report unusable files as problems."""
    docs: list[Document] = []
    problems: list[Problem] = []
    meta_cache: dict[Path, dict[str, dict]] = {}
    for file in _expand(paths, problems):
        meta = _folder_meta(file.parent, meta_cache, problems).get(file.name, {})
        try:
            docs.append(_read_file(file, meta, max_bytes))
        except _Skip as why:
            problems.append(Problem(file=str(file), reason=str(why)))
    return docs, problems


def read_text(file: str, text: str, **meta) -> Document:
    """Build a document from in-memory text (tests, benchmarks)."""
    data = text.encode("utf-8")
    return _make_document(Path(file), str(file), text, data, "utf-8", meta)


def detect_lang(text: str) -> Lang:
    """Tell Arabic, English or mixed from the share of Arabic letters among letters."""
    sample = text[:200_000]
    # Deleting the other characters counts without building a list of matches.
    ar = len(_NOT_ARABIC.sub("", sample))
    la = len(_NOT_LATIN.sub("", sample))
    if ar + la == 0:
        return Lang.AR
    share = ar / (ar + la)
    if share >= 0.8:
        return Lang.AR
    if share <= 0.2:
        return Lang.EN
    return Lang.MIXED


def make_doc_id(file: str | Path, data: bytes) -> str:
    """Return the stable id: ASCII slug of the file stem + first 8 hex of the content sha256."""
    slug = _SLUG.sub("-", Path(file).stem.lower()).strip("-") or "doc"
    return f"{slug}-{hashlib.sha256(data).hexdigest()[:8]}"


def _expand(paths: Sequence[str | Path], problems: list[Problem]) -> Iterable[Path]:
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            for p in candidates:
                if p.name == CORPUS_FILE:
                    continue
                if p.suffix.lower() not in SUFFIXES:
                    problems.append(Problem(file=str(p), reason=f"unsupported file type {p.suffix or '(none)'!r}: use .txt .md .html .pdf"))
                    continue
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    yield p
        elif path.is_file():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                yield path
        else:
            problems.append(Problem(file=str(path), reason="no such file or directory"))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _folder_meta(folder: Path, cache: dict[Path, dict[str, dict]], problems: list[Problem]) -> dict[str, dict]:
    """Load corpus.yaml beside the documents once per folder (malformed -> a problem, no metadata)."""
    if folder in cache:
        return cache[folder]
    table: dict[str, dict] = {}
    cache[folder] = table
    path = folder / CORPUS_FILE
    if not path.is_file():
        return table
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        what = getattr(err, "problem", None) or str(err).splitlines()[0]
        problems.append(Problem(file=str(path), reason=f"invalid YAML{where}: {what}; documents read without its metadata", skipped=False))
        return table
    except (OSError, UnicodeDecodeError) as err:
        problems.append(Problem(file=str(path), reason=f"cannot read: {err}", skipped=False))
        return table
    entries = data.get("documents") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        problems.append(Problem(file=str(path), reason="expected a list under 'documents:'; documents read without its metadata", skipped=False))
        return table
    for entry in entries:
        if isinstance(entry, dict) and entry.get("file"):
            table[str(entry["file"])] = entry
    return table


def _read_file(file: Path, meta: dict, max_bytes: int) -> Document:
    try:
        size = file.stat().st_size
    except OSError as err:
        raise _Skip(f"cannot read: {err.strerror}") from err
    if size == 0:
        raise _Skip("empty file")
    if size > max_bytes:
        raise _Skip(f"too large ({size:,} bytes > {max_bytes:,}); split it or raise max_bytes")
    try:
        data = file.read_bytes()
    except OSError as err:
        raise _Skip(f"cannot read: {err.strerror}") from err
    suffix = file.suffix.lower()
    if suffix == ".pdf":
        text, encoding = _read_pdf(file, data), "pdf"
    else:
        text, encoding = _decode(data)
        if suffix in {".html", ".htm"}:
            text, title = extract_html_text(text)
            if title and not meta.get("title"):
                meta = {**meta, "title": title}
    if not text.strip():
        raise _Skip("no text (empty after decoding)")
    return _make_document(file, str(file), text, data, encoding, meta)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8, else Windows-1256; refuse binary content."""
    if b"\x00" in data[:65536]:
        raise _Skip("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError as err:
            raise _Skip(f"not UTF-8 nor Windows-1256 (byte {err.start}); convert it to UTF-8") from err
        encoding = "cp1256"
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise _Skip("binary file (control characters), not text")
    if encoding == "cp1256" and not _plausible_cp1256(sample):
        raise _Skip("not UTF-8 and does not read as Windows-1256 Arabic; convert it to UTF-8")
    return text, encoding


def _plausible_cp1256(text: str) -> bool:
    """Accept a cp1256 reading when letters are mostly Arabic or ASCII, not accented noise."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    good = sum(1 for c in letters if c < "\x80" or _ARABIC.match(c))
    return good / len(letters) >= 0.9


def _read_pdf(file: Path, data: bytes) -> str:
    """Extract PDF text with pypdf (optional extra `pdf`); the normalizer repairs its artifacts."""
    try:
        from irkg.loaders.read_pdf import extract_pdf_text
    except ImportError as err:  # pypdf missing
        raise _Skip("PDF support needs the 'pdf' extra (pip install 'irkg[pdf]'), or extract the text to .txt first") from err
    try:
        text = extract_pdf_text(data)
    except Exception as err:  # a broken PDF must not stop the batch
        raise _Skip(f"cannot extract PDF text ({type(err).__name__}: {err}); extract the text to .txt first") from err
    if not text.strip():
        raise _Skip("PDF has no extractable text (scanned image?); OCR or extract the text to .txt first")
    return text


def _make_document(file: Path, path: str, text: str, data: bytes, encoding: str, meta: dict) -> Document:
    fields = {k: meta.get(k) for k in META_FIELDS if meta.get(k) is not None}
    front = _front_matter(text) if file.suffix.lower() in {".md", ".txt", ""} else {}
    for key, value in front.items():
        if key in META_FIELDS and value is not None and key not in fields:
            fields[key] = value
    for key in list(fields):
        if key != "lang":
            fields[key] = str(fields[key]) if not isinstance(fields[key], str) else fields[key]
    lang = fields.pop("lang", None)
    try:
        lang = Lang(str(lang)) if lang else detect_lang(text)
    except ValueError:
        lang = detect_lang(text)
    if "published" in fields:
        fields["published"] = _iso_partial(fields["published"])
    if not fields.get("title"):
        fields["title"] = fields.get("title_ar") or fields.get("title_en")
    return Document(
        id=make_doc_id(file, data),
        file=file.name,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        lang=lang,
        encoding=encoding,
        **fields,
    )


def _front_matter(text: str) -> dict:
    """Return the YAML front matter at the top of a text/markdown file (empty if none or invalid)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_span(text: str) -> int:
    """Return the length of the front-matter block at the top of `text` (0 if none)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return 0
    return m.end() if isinstance(data, dict) else 0


def _iso_partial(value: str) -> str | None:
    """Keep `2025`, `2025-01`, `2025-01-17` (a date object's str is already ISO)."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value)
    if not m:
        return None
    year, month, day = m.groups()
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out
