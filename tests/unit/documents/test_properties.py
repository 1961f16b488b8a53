"""Properties of random valid documents built from the model."""

from __future__ import annotations

from hypothesis import given, settings

from imagebuilder_sdk.documents import ComponentDocument, validate
from tests.unit.documents.strategies import documents


# Each example renders and parses whole documents with pure-Python PyYAML; 30 examples
# keep this module to a few seconds while covering every module, loop and option.
@settings(max_examples=30)
@given(documents())
def test_rendered_document_parses_back_to_itself(doc: ComponentDocument) -> None:
    """parse(render(doc)) == doc for any document the model can build."""
    assert ComponentDocument.from_yaml(doc.to_yaml()) == doc


@settings(max_examples=30)
@given(documents())
def test_valid_document_has_no_errors(doc: ComponentDocument) -> None:
    """A document built by the valid-document strategy has no error, as text or model."""
    assert [str(p) for p in validate(doc) if p.is_error] == []
    assert [str(p) for p in validate(doc.to_yaml()) if p.is_error] == []
