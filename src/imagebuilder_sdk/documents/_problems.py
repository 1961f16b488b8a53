"""`Problem`: one finding of the component document validator.

>>> p = Problem("phases[0].steps[2].inputs.commands", "ExecuteBash needs 'commands'")
>>> str(p)
"phases[0].steps[2].inputs.commands: ExecuteBash needs 'commands'"
>>> p.is_error
True
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

__all__ = ["Findings", "Problem", "Severity", "describe", "show"]

Severity: TypeAlias = Literal["error", "warning"]
"""How bad a problem is: ``"error"`` (the service or AWSTOE refuses or breaks on it) or
``"warning"`` (it runs, but probably not the way you meant)."""


@attrs.frozen
class Problem:
    """One thing wrong with a component document, and how to fix it."""

    path: str
    """Where in the document: ``phases[0].steps[2].inputs.commands``; ``""`` for the
    document as a whole."""

    message: str
    """What is wrong, phrased so that it says what to write instead."""

    severity: Severity = "error"
    """``"error"`` or ``"warning"``."""

    @property
    def is_error(self) -> bool:
        """True for an error-level problem."""
        return self.severity == "error"

    def __str__(self) -> str:
        return f"{self.path or 'document'}: {self.message}"


class Findings:
    """Collects problems while a validator walks a document (internal)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, "error"))

    def warning(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, "warning"))


def describe(value: object) -> str:
    """What kind of value this is, in words, for messages (never the value itself)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def show(value: object, limit: int = 40) -> str:
    """A short quoted rendering of a scalar for messages: names, actions, enum values."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)
