"""The README keeps the surface honest: every command is documented, every test command is real."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from irkg.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_paths(group, prefix: str = "irkg") -> list[str]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        sub = getattr(cmd, "commands", None)
        out.extend(_command_paths(cmd, path) if sub else [path])
    return out


def test_readme_lists_every_cli_command():
    commands = _command_paths(typer.main.get_command(app))
    assert len(commands) >= 15
    missing = [c for c in commands if c not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in README
    assert re.search(r"^make test$", ci, re.M)


def test_makefile_test_target_runs_pytest():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "pytest" in target
