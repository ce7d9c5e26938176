"""Article text from saved web pages: keep the article, drop navigation and page furniture.

Every character of the article text keeps the offset in the markup it came from, so
passages and evidence of an HTML document point into the file itself. Linear in the size
of the page, however deep or broken its nesting.
"""

from __future__ import annotations

import html
import re
from collections import Counter

# Elements whose content is never article text.
_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "button", "select", "template", "iframe", "menu"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
_BLOCK = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "dd", "dt", "dl", "br", "hr",
}
# class/id words that mark navigation, sharing, related links and comments.
_FURNITURE = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|breadcrumbs?|footer|header|sidebar|widget|share|sharing|social|related|"
    r"comments?|cookie|banner|advert|ads?|promo|newsletter|subscribe|tags|pagination|popup|modal)($|[-_ ])",
    re.I,
)
_RUN = re.compile(r"[^\s]+")
_PARTS = ("article", "main", "body")


class _Out:
    """Text pieces with, for each character, where its source starts and ends in the markup."""

    __slots__ = ("texts", "offsets", "ends")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.offsets: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, at: int, source_len: int | None) -> None:
        """Add text copied from `at`, or (source_len given) standing for the `source_len` characters there."""
        self.texts.append(text)
        if source_len is not None:  # a character reference or an inserted line break: all of it maps to one span
            self.offsets.extend([at] * len(text))
            self.ends.extend([at + source_len] * len(text))
        else:
            self.offsets.extend(range(at, at + len(text)))
            self.ends.extend(range(at + 1, at + len(text) + 1))


class _ArticleParser:
    """Walk the markup once, keeping article text and the offset of each of its characters."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.open: Counter[str] = Counter()  # open tags by name: a stray end tag is dismissed without a scan
        self.parts = {key: _Out() for key in _PARTS}
        self.inside = {"article": 0, "main": 0}
        self.title: list[str] = []

    def feed(self, markup: str) -> None:
        """Tokenize in one pass: every search moves forward, so time is linear in the size of the page."""
        pos, n = 0, len(markup)
        while pos < n:
            lt = markup.find("<", pos)
            if lt < 0:
                self.data(markup, pos, n)
                return
            if lt > pos:
                self.data(markup, pos, lt)
            pos = self.markup(markup, lt)

    def markup(self, s: str, lt: int) -> int:
        """Handle the construct at `s[lt] == '<'`; return where the text goes on."""
        if s.startswith("<!--", lt):
            end = s.find("-->", lt + 4)
            return len(s) if end < 0 else end + 3
        if s.startswith("<![CDATA[", lt):
            end = s.find("]]>", lt + 9)
            return len(s) if end < 0 else end + 3
        if s.startswith(("<!", "<?"), lt):
            end = s.find(">", lt + 2)
            return len(s) if end < 0 else end + 1
        if s.startswith("</", lt):
            m = _TAG_NAME.match(s, lt + 2)
            end = s.find(">", lt + 2)
            stop = len(s) if end < 0 else end + 1
            if m:
                self.end_tag(m.group().lower(), lt)
            return stop
        m = _TAG_NAME.match(s, lt + 1)
        if not m:
            self.text("<", lt, None)
            return lt + 1
        tag = m.group().lower()
        attrs, pos, closed = _attributes(s, m.end())
        self.start_tag(tag, attrs, lt, closed)
        if tag in _RAW_TEXT and not closed:
            end_m = _RAW_TEXT[tag].search(s, pos)
            end = end_m.start() if end_m else len(s)
            if tag == "title":
                self.title.append(html.unescape(s[pos:end]))
            elif tag == "textarea":
                self.data(s, pos, end)
            return end
        return pos

    def start_tag(self, tag: str, attrs: list[tuple[str, str]], at: int, closed: bool) -> None:
        if tag in _BLOCK:
            self.text("\n", at, 1)
        if tag in _VOID or closed or tag == "title":
            return
        names = " ".join(v for k, v in attrs if k in ("class", "id", "role"))
        skip = self._skipping() or tag in _SKIP_TAGS or bool(names and _FURNITURE.search(names))
        if tag in ("article", "main") and not skip:
            self.inside[tag] += 1
        self.stack.append((tag, skip))
        self.open[tag] += 1

    def end_tag(self, tag: str, at: int) -> None:
        if self.open[tag]:
            # Pop to the matching open tag: each tag is pushed and popped once, so this is linear overall.
            while self.stack:
                t, skip = self.stack.pop()
                self.open[t] -= 1
                if t in ("article", "main") and not skip:
                    self.inside[t] -= 1
                if t == tag:
                    break
        if tag in _BLOCK:
            self.text("\n", at, 1)

    def data(self, s: str, start: int, end: int) -> None:
        """Emit text, replacing character references by what they stand for."""
        if self._skipping():
            return
        pos = start
        for m in _REFERENCE.finditer(s, start, end):
            if m.start() > pos:
                self.text(s[pos:m.start()], pos, None)
            ref = m.group()
            decoded = html.unescape(ref)
            if decoded == ref:  # not a reference after all (&bogus;): plain text
                self.text(ref, m.start(), None)
            else:
                self.text(decoded, m.start(), len(ref))
            pos = m.end()
        if pos < end:
            self.text(s[pos:end], pos, None)

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def text(self, text: str, at: int, source_len: int | None) -> None:
        if self._skipping() and text != "\n":
            return
        self.parts["body"].add(text, at, source_len)
        for key in ("article", "main"):
            if self.inside[key] > 0:
                self.parts[key].add(text, at, source_len)


_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
# One attribute at a time; each match consumes what it read, so a page of broken tags stays linear.
_ATTRIBUTE = re.compile(r"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_SPACE = re.compile(r"\s*")
_RAW_TEXT = {tag: re.compile(rf"</{tag}[\s/>]", re.I) for tag in ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes")}
_REFERENCE = re.compile(r"&(?:#[0-9]{1,10};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


def _attributes(s: str, pos: int) -> tuple[list[tuple[str, str]], int, bool]:
    """Read a start tag's attributes from `pos`; return them, where the tag ends and whether it closed itself."""
    attrs: list[tuple[str, str]] = []
    n = len(s)
    while True:
        pos = _SPACE.match(s, pos).end()
        if pos >= n:
            return attrs, n, False
        if s[pos] == ">":
            return attrs, pos + 1, False
        if s.startswith("/>", pos):
            return attrs, pos + 2, True
        m = _ATTRIBUTE.match(s, pos)
        if not m:  # a stray '/' or '='
            pos += 1
            continue
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        attrs.append((m.group(1).lower(), value or ""))
        pos = m.end()


