"""A faster, identical replacement for botocore's parse of this service's success answers.

botocore turns an answer's JSON into the dicts boto3 returns by walking the output
shape member by member, with a method lookup and a call for every value: for a full
`GetImage` answer, over five hundred calls, and more than half of the time a raw boto3
call spends. This module writes, for each output shape, one plain function that makes
the very same dicts in one pass, and hands them to botocore through its own
``before-parse`` event: the handler parses the body into ``customized_response_dict``
(which botocore merges into its result) and leaves botocore an empty body to parse,
so botocore still builds ``ResponseMetadata`` from the headers exactly as before.

The generated functions follow botocore's ``RestJSONParser`` rule for rule: members
are read in the shape's order, absent and ``null`` members are left out, unknown
members dropped, list items that are ``null`` kept, integers through ``int``, doubles
through ``float``, booleans through botocore's ``ensure_boolean``, strings as they
are. ``tests/unit/test_fast_parse.py`` holds every output shape of the service to
"equal to botocore's result" on generated answers. Anything the functions do not
copy exactly is left to botocore:

- shapes that reach a blob member, a document or a union, or members renamed or
  located in headers: botocore parses those answers itself;
- shapes that reach a timestamp member, on a client whose parser does not read
  timestamps with botocore's default parser (a program may change it, as the AWS CLI
  does): at install, a probe answer is parsed by the client's own parser and compared;
- error answers (status 300 and above), bodies that are not a JSON object, and any
  value the function cannot convert (botocore then raises its own error);
- while botocore's parser logs at debug level, so its log shows the body it parsed.
"""

from __future__ import annotations

import json
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from botocore.model import (
    ListShape,
    MapShape,
    OperationModel,
    ServiceModel,
    Shape,
    ShapeResolver,
    StructureShape,
)
from botocore.parsers import DEFAULT_TIMESTAMP_PARSER
from botocore.utils import ensure_boolean

__all__ = ["install", "parser_for"]

#: Parses one decoded JSON body of an output shape into botocore's dicts.
Parse = Callable[[Any], dict[str, Any]]

_HANDLER_ID = "imagebuilder_sdk.fast_parse"
_PARSER_LOG = logging.getLogger("botocore.parsers")
#: Converters of the scalar types, named as the generated code uses them.
_SCALARS = {"integer": "int", "long": "int", "double": "float", "float": "float"}
#: Scalar types copied as they are (botocore's rest-json string handler returns them so).
_IDENTITY = frozenset({"string", "character"})
_lock = threading.Lock()
#: Per service model: (output shape name, timestamps read here) -> its parser, or None
#: when botocore must parse it.
_cache: weakref.WeakKeyDictionary[ServiceModel, dict[tuple[str, bool], Parse | None]] = (
    weakref.WeakKeyDictionary()
)


class _Unsupported(Exception):
    """The shape has something the generated functions do not copy exactly."""


class _Writer:
    """Writes the functions of one output shape: one per structure shape it reaches."""

    def __init__(self, timestamps: bool) -> None:
        self.lines: list[str] = []
        self.names: dict[str, str] = {}
        self.timestamps = timestamps

    def structure(self, shape: StructureShape) -> str:
        """The name of the function parsing `shape`, written on first use."""
        name = self.names.get(shape.name)
        if name is not None:
            return name
        if shape.is_document_type or shape.is_tagged_union or shape.serialization:
            raise _Unsupported(shape.name)
        name = self.names[shape.name] = f"_s{len(self.names)}"
        body = ["    r = {}"]
        for member, member_shape in shape.members.items():
            if member_shape.serialization:
                raise _Unsupported(f"{shape.name}.{member}")
            expression = self.value(member_shape, "x", 1)
            body.append(f"    x = v.get({member!r})")
            body.append("    if x is not None:")
            body.append(f"        r[{member!r}] = {expression}")
        body.append("    return r")
        self.lines += [f"def {name}(v):", *body, ""]
        return name

    def value(self, shape: Shape, var: str, depth: int) -> str:
        """The expression converting `var` (never None) as botocore would."""
        kind = shape.type_name
        if kind in _IDENTITY:
            return var
        if kind in _SCALARS:
            return f"{_SCALARS[kind]}({var})"
        if kind == "boolean":
            return f"ensure_boolean({var})"
        if kind == "timestamp" and self.timestamps:
            return f"parse_timestamp({var})"
        if isinstance(shape, StructureShape):
            return f"{self.structure(shape)}({var})"
        item = f"i{depth}"
        if isinstance(shape, ListShape):
            inner = self.value(shape.member, item, depth + 1)
            if inner == item:
                return f"list({var})"
            return f"[None if {item} is None else {inner} for {item} in {var}]"
        if isinstance(shape, MapShape):
            key, value = f"k{depth}", f"w{depth}"
            key_expr = self.value(shape.key, key, depth + 1)
            value_expr = self._nullable(shape.value, value, depth + 1)
            if key_expr == key and value_expr == value:
                return f"dict({var}.items())"
            return f"{{{key_expr}: {value_expr} for {key}, {value} in {var}.items()}}"
        raise _Unsupported(kind)

    def _nullable(self, shape: Shape, var: str, depth: int) -> str:
        # botocore parses a map value without a None check: a structure gives None
        # back for None, a string returns it, the number types raise (as here).
        expression = self.value(shape, var, depth)
        if isinstance(shape, StructureShape):
            return f"(None if {var} is None else {expression})"
        return expression


