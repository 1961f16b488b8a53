"""Showing a plan: plain text, rich text for terminals, and HTML for notebooks."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from imagebuilder_sdk.plan._planning import Action

if TYPE_CHECKING:
    from imagebuilder_sdk.plan._planning import Plan, Step

__all__ = ["render_html", "render_rich", "render_text", "summary_line"]

#: The mark before each step, as in a unified diff.
MARKS = {Action.NO_CHANGE: " ", Action.CREATE: "+", Action.NEW_VERSION: "+", Action.UPDATE: "~"}
_STYLES = {
    Action.NO_CHANGE: "dim",
    Action.CREATE: "green",
    Action.NEW_VERSION: "green",
    Action.UPDATE: "yellow",
}
#: Longest value shown in a change line; longer ones are cut in the middle.
_WIDTH = 70


def summary_line(plan: Plan) -> str:
    """``Plan: 1 to create, 1 new version, 1 to update, 3 unchanged.``"""
    counts = plan.counts()
    if not plan:
        return f"No changes: {counts[Action.NO_CHANGE]} declarations match the account."
    parts = [
        f"{counts[Action.CREATE]} to create",
        f"{counts[Action.NEW_VERSION]} new version{'s' * (counts[Action.NEW_VERSION] != 1)}",
        f"{counts[Action.UPDATE]} to update",
        f"{counts[Action.NO_CHANGE]} unchanged",
    ]
    return "Plan: " + ", ".join(parts) + "."


def _short(value: Any) -> str:
    """Text in full (ARNs and commands are read whole); long structures cut in the middle."""
    text = repr(value)
    if isinstance(value, str) or len(text) <= _WIDTH:
        return text
    half = (_WIDTH - 3) // 2
    return text[:half] + "..." + text[-half:]


def _change_lines(step: Step) -> list[str]:
    if step.action is Action.CREATE:
        return [f"{c.path} = {_short(c.after)}" for c in step.changes]
    return [f"{c.path}: {_short(c.before)} -> {_short(c.after)}" for c in step.changes]


def _heading(step: Step) -> str:
    return f"{MARKS[step.action]} {step.kind} {step.name!r}: {step.summary}"


def render_text(plan: Plan) -> str:
    """The plan as a readable diff: one line a step, its changed fields under it."""
    lines = [summary_line(plan), ""]
    for step in plan.steps:
        lines.append(_heading(step))
        lines += [f"      {line}" for line in _change_lines(step)]
    return "\n".join(lines).rstrip() + "\n"


def render_rich(plan: Plan) -> Any:
    """The plan as a rich renderable (needs the ``imagebuilder-sdk[progress]`` extra)."""
    from rich.text import Text

    text = Text()
    text.append(summary_line(plan) + "\n\n", style="bold")
    for step in plan.steps:
        text.append(_heading(step) + "\n", style=_STYLES[step.action])
        for line in _change_lines(step):
            text.append(f"      {line}\n")
    return text


def render_html(plan: Plan) -> str:
    """The plan as an HTML table, for notebooks."""
    rows = []
    for step in plan.steps:
        changes = "<br>".join(html.escape(line) for line in _change_lines(step))
        rows.append(
            "<tr>"
            f"<td>{html.escape(MARKS[step.action])}</td>"
            f"<td>{html.escape(step.kind)}</td>"
            f"<td>{html.escape(step.name)}</td>"
            f"<td>{html.escape(step.summary)}</td>"
            f"<td><code>{changes}</code></td>"
            "</tr>"
        )
    head = "<tr><th></th><th>kind</th><th>name</th><th>action</th><th>changes</th></tr>"
    return f"<p>{html.escape(summary_line(plan))}</p><table>{head}{''.join(rows)}</table>"
