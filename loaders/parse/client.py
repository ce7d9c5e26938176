"""Send passages to the parse server (starting it if needed) and cache what comes back.

Requests are pipelined on one connection per process: all the passages of a document are
written, then all the answers read, so the server's threads are never idle waiting on us.
Text longer than `_MAX_CHARS` is sent in pieces cut at whitespace, so that no input makes
parsing superlinear; the pieces' offsets are shifted back.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
from collections.abc import Sequence

from irkg.loaders.parse import service
from irkg.loaders.parse.cache import ParseCache, passage_key
from irkg.loaders.parse.tree import ParsedPassage

_MAX_CHARS = 2000
_READ_TIMEOUT = 900.0
_SPACE = re.compile(r"\s")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


def passage_lang(text: str, doc_lang: str = "ar") -> str:
    """Return the model to parse a passage with: its dominant script (a mixed document has both)."""
    ar = len(_ARABIC.findall(text))
    la = len(_LATIN.findall(text))
    if ar == la == 0:
        return "en" if doc_lang == "en" else "ar"
    return "ar" if ar >= la else "en"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", " ")


def _pieces(text: str) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) at whitespace, each at most _MAX_CHARS long."""
    if len(text) <= _MAX_CHARS:
        return [(0, text)]
    out, at = [], 0
    while at < len(text):
        end = min(len(text), at + _MAX_CHARS)
        if end < len(text):
            cut = max((m.start() for m in _SPACE.finditer(text, at + _MAX_CHARS // 2, end)), default=end)
            end = cut if cut > at else end
        out.append((at, text[at:end]))
        at = end
    return out


class ParserClient:
    """One connection to the parse server, with the passage cache in front of it."""

    def __init__(self) -> None:
        self._sock: socket.socket | None = None
        self._file = self._out = None
        self.cache = ParseCache(service.cache_file())

    def _connect(self) -> None:
        if self._file is not None:
            return
        service.start()
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(_READ_TIMEOUT)  # a parse server that stops answering fails the document, never hangs it
        try:
            s.connect(str(service.socket_path()))
        except OSError as e:
            s.close()
            raise service.ParserError(f"cannot reach the parse server at {service.socket_path()}: {e}") from e
        self._sock = s
        # one text stream per direction: a single read-write TextIOWrapper drops what it had read ahead whenever
        # it is written to, and the sender thread writes while this one reads
        self._file = s.makefile("r", encoding="utf-8", newline="\n")
        self._out = s.makefile("w", encoding="utf-8", newline="\n")

    def close(self) -> None:
        if self._file is not None:
            for f in (self._file, self._out):
                try:
                    f.close()
                except OSError:
                    pass
            self._sock.close()
        self._file = self._out = self._sock = None

    def _send(self, requests: list[tuple[str, str]], out) -> None:
        try:
            for lang, text in requests:
                out.write(f"{lang}\t{_escape(text)}\n")
            out.flush()
        except (OSError, ValueError):
            pass  # the reader sees the connection closed and retries once

    def _ask(self, requests: list[tuple[str, str]]) -> list[dict]:
        """Send (lang, text) requests and return the answers in order."""
        for attempt in (1, 2):
            try:
                self._connect()
                # requests go out from another thread while answers come in: writing them all first would fill
                # both socket buffers on a long document and deadlock client and server
                sender = threading.Thread(target=self._send, args=(requests, self._out), daemon=True)
                sender.start()
                out = []
                for _ in requests:
                    line = self._file.readline()
                    if not line:
                        raise OSError("the parse server closed the connection")
                    try:
                        out.append(json.loads(line))
                    except ValueError as e:
                        raise OSError(f"the parse server sent an unreadable answer ({e})") from e
                sender.join()
                return out
            except OSError as e:
                self.close()  # idle exit or restart between two documents: reconnect once
                if attempt == 2:
                    raise service.ParserError(f"the parse server failed: {e}; see {service.log_path()}") from e
        return []

    def parse(self, items: Sequence[tuple[str, str]]) -> list[dict]:
        """Return one parse per (lang, text): {"s": [{"t": [[start, end, pos], ...], "p": tree}, ...]}."""
        keys = [passage_key(lang, text) for lang, text in items]
        got = self.cache.get_many(keys)
        todo = [(i, lang, text) for i, ((lang, text), k) in enumerate(zip(items, keys)) if k not in got]
        out: list[dict | None] = [None] * len(items)
        for i, k in enumerate(keys):
            if k in got:
                out[i] = json.loads(got[k])
        if todo:
            requests, owners = [], []
            for i, lang, text in todo:
                for off, piece in _pieces(text):
                    requests.append((lang, piece))
                    owners.append((i, off))
            answers = self._ask(requests)
            merged: dict[int, dict] = {}
            for (i, off), ans in zip(owners, answers):
                doc = merged.setdefault(i, {"s": []})
                if "error" in ans:
                    doc.setdefault("errors", []).append(ans["error"])
                for s in ans.get("s", []):
                    if off:
                        s["t"] = [[b + off, e + off, p] for b, e, p in s["t"]]
                    doc["s"].append(s)
            fresh = {}
            for i, doc in merged.items():
                out[i] = doc
                if "errors" not in doc:
                    fresh[keys[i]] = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
            self.cache.put_many(fresh)
        return out  # type: ignore[return-value]


_CLIENT: tuple[int, ParserClient] | None = None


def parser_client() -> ParserClient:
    """Return this process's client (a forked extraction worker opens its own connection)."""
    global _CLIENT
    if _CLIENT is None or _CLIENT[0] != os.getpid():
        _CLIENT = (os.getpid(), ParserClient())
    return _CLIENT[1]


# Persian letters in Arabic wire copy (IRNA's «سیتجاوز», «مشترک»): the Arabic segmenter knows only the Arabic
# forms; one letter for one, so every offset the parser returns still points into the text as written. Curly
# quotes («فعّلت الترويكا “آلية الزناد”») are unknown to the Arabic tagger, which reads “ as a verb: sent as « ».
_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة", "ە": "ه", "“": "«", "”": "»", "„": "«"})


# A name whose first letter the Arabic segmenter split off as a preposition («بزشكيان» read as ب + زشكيان): the
# passage is parsed again with that letter sent as a look-alike no clitic has (one letter for one, offsets unchanged)
_NAME_CLITICS = {"ب": "پ"}


def _split_names(text: str, answer: dict, names: Sequence) -> list[int]:
    """Offsets of name words the parse cut after a clitic letter (a one-letter IN token glued to the rest)."""
    starts = {m.start + w.start() for m in names for w in re.finditer(r"\S+", text[m.start:m.end])
              if len(w.group()) >= 4 and w.group()[0] in _NAME_CLITICS}
    if not starts:
        return []
    cut = []
    for sent in answer.get("s", []):
        toks = sent["t"]
        for k, (b, e, tag) in enumerate(toks[:-1]):
            if b in starts and e - b == 1 and tag == "IN" and toks[k + 1][0] == e:
                cut.append(b)
    return cut


def parse_passages(passages: Sequence, doc_lang: str = "ar", mentions: Sequence | None = None) -> list[tuple[ParsedPassage, str]]:
    """Parse every passage of a document in one exchange; return (parsed passage, language) per passage. `mentions`
    (per passage): the known names to keep whole."""
    langs = [passage_lang(p.text, doc_lang) for p in passages]
    items = [(lang, p.text.translate(_PERSIAN) if lang == "ar" else p.text) for p, lang in zip(passages, langs)]
    answers = parser_client().parse(items) if passages else []
    names = [[m for m in ms if m.kind in ("actor", "place") and m.ref and not m.unlinked] for ms in (mentions or [])]
    again = {}
    for i, (p, lang, ans) in enumerate(zip(passages, langs, answers)):
        cut = _split_names(p.text, ans, names[i]) if lang == "ar" and i < len(names) else []
        if cut:
            chars = list(items[i][1])
            for at in cut:
                chars[at] = _NAME_CLITICS[chars[at]]
            again[i] = (lang, "".join(chars))
    if again:
        for i, ans in zip(again, parser_client().parse(list(again.values()))):
            answers[i] = ans
    return [(ParsedPassage(p.text, a), lang) for p, a, lang in zip(passages, answers, langs)]
