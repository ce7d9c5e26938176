"""Shared fixtures: a real Neo4j for the integration tests.

Fixtures other test modules use (keep these names):

- ``neo4j_settings`` (session): ``irkg.graph.connect.Settings`` of the test server. With
  ``NEO4J_URI`` set it is that server (``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``);
  otherwise a local server started for the session on its own ports (``IRKG_TEST_BOLT_PORT``,
  default 17687; ``IRKG_TEST_HTTP_PORT``, default 17474) and data directory
  (``.pytest-neo4j/<bolt port>/`` in the repo), stopped at the end if this session started it
  (set ``IRKG_TEST_KEEP_SERVER=1`` to leave it running for the next session; a running one is reused).
  It also exports ``NEO4J_URI``/``NEO4J_USERNAME``/``NEO4J_PASSWORD`` (and ``NEO4J_DATABASE``)
  to ``os.environ`` so CLI commands run in-process (CliRunner) or as subprocesses reach the test
  server. If the server cannot start, every test using it FAILS with the server's own error.
- ``neo4j_env`` (session): a copy of ``os.environ`` with those variables, for ``subprocess``.
- ``driver`` (session): a verified ``neo4j.Driver`` on the test server.
- ``db`` (function): ``driver`` after deleting every node and relationship (constraints and
  indexes stay); each test starts from an empty graph.
- ``schema_db`` (function): ``db`` with ``irkg schema apply`` done (constraints, indexes, the
  passage full-text index).
- ``irkg_run`` (function): runs ``irkg ARGS`` in-process through the entry point (one-line errors),
  returning ``(status, stdout, stderr)``.
- ``neo4j_http_url`` (session): the test server's HTTP root, e.g. ``http://127.0.0.1:17474``
  (Neo4j Browser is at ``<neo4j_http_url>/browser/``). With ``NEO4J_URI`` set, taken from
  ``IRKG_TEST_HTTP_URL`` or the URI's host on port 7474.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from irkg.errors import IrkgError
from irkg.graph import connect, server

REPO = Path(__file__).resolve().parent.parent
TEST_PASSWORD = "irkg-test-password"
_ENV_KEYS = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def test_server_config() -> server.ServerConfig:
    """Return the config of the session's local test server (own ports and data directory)."""
    bolt = int(os.environ.get("IRKG_TEST_BOLT_PORT") or 17687)
    http = int(os.environ.get("IRKG_TEST_HTTP_PORT") or 17474)
    data = REPO / ".pytest-neo4j" / str(bolt)
    return server.ServerConfig(
        bolt_port=bolt, http_port=http, data_dir=data, password_file=data / "password",
        heap="768m", pagecache="256m", start_timeout=300.0,
    )


test_server_config.__test__ = False  # a helper, not a test


@pytest.fixture(scope="session")
def _local_server():
    """Start the local test server unless NEO4J_URI names one; yield its config or None."""
    if os.environ.get("NEO4J_URI"):
        yield None
        return
    cfg = test_server_config()
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    if not cfg.password_file.exists():
        # A fresh password file means the old data (if any) has another password.
        shutil.rmtree(cfg.data_dir / "data", ignore_errors=True)
        cfg.password_file.write_text(TEST_PASSWORD + "\n")
        cfg.password_file.chmod(0o600)
    saved = os.environ.pop("NEO4J_PASSWORD", None)  # the test server keeps its own password
    try:
        state = server.start(cfg)
    except IrkgError as e:
        pytest.fail(f"the local Neo4j for tests did not start: {e}", pytrace=False)
    finally:
        if saved is not None:
            os.environ["NEO4J_PASSWORD"] = saved
    yield cfg
    if not state.get("already_running") and not os.environ.get("IRKG_TEST_KEEP_SERVER"):
        server.stop(cfg)


@pytest.fixture(scope="session")
def neo4j_settings(_local_server) -> connect.Settings:
    """Return the settings of the test server and export them as NEO4J_* variables."""
    if _local_server is None:
        settings = connect.load_settings()
    else:
        settings = connect.Settings(
            _local_server.bolt_uri, "neo4j", _local_server.password_file.read_text().strip(),
            None, local=False, source="test server",
        )
    saved = {k: os.environ.get(k) for k in _ENV_KEYS}
    os.environ.update({"NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.username,
                       "NEO4J_PASSWORD": settings.password or ""})
    if settings.database:
        os.environ["NEO4J_DATABASE"] = settings.database
    yield settings
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def neo4j_env(neo4j_settings) -> dict:
    """Return an environment for subprocesses that points at the test server."""
    return dict(os.environ)


@pytest.fixture(scope="session")
def neo4j_http_url(_local_server, neo4j_settings) -> str:
    """Return the test server's HTTP root (Neo4j Browser is under /browser/)."""
    if _local_server is not None:
        return f"http://127.0.0.1:{_local_server.http_port}"
    if os.environ.get("IRKG_TEST_HTTP_URL"):
        return os.environ["IRKG_TEST_HTTP_URL"].rstrip("/")
    return f"http://{urlparse(neo4j_settings.uri).hostname}:7474"


@pytest.fixture(scope="session")
def driver(neo4j_settings):
    """Yield a verified driver on the test server."""
    try:
        drv = connect.open_driver(neo4j_settings)
    except IrkgError as e:
        pytest.fail(str(e), pytrace=False)
    yield drv
    drv.close()


def wipe_graph(driver, settings: connect.Settings, batch: int = 10000) -> None:
    """Delete every node and relationship, in batches."""
    query = connect.read_cypher("wipe_batch")
    while True:
        records, _, _ = driver.execute_query(query, batch=batch, database_=settings.database)
        if records[0]["deleted"] == 0:
            return


@pytest.fixture
def irkg_run(capsys):
    """Return a function that runs `irkg ARGS` in-process through the real entry point: (status, stdout, stderr)."""
    from irkg.cli import run

    def invoke(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            run(list(args))
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


@pytest.fixture
def db(driver, neo4j_settings):
    """Return the driver on an empty graph."""
    wipe_graph(driver, neo4j_settings)
    return driver


@pytest.fixture
def schema_db(db, neo4j_settings):
    """Return the driver on an empty graph with the schema applied."""
    from irkg.graph.schema_apply import apply_schema

    apply_schema(db, neo4j_settings.database)
    return db