def extract_html_text(markup: str) -> tuple[str, str | None]:
    """Return the article text of an HTML page (one paragraph per line) and its <title>."""
    text, _, _, title = extract_html_text_with_offsets(markup)
    return text, title


def extract_html_text_with_offsets(markup: str) -> tuple[str, list[int], list[int], str | None]:
    """Return the article text, where each of its characters starts and ends in the markup, and the <title>."""
    parser = _ArticleParser()
    parser.feed(markup)
    chosen = parser.parts["body"]
    for key in ("article", "main"):
        if "".join(parser.parts[key].texts).strip():
            chosen = parser.parts[key]
            break
    text, offsets, ends = _tidy("".join(chosen.texts), chosen.offsets, chosen.ends)
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return text, offsets, ends, title


def _tidy(raw: str, offsets: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Collapse white space within lines, trim lines, keep at most one blank line between paragraphs."""
    out: list[str] = []
    out_offsets: list[int] = []
    out_ends: list[int] = []
    blank = False  # a blank line is owed before the next paragraph
    pos = 0
    for line in raw.split("\n"):
        start, pos = pos, pos + len(line) + 1
        runs = list(_RUN.finditer(line))
        if not runs:
            blank = bool(out)
            continue
        if out:
            nl = start - 1
            out.append("\n\n" if blank else "\n")
            out_offsets.extend([offsets[nl]] * (2 if blank else 1))
            out_ends.extend([ends[nl]] * (2 if blank else 1))
        blank = False
        for i, m in enumerate(runs):
            if i:
                gap = start + runs[i - 1].end()
                out.append(" ")
                out_offsets.append(offsets[gap])
                out_ends.append(ends[gap])
            out.append(m.group())
            out_offsets.extend(offsets[start + m.start():start + m.end()])
            out_ends.extend(ends[start + m.start():start + m.end()])
    out.append("\n")
    out_offsets.append(out_offsets[-1] if out_offsets else 0)
    out_ends.append(out_ends[-1] if out_ends else 0)
    return "".join(out), out_offsets, out_ends
