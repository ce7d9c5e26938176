"""`irkg neo4j start|stop|status|logs` on a server of its own (own ports and data directory)."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request

import neo4j
import pytest

from irkg.graph import server
from irkg.graph.connect import read_cypher

_NEO4J_VARS = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """Return (env, bolt port, http port, dirs) for a server this module starts and stops."""
    root = tmp_path_factory.mktemp("own-neo4j")
    env = {k: v for k, v in os.environ.items() if k not in _NEO4J_VARS}
    env.update({"IRKG_DATA_DIR": str(root / "data"), "IRKG_CONFIG_DIR": str(root / "config")})
    info = {"env": env, "bolt": _free_port(), "http": _free_port(), "root": root}
    yield info
    subprocess.run([sys.executable, "-m", "irkg", "neo4j", "stop"], env=env, capture_output=True, timeout=120)


def _irkg(own, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "irkg", *args], env=own["env"], capture_output=True, text=True, timeout=600)


def _status(own) -> dict[str, str]:
    res = _irkg(own, "neo4j", "status")
    assert res.returncode == 0, res.stderr
    return {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in res.stdout.splitlines() if ":" in line}


def test_server_lifecycle_start_status_restart_stop(own_server):
    own = own_server
    res = _irkg(own, "neo4j", "start", "--bolt-port", str(own["bolt"]), "--http-port", str(own["http"]))
    assert res.returncode == 0, res.stderr
    assert f"bolt://127.0.0.1:{own['bolt']}" in res.stdout

    status = _status(own)
    assert status["status"].startswith("running")
    assert status["version"].startswith("5.26.") and status["version"].endswith("community")
    assert status["bolt"] == f"bolt://127.0.0.1:{own['bolt']}"
    assert status["browser"] == f"http://127.0.0.1:{own['http']}/browser/"
    assert status["data"] == str(own["root"] / "data")
    password_file = own["root"] / "config" / "neo4j-password"
    assert status["password"] == str(password_file)
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    password = password_file.read_text().strip()
    assert len(password) >= 16

    # The generated password works; it never appears in output or logs.
    with neo4j.GraphDatabase.driver(status["bolt"], auth=("neo4j", password)) as drv:
        drv.execute_query(read_cypher("test_create_passage"), id="probe#0", doc="probe", text="kept across restarts")
    logs = _irkg(own, "neo4j", "logs", "-n", "500")
    assert "Started." in logs.stdout
    for text in (res.stdout, res.stderr, logs.stdout, _irkg(own, "neo4j", "status").stdout):
        assert password not in text
    for path in (own["root"] / "data" / "logs").iterdir():
        assert password not in path.read_text(errors="replace")

    again = _irkg(own, "neo4j", "start")
    assert again.returncode == 0 and "already running" in again.stdout

    assert _irkg(own, "neo4j", "stop").stdout.strip() == "Neo4j stopped"
    assert _status(own)["status"].startswith("not running")

    # The second start remembers the ports and finds the data again.
    res = _irkg(own, "neo4j", "start")
    assert res.returncode == 0, res.stderr
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{own['bolt']}", auth=("neo4j", password)) as drv:
        records, _, _ = drv.execute_query(read_cypher("count_nodes"))
    assert records[0]["nodes"] == 1
    assert _irkg(own, "neo4j", "stop").returncode == 0


def test_server_listens_on_loopback_and_serves_browser(own_server):
    own = own_server
    res = _irkg(own, "neo4j", "start", "--bolt-port", str(own["bolt"]), "--http-port", str(own["http"]))
    assert res.returncode == 0, res.stderr
    conf = (own["root"] / "data" / "conf" / "neo4j.conf").read_text()
    assert f"server.bolt.listen_address=127.0.0.1:{own['bolt']}" in conf
    assert f"server.http.listen_address=127.0.0.1:{own['http']}" in conf
    status = _status(own)
    if status["neo4j browser"] == "available":
        with urllib.request.urlopen(status["browser"], timeout=30) as page:
            assert page.status == 200 and b"Neo4j Browser" in page.read()
    assert status["apoc"].startswith(("loaded", "unavailable"))


def test_start_on_a_taken_port_names_the_port_and_the_option(own_server, tmp_path):
    own = own_server
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        env = {**own["env"], "IRKG_DATA_DIR": str(tmp_path / "data")}
        res = subprocess.run([sys.executable, "-m", "irkg", "neo4j", "start", "--bolt-port", str(taken),
                              "--http-port", str(_free_port())], env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 1
    assert res.stderr.splitlines()[-1] == (
        f"error: port {taken} (Bolt) on 127.0.0.1 is already in use — stop what uses it "
        "or pick another with 'irkg neo4j start --bolt-port <port>'"
    )
    assert "Traceback" not in res.stderr


def test_stop_when_not_running_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in _NEO4J_VARS}
    env["IRKG_DATA_DIR"] = str(tmp_path / "nothing")
    res = subprocess.run([sys.executable, "-m", "irkg", "neo4j", "stop"], env=env, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0
    assert res.stdout.strip() == f"Neo4j was not running (data: {tmp_path / 'nothing'})"


def test_load_config_remembers_last_ports(tmp_path):
    cfg = server.ServerConfig(bolt_port=23456, http_port=23457, data_dir=tmp_path)
    cfg.state_file.write_text('{"pid": 0, "bolt_port": 23456, "http_port": 23457}')
    again = server.load_config(data_dir=tmp_path)
    assert (again.bolt_port, again.http_port) == (23456, 23457)
    assert server.load_config(bolt_port=24000, data_dir=tmp_path).bolt_port == 24000


def test_generated_passwords_never_look_like_options():
    # token_urlsafe gave a leading '-' once in 64 starts, which neo4j-admin took for an option.
    passwords = {server.generate_password() for _ in range(3000)}
    assert len(passwords) == 3000
    assert all(len(p) == 24 and p.isascii() and p.isalnum() for p in passwords)


def _command_lines() -> list[bytes]:
    out = []
    for proc in os.listdir("/proc"):
        if proc.isdigit():
            try:
                with open(f"/proc/{proc}/cmdline", "rb") as f:
                    out.append(f.read())
            except OSError:
                pass
    return out


def test_password_with_a_leading_dash_is_set_off_the_command_line_and_the_store_is_private(tmp_path, monkeypatch):
    import threading

    password = '-starts "with" a dash \\ and $pace'
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    cfg = server.ServerConfig(bolt_port=_free_port(), http_port=_free_port(), data_dir=tmp_path / "data",
                              password_file=tmp_path / "config" / "neo4j-password", heap="512m", pagecache="128m",
                              start_timeout=300.0)
    seen: list[bytes] = []
    done = threading.Event()

    def watch() -> None:  # what any local user could read in /proc while the server is set up
        while not done.is_set():
            seen.extend(c for c in _command_lines() if password.encode() in c or b"$pace" in c)
            done.wait(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        server.start(cfg)
    finally:
        done.set()
        watcher.join()
    try:
        assert seen == []
        with neo4j.GraphDatabase.driver(cfg.bolt_uri, auth=("neo4j", password)) as drv:
            drv.verify_connectivity()
        assert stat.S_IMODE(cfg.data_dir.stat().st_mode) == 0o700
        for path in (cfg.data_dir / "data").rglob("*"):
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    finally:
        server.stop(cfg)


def test_stop_on_a_copied_data_directory_leaves_the_real_server_running(own_server, tmp_path):
    own = own_server
    assert _irkg(own, "neo4j", "start", "--bolt-port", str(own["bolt"]), "--http-port", str(own["http"])).returncode == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "irkg-server.json").write_text((own["root"] / "data" / "irkg-server.json").read_text())
    env = {**own["env"], "IRKG_DATA_DIR": str(copy)}
    res = subprocess.run([sys.executable, "-m", "irkg", "neo4j", "stop"], env=env, capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == f"Neo4j was not running (data: {copy})"
    assert _status(own)["status"].startswith("running")


def _start_own(own) -> None:
    res = _irkg(own, "neo4j", "start", "--bolt-port", str(own["bolt"]), "--http-port", str(own["http"]))
    assert res.returncode == 0, res.stderr


def test_start_with_other_ports_on_a_running_server_says_where_it_really_runs(own_server):
    own = own_server
    _start_own(own)
    other = _free_port()
    res = _irkg(own, "neo4j", "start", "--bolt-port", str(other))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].startswith("Neo4j already running (pid ") and lines[0].endswith(f") at bolt://127.0.0.1:{own['bolt']}")
    assert lines[1] == (f"note: --bolt-port {other} ignored: the server runs on port {own['bolt']}; "
                        "'irkg neo4j stop' first to change it")
    assert f"bolt:     bolt://127.0.0.1:{own['bolt']}" in lines
    assert str(other) not in "\n".join(lines[2:])


def test_logs_with_zero_lines_prints_nothing_and_a_negative_count_is_refused(own_server, irkg_run, monkeypatch):
    own = own_server
    _start_own(own)
    monkeypatch.setenv("IRKG_DATA_DIR", own["env"]["IRKG_DATA_DIR"])
    assert irkg_run("neo4j", "logs", "-n", "0") == (0, "", "")
    code, out, err = irkg_run("neo4j", "logs", "-n", "2")
    assert code == 0 and len(out.splitlines()) == 2
    assert irkg_run("neo4j", "logs", "-n", "-3") == (1, "", "error: -n -3: the number of lines must be 0 or more\n")


def test_apoc_reads_json_files_and_urls(own_server):
    own = own_server
    _start_own(own)
    if not _status(own)["apoc"].startswith("loaded"):
        pytest.fail("APOC is not loaded on this server: see 'irkg neo4j status'")
    data = own["root"] / "data"
    (data / "import").mkdir(exist_ok=True)
    (data / "import" / "facts.json").write_text('{"treaty": {"years": 20}}', encoding="utf-8")
    password = (own["root"] / "config" / "neo4j-password").read_text().strip()
    http = f"http://127.0.0.1:{own['http']}"
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{own['bolt']}", auth=("neo4j", password)) as drv:
        rows, _, _ = drv.execute_query("CALL apoc.load.json('file:///facts.json') YIELD value RETURN value.treaty.years AS years")
        assert rows[0]["years"] == 20
        rows, _, _ = drv.execute_query(
            "CALL apoc.load.jsonParams($url, {Accept: 'application/json'}, null) YIELD value RETURN value.neo4j_version AS v",
            url=http + "/")
        assert rows[0]["v"].startswith("5.26.")
        rows, _, _ = drv.execute_query("LOAD CSV FROM $url AS row RETURN count(row) AS n", url=http + "/browser/")
        assert rows[0]["n"] > 0


def test_a_second_first_start_waits_for_the_assembly_under_way_and_builds_nothing(tmp_path, monkeypatch):
    # a test session and a user's `irkg neo4j start` on a fresh machine: the second waits for the first's
    # assembly and then uses it, instead of deleting the half-built home under it
    monkeypatch.setenv("IRKG_CACHE_DIR", str(tmp_path / "cache"))
    home = tmp_path / "cache" / "neo4j-home"
    waiter = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from irkg.graph import server\n"
        "t = time.monotonic()\n"
        f"built = server.ensure_home(server.ServerConfig(data_dir=Path({str(tmp_path / 'data')!r}), home_dir=Path({str(home)!r})))\n"
        "print(built, round(time.monotonic() - t, 1))\n"
    )
    with server.locked(f"neo4j-{server.NEO4J_VERSION}-assembly"):
        proc = subprocess.Popen([sys.executable, "-c", waiter], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)  # the other process is now waiting on the lock; finish "assembling" meanwhile
        (home / "lib").mkdir(parents=True)
        (home / "optional.json").write_text("{}")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    built, waited = out.split()
    assert built == "False" and float(waited) >= 1.5
