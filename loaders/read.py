"""Read documents from files and folders: decode, attach metadata, report bad input.

Bad input never stops a batch: every file that cannot be used becomes one `Problem`
(file + reason) and the other files still come through. A document is known by its path
relative to the folder it was loaded from (`2024/report.txt`), so two files with one name
in different folders are two documents.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

import yaml

from irkg.errors import InputError
from irkg.loaders.html_text import extract_html_text_with_offsets
from irkg.loaders.yaml_text import iso_partial_date, load_yaml
from irkg.schema.pipeline import Document, Lang, Problem

SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
CORPUS_FILE = "corpus.yaml"
META_FIELDS = ("title", "title_ar", "title_en", "publisher", "author", "kind", "published", "url", "notes", "lang")
DEFAULT_MAX_BYTES = 5_000_000
MAX_BYTES_ENV = "IRKG_MAX_BYTES"
PDF_FACTOR = 10  # a PDF file may be this many times the limit (images); its text is held to the limit

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_NOT_ARABIC = re.compile("[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_NOT_LATIN = re.compile("[^A-Za-z]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_SLUG = re.compile(r"[^a-z0-9]+")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class _Skip(Exception):
    """A file that cannot be used; the message is the one-line reason."""


def max_document_bytes(option: int | None = None) -> int:
    """Return the per-document size limit: the option given, else $IRKG_MAX_BYTES, else 5 MB."""
    if option is not None:
        value, where = option, "--max-bytes"
    elif os.environ.get(MAX_BYTES_ENV):
        raw, where = os.environ[MAX_BYTES_ENV], MAX_BYTES_ENV
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            raise InputError(f"{MAX_BYTES_ENV}={raw!r} is not a number of bytes; use e.g. {MAX_BYTES_ENV}=20000000") from None
    else:
        return DEFAULT_MAX_BYTES
    if value <= 0:
        raise InputError(f"{where} must be a positive number of bytes, not {value}")
    return value


def read_paths(paths: Sequence[str | Path], max_bytes: int | None = None) -> tuple[list[Document], list[Problem]]:
    """Read files and folders (recursively) into documents; report unusable files as problems."""
    limit = max_document_bytes(max_bytes)
    docs: list[Document] = []
    problems: list[Problem] = []
    meta = _Metadata(problems)
    taken: dict[str, Path] = {}
    for file, root in _expand(paths, problems):
        rel = file.relative_to(root).as_posix()
        if rel in taken:
            problems.append(Problem(file=str(file), reason=(
                f"same relative path {rel!r} as {taken[rel]}; load the folder that holds both, so each keeps its own path")))
            continue
        taken[rel] = file
        try:
            docs.append(_read_file(file, rel, meta.entry(file, root), limit, problems))
        except _Skip as why:
            problems.append(Problem(file=str(file), reason=str(why)))
    problems.extend(meta.missing_files())
    return docs, problems


def read_text(file: str, text: str, **meta) -> Document:
    """Build a document from in-memory text (tests, benchmarks)."""
    data = text.encode("utf-8")
    return _make_document(Path(file), str(file), str(file), text, data, "utf-8", meta, [])


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
    """Return the stable id: ASCII slug of the relative path without its suffix + first 8 hex of the content sha256."""
    stem = PurePosixPath(Path(file).as_posix())
    slug = _SLUG.sub("-", str(stem.with_suffix("") if stem.suffix else stem).lower()).strip("-") or "doc"
    return f"{slug}-{hashlib.sha256(data).hexdigest()[:8]}"


def _expand(paths: Sequence[str | Path], problems: list[Problem]) -> Iterable[tuple[Path, Path]]:
    """Yield (file, the folder its relative path starts from), each file once."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            documents = 0
            for p in candidates:
                if p.name == CORPUS_FILE:
                    continue
                if p.suffix.lower() not in SUFFIXES:
                    problems.append(Problem(file=str(p), reason=f"unsupported file type {p.suffix or '(none)'!r}: use .txt .md .html .pdf"))
                    continue
                documents += 1
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    yield p, path
            if not documents:
                problems.append(Problem(file=str(path), reason="no documents in this folder (.txt .md .html .pdf)", skipped=False))
        elif path.is_file():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                yield path, path.parent
        else:
            problems.append(Problem(file=str(path), reason="no such file or directory"))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


