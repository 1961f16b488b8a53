"""Fixtures for the reliability tests: an emulator, a facade on it, the figures recorder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.testing import Emulator
from tests.reliability import figures as figures_file
from tests.reliability.support import facade


class Figures:
    """Collects the counts a test run measures, for ``figures.json`` and the docs.

    When the figures are not being written, each count must equal the committed one:
    a change in behaviour then shows up as a stale figure instead of a silent doc.
    """

    def __init__(self, write: bool) -> None:
        self.write = write
        self.committed = figures_file.load()
        self.recorded: dict[str, int] = {}

    def record(self, key: str, value: int, *, from_hypothesis: bool = False) -> None:
        """Record one figure (`key` must be a row of the docs' table)."""
        known = {row[0] for row in figures_file.ROWS}
        assert key in known, f"figure {key!r} has no row in figures.ROWS"
        self.recorded[key] = int(value)
        if self.write:
            return
        if from_hypothesis and os.environ.get("HYPOTHESIS_PROFILE", "ci") != "ci":
            return  # other profiles draw other numbers of examples
        hint = f"run with {figures_file.WRITE_ENV}=1 to refresh figures.json and the docs"
        assert key in self.committed, f"figure {key!r} is not in figures.json: {hint}"
        assert self.committed[key] == value, (
            f"figure {key!r} is now {value}, figures.json says {self.committed[key]}: {hint}"
        )


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    """The session's figures; merged into ``figures.json`` at the end when writing."""
    recorder = Figures(figures_file.writing())
    yield recorder
    if recorder.write and recorder.recorded:
        figures_file.merge(recorder.recorded)


@pytest.fixture
def emulator() -> Emulator:
    """A fresh emulator on a virtual clock."""
    return Emulator()


@pytest.fixture
def ib(emulator: Emulator) -> ImageBuilder:
    """A facade on `emulator`: the SDK's retry policy is the only retry layer."""
    return facade(emulator)
