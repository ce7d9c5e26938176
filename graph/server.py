"""A local Neo4j Community server: assembled from Maven Central on first use, run detached."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import string
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from irkg.errors import ServerError
from irkg.provision import cache_dir, config_dir, data_home, locked, private_umask, require_tool, run_maven, terminate

NEO4J_VERSION = "5.26.31"
BROWSER_VERSION = "5.24.0"
APOC_VERSION = "5.26.19"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474

# The JVM flags of the default neo4j.conf: the server needs the module openings at run time.
_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]
_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
# The admin tool itself, not its boot loader (Neo4jAdminBoot relaunches java with the arguments on its command line).
_ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"
_STATE_FILE = "irkg-server.json"
# Bump when the apoc profile of server/pom.xml gains libraries: an older home fetches them on its next start.
APOC_LIBRARIES = 2
_PASSWORD_ALPHABET = string.ascii_letters + string.digits


def default_data_dir() -> Path:
    """Return the server's data directory ($IRKG_DATA_DIR or ~/.local/share/irkg/neo4j)."""
    if os.environ.get("IRKG_DATA_DIR"):
        return Path(os.environ["IRKG_DATA_DIR"]).expanduser()
    return data_home() / "neo4j"


@dataclass
class ServerConfig:
    """Where and how one local server runs."""

    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT
    data_dir: Path = field(default_factory=default_data_dir)
    password_file: Path = field(default_factory=lambda: config_dir() / "neo4j-password")
    home_dir: Path = field(default_factory=lambda: cache_dir() / f"neo4j-{NEO4J_VERSION}")
    heap: str = "1g"
    pagecache: str = "512m"
    start_timeout: float = 180.0

    def __post_init__(self) -> None:
        # The running server is recognised by its --config-dir, so the path must be one spelling.
        self.data_dir = Path(self.data_dir).expanduser().absolute()

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def conf_dir(self) -> Path:
        return self.data_dir / "conf"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def state_file(self) -> Path:
        return self.data_dir / _STATE_FILE

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "neo4j.log"

    @property
    def console_file(self) -> Path:
        return self.logs_dir / "console.log"


def load_config(bolt_port: int | None = None, http_port: int | None = None, data_dir: Path | None = None) -> ServerConfig:
    """Return the config: explicit values, else the ports the server last ran on, else env/defaults."""
    cfg = ServerConfig(data_dir=Path(data_dir).expanduser() if data_dir else default_data_dir())
    state = read_state(cfg)
    cfg.bolt_port = bolt_port or state.get("bolt_port") or int(os.environ.get("IRKG_BOLT_PORT") or DEFAULT_BOLT_PORT)
    cfg.http_port = http_port or state.get("http_port") or int(os.environ.get("IRKG_HTTP_PORT") or DEFAULT_HTTP_PORT)
    return cfg


def read_state(cfg: ServerConfig) -> dict:
    """Return what the last start recorded (pid, ports), or {}."""
    try:
        return json.loads(cfg.state_file.read_text())
    except (OSError, ValueError):
        return {}


# --- assembly ----------------------------------------------------------------------------


def _require_tool(name: str) -> str:
    return require_tool(name, ServerError, "install Java 17 and Maven to run the local Neo4j, "
                        "or run Neo4j yourself (docker compose up -d) and set NEO4J_URI")


def _run_maven(pom: Path, args: list[str]) -> str | None:
    return run_maven(_require_tool("mvn"), pom, args)


def optional_parts(cfg: ServerConfig) -> dict:
    """Return {'browser': {...}, 'apoc': {...}} as recorded when the home was assembled."""
    try:
        return json.loads((cfg.home_dir / "optional.json").read_text())
    except (OSError, ValueError):
        return {}


def _assembled(cfg: ServerConfig) -> bool:
    return (cfg.home_dir / "lib").is_dir() and (cfg.home_dir / "optional.json").is_file()


def ensure_home(cfg: ServerConfig) -> bool:
    """Assemble the server home from Maven Central unless present; return True if it was built now."""
    if not _assembled(cfg):
        with locked(f"neo4j-{NEO4J_VERSION}-assembly"):
            if not _assembled(cfg):  # another process may have assembled it while this one waited
                _assemble(cfg)
                return True
    with locked(f"neo4j-{NEO4J_VERSION}-assembly"):
        _update_apoc(cfg)
    return False


