"""The typed model of an AWSTOE component document.

The classes are frozen attrs values with no I/O; `ComponentDocument.from_yaml` and
`ComponentDocument.to_yaml` convert to and from the YAML text the service stores.
Module inputs differ from one action module to the next (a mapping for ExecuteBash, a
list of mappings for S3Download), so `Step.inputs` is a `JsonValue`; the helper
constructors in this package (`ExecuteBash`, `S3Download`, ...) build typed inputs.
Keys the model has no attribute for are kept in each class's `extra`, so nothing is
lost between parsing a document and rendering it again.

>>> doc = ComponentDocument(
...     name="hello",
...     phases=[Phase("build", [Step("Say", "ExecuteBash", {"commands": ["echo hi"]})])],
... )
>>> doc.phases[0].steps[0].inputs
{'commands': ['echo hi']}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

import attrs
from typing_extensions import Self

from imagebuilder_sdk.errors import ValidationError

if TYPE_CHECKING:
    from imagebuilder_sdk.documents._problems import Problem

__all__ = [
    "ComponentDocument",
    "Constant",
    "JsonValue",
    "Loop",
    "LoopRange",
    "Parameter",
    "Phase",
    "Step",
]

JsonValue: TypeAlias = (
    str | int | float | bool | Sequence["JsonValue"] | Mapping[str, "JsonValue"] | None
)
"""A JSON-like value: a scalar, a list of values, or a mapping with string keys.

The model stores plain ``list`` and ``dict`` objects (copies of what it was given)."""


def _to_json(value: JsonValue) -> JsonValue:
    """A deep copy of `value` as plain lists and dicts; refuses anything not JSON-like."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Mapping):
        out: dict[str, JsonValue] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(
                    "document", "mapping keys must be strings", value=type(key).__name__
                )
            out[key] = _to_json(item)
        return out
    if isinstance(value, Sequence):
        return [_to_json(item) for item in value]
    raise ValidationError(
        "document",
        "values must be JSON-like: str, int, float, bool, None, lists and string-keyed mappings",
        value=type(value).__name__,
    )


def _to_json_map(value: Mapping[str, JsonValue]) -> Mapping[str, JsonValue]:
    copied = _to_json(value)
    assert isinstance(copied, dict)
    return copied