def _compile(shape: StructureShape, timestamps: bool) -> Parse | None:
    writer = _Writer(timestamps)
    try:
        entry = writer.structure(shape)
    except _Unsupported:
        return None
    namespace: dict[str, Any] = {
        "ensure_boolean": ensure_boolean,
        "parse_timestamp": DEFAULT_TIMESTAMP_PARSER,
    }
    source = "\n".join(writer.lines)
    exec(compile(source, f"<imagebuilder_sdk parse {shape.name}>", "exec"), namespace)
    parse: Parse = namespace[entry]
    return parse


def parser_for(operation: OperationModel, *, timestamps: bool = True) -> Parse | None:
    """The generated parser of an operation's output, or None if botocore must parse it.

    Without `timestamps`, shapes that reach a timestamp member are left to botocore.
    """
    shape = operation.output_shape
    if not isinstance(shape, StructureShape):
        return None
    key = (shape.name, timestamps)
    parsers = _cache.get(operation.service_model)
    if parsers is not None and key in parsers:
        return parsers[key]
    with _lock:
        parsers = _cache.setdefault(operation.service_model, {})
        if key not in parsers:
            parsers[key] = _compile(shape, timestamps)
        return parsers[key]


class _BeforeParse:
    """botocore's ``before-parse`` handler: parse a success answer, leave botocore nothing."""

    __slots__ = ("timestamps",)

    def __init__(self, timestamps: bool) -> None:
        self.timestamps = timestamps

    def __call__(
        self,
        operation_model: OperationModel,
        response_dict: dict[str, Any],
        customized_response_dict: dict[str, Any],
        **_: Any,
    ) -> None:
        status = response_dict.get("status_code")
        body = response_dict.get("body")
        if not isinstance(status, int) or not 200 <= status < 300:
            return
        if not body or not isinstance(body, bytes) or _PARSER_LOG.isEnabledFor(logging.DEBUG):
            return
        parse = parser_for(operation_model, timestamps=self.timestamps)
        if parse is None:
            return
        try:
            decoded = json.loads(body.decode("utf-8"))
            if not isinstance(decoded, dict):
                return
            parsed = parse(decoded)
        except Exception:  # botocore parses the original body and raises its own error
            return
        customized_response_dict.update(parsed)
        response_dict["body"] = b""


_WITH_TIMESTAMPS = _BeforeParse(timestamps=True)
_WITHOUT_TIMESTAMPS = _BeforeParse(timestamps=False)

#: A one-member answer shape with a timestamp; botocore's stubs mistype the definitions.
_PROBE_SHAPES: Any = {
    "Probe": {"type": "structure", "members": {"t": {"shape": "T"}}},
    "T": {"type": "timestamp"},
}
_PROBE = ShapeResolver(_PROBE_SHAPES).get_shape_by_name("Probe")
_DEFAULT_PARSE_TIMESTAMP: Callable[[Any], object] = DEFAULT_TIMESTAMP_PARSER
_PROBE_VALUES = (1767323045.678, "2026-01-02T03:04:05.678Z")


def _default_timestamps(client: Any) -> bool:
    """Whether `client`'s own parser reads timestamps as botocore's default parser does.

    botocore keeps the parser factory on the client's endpoint and offers no public way
    to it; without it, timestamps are left to botocore.
    """
    factory = getattr(getattr(client, "_endpoint", None), "_response_parser_factory", None)
    create = getattr(factory, "create_parser", None)
    if create is None:
        return False
    try:
        parser = create(client.meta.service_model.resolved_protocol)
        for value in _PROBE_VALUES:
            answer = {"status_code": 200, "headers": {}, "body": json.dumps({"t": value}).encode()}
            got = parser.parse(answer, _PROBE).get("t")
            want = _DEFAULT_PARSE_TIMESTAMP(value)
            if type(got) is not type(want) or got != want or repr(got) != repr(want):
                return False
    except Exception:
        return False
    return True


def install(client: Any) -> None:
    """Parse `client`'s success answers with the generated functions (once per client)."""
    events = getattr(getattr(client, "meta", None), "events", None)
    if events is None:
        return
    handler = _WITH_TIMESTAMPS if _default_timestamps(client) else _WITHOUT_TIMESTAMPS
    service = client.meta.service_model.service_id.hyphenize()
    events.register(f"before-parse.{service}", handler, unique_id=_HANDLER_ID)
