"""The local parse server: assembled from Maven Central on first use, one long-lived JVM on a Unix socket.

Like the local Neo4j, it is started on demand, kept running between commands (so a second
`irkg extract` pays no model loading), listens on no network port, and exits by itself after
`IRKG_PARSER_IDLE` seconds without requests (default 1800).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
import zipfile
from importlib import resources
from pathlib import Path

from irkg.errors import IrkgError
from irkg.provision import cache_dir, locked, private_umask, require_tool, run_maven, terminate

CORENLP_VERSION = "4.5.10"
# The model files the server loads; the rest of the model jars (about 1 GB) is not kept.
MODEL_FILES = (
    "edu/stanford/nlp/models/segmenter/arabic/arabic-segmenter-atb+bn+arztrain.ser.gz",
    "edu/stanford/nlp/models/pos-tagger/arabic.tagger",
    "edu/stanford/nlp/models/pos-tagger/arabic.tagger.props",
    "edu/stanford/nlp/models/srparser/arabicSR.ser.gz",
    "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger",
    "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger.props",
    "edu/stanford/nlp/models/srparser/englishSR.ser.gz",
)
MAX_TOKENS = 150  # longer sentences get tokens and tags but no tree (the parser's cost grows with length)
PARSE_FORMAT = 1  # bump when the server's answers change (the cache is keyed by it, not by the server's source)
_SERVER_CLASS = "IrkgParseServer"
_START_TIMEOUT = 240.0


class ParserError(IrkgError):
    """The parse server cannot be assembled, started or reached."""


def _source_files() -> tuple[bytes, bytes]:
    base = resources.files("irkg.loaders.parse") / "corenlp"
    return (base / "pom.xml").read_bytes(), (base / f"{_SERVER_CLASS}.java").read_bytes()


def _build_id() -> str:
    pom, java = _source_files()
    return f"corenlp-{CORENLP_VERSION}-{hashlib.sha256(pom + java).hexdigest()[:10]}"


def parser_version() -> str:
    """Return what identifies the parser's output: CoreNLP and its models, the answer format and the length cap."""
    return f"corenlp-{CORENLP_VERSION}-f{PARSE_FORMAT}-{MAX_TOKENS}"


def home_dir() -> Path:
    """Return the assembled server's home ($IRKG_CACHE_DIR/corenlp-<version>-<source hash>)."""
    return cache_dir() / _build_id()


def run_dir() -> Path:
    """Return a private directory for the socket (short path: sockets are limited to 108 bytes)."""
    base = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/tmp/irkg-{os.getuid()}")
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(base, 0o700)
    return base


def socket_path() -> Path:
    tag = hashlib.sha1(str(home_dir()).encode()).hexdigest()[:10]
    return run_dir() / f"irkg-parser-{tag}.sock"


def log_path() -> Path:
    return home_dir() / "server.log"


def _state_file() -> Path:
    return home_dir() / "server.json"


def _tool(name: str) -> str:
    return require_tool(name, ParserError, "the parser needs Java 17 (with javac) and Maven; install them (apt install openjdk-17-jdk maven)")


def ensure_home() -> bool:
    """Assemble the server (CoreNLP, the models it uses, the compiled server) unless present; True if built now."""
    home = home_dir()
    if (home / "ready").is_file():
        return False
    with locked("corenlp-assembly"):
        if (home / "ready").is_file():
            return False
        java, javac, mvn = _tool("java"), _tool("javac"), _tool("mvn")
        build = home.with_name(home.name + ".partial")
        shutil.rmtree(build, ignore_errors=True)
        (build / "lib").mkdir(parents=True)
        pom, source = _source_files()
        (build / "pom.xml").write_bytes(pom)
        (build / f"{_SERVER_CLASS}.java").write_bytes(source)
        err = run_maven(mvn, build / "pom.xml", ["dependency:copy-dependencies", f"-DoutputDirectory={build / 'lib'}"])
        if err:
            raise ParserError(f"cannot download CoreNLP {CORENLP_VERSION} from Maven Central: {err}")
        _keep_models(build)
        proc = subprocess.run([javac, "-encoding", "UTF-8", "-cp", f"{build / 'lib'}/*", "-d", str(build / "classes"),
                               str(build / f"{_SERVER_CLASS}.java")], capture_output=True, text=True)
        if proc.returncode != 0:
            raise ParserError(f"cannot compile the parse server: {(proc.stderr or proc.stdout).strip().splitlines()[-1]}")
        (build / "ready").write_text(json.dumps({"java": java, "corenlp": CORENLP_VERSION}))
        shutil.rmtree(home, ignore_errors=True)
        build.rename(home)
    return True


