"""A live display of an image build's progress: rich in a terminal, IPython in a notebook.

In a terminal the display is a rich progress bar (the `progress` extra). In a Jupyter
notebook it is one output that IPython updates in place, so it needs neither rich's
widget support nor any extra package there.
"""

from __future__ import annotations

import html
import importlib
import sys
from typing import Any, Protocol

from imagebuilder_sdk.models import Image, ImageStatus

__all__ = ["BuildProgress", "make_progress"]

_STAGES = ("PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE")


class BuildProgress(Protocol):
    """What the waiter needs of a display."""

    def update(self, image: Image, step: str | None = None) -> None:
        """Show the image's current stage, and the workflow step it is at if known."""

    def close(self) -> None:
        """Stop refreshing the display."""


def _stage(image: Image) -> tuple[str, int]:
    """The status text and how many stages are done."""
    status = image.state.status if image.state and image.state.status else None
    text = status.value if status is not None else "unknown"
    if status is ImageStatus.CREATING:
        return text, 1
    return text, (_STAGES.index(text) + 1 if text in _STAGES else 0)


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    get_ipython = getattr(shell, "get_ipython", None)
    current = get_ipython() if get_ipython is not None else None
    return type(current).__name__ == "ZMQInteractiveShell"


class _NotebookProgress:
    """A progress line in a notebook cell, updated in place."""

    def __init__(self, arn: str) -> None:
        # IPython is untyped; it is always there when a notebook runs this code.
        display: Any = importlib.import_module("IPython.display")
        self._html = display.HTML
        self._name = arn.split("/", 1)[-1]
        self._step: str | None = None
        self._handle = display.display(self._html(self._render("waiting", 0)), display_id=True)

    def _render(self, text: str, done: int, step: str | None = None) -> str:
        bar = "".join("■" if i < done else "□" for i in range(len(_STAGES)))
        at = f" <i>{html.escape(step)}</i>" if step else ""
        return (
            f"<code>{html.escape(self._name)}</code> {bar} <b>{html.escape(text)}</b>"
            f" ({done}/{len(_STAGES)}){at}"
        )

    def update(self, image: Image, step: str | None = None) -> None:
        text, done = _stage(image)
        self._step = step or self._step
        if self._handle is not None:
            self._handle.update(self._html(self._render(text, done, self._step)))

    def close(self) -> None:
        return None


#: Room for the longest status the service model names, so the bar never shrinks as the
#: status text changes; a longer status the SDK does not know yet is cut with an ellipsis.
STATUS_WIDTH = max(len(text) for text in (*(s.value for s in ImageStatus), "waiting", "unknown"))
#: The build's name is cut (with an ellipsis) past this many characters.
NAME_WIDTH = 32
BAR_WIDTH = 24


class _TerminalProgress:
    """A rich progress bar whose steps are the build's stages.

    Every column has a fixed width, so the bar stays put from the first status to the
    last. `console` is for tests; by default rich writes to the terminal.
    """

    def __init__(self, arn: str, console: Any = None) -> None:
        progress = _rich()
        column: Any = importlib.import_module("rich.table").Column
        self._progress = progress.Progress(
            progress.TextColumn(
                "[bold]{task.description}",
                table_column=column(no_wrap=True, overflow="ellipsis", max_width=NAME_WIDTH),
            ),
            progress.BarColumn(bar_width=BAR_WIDTH),
            progress.TextColumn(
                "{task.fields[status]}",
                table_column=column(
                    width=STATUS_WIDTH, min_width=STATUS_WIDTH, no_wrap=True, overflow="ellipsis"
                ),
            ),
            progress.TimeElapsedColumn(),
            transient=False,
            console=console,
        )
        name = arn.split("/", 1)[-1]
        self._task = self._progress.add_task(name, total=len(_STAGES), status="waiting")
        self._step: str | None = None
        self._progress.start()

    def update(self, image: Image, step: str | None = None) -> None:
        text, done = _stage(image)
        self._step = step or self._step
        shown = f"{text} · {self._step}" if self._step else text
        self._progress.update(self._task, completed=done, status=shown)

    def close(self) -> None:
        self._progress.stop()


def _rich() -> Any:
    try:
        import rich.progress
    except ImportError:
        raise ImportError(
            "progress=True needs the 'rich' package: pip install 'imagebuilder-sdk[progress]'"
        ) from None
    return rich.progress


def make_progress(arn: str) -> BuildProgress:
    """The display that suits where the code runs: a notebook or a terminal."""
    if _in_notebook():
        return _NotebookProgress(arn)
    return _TerminalProgress(arn)
