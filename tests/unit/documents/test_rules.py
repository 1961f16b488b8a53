"""The validator reports each rule's problem, at the right path, with a useful message."""

from __future__ import annotations

import pytest

from imagebuilder_sdk.documents import validate
from tests.unit.documents._cases import Case, cases

BROKEN = cases("bad")


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_broken_document_reports_its_problem(case: Case) -> None:
    """Each broken document yields the problems its header expects."""
    problems = validate(case.text, platform=case.platform)
    missing = [e for e in case.expected if not any(e.matches(p) for p in problems)]
    assert not missing, [str(p) for p in problems]


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_broken_document_reports_nothing_else(case: Case) -> None:
    """Each broken document breaks one rule: no error beyond the expected ones."""
    problems = validate(case.text, platform=case.platform)
    extra = [
        str(p) for p in problems if p.is_error and not any(e.matches(p) for e in case.expected)
    ]
    assert extra == []


def test_every_broken_document_declares_an_expectation() -> None:
    """No broken test document is missing its expect header."""
    assert [c.name for c in BROKEN if not c.expected] == []