def _assemble(cfg: ServerConfig) -> None:
    _require_tool("java")
    build = cfg.home_dir.with_name(cfg.home_dir.name + ".partial")
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir(parents=True)
    pom = build / "pom.xml"
    pom.write_bytes(resources.files("irkg.graph").joinpath("server/pom.xml").read_bytes())
    versions = [f"-Dneo4j.version={NEO4J_VERSION}", f"-Dbrowser.version={BROWSER_VERSION}", f"-Dapoc.version={APOC_VERSION}"]
    err = _run_maven(pom, [*versions, "dependency:copy-dependencies", f"-DoutputDirectory={build / 'lib'}"])
    if err:
        raise ServerError(f"cannot assemble Neo4j {NEO4J_VERSION} from Maven Central: {err} — check the network and rerun 'irkg neo4j start'")
    # Browser and APOC are optional: each in its own Maven run so one failing leaves the rest.
    parts = {}
    for name, version, out in (("browser", BROWSER_VERSION, "lib"), ("apoc", APOC_VERSION, "plugins")):
        err = _run_maven(pom, [*versions, "-P", name, "dependency:copy-dependencies", f"-DoutputDirectory={build / out}"])
        parts[name] = {"version": version, "available": err is None, "error": err}
    parts["apoc"]["libraries"] = APOC_LIBRARIES
    (build / "plugins").mkdir(exist_ok=True)
    (build / "optional.json").write_text(json.dumps(parts, indent=2))
    shutil.rmtree(cfg.home_dir, ignore_errors=True)
    build.rename(cfg.home_dir)


def _update_apoc(cfg: ServerConfig) -> None:
    """Give a home assembled by an older irkg the libraries APOC needs now (its apoc profile's jars)."""
    parts = optional_parts(cfg)
    apoc = parts.get("apoc", {})
    if not apoc.get("available") or apoc.get("libraries") == APOC_LIBRARIES:
        return
    pom = cfg.home_dir / "pom.xml"
    pom.write_bytes(resources.files("irkg.graph").joinpath("server/pom.xml").read_bytes())
    versions = [f"-Dneo4j.version={NEO4J_VERSION}", f"-Dapoc.version={APOC_VERSION}"]
    err = _run_maven(pom, [*versions, "-P", "apoc", "dependency:copy-dependencies", f"-DoutputDirectory={cfg.home_dir / 'plugins'}"])
    parts["apoc"] = {**apoc, "libraries": APOC_LIBRARIES if err is None else apoc.get("libraries"), "libraries_error": err}
    (cfg.home_dir / "optional.json").write_text(json.dumps(parts, indent=2))


# --- configuration and password --------------------------------------------------------------


def plugins_dir(cfg: ServerConfig) -> Path:
    """Return the plugins directory: the home's with APOC, an empty one if APOC is unavailable."""
    if optional_parts(cfg).get("apoc", {}).get("available"):
        return cfg.home_dir / "plugins"
    empty = cfg.data_dir / "plugins"
    empty.mkdir(parents=True, exist_ok=True)
    return empty


def disable_apoc(cfg: ServerConfig, reason: str) -> None:
    """Record that APOC cannot be used with this server home, so it starts without it."""
    parts = optional_parts(cfg)
    parts["apoc"] = {**parts.get("apoc", {}), "available": False, "error": reason}
    (cfg.home_dir / "optional.json").write_text(json.dumps(parts, indent=2))


