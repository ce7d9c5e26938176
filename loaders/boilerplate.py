"""Page furniture and boilerplate: page markers, web navigation, teasers, copyright, disclaimers."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from irkg.loaders.arabic import fold_letters, match_key, match_key_aligned, match_keys
from irkg.loaders.extract_lexicon import read_yaml

if TYPE_CHECKING:
    from irkg.loaders.normalize import Line

FINAL_PUNCT = ".!?؟؛…"
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def cues() -> dict:
    """Load the ingestion cue lists once, with their regexes compiled."""
    raw = read_yaml("ingest_cues.yaml")
    out: dict = {}
    out["loose"] = {}
    for name, value in raw.items():
        if name.endswith(("_lines", "_prefixes", "_blocks")):
            out[name] = re.compile("|".join(f"(?:{fold_letters(v)})" for v in value))
            loose = [fold_letters(v) for v in value if not _anchored(fold_letters(v))]
            out["loose"][name] = re.compile("|".join(f"(?:{v})" for v in loose)) if loose else None
        else:
            out[name] = frozenset(match_key(str(v)) for v in value)
    # One pass per line: which kind of line cue (if any) matches. Most cues are anchored at
    # the line start: try them all there (match), then search only the unanchored ones,
    # which gives what one search of the whole alternation would, without trying every
    # anchored cue at every position.
    groups = {"tail": "tail_cut_lines", "nav": "navigation_lines", "copy": "copyright_lines", "source": "source_lines"}
    out["line_cues"] = re.compile("|".join(f"(?P<{g}>{out[name].pattern})" for g, name in groups.items()))
    inner = []
    for g, name in groups.items():
        loose = [fold_letters(v) for v in raw[name] if not _anchored(fold_letters(v))]
        if loose:
            inner.append(f"(?P<{g}>" + "|".join(f"(?:{v})" for v in loose) + ")")
    out["line_cues_inner"] = re.compile("|".join(inner)) if inner else None
    return out


def _anchored(rx: str) -> bool:
    """Tell whether a regex can only match at the start of the text (starts with ^, no top-level |)."""
    if not rx.startswith("^"):
        return False
    depth = 0
    in_class = False
    i = 0
    while i < len(rx):
        ch = rx[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if rx[i + 1 : i + 2] == "^":
                i += 1
            if rx[i + 1 : i + 2] == "]":
                i += 1  # a ] right after [ or [^ is a literal
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
        i += 1
    return True


def search_cues(name: str, key: str) -> re.Match | None:
    """Search a match key for the cue list `name` (as cues()[name].search, faster on long text)."""
    c = cues()
    m = c[name].match(key)
    if m is None and c["loose"][name] is not None:
        m = c["loose"][name].search(key)
    return m


def find_line_cue(key: str) -> str | None:
    """Return which line cue (tail, nav, copy) the match key of a line carries, or None."""
    c = cues()
    m = c["line_cues"].match(key)
    if m is None and c["line_cues_inner"] is not None:
        m = c["line_cues_inner"].search(key)
    return m.lastgroup if m else None


def is_page_marker(line: str, key: str | None = None) -> bool:
    """Tell whether a whole line is a page marker or a bare page number (`key`: match_key(line.strip()) if known)."""
    if len(line) > 60:
        return False
    return bool(cues()["page_marker_lines"].search(match_key(line.strip()) if key is None else key))


def is_continuation(line: str, key: str | None = None) -> bool:
    """Tell whether a line says the text continues on the next page (يتبع) (`key` as for is_page_marker)."""
    if len(line) > 60:
        return False
    return bool(cues()["continuation_lines"].search(match_key(line.strip()) if key is None else key))


def is_running_header(line: str) -> bool:
    """Tell whether a line right after a page break looks like a running header."""
    t = line.strip()
    return 0 < len(t.split()) <= 8 and not ends_sentence(t) and not t.startswith(("-", "•", "●", "*"))


def page_marker_prefix(line: str) -> int:
    """Return how many characters of `line` are a page marker glued before its text (0 if none)."""
    if "ص" not in line[:12]:
        return 0
    lead = len(line) - len(line.lstrip())
    key, pos = match_key_aligned(line[lead:])
    m = cues()["page_marker_prefixes"].match(key)
    if not m or m.end() >= len(pos):
        return 0
    return lead + pos[m.end()]


def ends_sentence(text: str) -> bool:
    """Tell whether text ends with sentence-final punctuation (closing quotes/brackets allowed)."""
    t = text.rstrip().rstrip("\"'»”)]）")
    return bool(t) and t[-1] in FINAL_PUNCT


def drop_furniture(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop navigation, teaser tails, copyright lines and boilerplate paragraphs."""
    total = sum(len(b) for b in blocks)
    seen = 0
    kept: list[list[Line]] = []
    cut = False
    all_keys = iter(match_keys([line.text for block in blocks for line in block]))
    key_of: dict[int, str] = {}
    for block in blocks:
        lines: list[Line] = []
        for line in block:
            seen += 1
            key = key_of[id(line)] = next(all_keys)
            if len(line.text) > 400:
                lines.append(line)  # a paragraph, never a navigation or credit line
                continue
            kind = find_line_cue(key)
            if kind == "tail" and seen > 0.4 * total:
                repairs["teaser_tail"] += 1
                cut = True
                break
            if kind == "nav":
                repairs["navigation"] += 1
                continue
            if kind == "source" and seen > 0.4 * total and len(key.split()) <= 12 and (":" in key[:24] or not ends_sentence(key)):
                repairs["source_line"] += 1
                continue
            if kind == "copy" and len(key.split()) <= 25:
                repairs["copyright"] += 1
                continue
            if len(key) < 8 and len(_LETTER.findall(key)) < 2 and not any(ch.isdigit() for ch in key):
                repairs["stray_line"] += 1
                continue
            lines.append(line)
        if lines:
            kept.append(lines)
        if cut:
            _drop_closing_credits(kept, repairs)
            break
    return _drop_boilerplate_blocks(_drop_keyword_lists(kept, repairs, key_of), repairs, key_of)


