"""What `irkg neo4j status` reports about the local server."""

from __future__ import annotations

import os

from irkg.graph import connect
from irkg.graph.server import ServerConfig, optional_parts, read_password, running_pid


def status(cfg: ServerConfig) -> dict:
    """Describe the server: running, version (asked of the server), URLs, directories, extras."""
    pid = running_pid(cfg)
    parts = optional_parts(cfg)
    info = {
        "running": bool(pid), "pid": pid, "version": None, "bolt_uri": cfg.bolt_uri,
        "browser_url": cfg.browser_url, "data_dir": str(cfg.data_dir), "log_file": str(cfg.log_file),
        "password_file": str(cfg.password_file) if not os.environ.get("NEO4J_PASSWORD") else "NEO4J_PASSWORD (environment)",
        "home_dir": str(cfg.home_dir) if cfg.home_dir.is_dir() else f"{cfg.home_dir} (not assembled yet)",
        "browser": "available" if parts.get("browser", {}).get("available") else _missing(parts, "browser"),
        "apoc": "available" if parts.get("apoc", {}).get("available") else _missing(parts, "apoc"),
        "error": None,
    }
    if not pid:
        return info
    settings = connect.Settings(cfg.bolt_uri, "neo4j", read_password(cfg), None, password_file=cfg.password_file)
    try:
        with connect.open_driver(settings) as driver:
            rec = driver.execute_query(connect.read_cypher("server_components")).records[0]
            info["version"] = f"{rec['version']} {rec['edition']}"
            if parts.get("apoc", {}).get("available"):
                try:
                    apoc = driver.execute_query(connect.read_cypher("apoc_version")).records[0]["version"]
                    info["apoc"] = f"loaded ({apoc})"
                except Exception as e:  # the jar is there but the server did not load it
                    info["apoc"] = f"not loaded: {str(e).splitlines()[0]}"
    except Exception as e:
        info["error"] = str(e)
    return info


def _missing(parts: dict, name: str) -> str:
    if not parts:
        return "unknown (server not assembled yet)"
    err = parts.get(name, {}).get("error") or "not resolved"
    return f"unavailable ({err})"
