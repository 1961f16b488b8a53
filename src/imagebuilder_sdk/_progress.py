"""A live display of an image build's progress, in a terminal or a notebook (rich)."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.models import Image, ImageStatus

__all__ = ["BuildProgress"]

_STAGES = ("PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE")


def _rich() -> Any:
    try:
        import rich.progress
    except ImportError:
        raise ImportError(
            "progress=True needs the 'rich' package: pip install 'imagebuilder-sdk[progress]'"
        ) from None
    return rich.progress


class BuildProgress:
    """One progress bar whose steps are the build's stages."""

    def __init__(self, arn: str) -> None:
        progress = _rich()
        self._progress = progress.Progress(
            progress.TextColumn("[bold]{task.description}"),
            progress.BarColumn(),
            progress.TextColumn("{task.fields[status]}"),
            progress.TimeElapsedColumn(),
            transient=False,
        )
        name = arn.split("/", 1)[-1]
        self._task = self._progress.add_task(name, total=len(_STAGES), status="waiting")
        self._progress.start()

    def update(self, image: Image) -> None:
        """Show the image's current stage."""
        status = image.state.status if image.state and image.state.status else None
        text = status.value if status is not None else "unknown"
        done = _STAGES.index(text) + 1 if text in _STAGES else None
        if status is ImageStatus.CREATING:
            done = 1
        self._progress.update(self._task, completed=done, status=text)

    def close(self) -> None:
        """Stop refreshing the display."""
        self._progress.stop()
