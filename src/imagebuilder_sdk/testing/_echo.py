"""Bounded echoes: an error answer repeats a bad value in part, never whole.

A client that sends a six-megabyte name must not get a nine-megabyte error back. Every
error message the emulator builds passes through `bounded`, and a value it quotes
through `echo`::

    >>> echo("x" * 1000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (1000 characters)"
    >>> echo("short")
    "'short'"
    >>> len(bounded("y" * 5000)) <= MAX_MESSAGE_CHARS
    True
"""

from __future__ import annotations

__all__ = ["MAX_ECHO_CHARS", "MAX_MESSAGE_CHARS", "bounded", "echo"]

#: The most characters of a request value an error message quotes.
MAX_ECHO_CHARS = 64
#: The most characters an error message has, whatever it quotes.
MAX_MESSAGE_CHARS = 1024


def echo(value: object) -> str:
    """`value` quoted for an error message: its repr, cut after `MAX_ECHO_CHARS` characters."""
    if isinstance(value, str) and len(value) > MAX_ECHO_CHARS:
        return f"{value[:MAX_ECHO_CHARS]!r}... ({len(value)} characters)"
    shown = repr(value)
    if len(shown) > MAX_ECHO_CHARS + 2:
        return f"{shown[:MAX_ECHO_CHARS]}... ({len(shown)} characters shown as text)"
    return shown


def bounded(message: str) -> str:
    """`message`, cut to at most `MAX_MESSAGE_CHARS` characters with a note saying so."""
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    note = f"... (message cut; it had {len(message)} characters)"
    return message[: MAX_MESSAGE_CHARS - len(note)] + note