class _Metadata:
    """corpus.yaml files: each read once; an entry names a file relative to its folder (`report.txt`, `2024/report.txt`)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.tables: dict[Path, dict[str, dict]] = {}

    def entry(self, file: Path, root: Path) -> tuple[dict, str]:
        """Return the nearest corpus.yaml entry for `file` (looking up to `root`) and where it is, for messages."""
        folder = file.parent
        while True:
            table = self._table(folder)
            key = file.relative_to(folder).as_posix()
            if key in table:
                return table[key], f"{folder / CORPUS_FILE}: entry '{key}'"
            if folder == root or folder.parent == folder or root not in folder.parents:
                return {}, ""
            folder = folder.parent

    def _table(self, folder: Path) -> dict[str, dict]:
        if folder not in self.tables:
            self.tables[folder] = _read_corpus_yaml(folder / CORPUS_FILE, self.problems)
        return self.tables[folder]

    def missing_files(self) -> list[Problem]:
        """Return one warning per corpus.yaml that names files which are not there."""
        out = []
        for folder, table in self.tables.items():
            missing = sorted(name for name in table if not (folder / name).is_file())
            if missing:
                shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
                out.append(Problem(file=str(folder / CORPUS_FILE), skipped=False,
                                   reason=f"names files that are not there: {shown}; fix or remove their entries"))
        return out


def _read_corpus_yaml(path: Path, problems: list[Problem]) -> dict[str, dict]:
    """Load one corpus.yaml (malformed -> a problem, no metadata)."""
    table: dict[str, dict] = {}
    if not path.is_file():
        return table
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
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
            table[PurePosixPath(str(entry["file"])).as_posix()] = entry
    return table


def _read_file(file: Path, rel: str, meta: tuple[dict, str], limit: int, problems: list[Problem]) -> Document:
    try:
        size = file.stat().st_size
    except OSError as err:
        raise _Skip(f"cannot read: {err.strerror}") from err
    if size == 0:
        raise _Skip("empty file")
    suffix = file.suffix.lower()
    if size > limit * (PDF_FACTOR if suffix == ".pdf" else 1):
        raise _Skip(_too_large(size, limit * (PDF_FACTOR if suffix == ".pdf" else 1)))
    try:
        data = file.read_bytes()
    except OSError as err:
        raise _Skip(f"cannot read: {err.strerror}") from err
    entry, where = meta
    content = offsets = ends = None
    if suffix == ".pdf":
        notes: list[str] = []
        text, encoding = _read_pdf(file, data, notes), "pdf"
        if notes:
            more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
            problems.append(Problem(file=str(file), skipped=False,
                                    reason=f"damaged PDF, read anyway; pypdf says: {notes[0]}{more}"))
        if len(text.encode("utf-8")) > limit:
            raise _Skip(_too_large(len(text.encode("utf-8")), limit, "bytes of text"))
    else:
        text, encoding = _decode(data)
        if suffix in {".html", ".htm"}:
            content, offsets, ends, title = extract_html_text_with_offsets(text)
            if title and not entry.get("title"):
                entry = {**entry, "title": title}
    if not (content if content is not None else text).strip():
        raise _Skip("no text (empty after decoding)")
    warnings: list[str] = []
    doc = _make_document(file, rel, str(file), text, data, encoding, entry, warnings, content, offsets, ends)
    problems.extend(Problem(file=where or str(file), reason=w, skipped=False) for w in warnings)
    return doc


def _too_large(size: int, limit: int, what: str = "bytes") -> str:
    return f"too large ({size:,} {what} > {limit:,}); split it, or raise the limit with --max-bytes or {MAX_BYTES_ENV}"


def _decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (or UTF-16/32 with a byte-order mark), else Windows-1256; refuse binary content."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as err:
                raise _Skip(f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()} (byte {err.start}); convert it to UTF-8") from err
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


def _read_pdf(file: Path, data: bytes, notes: list[str]) -> str:
    """Extract PDF text with pypdf (optional extra `pdf`); the normalizer repairs its artifacts."""
    try:
        from irkg.loaders.read_pdf import extract_pdf_text
    except ImportError as err:  # pypdf missing
        raise _Skip("PDF support needs the 'pdf' extra (pip install 'irkg[pdf]'), or extract the text to .txt first") from err
    try:
        text = extract_pdf_text(data, notes)
    except Exception as err:  # a broken PDF must not stop the batch
        raise _Skip(f"cannot extract PDF text ({type(err).__name__}: {err}); extract the text to .txt first") from err
    if not text.strip():
        raise _Skip("PDF has no extractable text (scanned image?); OCR or extract the text to .txt first")
    return text


def _make_document(file: Path, rel: str, path: str, text: str, data: bytes, encoding: str, meta: dict,
                   warnings: list[str], content: str | None = None, offsets: list[int] | None = None,
                   ends: list[int] | None = None) -> Document:
    fields = _clean_meta({k: meta.get(k) for k in META_FIELDS if meta.get(k) is not None}, warnings)
    front = _front_matter(text, warnings) if file.suffix.lower() in {".md", ".txt", ""} else {}
    if front:
        more: list[str] = []
        front = _clean_meta({k: v for k, v in front.items() if k in META_FIELDS and v is not None and k not in fields}, more)
        warnings.extend(f"front matter: {w}" for w in more)
        fields.update(front)
    lang = fields.pop("lang", None)
    if not fields.get("title"):
        fields["title"] = fields.get("title_ar") or fields.get("title_en")
    meta_sha = hashlib.sha256(json.dumps({**fields, "lang": lang}, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    return Document(
        id=make_doc_id(rel, data),
        file=rel,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        meta_sha256=meta_sha,
        text=text,
        content=content,
        content_offsets=offsets,
        content_ends=ends,
        lang=Lang(lang) if lang else detect_lang(content if content is not None else text),
        encoding=encoding,
        **fields,
    )


def _clean_meta(fields: dict, warnings: list[str]) -> dict:
    """Turn metadata values into text, dates into ISO partial dates; a bad value is dropped with a warning."""
    out: dict = {}
    for key, value in fields.items():
        if key == "published":
            try:
                out[key] = iso_partial_date(value)
            except ValueError as e:
                warnings.append(f"published: {e}; use YYYY, YYYY-MM or YYYY-MM-DD (read without it)")
        elif key == "lang":
            if str(value) in {lang.value for lang in Lang}:
                out[key] = str(value)
            else:
                warnings.append(f"lang: {str(value)[:20]!r} is not one of ar, en, mixed (detected from the text instead)")
        else:
            out[key] = value if isinstance(value, str) else str(value)
    return out


def _front_matter(text: str, warnings: list[str]) -> dict:
    """Return the YAML front matter at the top of a text/markdown file (empty if none or invalid, with a warning)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    try:
        data = load_yaml(m.group(1))
    except yaml.YAMLError as err:
        what = getattr(err, "problem", None) or str(err).splitlines()[0]
        warnings.append(f"front matter is not valid YAML ({what}); read as text")
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_span(text: str) -> int:
    """Return the length of the front-matter block at the top of `text` (0 if none)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    try:
        data = load_yaml(m.group(1))
    except yaml.YAMLError:
        return 0
    return m.end() if isinstance(data, dict) else 0
