"""The one error family a user sees: what happened, where, and how to fix it."""


class IrkgError(Exception):
    """An error the CLI prints as one line (no traceback unless --debug)."""


class InputError(IrkgError):
    """A document, dictionary or query file that cannot be used."""


class ConnectionFailed(IrkgError):
    """Neo4j cannot be reached or refuses the credentials."""


class ServerError(IrkgError):
    """The local Neo4j server cannot be provisioned, started or stopped."""
