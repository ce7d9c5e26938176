"""Article text from saved web pages: keep the article, drop navigation and page furniture."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.inside = {"article": 0, "main": 0}
        self.title: list[str] = []
        self.in_title = False

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self._emit("\n")
        if tag in _VOID:
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = self._skipping() or tag in _SKIP_TAGS or bool(names and _FURNITURE.search(names))
        if tag in ("article", "main") and not skip:
            self.inside[tag] += 1
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        # Pop to the matching open tag; stray end tags are ignored.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, skip in self.stack[i:]:
                    if t in ("article", "main") and not skip:
                        self.inside[t] -= 1
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self._skipping():
            return
        self._emit(data)

    def _emit(self, text: str) -> None:
        if self._skipping() and text != "\n":
            return
        self.parts["body"].append(text)
        for key in ("article", "main"):
            if self.inside[key] > 0:
                self.parts[key].append(text)


def extract_html_text(markup: str) -> tuple[str, str | None]:
    """Return the article text of an HTML page (one paragraph per line) and its <title>."""
    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    chosen = parser.parts["body"]
    for key in ("article", "main"):
        if "".join(parser.parts[key]).strip():
            chosen = parser.parts[key]
            break
    text = html.unescape("".join(chosen))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return "\n".join(out).strip() + "\n", title
