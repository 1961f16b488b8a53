"""A Griffe extension that shows the SDK's docstrings well in the API reference.

The docstrings are written for `help()` and doctest: interactive examples
(``>>> ...`` followed by the expected output) and reStructuredText literal blocks
introduced by ``::``. Markdown knows neither, and renders a doctest as nested block
quotes. Before mkdocstrings renders a docstring, this extension:

- wraps each run of doctest lines in a fenced ``pycon`` block (``<BLANKLINE>`` becomes
  an empty line, as the reader would see it in a session);
- turns a paragraph's closing ``::`` into ``:``, and drops a line holding only ``::``
  (the indented block that follows is already code in Markdown).

It is loaded from mkdocs.yml (``extensions:`` of the python handler); the source files
are left as they are.
"""

from __future__ import annotations

from typing import Any

import griffe

__all__ = ["DoctestFences", "fence_doctests"]

_FENCE = "```"


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def fence_doctests(text: str) -> str:
    """The docstring `text` with doctests fenced and ``::`` markers made Markdown.

    Code already inside a fence is left alone, so a second pass changes nothing.
    (No doctest here: its expected output would itself hold ``>>>`` prompts.)
    """
    lines = text.splitlines()
    out: list[str] = []
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(_FENCE):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        if in_fence:
            out.append(line)
            i += 1
            continue
        if stripped.startswith(">>>"):
            indent = _indent(line)
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}{_FENCE}pycon")
            while i < len(lines) and lines[i].strip():
                body = lines[i]
                out.append(indent if body.strip() == "<BLANKLINE>" else body)
                i += 1
            out.append(f"{indent}{_FENCE}")
            continue
        if stripped == "::":
            out.append("")
        elif stripped.endswith("::") and not stripped.startswith(("-", "*", "|")):
            out.append(line.rstrip()[:-1])
        else:
            out.append(line)
        i += 1
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Rewrites every docstring with `fence_doctests` once Griffe has loaded it."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the docstring of `obj`, if it has one."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