def _parameters(value: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(value)


def _constants(value: Iterable[Constant]) -> tuple[Constant, ...]:
    return tuple(value)


def _phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return tuple(value)


def _steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(value)


@attrs.frozen
class Parameter:
    """A value the caller may set when the component runs (``{{ name }}`` in inputs)."""

    name: str
    """The name, 3 to 128 letters, digits, ``-`` or ``_``."""
    type: str | None = "string"
    """``string``, ``integer``, ``boolean`` or ``stringList``."""
    default: JsonValue = attrs.field(default=None, converter=_to_json)
    """The value used when the caller sets none (``None``: no default)."""
    description: str | None = None
    """What the parameter is for."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the parameter the model has no attribute for (``allowedValues``, ...)."""


@attrs.frozen
class Constant:
    """A fixed named value (``{{ name }}`` in inputs)."""

    name: str
    """The name, 3 to 128 letters, digits, ``-`` or ``_``."""
    value: JsonValue = attrs.field(converter=_to_json)
    """The value."""
    type: str | None = "string"
    """Always ``string`` today."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the constant the model has no attribute for."""


@attrs.frozen
class LoopRange:
    """The ``for`` form of a loop: integers from `start` to `end` inclusive."""

    start: int
    """The first value."""
    end: int
    """The last value (reached only if ``end - start`` is a multiple of `update_by`)."""
    update_by: int = 1
    """The step between values; not zero, and pointing from `start` towards `end`."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the range the model has no attribute for."""


@attrs.frozen
class Loop:
    """Runs a step once per value (``{{ loop.value }}``, ``{{ loop.index }}`` in inputs).

    Give exactly one of `for_each` (a list of strings, or ``{"list": "a,b",
    "delimiter": ","}``) and `for_`; the class methods build each form.
    """

    name: str | None = None
    """An optional name, so that inputs may say ``{{ name.value }}``."""
    for_each: JsonValue = attrs.field(default=None, converter=_to_json)
    """The values to iterate over (``forEach``)."""
    for_: LoopRange | None = None
    """The integer range to iterate over (``for``)."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the loop the model has no attribute for."""

    @classmethod
    def over(cls, values: Iterable[str], *, name: str | None = None) -> Self:
        """A loop over a list of strings."""
        return cls(name=name, for_each=list(values))

    @classmethod
    def split(cls, text: str, *, delimiter: str = ",", name: str | None = None) -> Self:
        """A loop over the parts of `text` (often a ``{{ reference }}``) cut at `delimiter`."""
        return cls(name=name, for_each={"list": text, "delimiter": delimiter})

    @classmethod
    def range(cls, start: int, end: int, update_by: int = 1, *, name: str | None = None) -> Self:
        """A loop over the integers from `start` to `end` inclusive."""
        return cls(name=name, for_=LoopRange(start, end, update_by))


@attrs.frozen
class Step:
    """One unit of work: an action module and its inputs."""

    name: str
    """Unique within its phase; letters, digits, ``-`` and ``_``."""
    action: str
    """The action module, such as ``ExecuteBash`` or ``S3Download``."""
    inputs: JsonValue = attrs.field(default=None, converter=_to_json)
    """The module's inputs: a mapping or a list of mappings (``None``: no inputs)."""
    on_failure: str | None = None
    """``Abort`` (the default), ``Continue`` or ``Ignore``."""
    timeout_seconds: int | None = None
    """Seconds before the step fails; ``-1`` for no limit (default 7200)."""
    max_attempts: int | None = None
    """How many times to try the step (default 1)."""
    loop: Loop | None = None
    """Run the step once per loop value."""
    if_: JsonValue = attrs.field(default=None, converter=_to_json)
    """A condition (the document's ``if``); the step is skipped when it is false."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the step the model has no attribute for."""


@attrs.frozen
class Phase:
    """A named list of steps (``build``, ``validate``, ``test``)."""

    name: str
    """``build`` and ``validate`` run while building the image, ``test`` after it."""
    steps: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    """The steps, in the order they run."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Keys of the phase the model has no attribute for."""


@attrs.frozen
class ComponentDocument:
    """A whole component document (the ``data`` of a component)."""

    name: str | None = None
    """The document's own name (optional; the component's name is set apart)."""
    description: str | None = None
    """What the document does."""
    schema_version: str = "1.0"
    """The document schema version; ``1.0`` is the only one."""
    parameters: tuple[Parameter, ...] = attrs.field(default=(), converter=_parameters)
    """Values the caller may set."""
    constants: tuple[Constant, ...] = attrs.field(default=(), converter=_constants)
    """Fixed named values."""
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=_phases)
    """The phases, in the order they run."""
    extra: Mapping[str, JsonValue] = attrs.field(factory=dict, converter=_to_json_map, kw_only=True)
    """Top-level keys the model has no attribute for."""

    @classmethod
    def from_yaml(cls, text: str) -> ComponentDocument:
        """Parse YAML text (needs the ``imagebuilder-sdk[yaml]`` extra).

        Raises `ValidationError` when the text is not YAML, or has a shape the model
        cannot hold (its ``problems`` say why); it does not otherwise validate.
        """
        from imagebuilder_sdk.documents._tree import document_from_text

        return document_from_text(text)

    def to_yaml(self) -> str:
        """Render as YAML, keys in the order people write them (needs PyYAML)."""
        from imagebuilder_sdk.documents._yaml import render_yaml

        return render_yaml(self.to_dict())

    @classmethod
    def from_dict(cls, data: Mapping[str, JsonValue]) -> ComponentDocument:
        """Build from the parsed document tree (what a YAML or JSON parser returns)."""
        from imagebuilder_sdk.documents._tree import document_from_tree

        return document_from_tree(data)

    def to_dict(self) -> dict[str, JsonValue]:
        """The document tree, with the document's own key names (``schemaVersion``)."""
        from imagebuilder_sdk.documents._tree import document_to_tree

        return document_to_tree(self)

    def validate(self, *, platform: str | None = None) -> list[Problem]:
        """Every problem with this document; see `imagebuilder_sdk.documents.validate`."""
        from imagebuilder_sdk.documents._validate import validate

        return validate(self, platform=platform)

    def check(self, *, platform: str | None = None) -> None:
        """Raise `ValidationError` on any error; see `imagebuilder_sdk.documents.check`."""
        from imagebuilder_sdk.documents._check import check

        check(self, platform=platform)
