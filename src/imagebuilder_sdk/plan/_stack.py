"""A stack: the declarations you want, with everything they refer to, in dependency order."""

from __future__ import annotations

from collections.abc import Iterator

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.plan._kinds import Declaration

__all__ = ["Stack"]


class Stack:
    """The declarations to plan and apply.

    Give the top of the graph (pipelines, usually); what they refer to comes along.
    `declarations` lists every declaration once, each after the ones it refers to, so a
    component comes before the recipes using it and a recipe before its pipeline.

    >>> from imagebuilder_sdk.plan import ComponentSpec
    >>> hello = ComponentSpec(name="hello", platform="Linux", data="...")
    >>> [d.name for d in Stack(hello, hello).declarations]
    ['hello']
    """

    __slots__ = ("declarations",)

    def __init__(self, *declarations: Declaration) -> None:
        ordered: dict[tuple[str, str], Declaration] = {}
        for declaration in declarations:
            if not isinstance(declaration, Declaration):
                raise ValidationError(
                    "declarations",
                    f"must be declarations (ComponentSpec, ...), got {type(declaration).__name__}",
                )
            self._walk(declaration, ordered)
        self.declarations: tuple[Declaration, ...] = tuple(ordered.values())
        """Every declaration, each after those it refers to."""

    @staticmethod
    def _walk(declaration: Declaration, ordered: dict[tuple[str, str], Declaration]) -> None:
        seen = ordered.get(declaration.key)
        if seen is not None:
            if seen != declaration:
                kind, name = declaration.key
                raise ValidationError(
                    "declarations", f"two different {kind} declarations are named {name!r}"
                )
            return
        for dependency in declaration.dependencies():
            Stack._walk(dependency, ordered)
        ordered[declaration.key] = declaration

    def __iter__(self) -> Iterator[Declaration]:
        return iter(self.declarations)

    def __len__(self) -> int:
        return len(self.declarations)

    def __repr__(self) -> str:
        names = ", ".join(f"{d.kind} {d.name!r}" for d in self.declarations)
        return f"Stack({names})"
