"""PDF text through pypdf (optional extra `pdf`); artifacts are left to the normalizer."""

from __future__ import annotations

import io

from pypdf import PdfReader


def extract_pdf_text(data: bytes) -> str:
    """Return the text of every page, pages separated by a blank line."""
    reader = PdfReader(io.BytesIO(data))
    pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    return "\n\n".join(pages) + "\n"
