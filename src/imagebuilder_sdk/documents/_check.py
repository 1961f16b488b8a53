"""`check`: raise on a component document with errors, log its warnings.

This is what the SDK runs before it sends a document to CreateComponent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from imagebuilder_sdk.documents._model import ComponentDocument, JsonValue
from imagebuilder_sdk.documents._validate import validate
from imagebuilder_sdk.errors import ValidationError

__all__ = ["check"]

logger = logging.getLogger("imagebuilder_sdk.documents")


def check(
    document_or_text: ComponentDocument | str | Mapping[str, JsonValue],
    *,
    platform: str | None = None,
) -> None:
    """Raise `ValidationError` if the document has any error; log its warnings.

    The error's ``field`` is ``"data"``, its ``rule`` counts the errors and its
    ``problems`` lists them. Warnings go to the ``imagebuilder_sdk.documents`` logger
    and never raise. Messages name places and kinds of values, not the document's
    content, so secrets in commands stay out of logs.
    """
    problems = validate(document_or_text, platform=platform)
    for problem in problems:
        if not problem.is_error:
            logger.warning("component document: %s", problem)
    errors = [str(problem) for problem in problems if problem.is_error]
    if errors:
        raise ValidationError(
            "data", f"component document has {len(errors)} problem(s)", problems=errors
        )
