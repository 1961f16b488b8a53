"""What every declared resource kind shares: reading the account, building requests, writing.

A declaration is one attrs class per resource kind (see `_declarations`). Its fields
are named after the keywords of the repository's ``create``, so the generic code here
turns a declaration into a request, reads what the account holds under its name, and
writes through the repository. Two bases cover the two ways Image Builder changes
things:

- `Versioned`: immutable, versioned resources (components, recipes, workflows).
  A change is a new version; the account is read as "the latest version of this name".
- `Mutable`: resources updated in place (configurations, pipelines, lifecycle
  policies). The account is read as "the resource of this name".

A kind is then a subclass that names its repository and, where it must, says how a
field becomes a request value.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from imagebuilder_sdk.arns import Arn
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.plan._canonical import canonical
from imagebuilder_sdk.repositories._base import LARGEST_PAGE
from imagebuilder_sdk.versions import BuildVersion, SemanticVersion, latest

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder

__all__ = ["Bump", "Declaration", "Mutable", "Observed", "Resolve", "Versioned"]

#: Gives the ARN text a declaration stands for: known, or a placeholder during planning.
Resolve = Callable[["Declaration"], str]

#: Declaration fields that steer planning and are never sent.
_META = frozenset({"version", "bump"})


class Bump(enum.Enum):
    """How the next version of a changed immutable resource is numbered."""

    PATCH = "patch"
    """``1.2.3`` becomes ``1.2.4`` (the default)."""
    MINOR = "minor"
    """``1.2.3`` becomes ``1.3.0``."""
    MAJOR = "major"
    """``1.2.3`` becomes ``2.0.0``."""

    def next(self, version: SemanticVersion) -> SemanticVersion:
        """The version after `version` by this rule."""
        if self is Bump.MAJOR:
            return version.bump_major()
        if self is Bump.MINOR:
            return version.bump_minor()
        return version.bump_patch()


@attrs.frozen
class Observed:
    """What the account holds for a declaration: its ARN, version and content."""

    arn: str
    """The resource's ARN (a version ARN for versioned kinds, no build number)."""
    content: Mapping[str, Any]
    """The resource as canonical data, by model attribute name."""
    version: SemanticVersion | None = None
    """The version read (the latest one, for versioned kinds)."""


def check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "must be a non-empty string", value=value)


