"""Idempotency tokens: one per logical call, the same on every attempt of it.

botocore fills a missing `clientToken` with a new UUID on every client call, so a
retry around a client call that passes no token of its own sends a new token each
time, and a create whose response was lost is carried out twice. The SDK therefore
mints the token itself, once, before the retry loop, and sends it on every attempt;
the service then answers a repeated attempt with the first result.
"""

from __future__ import annotations

import uuid

from imagebuilder_sdk.errors import ValidationError

__all__ = ["new_client_token", "resolve_client_token"]

_MAX_LENGTH = 64  # the service model's limit for `clientToken` (shape ClientToken)


def new_client_token() -> str:
    """A fresh token: a random UUID, as botocore would make."""
    return str(uuid.uuid4())


def resolve_client_token(client_token: str | None) -> str:
    """The caller's token, checked, or a new one when the caller gave none.

    >>> resolve_client_token("deploy-2026-11-27")
    'deploy-2026-11-27'
    >>> len(resolve_client_token(None))
    36
    """
    if client_token is None:
        return new_client_token()
    if not isinstance(client_token, str) or not 1 <= len(client_token) <= _MAX_LENGTH:
        raise ValidationError(
            "client_token", f"must be a string of 1 to {_MAX_LENGTH} characters", value=None
        )
    return client_token
