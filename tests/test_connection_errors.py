"""Unreachable servers and wrong passwords give one line naming the URI and the fix."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

_NEO4J_VARS = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _irkg(args: list[str], tmp_path, **env) -> subprocess.CompletedProcess:
    """Run the real `irkg` command with a clean config dir and the given variables."""
    base = {k: v for k, v in os.environ.items() if k not in _NEO4J_VARS}
    base.update({"IRKG_CONFIG_DIR": str(tmp_path / "config"), "IRKG_DATA_DIR": str(tmp_path / "data")})
    base.update(env)
    return subprocess.run([sys.executable, "-m", "irkg", *args], capture_output=True, text=True, env=base, timeout=120)


def test_unreachable_local_server_names_uri_and_start_command(tmp_path):
    port = _free_port()
    res = _irkg(["schema", "show"], tmp_path, IRKG_BOLT_PORT=str(port))
    assert res.returncode == 1
    assert res.stderr == (
        f"error: cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused — "
        "start the local server with 'irkg neo4j start' or set NEO4J_URI\n"
    )
    assert res.stdout == ""


def test_wrong_port_in_neo4j_uri_names_the_variable(tmp_path):
    port = _free_port()
    res = _irkg(["schema", "apply"], tmp_path, NEO4J_URI=f"bolt://127.0.0.1:{port}", NEO4J_PASSWORD="x")
    assert res.returncode == 1
    assert res.stderr == (
        f"error: cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused — check that the server "
        "runs and the URI from NEO4J_URI is right, or unset it to use 'irkg neo4j start'\n"
    )


def test_wrong_port_in_config_file_names_the_file(tmp_path):
    port = _free_port()
    (tmp_path / "config").mkdir()
    cfg = tmp_path / "config" / "config.yaml"
    cfg.write_text(f"uri: neo4j://127.0.0.1:{port}\nusername: neo4j\npassword: whatever\n")
    res = _irkg(["schema", "show"], tmp_path)
    assert res.returncode == 1
    assert res.stderr.startswith(f"error: cannot reach Neo4j at neo4j://127.0.0.1:{port}: connection refused — ")
    assert str(cfg) in res.stderr and res.stderr.count("\n") == 1


def test_wrong_password_says_so_in_one_line(tmp_path, neo4j_settings):
    res = _irkg(["schema", "show"], tmp_path, NEO4J_URI=neo4j_settings.uri, NEO4J_PASSWORD="not-the-password")
    assert res.returncode == 1
    assert res.stderr == (
        f"error: Neo4j at {neo4j_settings.uri} refused the credentials for user 'neo4j' (wrong password?) — "
        f"set NEO4J_PASSWORD or the password in {tmp_path / 'config' / 'config.yaml'}\n"
    )
    assert "not-the-password" not in res.stderr + res.stdout


def test_wrong_password_on_local_server_points_to_password_file(tmp_path, neo4j_settings):
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "neo4j-password").write_text("stale-password\n")
    res = _irkg(["schema", "show"], tmp_path, IRKG_BOLT_PORT=str(port))
    assert res.returncode == 1
    assert res.stderr == (
        f"error: Neo4j at bolt://127.0.0.1:{port} refused the credentials for user 'neo4j' (wrong password?) — "
        f"set NEO4J_PASSWORD or check the password kept in {tmp_path / 'config' / 'neo4j-password'}\n"
    )


def test_invalid_uri_scheme_is_one_line(tmp_path):
    res = _irkg(["schema", "show"], tmp_path, NEO4J_URI="http://127.0.0.1:7474", NEO4J_PASSWORD="x")
    assert res.returncode == 1
    assert res.stderr.startswith("error: invalid Neo4j URI 'http://127.0.0.1:7474' from NEO4J_URI: ")
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_debug_flag_shows_the_traceback(tmp_path):
    port = _free_port()
    res = _irkg(["--debug", "schema", "show"], tmp_path, IRKG_BOLT_PORT=str(port))
    assert res.returncode != 0
    assert "Traceback" in res.stderr and "ConnectionFailed" in res.stderr


def test_settings_come_from_env_then_config_file_then_local_server(tmp_path, monkeypatch):
    from irkg.graph.connect import load_settings

    for var in _NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("IRKG_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("IRKG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IRKG_BOLT_PORT", "7999")
    local = load_settings()
    assert (local.uri, local.local, local.password, local.database) == ("bolt://127.0.0.1:7999", True, None, None)
    assert local.password_file == tmp_path / "config" / "neo4j-password"

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.yaml").write_text("uri: neo4j+s://example.invalid\nusername: analyst\ndatabase: irkg\n")
    from_file = load_settings()
    assert (from_file.uri, from_file.username, from_file.database, from_file.local) == (
        "neo4j+s://example.invalid", "analyst", "irkg", False)

    monkeypatch.setenv("NEO4J_URI", "bolt://db.example.invalid:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    from_env = load_settings()
    assert (from_env.uri, from_env.password, from_env.source, from_env.database) == (
        "bolt://db.example.invalid:7687", "from-env", "NEO4J_URI", "irkg")


def test_session_for_uses_configured_database_and_mode(driver, neo4j_settings):
    from irkg.graph.connect import session_for

    with session_for(driver, neo4j_settings, write=True) as session:
        assert session.run("RETURN 1 AS one").single()["one"] == 1
    with session_for(driver, neo4j_settings) as session:
        assert session.run("RETURN 2 AS two").single()["two"] == 2
