"""Rules on the document as a whole: size, NUL characters, emptiness, argument checks."""

from __future__ import annotations

import pytest

from imagebuilder_sdk.documents import (
    ComponentDocument,
    ExecuteBash,
    JsonValue,
    Phase,
    max_data_length,
    validate,
)
from imagebuilder_sdk.errors import ValidationError

HELLO = """\
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands:
            - echo {text}
"""


def test_limit_comes_from_the_service_model() -> None:
    """The size limit is CreateComponent's data max length, 16000 with today's botocore."""
    assert max_data_length() == 16000


def test_document_over_the_size_limit_is_an_error() -> None:
    """A document longer than the service accepts inline is refused, with the way out."""
    text = HELLO.format(text="x" * max_data_length())
    problems = validate(text)
    assert [str(p) for p in problems] == [
        f"document: the document is {len(text)} characters; CreateComponent accepts at most "
        f"{max_data_length()} in 'data': shorten it, or upload it to S3 and pass 'uri' instead"
    ]


def test_document_at_the_size_limit_is_fine() -> None:
    """A document of exactly the limit passes."""
    filler = "x" * (max_data_length() - len(HELLO.format(text="")))
    assert validate(HELLO.format(text=filler)) == []


def test_model_over_the_size_limit_is_an_error() -> None:
    """The size of a model is the size of its rendered YAML."""
    doc = ComponentDocument(phases=[Phase("build", [ExecuteBash("Say", ["x" * 20000])])])
    assert [p.message.split(";")[0] for p in validate(doc)] == [
        f"the document is {len(doc.to_yaml())} characters"
    ]


def test_nul_character_is_an_error() -> None:
    """The service's pattern refuses NUL characters."""
    problems = validate(HELLO.format(text="a\x00b"))
    assert "the document contains a NUL character, which the service refuses" in [
        p.message for p in problems
    ]


def test_empty_text_is_an_error() -> None:
    """Blank text is not a document."""
    assert [str(p) for p in validate("  \n")] == [
        "document: the document is empty; write at least schemaVersion and phases"
    ]


def test_tree_input_is_validated() -> None:
    """A parsed tree (from JSON, say) is validated like text."""
    tree: dict[str, JsonValue] = {
        "schemaVersion": "1.0",
        "phases": [{"name": "build", "steps": [{"name": "R", "action": "Reboot"}]}],
    }
    assert validate(tree) == []


def test_platform_is_matched_without_case() -> None:
    """'linux' is the Linux platform."""
    text = HELLO.format(text="hi").replace("ExecuteBash", "ExecutePowerShell")
    assert [p.severity for p in validate(text, platform="linux")] == ["warning"]


def test_unknown_platform_is_refused() -> None:
    """A platform the service does not know raises ValidationError naming it."""
    with pytest.raises(ValidationError) as caught:
        validate(HELLO.format(text="hi"), platform="Solaris")
    assert caught.value.field == "platform"


def test_other_argument_types_are_refused() -> None:
    """Only documents, text and trees can be validated."""
    with pytest.raises(ValidationError, match="document_or_text"):
        validate(42)  # type: ignore[arg-type]
