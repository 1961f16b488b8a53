"""The test documents under ``data/``, with the expectations written in their headers.

A document may start with comment lines: ``# platform: Linux`` gives the platform to
validate for, and each ``# expect: <severity> <path>: <message fragment>`` names a
problem the validator must report (``document`` stands for the empty path).
"""

from __future__ import annotations

from pathlib import Path

import attrs

from imagebuilder_sdk.documents import Problem

DATA = Path(__file__).parent / "data"


@attrs.frozen
class Expectation:
    """One problem a broken document must produce."""

    severity: str
    where: str
    fragment: str

    def matches(self, problem: Problem) -> bool:
        """True if `problem` is the expected one."""
        return (
            problem.severity == self.severity
            and (problem.path or "document") == self.where
            and self.fragment in problem.message
        )


@attrs.frozen
class Case:
    """A test document and what its header says about it."""

    path: Path
    text: str
    platform: str | None
    expected: tuple[Expectation, ...]

    @property
    def name(self) -> str:
        """The file name without its suffix."""
        return self.path.stem


def _case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    platform = None
    expected = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# platform: "):
            platform = line.removeprefix("# platform: ").strip()
        elif line.startswith("# expect: "):
            severity, rest = line.removeprefix("# expect: ").split(" ", 1)
            where, _, fragment = rest.partition(": ")
            expected.append(Expectation(severity, where, fragment))
    return Case(path, text, platform, tuple(expected))


def cases(kind: str) -> list[Case]:
    """The documents of ``data/<kind>``, sorted by name."""
    return [_case(path) for path in sorted((DATA / kind).glob("*.yaml"))]
