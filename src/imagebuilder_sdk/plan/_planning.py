"""Planning: compare the declarations with the account and say what would change.

`plan` reads only what the declarations name, in dependency order: for a versioned
kind the latest version of its name (a listing filtered by name, then one ``get``),
for a configuration or pipeline the resource of its name (a listing, and a ``get``
where the listing does not carry the settings), for a looked-up component or image one
listing. It writes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from imagebuilder_sdk.errors import ResourceNotFoundError, ValidationError
from imagebuilder_sdk.plan._canonical import FieldChange, diff, fingerprint
from imagebuilder_sdk.plan._kinds import Declaration, Mutable, Observed, Versioned
from imagebuilder_sdk.plan._stack import Stack
from imagebuilder_sdk.versions import SemanticVersion

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder
    from imagebuilder_sdk.plan._applying import Applied
    from imagebuilder_sdk.plan._check import CheckResult

__all__ = ["Action", "Plan", "Step", "placeholder", "plan", "state_of"]

#: The version of a versioned resource created for the first time, unless pinned.
FIRST_VERSION = SemanticVersion(1, 0, 0)


class Action(enum.Enum):
    """What applying a step does."""

    NO_CHANGE = "no change"
    """The account already holds what is declared."""
    CREATE = "create"
    """Nothing of this name yet: create it (the first version, for versioned kinds)."""
    NEW_VERSION = "new version"
    """An immutable resource changed: create its next version; older ones stay."""
    UPDATE = "update in place"
    """A configuration or pipeline changed: replace its settings."""


@attrs.frozen
class Step:
    """One declaration's part of a plan."""

    declaration: Declaration
    """What was declared."""
    action: Action
    """What applying does."""
    changes: tuple[FieldChange, ...] = ()
    """Field by field, what differs from the account (every field, for a create)."""
    observed: Observed | None = None
    """What the account held when planned (the latest version, for versioned kinds)."""
    version: SemanticVersion | None = None
    """The version a versioned step creates, or the one it keeps."""
    arn: str | None = None
    """The resource's ARN when it exists (the one kept, or the one updated)."""

    @property
    def kind(self) -> str:
        """The kind of resource (``component``)."""
        return self.declaration.kind

    @property
    def name(self) -> str:
        """The declared name."""
        return self.declaration.name

    @property
    def summary(self) -> str:
        """The action in words: ``new version 1.0.1``, ``update in place``, ..."""
        if self.action is Action.NO_CHANGE:
            return f"no change ({self.version})" if self.version else "no change"
        if self.action is Action.CREATE and self.version is not None:
            return f"create {self.version}"
        if self.action is Action.NEW_VERSION:
            return f"new version {self.version}"
        return str(self.action.value)

    def __str__(self) -> str:
        return f"{self.kind} {self.name}: {self.summary}"

    def __repr__(self) -> str:
        return f"<Step {self.kind} {self.name!r}: {self.summary}>"


