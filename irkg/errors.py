"""The one error family a user sees: what happened, where, and how to fix it."""


class IrkgError(Exception):
    """An error the CLI prints as one line (no traceback unless --debug)."""


class InputError(IrkgError):
    """A document, dictionary or query file that cannot be used."""


class ConnectionFailed(IrkgError):
    """Neo4j cannot be reached or refuses the credentials."""


class ServerError(IrkgError):
    """The local Neo4j server cannot be provisioned, started or stopped."""


class StepFailed(Exception):
    """An unexpected error while one document went through a pipeline step (a bug, not bad input)."""

    def __init__(self, file: str, step: str):
        super().__init__(f"internal error in {step}, rerun with --debug")
        self.file = file
        self.step = step


def debug_enabled() -> bool:
    """Tell whether --debug was given (exported as IRKG_DEBUG so worker processes see it too)."""
    import os

    return os.environ.get("IRKG_DEBUG") == "1"
