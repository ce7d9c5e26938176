"""PDF text through pypdf (optional extra `pdf`), with right-to-left lines put in reading order.

pypdf gives each Arabic run its letters in logical order, but a line that mixes Arabic
with numbers or Latin comes out as its runs in visual order, left to right
(`. بحضور الوزيرين2024  مارس12 وقعت ...`). Reversing the runs of such a line restores
reading order; the normalizer then applies the usual repairs.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from pypdf import PdfReader

# pypdf reports damaged files through the "pypdf" logger and warnings; unhandled, Python's
# last-resort handler prints them to stderr. They are collected and reported as one line instead.
_LOG = logging.getLogger("pypdf")
_LOG.propagate = False
_LOG.addHandler(logging.NullHandler())

_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")
# An LTR run: digits or Latin letters with their inner punctuation (2,5  S-400  12/3).
_LTR_RUN = re.compile(r"([0-9A-Za-z\u0660-\u0669](?:[0-9A-Za-z\u0660-\u0669.,%/:\-]*[0-9A-Za-z\u0660-\u0669%])?)")
_LEADING_PUNCT = re.compile(r"^([.،,؛:!؟]+)\s*(.*)$", re.S)


class _Collect(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(record.getMessage().splitlines()[0] if record.getMessage() else record.levelname)


def extract_pdf_text(data: bytes, notes: list[str] | None = None) -> str:
    """Return the text of every page, pages separated by a blank line; pypdf's complaints go to `notes`."""
    notes = [] if notes is None else notes
    handler = _Collect(notes)
    _LOG.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reader = PdfReader(io.BytesIO(data))
            pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        notes.extend(str(w.message).splitlines()[0] for w in caught if str(w.message))
    finally:
        _LOG.removeHandler(handler)
    text = "\n\n".join(pages) + "\n"
    return "\n".join(visual_to_logical(line) for line in text.split("\n"))


def visual_to_logical(line: str) -> str:
    """Put the runs of a mostly-Arabic line that mixes in numbers or Latin back in reading order."""
    arabic = len(_ARABIC.findall(line))
    if arabic == 0 or arabic < len(_LATIN.findall(line)) or not _LTR_RUN.search(line):
        return line
    parts = [p.strip() for p in _LTR_RUN.split(line)]
    runs = [p for p in parts if p]
    out: list[str] = []
    for run in reversed(runs):
        m = _LEADING_PUNCT.match(run)
        if m and _ARABIC.search(m.group(2) or ""):
            run = f"{m.group(2)}{m.group(1)}"  # a sentence end shown at the visual left
        out.append(run)
    return " ".join(out)