def _keep_models(build: Path) -> None:
    """Copy the model files the server uses out of the model jars, then drop the jars."""
    models = build / "models"
    wanted = set(MODEL_FILES)
    for jar in sorted((build / "lib").glob("stanford-corenlp-*-models*.jar")):
        with zipfile.ZipFile(jar) as z:
            for name in wanted & set(z.namelist()):
                target = models / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with z.open(name) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        jar.unlink()
    missing = [m for m in MODEL_FILES if not (models / m).is_file()]
    if missing:
        raise ParserError(f"CoreNLP model files missing from the downloaded jars: {', '.join(missing)}")


def ping(timeout: float = 2.0) -> bool:
    """Tell whether a server answers on the socket."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(str(socket_path()))
            s.sendall(b"PING\n")
            return s.recv(16).startswith(b"PONG")
    except OSError:
        return False


def read_state() -> dict:
    try:
        return json.loads(_state_file().read_text())
    except (OSError, ValueError):
        return {}


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return False


def _our_server_alive() -> bool:
    """Tell whether the recorded server process still runs (busy servers may answer a ping slowly)."""
    pid = read_state().get("pid")
    if not _alive(pid):
        return False
    try:
        return _SERVER_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True


def start(heap: str | None = None) -> dict:
    """Start the server unless it answers already; return its state (pid, seconds, assembled, already_running)."""
    if ping():
        return {**read_state(), "already_running": True}
    t0 = time.monotonic()
    assembled = ensure_home()
    with locked("parser-start"):
        if ping() or (_our_server_alive() and _wait_ping(60.0)):
            return {**read_state(), "already_running": True}
        home = home_dir()
        sock = socket_path()
        sock.unlink(missing_ok=True)
        threads = max(1, os.cpu_count() or 1)
        idle = int(os.environ.get("IRKG_PARSER_IDLE") or 1800)
        cmd = [_tool("java"), f"-Xmx{heap or os.environ.get('IRKG_PARSER_HEAP') or '3g'}", "-XX:+UseParallelGC",
               "-cp", f"{home / 'classes'}:{home / 'models'}:{home / 'lib'}/*",
               _SERVER_CLASS, str(sock), str(idle), str(threads), str(MAX_TOKENS), "ar"]
        _state_file().unlink(missing_ok=True)
        with open(log_path(), "w") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    cwd=home, start_new_session=True, preexec_fn=private_umask)
        state = {"pid": proc.pid, "socket": str(sock), "version": parser_version(), "threads": threads}
        _state_file().write_text(json.dumps(state))
        deadline = time.monotonic() + _START_TIMEOUT
        while not ping(1.0):
            if proc.poll() is not None:
                raise ParserError(f"the parse server stopped while starting (log: {log_path()}): {_last_error()}")
            if time.monotonic() > deadline:
                proc.kill()
                raise ParserError(f"the parse server did not start within {_START_TIMEOUT:.0f}s (log: {log_path()})")
            time.sleep(0.2)
    return {**state, "already_running": False, "assembled": assembled, "seconds": round(time.monotonic() - t0, 1)}


def _wait_ping(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ping(2.0):
            return True
        time.sleep(0.5)
    return False


def _last_error() -> str:
    try:
        lines = log_path().read_text(errors="replace").splitlines()
    except OSError:
        return "no log"
    errs = [ln for ln in lines if "Exception" in ln or "Error" in ln]
    return (errs or lines or ["no output"])[-1].strip()[:300]


def stop(timeout: float = 20.0) -> bool:
    """Stop the server; return False if it was not running."""
    pid = read_state().get("pid")
    if not _alive(pid) and not ping():
        return False
    if _alive(pid):
        terminate(pid, _alive, timeout)
    socket_path().unlink(missing_ok=True)
    return True


def status() -> dict:
    """Return what a user needs to know: running, pid, where it is installed, the socket and the log."""
    state = read_state()
    return {
        "running": ping(),
        "pid": state.get("pid") if _alive(state.get("pid")) else None,
        "version": parser_version(),
        "home": str(home_dir()),
        "assembled": (home_dir() / "ready").is_file(),
        "socket": str(socket_path()),
        "log": str(log_path()),
        "cache": str(cache_file()),
    }


def cache_file() -> Path:
    """Where parses are cached: one SQLite file per parser version."""
    return cache_dir() / "parses" / f"{parser_version()}.sqlite"
