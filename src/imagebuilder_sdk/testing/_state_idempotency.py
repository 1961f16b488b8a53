"""Idempotency by ``clientToken``: a repeated request gets the first answer back.

The same token with the same request (the token aside) replays the stored answer and
changes nothing; the same token with a different request is refused with
``IdempotentParameterMismatchException``. Failed requests are not remembered, so a
client may retry them with the same token.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._state import ServiceError

__all__ = ["IdempotencyCache"]


def _fingerprint(params: Mapping[str, Any]) -> str:
    request = {key: value for key, value in params.items() if key != "clientToken"}
    blob = json.dumps(request, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()


class IdempotencyCache:
    """First answers by operation and client token."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}

    def replay(
        self, operation: str, token: str, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """The stored answer for this token, None if new; raises on a mismatch."""
        seen = self._answers.get((operation, token))
        if seen is None:
            return None
        fingerprint, answer = seen
        if fingerprint != _fingerprint(params):
            raise ServiceError(
                "IdempotentParameterMismatchException",
                f"The client token {echo(token)} was used before with a different request.",
            )
        return copy.deepcopy(answer)

    def remember(
        self, operation: str, token: str, params: Mapping[str, Any], answer: Mapping[str, Any]
    ) -> None:
        """Keep the answer to a successful request."""
        self._answers[(operation, token)] = (_fingerprint(params), copy.deepcopy(dict(answer)))
