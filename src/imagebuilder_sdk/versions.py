"""Semantic versions, build versions and version filters, by Image Builder's rules.

Image Builder names each version of a component, recipe, image or workflow with a
three-part semantic version ``MAJOR.MINOR.PATCH``, and numbers the builds of a version
itself (``1.2.3/4`` is build 4 of version 1.2.3). A reference to another resource may
use a filter with ``x`` wildcards (``1.x.x``) to mean "the newest matching version".

The rules, taken from the service model's ``VersionNumber``, ``VersionNumberWithBuild``
and ``WildcardVersionNumber`` patterns and the service's documented limits:

- MAJOR, MINOR and PATCH are decimal integers from 0 to 1073741823 (2**30 - 1);
- a build number is a decimal integer from 1 to the same limit (the service counts
  builds from 1; the limit is ours, to keep numbers bounded);
- ASCII digits only: no sign, no spaces, no ``v`` prefix;
- leading zeros are accepted, because the patterns accept them, and kept as written:
  ``2019.12.02`` prints as ``2019.12.02`` (AWS's own examples write dates so) while it
  equals, orders and matches as the numbers 2019, 12 and 2;
- the wildcard is a lower-case ``x``, and in a filter only wildcards may follow it
  (``1.x.x`` but not ``1.x.3``; `VersionFilter.parse` explains the looser ARN form).

Versions compare by number, not as text, and print as they were written:

>>> SemanticVersion.parse("1.10.0") > SemanticVersion.parse("1.9.0")
True
>>> written = SemanticVersion.parse("2019.12.02")
>>> str(written), written == SemanticVersion(2019, 12, 2)
('2019.12.02', True)
>>> str(SemanticVersion.parse("1.2.3").bump_minor())
'1.3.0'
>>> VersionFilter.parse("1.x.x").matches("1.4.2")
True
>>> latest(["1.2.0", "1.10.0", "2.0.0"], "1.x.x")
'1.10.0'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import attrs

from imagebuilder_sdk._version_rules import (
    ANY_FORM,
    BUILD,
    BUILD_FORM,
    FILTER,
    FILTER_FORM,
    MAX_VERSION_NUMBER,
    ORDER_RULE,
    SEMANTIC,
    SEMANTIC_FORM,
    check_build,
    check_optional_part,
    check_part,
    check_text,
    check_written,
    parse_build,
    parse_part,
)
from imagebuilder_sdk.errors import ValidationError

__all__ = [
    "BuildVersion",
    "MAX_VERSION_NUMBER",
    "SemanticVersion",
    "VersionFilter",
    "latest",
    "parse_version",
]


@attrs.frozen(order=True)
class SemanticVersion:
    """A version ``MAJOR.MINOR.PATCH`` of an Image Builder resource.

    Frozen and hashable; versions order by number (``1.10.0 > 1.9.0``).

    >>> v = SemanticVersion.parse("1.2.3")
    >>> v
    SemanticVersion(major=1, minor=2, patch=3)
    >>> str(v.bump_major()), str(v.bump_patch())
    ('2.0.0', '1.2.4')
    """

    major: int = attrs.field(validator=check_part)
    """Changes that break users of the resource."""
    minor: int = attrs.field(validator=check_part)
    """Changes that add to the resource without breaking its users."""
    patch: int = attrs.field(validator=check_part)
    """Fixes."""
    _text: str | None = attrs.field(
        default=None, kw_only=True, eq=False, order=False, repr=False, validator=check_written
    )
    """The text the version was read from, printed back unchanged (None: plain numbers)."""

    @classmethod
    def parse(cls, text: str, *, field: str = "version") -> SemanticVersion:
        """Read ``"1.2.3"``; raise `ValidationError` naming `field` if it is not one.

        The text is kept: ``str()`` gives it back as written, leading zeros and all.
        """
        text = check_text(text, field)
        match = SEMANTIC.fullmatch(text)
        if match is None:
            raise ValidationError(field, f"{SEMANTIC_FORM}, got {text!r}", value=text)
        major, minor, patch = (parse_part(part, text, field) for part in match.groups())
        return cls(major, minor, patch, text=text)

    def bump_major(self) -> SemanticVersion:
        """The next major version: ``1.2.3`` becomes ``2.0.0``."""
        return SemanticVersion(self.major + 1, 0, 0)

    def bump_minor(self) -> SemanticVersion:
        """The next minor version: ``1.2.3`` becomes ``1.3.0``."""
        return SemanticVersion(self.major, self.minor + 1, 0)

    def bump_patch(self) -> SemanticVersion:
        """The next patch version: ``1.2.3`` becomes ``1.2.4``."""
        return SemanticVersion(self.major, self.minor, self.patch + 1)

    def with_build(self, build: int) -> BuildVersion:
        """This version's build number `build`.

        >>> str(SemanticVersion(1, 2, 3).with_build(4))
        '1.2.3/4'
        >>> str(SemanticVersion.parse("2019.12.02").with_build(1))
        '2019.12.02/1'
        """
        text = None if self._text is None else f"{self._text}/{build}"
        return BuildVersion(self.major, self.minor, self.patch, build, text=text)

    def __str__(self) -> str:
        if self._text is not None:
            return self._text
        return f"{self.major}.{self.minor}.{self.patch}"


@attrs.frozen(order=True)
class BuildVersion:
    """One build of a version, ``MAJOR.MINOR.PATCH/BUILD``; the service picks BUILD.

    Orders by version, then by build number.

    >>> b = BuildVersion.parse("1.2.3/4")
    >>> b.build, str(b.semantic_version)
    (4, '1.2.3')
    >>> BuildVersion.parse("1.2.3/10") > b
    True
    """

    major: int = attrs.field(validator=check_part)
    """MAJOR of the version built."""
    minor: int = attrs.field(validator=check_part)
    """MINOR of the version built."""
    patch: int = attrs.field(validator=check_part)
    """PATCH of the version built."""
    build: int = attrs.field(validator=check_build)
    """The build number (from 1), counted by the service for each version."""
    _text: str | None = attrs.field(
        default=None, kw_only=True, eq=False, order=False, repr=False, validator=check_written
    )
    """The text the build version was read from, printed back unchanged."""

    @classmethod
    def parse(cls, text: str, *, field: str = "version") -> BuildVersion:
        """Read ``"1.2.3/4"``; raise `ValidationError` naming `field` if it is not one."""
        text = check_text(text, field)
        match = BUILD.fullmatch(text)
        if match is None:
            raise ValidationError(field, f"{BUILD_FORM}, got {text!r}", value=text)
        major, minor, patch = (parse_part(part, text, field) for part in match.groups()[:3])
        return cls(major, minor, patch, parse_build(match.group(4), text, field), text=text)

    @property
    def semantic_version(self) -> SemanticVersion:
        """The version this is a build of, without the build number (spelt as written).

        >>> str(BuildVersion.parse("2019.12.02/3").semantic_version)
        '2019.12.02'
        """
        text = None if self._text is None else self._text.split("/")[0]
        return SemanticVersion(self.major, self.minor, self.patch, text=text)

    def __str__(self) -> str:
        if self._text is not None:
            return self._text
        return f"{self.major}.{self.minor}.{self.patch}/{self.build}"


@attrs.frozen
class VersionFilter:
    """A version pattern such as ``x.x.x``, ``1.x.x``, ``1.2.x`` or an exact ``1.2.3``.

    Each part is a number, or None for the wildcard ``x``. A filter matches a version
    (or build version) whose numbered parts are equal to the filter's.

    >>> f = VersionFilter.parse("1.2.x")
    >>> f
    VersionFilter(major=1, minor=2, patch=None)
    >>> f.matches("1.2.9"), f.matches("1.3.0"), f.is_exact
    (True, False, False)
    """

    major: int | None = attrs.field(default=None, validator=check_optional_part)
    """MAJOR to match, or None for any."""
    minor: int | None = attrs.field(default=None, validator=check_optional_part)
    """MINOR to match, or None for any."""
    patch: int | None = attrs.field(default=None, validator=check_optional_part)
    """PATCH to match, or None for any."""
    _text: str | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, validator=check_written
    )
    """The text the filter was read from, printed back unchanged."""

    @classmethod
    def parse(cls, text: str, *, field: str = "version", lenient: bool = False) -> VersionFilter:
        """Read a filter such as ``"1.x.x"``; raise `ValidationError` naming `field`.

        Only wildcards may follow a wildcard, as the service requires of filters (its
        user guide calls ``x.2.x`` and ``1.x.8`` invalid). The service's ARN patterns are
        looser; ``lenient=True`` accepts that form too, and such a filter matches part by
        part, but `Arn.parse` holds ARNs to the strict rule.

        >>> VersionFilter.parse("x.2.x", lenient=True).matches("7.2.0")
        True
        """
        text = check_text(text, field)
        match = FILTER.fullmatch(text)
        if match is None:
            raise ValidationError(field, f"{FILTER_FORM}, got {text!r}", value=text)
        parts = [None if part == "x" else parse_part(part, text, field) for part in match.groups()]
        if not lenient:
            first_wildcard = parts.index(None) if None in parts else len(parts)
            if any(part is not None for part in parts[first_wildcard:]):
                raise ValidationError(field, f"{ORDER_RULE}, got {text!r}", value=text)
        return cls(*parts, text=text)

    @property
    def is_exact(self) -> bool:
        """True when the filter has no wildcard and so names one version."""
        return None not in (self.major, self.minor, self.patch)

    @property
    def exact_version(self) -> SemanticVersion | None:
        """The one version an exact filter names; None when it has a wildcard."""
        if self.major is None or self.minor is None or self.patch is None:
            return None
        return SemanticVersion(self.major, self.minor, self.patch, text=self._text)

    def matches(self, version: SemanticVersion | BuildVersion | str) -> bool:
        """Whether `version` (a version, a build version, or the text of either) fits."""
        found = _as_version(version, "version")
        wanted = (self.major, self.minor, self.patch)
        have = (found.major, found.minor, found.patch)
        return all(w is None or w == h for w, h in zip(wanted, have, strict=True))

    def __str__(self) -> str:
        if self._text is not None:
            return self._text
        return ".".join("x" if part is None else str(part) for part in self._parts())

    def _parts(self) -> tuple[int | None, int | None, int | None]:
        return (self.major, self.minor, self.patch)


def parse_version(
    text: str, *, field: str = "version", lenient: bool = False
) -> SemanticVersion | BuildVersion | VersionFilter:
    """Read a version, a build version or a filter, whichever `text` is.

    Text with a wildcard gives a `VersionFilter` (``lenient`` as in `VersionFilter.parse`).

    >>> parse_version("1.2.3")
    SemanticVersion(major=1, minor=2, patch=3)
    >>> parse_version("1.2.3/4")
    BuildVersion(major=1, minor=2, patch=3, build=4)
    >>> parse_version("1.x.x")
    VersionFilter(major=1, minor=None, patch=None)
    """
    text = check_text(text, field)
    if BUILD.fullmatch(text):
        return BuildVersion.parse(text, field=field)
    if SEMANTIC.fullmatch(text):
        return SemanticVersion.parse(text, field=field)
    if FILTER.fullmatch(text):
        return VersionFilter.parse(text, field=field, lenient=lenient)
    raise ValidationError(field, f"{ANY_FORM}, got {text!r}", value=text)


def _as_version(value: object, field: str) -> SemanticVersion | BuildVersion:
    if isinstance(value, (SemanticVersion, BuildVersion)):
        return value
    if isinstance(value, str) and BUILD.fullmatch(value):
        return BuildVersion.parse(value, field=field)
    if isinstance(value, str):
        return SemanticVersion.parse(value, field=field)
    raise ValidationError(
        field,
        f"must be a SemanticVersion, a BuildVersion or a string, got {type(value).__name__}",
        value=value,
    )


V = TypeVar("V", bound="SemanticVersion | BuildVersion | str")


def latest(versions: Iterable[V], version_filter: VersionFilter | str = "x.x.x") -> V | None:
    """The greatest of `versions` that `version_filter` matches, or None if none does.

    Items may be `SemanticVersion`, `BuildVersion` or their text, mixed; the item itself
    is returned. A build version ranks above the plain version it builds, and a higher
    build above a lower one; among equal versions the first one wins.

    >>> latest(["1.2.0/1", "1.2.0/3", "1.1.9/7"])
    '1.2.0/3'
    >>> latest([SemanticVersion(2, 0, 0)], "1.x.x") is None
    True
    """
    if isinstance(version_filter, VersionFilter):
        wanted = version_filter
    else:
        wanted = VersionFilter.parse(version_filter, field="version_filter")
    best: V | None = None
    best_key: tuple[int, int, int, int] | None = None
    for item in versions:
        version = _as_version(item, "versions")
        if not wanted.matches(version):
            continue
        build = version.build if isinstance(version, BuildVersion) else 0
        key = (version.major, version.minor, version.patch, build)
        if best_key is None or key > best_key:
            best, best_key = item, key
    return best