class Declaration:
    """Base of every declaration: a resource you want, by name."""

    __slots__ = ()

    #: The label shown in plans (``component``, ``image pipeline``).
    kind: ClassVar[str]
    #: The `ImageBuilder` attribute of the repository that manages the kind.
    repository: ClassVar[str]
    #: Request keywords compared under another model attribute name.
    renames: ClassVar[Mapping[str, str]] = {}
    #: Request keywords sent but never compared (the model has no such attribute, or
    #: the value describes a change rather than the resource).
    not_compared: ClassVar[frozenset[str]] = frozenset()
    #: Model attributes the service changes by itself (last run, next run): not a conflict.
    volatile: ClassVar[frozenset[str]] = frozenset()
    #: Whether the declaration is managed (planned and applied) or only looked up.
    managed: ClassVar[bool] = True

    name: str

    @property
    def key(self) -> tuple[str, str]:
        """(kind, name): what makes two declarations the same resource."""
        return (self.kind, self.name)

    def dependencies(self) -> Iterator[Declaration]:
        """The declarations this one refers to (walked before it)."""
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            yield from _declarations_in(getattr(self, field.name))

    def request(self, resolve: Resolve) -> dict[str, Any]:
        """The keywords for the repository's ``create``, references resolved."""
        params: dict[str, Any] = {}
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            if field.name in _META:
                continue
            value = self.request_value(field.name, getattr(self, field.name), resolve)
            if value is not None:
                params[field.name] = value
        return params

    def request_value(self, field: str, value: Any, resolve: Resolve) -> Any:
        """How one field becomes a request value; references become ARNs."""
        if isinstance(value, Declaration):
            return resolve(value)
        return value

    def content(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """The compared part of a request, as canonical data by model attribute."""
        names = self.model_fields()
        found = {}
        for key, value in request.items():
            attribute = self.renames.get(key, key)
            if key in self.not_compared or attribute not in names:
                continue
            found[attribute] = self.normalise(attribute, canonical(value))
        return found

    def normalise(self, attribute: str, value: Any) -> Any:
        """A hook for kinds whose values need more than `canonical` (documents)."""
        return value

    def observed(self, model: Any, version: SemanticVersion | None = None) -> Observed:
        """What the account holds, from the model a repository returned."""
        data = canonical(model)
        content = {k: self.normalise(k, v) for k, v in data.items()}
        return Observed(arn=str(model.arn), content=content, version=version)

    if TYPE_CHECKING:  # each kind defines these (Versioned and Mutable, and every spec)

        def model_fields(self) -> frozenset[str]:
            """Attribute names of the model the repository's ``get`` returns."""

        def read(self, ib: ImageBuilder) -> Observed | None:
            """What the account holds for this declaration; None when nothing yet."""

    def repo(self, ib: ImageBuilder) -> Any:
        """This kind's repository on `ib`."""
        return getattr(ib, self.repository)


class Versioned(Declaration):
    """An immutable, versioned kind: a change is a new version."""

    __slots__ = ()
    renames: ClassVar[Mapping[str, str]] = {"semantic_version": "version"}
    not_compared: ClassVar[frozenset[str]] = frozenset({"semantic_version", "change_description"})

    version: str | SemanticVersion | None
    bump: Bump | str

    def explicit_version(self) -> SemanticVersion | None:
        """The version the declaration pins, if it pins one."""
        if self.version is None:
            return None
        if isinstance(self.version, SemanticVersion):
            return self.version
        return SemanticVersion.parse(self.version, field="version")

    def bump_rule(self) -> Bump:
        """The declared bump rule as a `Bump`."""
        return self.bump if isinstance(self.bump, Bump) else Bump(self.bump)

    def list_filters(self) -> dict[str, Any]:
        """Listing filters besides the name that pick out this resource (a workflow's type)."""
        return {}

    def versions(self, ib: ImageBuilder) -> dict[SemanticVersion, str]:
        """The version ARNs of this name the account owns, by version (one listing)."""
        by_version: dict[SemanticVersion, str] = {}
        listing = self.repo(ib).list(
            name=self.name, owner="Self", page_size=LARGEST_PAGE, **self.list_filters()
        )
        for item in listing:
            arn = Arn.parse(str(item.arn))
            if str(item.name) == self.name and isinstance(arn.version, SemanticVersion):
                by_version[arn.version] = str(arn)
        return by_version

    def read(self, ib: ImageBuilder) -> Observed | None:
        """The latest version of this name owned by the account (a list and a get)."""
        by_version = self.versions(ib)
        newest = latest(by_version)
        if newest is None:
            return None
        return self.observed(self.repo(ib).get(by_version[newest]), newest)

    def observed(self, model: Any, version: SemanticVersion | None = None) -> Observed:
        """As for any kind, with the version ARN (a build number dropped) as the ARN."""
        found = super().observed(model, version)
        return attrs.evolve(found, arn=version_arn(found.arn))

    def read_version(self, ib: ImageBuilder, like: str, version: SemanticVersion) -> Observed:
        """One version of this name, given the ARN of another version of it."""
        arn = Arn.parse(like).with_version(version)
        return self.observed(self.repo(ib).get(str(arn)), version)

    def create(self, ib: ImageBuilder, request: Mapping[str, Any], token: str) -> str:
        """Create the version the request names; return its version ARN.

        Nothing is read back: the apply needs only the ARN (the next plan reads it).
        """
        arn = self.repo(ib)._create_arn(None, {**request, "client_token": token})
        return version_arn(str(arn))


class Mutable(Declaration):
    """A kind updated in place; one resource per name."""

    __slots__ = ()
    #: Request keywords ``create`` takes and ``update`` does not.
    create_only: ClassVar[frozenset[str]] = frozenset({"name", "tags"})
    #: Whether ``list`` answers whole models (no ``get`` needed).
    list_is_full: ClassVar[bool] = False

    def read(self, ib: ImageBuilder) -> Observed | None:
        """The resource of this name (a list, and a get unless the list says it all)."""
        for item in self.repo(ib).list(name=self.name, page_size=LARGEST_PAGE):
            if str(item.name) == self.name:
                model = item if self.list_is_full else self.repo(ib).get(str(item.arn))
                return self.observed(model)
        return None

    def create(self, ib: ImageBuilder, request: Mapping[str, Any], token: str) -> str:
        """Create the resource; return its ARN (not read back: the apply needs no more)."""
        return str(self.repo(ib)._create_arn(None, {**request, "client_token": token}))

    def update(self, ib: ImageBuilder, arn: str, request: Mapping[str, Any], token: str) -> str:
        """Replace the resource's settings, then set declared tags the update cannot."""
        params = {k: v for k, v in request.items() if k not in self.create_only}
        model = self.repo(ib).update(arn=arn, **params, client_token=token)
        tags = request.get("tags")
        if tags:
            have = ib.tags(arn)
            if any(have.get(k) != v for k, v in tags.items()):
                ib.tag(arn, dict(tags))
        return str(model.arn)


def version_arn(text: str) -> str:
    """A version ARN from a build version ARN (other ARNs unchanged)."""
    arn = Arn.parse(text)
    if isinstance(arn.version, BuildVersion):
        return str(arn.with_version(arn.version.semantic_version))
    return text


def _declarations_in(value: object) -> Iterator[Declaration]:
    if isinstance(value, Declaration):
        yield value
    elif isinstance(value, Sequence) and not isinstance(value, str):
        for item in value:
            yield from _declarations_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _declarations_in(getattr(value, field.name))
