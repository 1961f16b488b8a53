"""The plan/apply demo (`make demo`, second part), run against the emulator."""

from __future__ import annotations

from typing import Any

from examples.plan_demo import run
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.plan import Action


def test_the_demo_shows_create_edit_and_an_empty_plan() -> None:
    """Three plans: all creates; after a one-line edit two new versions and one update;
    then nothing. The empty plan's apply sends no request."""
    lines: list[Any] = []
    first, edited, last = run(ImageBuilder.local(), say=lines.append)
    assert {s.action for s in first} == {Action.CREATE}
    assert [(s.kind, s.summary) for s in edited.changes] == [
        ("component", "new version 1.0.1"),
        ("image recipe", "new version 1.0.1"),
        ("image pipeline", "update in place"),
    ]
    assert not last
    text = [str(line) for line in lines]
    # Created versions are not read back (an apply needs only their ARNs): 9, not 11.
    assert "Applied: 3 written (9 requests, 3 writes)" in text
    assert text[-1] == "Applying the empty plan: 0 requests"
    assert sum("0 writes)" in line and "to plan" in line for line in text) == 3


def test_the_demo_main_prints_the_story(capsys: Any) -> None:
    """main() runs on a fresh emulator and prints the three plans."""
    from examples.plan_demo import main

    assert main() == 0
    out = capsys.readouterr().out
    assert out.count("== Plan") == 3
    assert "No changes: 5 declarations match the account." in out
