"""Documents written the way users write them validate cleanly and survive a round trip."""

from __future__ import annotations

import pytest

from imagebuilder_sdk.documents import ComponentDocument, validate
from tests.unit.documents._cases import Case, cases

GOOD = cases("good")


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_document_has_no_problems(case: Case) -> None:
    """A good document yields neither errors nor warnings for its platform."""
    assert [str(p) for p in validate(case.text, platform=case.platform)] == []


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_document_round_trips(case: Case) -> None:
    """Parsing the rendered YAML of a parsed document gives the same document."""
    parsed = ComponentDocument.from_yaml(case.text)
    assert ComponentDocument.from_yaml(parsed.to_yaml()) == parsed


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_document_tree_round_trips(case: Case) -> None:
    """The model's tree builds the same model again."""
    parsed = ComponentDocument.from_yaml(case.text)
    assert ComponentDocument.from_dict(parsed.to_dict()) == parsed


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_document_model_validates_like_its_text(case: Case) -> None:
    """Validating the parsed model finds what validating the text finds: nothing."""
    parsed = ComponentDocument.from_yaml(case.text)
    assert parsed.validate(platform=case.platform) == []
