"""What the real-browser tests share: Debian's headless Chromium, its flags, the fixture graph, the artifacts folder."""

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FIXTURE = Path(__file__).resolve().parent / "data" / "queries_fixture.cypher"