def _drop_closing_credits(kept: list[list[Line]], repairs: Counter) -> None:
    """Drop up to two short unpunctuated lines (site or source credits) between an article's last sentence and its teaser tail."""
    for _ in range(2):
        if not kept:
            return
        block = kept[-1]
        prev = block[-2] if len(block) > 1 else (kept[-2][-1] if len(kept) > 1 else None)
        text = block[-1].text.strip()
        if prev is None or not ends_sentence(prev.text) or ends_sentence(text) or len(text) > 60 or len(text.split()) > 6:
            return
        block.pop()
        if not block:
            kept.pop()
        repairs["source_credit"] += 1


def _drop_keyword_lists(blocks: list[list[Line]], repairs: Counter, key_of: dict[int, str]) -> list[list[Line]]:
    """Drop a keyword label (الكلمات المفتاحية) with its list of short lines, which are not statements."""
    flat = [line for block in blocks for line in block]
    keys = [key_of[id(line)] for line in flat]
    drop: set[int] = set()
    for k, key in enumerate(keys):
        m = search_cues("keyword_label_lines", key) if len(key) <= 300 else None
        if m is None or m.start() > 0:
            continue
        repairs["keywords"] += 1
        drop.add(k)
        if key[m.end() :].strip() or len(key) > 60:
            continue  # the keywords are inline
        before: list[int] = []
        j = k - 1
        while j >= 0 and len(before) < 12 and _keyword_like(flat[j].text):
            before.append(j)
            j -= 1
        after: list[int] = []
        j = k + 1
        # A short line followed by a long one is a heading, not a keyword.
        while j < len(flat) and len(after) < 12 and _keyword_like(flat[j].text) and (j + 1 == len(flat) or _keyword_like(flat[j + 1].text)):
            after.append(j)
            j += 1
        drop.update(after if len(after) >= len(before) else before)
    if not drop:
        return blocks
    out: list[list[Line]] = []
    k = 0
    for block in blocks:
        kept = [line for i, line in enumerate(block, start=k) if i not in drop]
        k += len(block)
        if kept:
            out.append(kept)
    return out


def _keyword_like(text: str) -> bool:
    """Tell whether a line could be one entry of a keyword list: a few words, no sentence or label."""
    t = text.strip()
    return 0 < len(t) <= 40 and len(t.split()) <= 4 and not ends_sentence(t) and not t.endswith(":") and bool(_LETTER.search(t))


def _drop_boilerplate_blocks(blocks: list[list[Line]], repairs: Counter, key_of: dict[int, str] | None = None) -> list[list[Line]]:
    """Drop disclaimer-like blocks and the blocks that finish their sentence (`key_of`: line keys by id, if known)."""
    out: list[list[Line]] = []
    dropping = False
    texts = [" ".join(line.text for line in block) for block in blocks]
    if key_of is None:
        keys = match_keys(texts)
    else:  # the key of joined lines is the joined keys of the lines
        keys = [" ".join(key_of[id(line)] for line in block) for block in blocks]
    for block, text, key in zip(blocks, texts, keys):
        if search_cues("boilerplate_blocks", key):
            repairs["boilerplate"] += 1
            dropping = not ends_sentence(text)
            continue
        if dropping and len(block) <= 3 and ends_sentence(text):
            # The disclaimer's sentence ends here, after a column or page break.
            repairs["boilerplate"] += 1
            dropping = False
            continue
        dropping = False
        out.append(block)
    return out
