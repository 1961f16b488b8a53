"""The terminal progress bar keeps its layout while the build's status changes."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from imagebuilder_sdk._progress import _TerminalProgress
from imagebuilder_sdk.models import Image, ImageState, ImageStatus
from tests.factories import complete

ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-weekly-20261201213000/1.0.0/1"


def _lines(statuses: list[str], width: int) -> list[str]:
    """The rendered progress line after each status, on a console `width` wide."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    bar = _TerminalProgress(ARN, console=console)
    lines = []
    try:
        for status in statuses:
            bar.update(complete(Image, state=complete(ImageState, status=ImageStatus(status))))
            with console.capture() as captured:
                console.print(bar._progress.make_tasks_table(bar._progress.tasks))
            lines.append(captured.get().rstrip("\n"))
    finally:
        bar.close()
    return lines


@pytest.mark.parametrize("width", [80, 120])
def test_the_status_text_starts_in_the_same_column_whatever_its_length(width: int) -> None:
    """From PENDING to DISTRIBUTING the bar neither shrinks nor moves the status along."""
    statuses = ["PENDING", "BUILDING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE"]
    lines = _lines(statuses, width)
    starts = {line.index(status) for line, status in zip(lines, statuses, strict=True)}
    assert len(starts) == 1
    assert len({len(line) for line in lines}) == 1


def test_a_status_the_sdk_does_not_know_is_cut_not_widened() -> None:
    """An unknown, longer status keeps the columns in place (cut with an ellipsis)."""
    first, unknown = _lines(["PENDING", "SOME_STATUS_ADDED_LATER"], 80)
    assert unknown.index("SOME_STAT") == first.index("PENDING")
    assert "…" in unknown
    assert len(unknown) == len(first)
