"""Reading and writing component document YAML with PyYAML (the ``[yaml]`` extra).

PyYAML is imported on first use, so the rest of the SDK works without it.

The loader keeps the text of any scalar whose meaning differs between YAML 1.1 (what
PyYAML implements) and YAML 1.2, instead of guessing: ``0700`` stays the string
``"0700"`` (not the octal number 448), ``yes``/``no``/``on``/``off`` stay strings, and
so do dates, ``1_000`` and ``1:30``. Only ``true``/``false``, decimal and ``0x``
integers and plain decimal floats become booleans and numbers. Mapping keys are always
strings, and a key repeated in one mapping is reported rather than silently dropped.

The dumper writes block style, indents lists under their key, writes multi-line strings
as ``|`` blocks, quotes strings that would otherwise read back as something else, and
never emits anchors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import yaml

__all__ = ["DuplicateKey", "YamlSyntaxError", "parse_yaml", "render_yaml", "require_yaml"]

_INSTALL_HINT = (
    "component documents need PyYAML; install it with: pip install 'imagebuilder-sdk[yaml]'"
)
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_HEX_INT = re.compile(r"[-+]?0x[0-9a-fA-F]+")
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def _at(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


class YamlSyntaxError(ValueError):
    """The text is not YAML; `line` and `column` (counted from 1) say where."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        super().__init__(message)

    @classmethod
    def from_marked(cls, exc: Any) -> YamlSyntaxError:
        """From PyYAML's error: the problem, where it is, and what was being read."""
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "not valid YAML"
        if mark is not None:
            message += f" at {_at(mark)}"
        if exc.context and exc.problem:
            started = f" at {_at(exc.context_mark)}" if exc.context_mark is not None else ""
            message += f" ({exc.context}{started})"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return cls(message, line, column)

    @classmethod
    def from_reader(cls, exc: Any, text: str) -> YamlSyntaxError:
        """From PyYAML's error about a character YAML does not allow."""
        position = int(exc.position)
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        message = f"character #x{int(exc.character):04x} cannot appear in YAML text"
        return cls(f"{message} at line {line}, column {column}", line, column)


@attrs.frozen
class DuplicateKey:
    """A key written twice in one mapping; YAML keeps only the last value."""

    key: str
    line: int
    column: int


def require_yaml() -> None:
    """Check that PyYAML can be imported; the ImportError names the extra to install."""
    try:
        import yaml  # noqa: F401
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc


@functools.cache
def _loader_class() -> type[yaml.SafeLoader]:
    require_yaml()
    import yaml

    class Loader(yaml.SafeLoader):
        duplicates: list[DuplicateKey]

        def construct_mapping(
            self, node: yaml.MappingNode, deep: bool = False
        ) -> dict[Hashable, Any]:
            self.flatten_mapping(node)
            mapping: dict[Hashable, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        "a list or mapping is used as a key (quote values that start "
                        "with '{{', like '{{ name }}')",
                        key_node.start_mark,
                    )
                key = str(key_node.value)
                if key in mapping:
                    mark = key_node.start_mark
                    self.duplicates.append(DuplicateKey(key, mark.line + 1, mark.column + 1))
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

    def construct_bool(loader: Any, node: Any) -> object:
        text = loader.construct_scalar(node)
        return {"true": True, "false": False}.get(text.lower(), text)

    def construct_int(loader: Any, node: Any) -> object:
        text = loader.construct_scalar(node)
        if _DECIMAL_INT.fullmatch(text):
            return int(text)
        if _HEX_INT.fullmatch(text):
            return int(text, 16)
        return text

    def construct_float(loader: Any, node: Any) -> object:
        text = loader.construct_scalar(node)
        return float(text) if _PLAIN_FLOAT.fullmatch(text) else text

    def construct_text(loader: Any, node: Any) -> object:
        return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:bool", construct_bool)
    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_text)
    return Loader


@functools.cache
def _dumper_class() -> type[yaml.SafeDumper]:
    require_yaml()
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
            return super().increase_indent(flow, False)

        def ignore_aliases(self, data: Any) -> bool:
            return True

    def represent_str(dumper: Any, data: str) -> Any:
        # A | block keeps newlines as written. YAML reads \r, NEL and the Unicode line and
        # paragraph separators as line breaks too, so only double quotes (which escape
        # them) carry strings holding them unchanged.
        style: str | None = None
        if any(c in data for c in _OTHER_BREAKS):
            style = '"'
        elif "\n" in data:
            style = "|"
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper


def parse_yaml(text: str) -> tuple[object, list[DuplicateKey]]:
    """The tree of one YAML document, and the keys repeated within a mapping.

    Raises `YamlSyntaxError` when the text does not parse.
    """
    require_yaml()
    import yaml

    duplicates: list[DuplicateKey] = []
    try:
        loader = _loader_class()(text)
    except yaml.reader.ReaderError as exc:
        raise YamlSyntaxError.from_reader(exc, text) from None
    loader.duplicates = duplicates  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError.from_marked(exc) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc)) from None
    finally:
        loader.dispose()
    return data, duplicates


def render_yaml(tree: object) -> str:
    """YAML text for a document tree, keys in the tree's order."""
    require_yaml()
    import yaml

    text: str = yaml.dump(
        tree,
        Dumper=_dumper_class(),
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=4096,
    )
    return text