def write_conf(cfg: ServerConfig) -> Path:
    """Write neo4j.conf for this data directory and these ports (loopback only)."""
    cfg.conf_dir.mkdir(parents=True, exist_ok=True)
    apoc = optional_parts(cfg).get("apoc", {}).get("available")
    lines = [
        "# Written by irkg on every start; edit the irkg options instead.",
        f"server.directories.data={cfg.data_dir / 'data'}",
        f"server.directories.logs={cfg.logs_dir}",
        f"server.directories.run={cfg.data_dir / 'run'}",
        f"server.directories.plugins={plugins_dir(cfg)}",
        f"server.directories.import={cfg.data_dir / 'import'}",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{cfg.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{cfg.bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{cfg.http_port}",
        f"server.http.advertised_address=127.0.0.1:{cfg.http_port}",
        "server.https.enabled=false",
        f"server.memory.heap.initial_size={cfg.heap}",
        f"server.memory.heap.max_size={cfg.heap}",
        f"server.memory.pagecache.size={cfg.pagecache}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        "db.tx_log.rotation.retention_policy=2 days",
    ]
    if apoc:
        lines.append("dbms.security.procedures.unrestricted=apoc.*")
        # apoc.load.json & co. may read files, but only from the import directory above.
        (cfg.conf_dir / "apoc.conf").write_text(
            "# Written by irkg on every start.\napoc.import.file.enabled=true\napoc.import.file.use_neo4j_config=true\n")
    path = cfg.conf_dir / "neo4j.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


def read_password(cfg: ServerConfig) -> str | None:
    """Return NEO4J_PASSWORD, else the stored password, else None."""
    if os.environ.get("NEO4J_PASSWORD"):
        return os.environ["NEO4J_PASSWORD"]
    try:
        return cfg.password_file.read_text().strip() or None
    except OSError:
        return None


def generate_password(length: int = 24) -> str:
    """Return a random password of letters and digits (never a leading '-' that a tool could take for an option)."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def ensure_password(cfg: ServerConfig) -> str:
    """Return the password, generating and storing one (mode 0600) if there is none."""
    pw = read_password(cfg)
    if pw:
        return pw
    pw = generate_password()
    cfg.password_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(cfg.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(pw + "\n")
    os.chmod(cfg.password_file, 0o600)
    return pw


def _java_env(cfg: ServerConfig) -> dict:
    return {**os.environ, "NEO4J_HOME": str(cfg.home_dir), "NEO4J_CONF": str(cfg.conf_dir)}


def _argfile_quote(arg: str) -> str:
    """Quote one argument for a java @argfile (backslash escapes inside double quotes)."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_initial_password(cfg: ServerConfig, password: str) -> None:
    """Set the neo4j user's password before the first start of this data directory.

    The password goes through a java @argfile readable only by us, so it never appears on
    a command line (any local user can read those); `--` keeps a password that starts with
    '-' from being taken for an option.
    """
    args = ["-cp", f"{cfg.home_dir}/lib/*", _ADMIN_ENTRY_POINT, "dbms", "set-initial-password", "--", password]
    with tempfile.TemporaryDirectory(prefix="irkg-") as tmp:  # created 0700
        argfile = Path(tmp) / "args"
        fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(_argfile_quote(a) for a in args) + "\n")
        proc = subprocess.run(
            [_require_tool("java"), f"@{argfile}"], capture_output=True, text=True, env=_java_env(cfg),
            preexec_fn=private_umask,
        )
    if proc.returncode != 0:
        out = (proc.stderr or proc.stdout).replace(password, "***").strip().splitlines()
        raise ServerError(f"cannot set the initial Neo4j password in {cfg.data_dir}: {out[-1] if out else proc.returncode}")


# --- lifecycle ---------------------------------------------------------------------------------


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    except (OSError, IndexError):
        return True  # no /proc (macOS): trust the signal
    if state in ("Z", "X"):
        return False
    # An exiting process has an empty cmdline but still holds its ports and store lock;
    # a recycled pid belonging to something else is not our server.
    return not cmdline or _ENTRY_POINT in cmdline


def running_pid(cfg: ServerConfig) -> int | None:
    """Return the pid of this data directory's server if it runs (not one a copied state file names)."""
    pid = read_state(cfg).get("pid")
    return pid if _pid_alive(pid) and _serves_config(pid, cfg.conf_dir) else None


def _serves_config(pid: int, conf_dir: Path) -> bool:
    """Tell whether the process runs with this data directory's configuration."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no /proc (macOS): trust the state file
    if not any(cmdline):
        return True  # exiting: still holds the ports and the store lock
    return f"--config-dir={conf_dir}".encode() in cmdline


def check_port_free(port: int, what: str, option: str) -> None:
    """Fail with one line if something already listens on 127.0.0.1:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            raise ServerError(
                f"port {port} ({what}) on 127.0.0.1 is already in use — stop what uses it "
                f"or pick another with 'irkg neo4j start {option} <port>'"
            ) from None


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def tail(path: Path, n: int = 20) -> list[str]:
    """Return the last n lines of a file (empty if missing or n <= 0)."""
    if n <= 0:
        return []
    try:
        return path.read_text(errors="replace").splitlines()[-n:]
    except OSError:
        return []


def _failure_lines(cfg: ServerConfig) -> str:
    lines = [ln for ln in tail(cfg.console_file, 200) if "ERROR" in ln or "Exception" in ln or "Caused by" in ln]
    lines = lines or tail(cfg.console_file, 5)
    return " | ".join(ln.strip() for ln in lines[-3:]) or "no output"


def start(cfg: ServerConfig) -> dict:
    """Start the server detached and wait until it serves Bolt; return its state.

    If it already runs, `cfg` takes the ports it really runs on, and `ignored` lists the
    requested ports that differ (a running server keeps its ports until it is stopped).
    """
    pid = running_pid(cfg)
    if pid:
        state = read_state(cfg)
        ignored = {option: (wanted, state.get(key)) for option, key, wanted in
                   (("--bolt-port", "bolt_port", cfg.bolt_port), ("--http-port", "http_port", cfg.http_port))
                   if state.get(key) and wanted != state.get(key)}
        cfg.bolt_port = state.get("bolt_port") or cfg.bolt_port
        cfg.http_port = state.get("http_port") or cfg.http_port
        return {**state, "already_running": True, "ignored": ignored}
    t0 = time.monotonic()
    assembled = ensure_home(cfg)
    check_port_free(cfg.bolt_port, "Bolt", "--bolt-port")
    check_port_free(cfg.http_port, "HTTP", "--http-port")
    cfg.logs_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(cfg.data_dir, 0o700)  # the store, its auth file and the logs are this user's only
    write_conf(cfg)
    initialized = (cfg.data_dir / "data" / "dbms" / "auth.ini").exists() or (cfg.data_dir / "data" / "databases" / "system").exists()
    if initialized and not read_password(cfg):
        raise ServerError(
            f"the Neo4j data in {cfg.data_dir} already has a password but {cfg.password_file} is missing — "
            "set NEO4J_PASSWORD, restore that file, or start with an empty --data-dir"
        )
    generated = read_password(cfg) is None
    password = ensure_password(cfg)
    if not initialized:
        try:
            set_initial_password(cfg, password)
        except ServerError:
            if generated:  # a password the store never took would lock this data directory for good
                cfg.password_file.unlink(missing_ok=True)
            raise
    home = cfg.home_dir
    cmd = [
        _require_tool("java"), "-cp", f"{plugins_dir(cfg)}/*:{cfg.conf_dir}/*:{home}/lib/*",
        f"-Xms{cfg.heap}", f"-Xmx{cfg.heap}", *_JVM_FLAGS, _ENTRY_POINT,
        f"--home-dir={home}", f"--config-dir={cfg.conf_dir}", "--console-mode",
    ]
    with open(cfg.console_file, "w") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=cfg.data_dir, env=_java_env(cfg), start_new_session=True, preexec_fn=private_umask,
        )
    state = {"pid": proc.pid, "bolt_port": cfg.bolt_port, "http_port": cfg.http_port,
             "version": NEO4J_VERSION, "home": str(home)}
    cfg.state_file.write_text(json.dumps(state))
    deadline = time.monotonic() + cfg.start_timeout
    while True:
        if proc.poll() is not None:
            failure = _failure_lines(cfg)
            if "apoc" in failure.lower() and optional_parts(cfg).get("apoc", {}).get("available"):
                # APOC is optional: a plugin that breaks the server is dropped, not fatal.
                disable_apoc(cfg, f"the server failed to load it: {failure[:200]}")
                return start(cfg)
            raise ServerError(f"Neo4j stopped while starting (log: {cfg.console_file}): {failure}")
        if _port_open(cfg.bolt_port) and any(ln.endswith("INFO  Started.") for ln in tail(cfg.console_file, 50)):
            break
        if time.monotonic() > deadline:
            stop(cfg)
            raise ServerError(
                f"Neo4j did not start within {cfg.start_timeout:.0f}s (log: {cfg.console_file}): {_failure_lines(cfg)}"
            )
        time.sleep(0.25)
    return {**state, "already_running": False, "assembled": assembled, "seconds": round(time.monotonic() - t0, 1)}


def stop(cfg: ServerConfig, timeout: float = 60.0) -> bool:
    """Stop the server of this data directory; return False if it was not running."""
    pid = running_pid(cfg)
    if not pid:
        return False
    terminate(pid, _pid_alive, timeout, poll=0.2)
    while _pid_alive(pid):  # after a SIGKILL, until the kernel has taken it
        time.sleep(0.1)
    try:  # reap it if we are its parent (tests start and stop in one process)
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    return True


def log_tail(cfg: ServerConfig, n: int = 50) -> list[str]:
    """Return the last n lines of the server log (the console log if neo4j.log is empty); none for n = 0."""
    if n < 0:
        raise ServerError(f"-n {n}: the number of lines must be 0 or more")
    if n == 0:
        return []
    return tail(cfg.log_file, n) or tail(cfg.console_file, n)