class Plan:
    """What applying the declarations would change, step by step, in dependency order.

    It is empty (falsy) when nothing would change. ``print(plan)`` shows a diff; in a
    notebook it shows as a table; with rich installed, ``rich.print(plan)`` colours it.
    """

    __slots__ = ("_ib", "references", "stack", "steps")

    def __init__(
        self,
        ib: ImageBuilder,
        stack: Stack,
        steps: tuple[Step, ...],
        references: Mapping[tuple[str, str], str],
    ) -> None:
        self._ib = ib
        self.stack = stack
        """The declarations planned."""
        self.steps = steps
        """One step per managed declaration, each after those it depends on."""
        self.references = dict(references)
        """ARNs of the looked-up components and images, by declaration key."""

    @property
    def changes(self) -> tuple[Step, ...]:
        """The steps that write something."""
        return tuple(s for s in self.steps if s.action is not Action.NO_CHANGE)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def counts(self) -> dict[Action, int]:
        """How many steps of each action."""
        return {a: sum(s.action is a for s in self.steps) for a in Action}

    def apply(self) -> Applied:
        """Carry the plan out; see `imagebuilder_sdk.plan.apply`."""
        from imagebuilder_sdk.plan._applying import apply

        return apply(self)

    def check(self) -> list[CheckResult]:
        """Ask the service to validate each create with ``dryRun``; see `_check`."""
        from imagebuilder_sdk.plan._check import check

        return check(self)

    @property
    def ib(self) -> ImageBuilder:
        """The facade the plan was read through (and applies through)."""
        return self._ib

    def __str__(self) -> str:
        from imagebuilder_sdk.plan._render import render_text

        return render_text(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{a.value}={n}" for a, n in self.counts().items() if n)
        return f"<Plan {counts or 'empty'}>"

    def __rich__(self) -> Any:
        from imagebuilder_sdk.plan._render import render_rich

        return render_rich(self)

    def _repr_html_(self) -> str:
        from imagebuilder_sdk.plan._render import render_html

        return render_html(self)


def placeholder(declaration: Declaration, version: SemanticVersion | None) -> str:
    """What a reference to a resource this plan creates shows until it exists."""
    what = f"{declaration.kind} {declaration.name}"
    return f"(known after apply: {what} {version})" if version else f"(known after apply: {what})"


def state_of(observed: Observed | None, declaration: Declaration) -> str:
    """A digest of what the account held: any change to it between plan and apply shows.

    Every field counts, declared or not (an update replaces the whole resource, so a
    change someone made to an undeclared field must not be overwritten unseen), except
    the kind's `volatile` fields, which the service changes by itself.
    """
    if observed is None:
        return "absent"
    content = {k: v for k, v in observed.content.items() if k not in declaration.volatile}
    return fingerprint({"arn": observed.arn, "version": observed.version, "content": content})


def plan(ib: ImageBuilder, stack: Stack) -> Plan:
    """Read the account and say, for each declaration, what applying would do."""
    if not isinstance(stack, Stack):
        raise ValidationError("stack", f"must be a Stack, got {type(stack).__name__}")
    known: dict[tuple[str, str], str] = {}
    references: dict[tuple[str, str], str] = {}
    steps: list[Step] = []

    def resolve(declaration: Declaration) -> str:
        return str(known[declaration.key])

    for declaration in stack.declarations:
        if not declaration.managed:
            found = declaration.read(ib)
            if found is None:
                raise ValidationError(
                    declaration.kind,
                    f"nothing matches {declaration.name!r} (version "
                    f"{getattr(declaration, 'version', '')}, owner "
                    f"{getattr(declaration, 'owner', '')})",
                )
            known[declaration.key] = references[declaration.key] = found.arn
            continue
        wanted = declaration.content(declaration.request(resolve))
        observed = declaration.read(ib)
        if isinstance(declaration, Versioned):
            step = _versioned(ib, declaration, wanted, observed)
        elif isinstance(declaration, Mutable):
            step = _mutable(declaration, wanted, observed)
        else:  # pragma: no cover - every managed kind is one of the two
            raise TypeError(type(declaration).__name__)
        steps.append(step)
        # An update keeps its ARN; only what is created is unknown until applied.
        known[declaration.key] = step.arn or placeholder(declaration, step.version)
    return Plan(ib, stack, tuple(steps), references)


def _versioned(
    ib: ImageBuilder,
    declaration: Versioned,
    wanted: dict[str, Any],
    observed: Observed | None,
) -> Step:
    pinned = declaration.explicit_version()
    if observed is None:
        return Step(
            declaration, Action.CREATE, tuple(diff(wanted, {})), None, pinned or FIRST_VERSION
        )
    changes = tuple(diff(wanted, observed.content))
    if pinned is None:
        if not changes:
            return Step(declaration, Action.NO_CHANGE, (), observed, observed.version, observed.arn)
        assert observed.version is not None
        version = declaration.bump_rule().next(observed.version)
        return Step(declaration, Action.NEW_VERSION, changes, observed, version)
    if pinned != observed.version:
        try:
            existing = declaration.read_version(ib, observed.arn, pinned)
        except ResourceNotFoundError:
            return Step(declaration, Action.NEW_VERSION, changes, observed, pinned)
        if diff(wanted, existing.content):
            _pinned_conflict(declaration, pinned)
        return Step(declaration, Action.NO_CHANGE, (), observed, pinned, existing.arn)
    if changes:
        _pinned_conflict(declaration, pinned)
    return Step(declaration, Action.NO_CHANGE, (), observed, pinned, observed.arn)


def _pinned_conflict(declaration: Versioned, version: SemanticVersion) -> None:
    raise ValidationError(
        "version",
        f"{declaration.kind} {declaration.name!r} {version} exists with other content; "
        "versions are immutable: pin a new version, or drop the pin to have one planned",
        value=str(version),
    )


def _mutable(declaration: Mutable, wanted: dict[str, Any], observed: Observed | None) -> Step:
    if observed is None:
        return Step(declaration, Action.CREATE, tuple(diff(wanted, {})))
    changes = tuple(diff(wanted, observed.content))
    action = Action.UPDATE if changes else Action.NO_CHANGE
    return Step(declaration, action, changes, observed, None, observed.arn)
