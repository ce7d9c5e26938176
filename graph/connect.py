"""Where Neo4j is and how to talk to it: settings, a verified driver, one-line errors."""

from __future__ import annotations

import errno
import logging
import os
import socket
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import neo4j
import yaml
from neo4j import exceptions as nex

from irkg.errors import ConnectionFailed, InputError
from irkg.graph import server

# The driver logs failed routing to stderr on its own; our errors say it in one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Settings:
    """One Neo4j to connect to; `local` means the server `irkg neo4j` manages."""

    uri: str
    username: str = "neo4j"
    password: str | None = None
    database: str | None = None  # None: the server's default database
    local: bool = True
    source: str = "local server"  # where the URI came from, named in error messages
    password_file: Path | None = None
    database_source: str = "NEO4J_DATABASE"  # where the database name came from


def config_file() -> Path:
    """Return the user's config file (~/.config/irkg/config.yaml)."""
    return server.config_dir() / "config.yaml"


def _read_config_file(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError as e:
        raise InputError(f"cannot read {path}: not UTF-8 (byte {e.start}) — save it as UTF-8 (keys uri, username, password, database)") from None
    except (OSError, yaml.YAMLError) as e:
        raise InputError(f"cannot read {path}: {str(e).splitlines()[0]} — fix the YAML (keys uri, username, password, database)") from None
    if not isinstance(data, dict):
        raise InputError(f"{path} must be a mapping with keys uri, username, password, database")
    return data


def load_settings(local: server.ServerConfig | None = None) -> Settings:
    """Return settings from NEO4J_* variables, else the config file, else the local server's."""
    env = os.environ
    path = config_file()
    conf = _read_config_file(path)
    database = env.get("NEO4J_DATABASE") or (str(conf["database"]) if conf.get("database") else None)
    db_source = "NEO4J_DATABASE" if env.get("NEO4J_DATABASE") else f"'database' in {path}"
    username = env.get("NEO4J_USERNAME") or conf.get("username") or "neo4j"
    if env.get("NEO4J_URI"):
        return Settings(env["NEO4J_URI"], username, env.get("NEO4J_PASSWORD") or conf.get("password"),
                        database, local=False, source="NEO4J_URI", database_source=db_source)
    if conf.get("uri"):
        return Settings(str(conf["uri"]), username, env.get("NEO4J_PASSWORD") or conf.get("password"),
                        database, local=False, source=str(path), database_source=db_source)
    cfg = local or server.load_config()
    return Settings(cfg.bolt_uri, "neo4j", server.read_password(cfg), database, local=True,
                    source="local server", password_file=cfg.password_file, database_source=db_source)


def _reason(exc: BaseException, uri: str) -> str:
    """Name the network cause of an unreachable server in a few words."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ConnectionRefusedError) or getattr(exc, "errno", None) == errno.ECONNREFUSED:
            return "connection refused"
        exc = exc.__cause__ or exc.__context__
    # Routing drivers (neo4j://) drop the socket error; ask the network directly.
    parsed = urlparse(uri)
    try:
        with socket.create_connection((parsed.hostname or "localhost", parsed.port or 7687), timeout=5):
            return "the port answers but the Bolt handshake failed (not Neo4j, TLS mismatch, or still starting)"
    except ConnectionRefusedError:
        return "connection refused"
    except socket.gaierror:
        return f"host {parsed.hostname!r} not found"
    except TimeoutError:
        return "timed out"
    except OSError as e:
        return e.strerror or str(e)


def translate_error(exc: Exception, settings: Settings) -> ConnectionFailed:
    """Turn a driver failure into one line naming the URI and the fix."""
    uri = settings.uri
    if isinstance(exc, nex.AuthError):
        if settings.local:
            fix = f"set NEO4J_PASSWORD or check the password kept in {settings.password_file}"
        else:
            fix = f"set NEO4J_PASSWORD or the password in {config_file()}"
        return ConnectionFailed(
            f"Neo4j at {uri} refused the credentials for user '{settings.username}' (wrong password?) — {fix}"
        )
    if isinstance(exc, (nex.ServiceUnavailable, OSError)):
        if settings.local:
            fix = "start the local server with 'irkg neo4j start' or set NEO4J_URI"
        else:
            fix = f"check that the server runs and the URI from {settings.source} is right, or unset it to use 'irkg neo4j start'"
        return ConnectionFailed(f"cannot reach Neo4j at {uri}: {_reason(exc, uri)} — {fix}")
    if isinstance(exc, (nex.ConfigurationError, ValueError)):
        return ConnectionFailed(f"invalid Neo4j URI {uri!r} from {settings.source}: {str(exc).splitlines()[0]} — use e.g. bolt://127.0.0.1:7687 or neo4j+s://host")
    if isinstance(exc, nex.Neo4jError) and settings.database and "database" in str(exc.message or "").lower():
        return ConnectionFailed(missing_database(settings, exc))
    msg = str(getattr(exc, "message", None) or exc).splitlines()
    return ConnectionFailed(f"Neo4j at {uri} failed: {msg[0] if msg else type(exc).__name__}")


_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def missing_database(settings: Settings, exc: nex.Neo4jError) -> str:
    """Return the one line for a database the server does not have (or cannot open)."""
    reason = str(exc.message or exc).splitlines()[0].rstrip(".")
    return (f"Neo4j at {settings.uri} has no usable database {settings.database!r} ({reason}) — fix "
            f"{settings.database_source}, or unset it to use the server's default database")


def check_uri(settings: Settings) -> None:
    """Refuse a URI the driver cannot use, in one line naming where it came from."""
    fix = "use bolt://host:7687 (one server) or neo4j://host:7687 (cluster, Aura: neo4j+s://)"
    try:
        parsed = urlparse(settings.uri)
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError as e:
        raise ConnectionFailed(f"invalid Neo4j URI {settings.uri!r} from {settings.source}: {e} — {fix}") from None
    if parsed.scheme not in _SCHEMES:
        raise ConnectionFailed(f"invalid Neo4j URI {settings.uri!r} from {settings.source}: scheme {parsed.scheme or 'missing'!r} — {fix}")
    if not parsed.hostname:
        raise ConnectionFailed(f"invalid Neo4j URI {settings.uri!r} from {settings.source}: no host — {fix}")


def open_driver(settings: Settings | None = None) -> neo4j.Driver:
    """Return a driver whose connectivity, credentials and database are verified, or raise ConnectionFailed."""
    settings = settings or load_settings()
    check_uri(settings)
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.username, settings.password or ""),
            connection_timeout=10.0, max_transaction_retry_time=15.0, user_agent="irkg",
        )
    except Exception as e:  # bad scheme or malformed URI
        raise translate_error(e, settings) from e
    try:
        driver.verify_connectivity()
        driver.verify_authentication()
    except Exception as e:
        driver.close()
        raise translate_error(e, settings) from e
    if settings.database:
        try:
            driver.execute_query(read_cypher("ping"), database_=settings.database, routing_=neo4j.RoutingControl.READ)
        except nex.Neo4jError as e:
            driver.close()
            raise ConnectionFailed(missing_database(settings, e)) from e
        except Exception as e:
            driver.close()
            raise translate_error(e, settings) from e
    return driver


@contextmanager
def session_for(driver: neo4j.Driver, settings: Settings | None = None, write: bool = False) -> Iterator[neo4j.Session]:
    """Yield a session on the configured database, read-only unless write=True."""
    database = settings.database if settings else None
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    with driver.session(database=database, default_access_mode=mode) as session:
        yield session


def read_cypher(name: str) -> str:
    """Return the text of graph/cypher/<name>.cypher (header comments are valid Cypher)."""
    return resources.files("irkg.graph").joinpath(f"cypher/{name}.cypher").read_text(encoding="utf-8")
