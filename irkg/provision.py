"""What the local helper processes (Neo4j, the parser) share: where files go, Java and Maven, private processes."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from irkg.errors import IrkgError


def _env_dir(var: str, xdg: str, fallback: str) -> Path:
    """Return $var, else $xdg/irkg, else ~/fallback/irkg."""
    if os.environ.get(var):
        return Path(os.environ[var]).expanduser()
    base = os.environ.get(xdg) or str(Path.home() / fallback)
    return Path(base).expanduser() / "irkg"


def cache_dir() -> Path:
    """Return where assembled servers and caches are kept ($IRKG_CACHE_DIR or ~/.cache/irkg)."""
    return _env_dir("IRKG_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def config_dir() -> Path:
    """Return the user's irkg config directory ($IRKG_CONFIG_DIR or ~/.config/irkg)."""
    return _env_dir("IRKG_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")


def data_home() -> Path:
    """Return the user's irkg data directory ($XDG_DATA_HOME/irkg or ~/.local/share/irkg)."""
    return _env_dir("_IRKG_UNSET", "XDG_DATA_HOME", ".local/share")


@contextmanager
def locked(name: str) -> Iterator[None]:
    """Hold an exclusive lock in the cache so that two processes (a test session and a user's command, extraction
    workers) never assemble or start the same server at once."""
    lock = cache_dir() / f".{name}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def require_tool(name: str, error: type[IrkgError], what: str) -> str:
    """Return the path of a program on PATH, or fail with one line saying what needs it."""
    path = shutil.which(name)
    if not path:
        raise error(f"'{name}' not found on PATH — {what}")
    return path


def run_maven(mvn: str, pom: Path, args: list[str]) -> str | None:
    """Run Maven on the pom; return None on success, else its first error line."""
    proc = subprocess.run([mvn, "-B", "-q", "-f", str(pom), *args], capture_output=True, text=True)
    if proc.returncode == 0:
        return None
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "ERROR" in ln and ln.strip() != "[ERROR]"]
    return re.sub(r"\x1b\[[0-9;]*m", "", lines[0] if lines else f"mvn exited with {proc.returncode}").strip()


def private_umask() -> None:
    """Run a helper process with umask 077: what it writes is this user's only."""
    os.umask(0o077)


def terminate(pid: int, alive: Callable[[int], bool], timeout: float, poll: float = 0.1) -> None:
    """Ask a helper process to stop (SIGTERM), wait up to `timeout` seconds, then kill it."""
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(poll)
    if alive(pid):
        os.kill(pid, signal.SIGKILL)
