"""Tests for imagebuilder_sdk.versions: parsing, limits, ordering, filters, `latest`."""

from __future__ import annotations

import re
from typing import Any

import attrs
import botocore.session
import pytest
from hypothesis import given
from hypothesis import strategies as st

from imagebuilder_sdk import versions
from imagebuilder_sdk._validation import check_request
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import (
    MAX_VERSION_NUMBER,
    BuildVersion,
    SemanticVersion,
    VersionFilter,
    latest,
    parse_version,
)

MAX = MAX_VERSION_NUMBER
numbers = st.integers(min_value=0, max_value=MAX)
semantic_versions = st.builds(SemanticVersion, numbers, numbers, numbers)
build_versions = st.builds(
    BuildVersion, numbers, numbers, numbers, st.integers(min_value=1, max_value=MAX)
)
# Well-formed filters: a number of leading parts fixed, the rest wildcards.
version_filters = st.tuples(numbers, numbers, numbers, st.integers(0, 3)).map(
    lambda t: VersionFilter(*[p if i < t[3] else None for i, p in enumerate(t[:3])])
)


def _service_pattern(shape: str) -> re.Pattern[str]:
    model = botocore.session.get_session().get_service_model("imagebuilder")
    return re.compile(model.shape_for(shape).metadata["pattern"])


# -- SemanticVersion -----------------------------------------------------------------


def test_parse_reads_three_numbers() -> None:
    """A plain version string gives its three numbers."""
    assert SemanticVersion.parse("1.2.3") == SemanticVersion(1, 2, 3)


def test_str_gives_dotted_form() -> None:
    """str() writes MAJOR.MINOR.PATCH."""
    assert str(SemanticVersion(10, 0, 7)) == "10.0.7"


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("1.9.0", "1.10.0"),
        ("0.0.9", "0.0.10"),
        ("0.9.9", "0.10.0"),
        ("1.99.99", "2.0.0"),
        ("9.9.9", "10.0.0"),
        ("0.0.0", "0.0.1"),
        ("2.0.0", "10.0.0"),
    ],
)
def test_versions_order_by_number(lower: str, higher: str) -> None:
    """Ordering is numeric per part, not textual."""
    assert SemanticVersion.parse(lower) < SemanticVersion.parse(higher)


def test_sorting_orders_numerically() -> None:
    """sorted() puts 1.10.0 after 1.9.0."""
    texts = ["1.10.0", "1.9.0", "1.2.10", "1.2.9", "0.1.0"]
    ordered = [str(v) for v in sorted(SemanticVersion.parse(t) for t in texts)]
    assert ordered == ["0.1.0", "1.2.9", "1.2.10", "1.9.0", "1.10.0"]


@pytest.mark.parametrize("text", ["0.0.0", f"{MAX}.{MAX}.{MAX}", f"0.{MAX}.0"])
def test_bounds_are_accepted(text: str) -> None:
    """0 and 2^30-1 are valid in every part."""
    assert str(SemanticVersion.parse(text)) == text


@pytest.mark.parametrize("text", [f"{MAX + 1}.0.0", f"0.{MAX + 1}.0", f"0.0.{MAX + 1}"])
def test_past_the_limit_is_refused(text: str) -> None:
    """1073741824 in any part is refused, naming the limit."""
    with pytest.raises(ValidationError, match="1073741823") as caught:
        SemanticVersion.parse(text)
    assert caught.value.field == "version"


def test_service_pattern_admits_what_the_limit_refuses() -> None:
    """The limit is an extra rule: the service pattern alone would admit 1073741824."""
    assert _service_pattern("VersionNumber").fullmatch(f"{MAX + 1}.0.0")


def test_huge_numbers_are_refused_not_crashed() -> None:
    """A number with thousands of digits gives a ValidationError, not a ValueError of int()."""
    with pytest.raises(ValidationError, match="1073741823"):
        SemanticVersion.parse("9" * 5000 + ".0.0")


def test_leading_zeros_are_dropped() -> None:
    """The service pattern admits leading zeros; they are read as the plain number."""
    assert SemanticVersion.parse("01.002.0003") == SemanticVersion(1, 2, 3)


def test_version_text_round_trips_unchanged() -> None:
    """``2019.12.02`` prints back as written (issue 15 item 3).

    Source: the user guide's "Semantic versioning in Image Builder" page names dates
    such as ``2021.01.01`` as a version pattern, and the AWS CLI examples
    (``awscli/examples/imagebuilder/create-image-pipeline.rst``) use ``2019.12.03``.
    """
    assert str(SemanticVersion.parse("2019.12.02")) == "2019.12.02"
    assert str(SemanticVersion.parse("007.0.00")) == "007.0.00"


def test_written_text_compares_by_number() -> None:
    """Equality, hashing and order ignore the spelling; only the numbers count."""
    written = SemanticVersion.parse("2019.12.02")
    assert written == SemanticVersion(2019, 12, 2)
    assert hash(written) == hash(SemanticVersion.parse("2019.12.2"))
    assert SemanticVersion.parse("2019.12.10") > written
    assert VersionFilter.parse("2019.12.x").matches(written)


def test_build_and_filter_text_round_trip() -> None:
    """Build versions and filters keep their text too, through with_build and back."""
    build = BuildVersion.parse("2019.12.02/3")
    assert str(build) == "2019.12.02/3"
    assert str(build.semantic_version) == "2019.12.02"
    assert str(SemanticVersion.parse("01.0.0").with_build(2)) == "01.0.0/2"
    assert str(VersionFilter.parse("01.x.x")) == "01.x.x"
    assert str(VersionFilter.parse("2019.12.02").exact_version) == "2019.12.02"


def test_bumping_prints_plain_numbers() -> None:
    """A bumped version is new text: its numbers, without the old spelling."""
    assert str(SemanticVersion.parse("2019.12.02").bump_patch()) == "2019.12.3"


def test_text_that_spells_other_numbers_is_refused() -> None:
    """The kept text must say the version's own numbers."""
    with pytest.raises(ValidationError, match="own numbers"):
        SemanticVersion(1, 2, 3, text="1.2.4")


def test_long_run_of_leading_zeros_is_accepted() -> None:
    """Thousands of leading zeros still read as a small number."""
    assert SemanticVersion.parse("0" * 5000 + "1.0.0") == SemanticVersion(1, 0, 0)


BAD_VERSIONS = [
    "",
    "1",
    "1.2",
    "1.2.3.4",
    "v1.2.3",
    "+1.2.3",
    "-1.2.3",
    " 1.2.3",
    "1.2.3 ",
    "1.2.3\n",
    "1..3",
    "1.2.",
    ".1.2",
    "1.2.x",
    "1.2.3/4",
    "1,2,3",
    "1.2.3-beta",
    "\u0661.2.3",  # an Arabic-Indic digit: not ASCII
    "1_0.2.3",
]


@pytest.mark.parametrize("text", BAD_VERSIONS)
def test_bad_strings_are_refused(text: str) -> None:
    """Anything but MAJOR.MINOR.PATCH in ASCII digits is refused."""
    with pytest.raises(ValidationError):
        SemanticVersion.parse(text)


@pytest.mark.parametrize("text", BAD_VERSIONS)
def test_bad_strings_are_refused_by_the_service_pattern_too(text: str) -> None:
    """Each refused string is also outside the service's VersionNumber pattern."""
    assert _service_pattern("VersionNumber").fullmatch(text) is None


def test_error_quotes_the_input_and_names_the_rule() -> None:
    """The error message shows the bad text and the expected form."""
    with pytest.raises(ValidationError) as caught:
        SemanticVersion.parse("1.2")
    assert "'1.2'" in str(caught.value)
    assert "MAJOR.MINOR.PATCH" in caught.value.rule
    assert caught.value.value == "1.2"


def test_error_uses_the_given_field_name() -> None:
    """`field=` names the caller's parameter in the error."""
    with pytest.raises(ValidationError) as caught:
        SemanticVersion.parse("nope", field="semantic_version")
    assert caught.value.field == "semantic_version"
    assert str(caught.value).startswith("semantic_version: ")


def test_non_string_is_refused() -> None:
    """Passing a number instead of text raises ValidationError, not TypeError."""
    with pytest.raises(ValidationError, match="string"):
        SemanticVersion.parse(1.2)  # type: ignore[arg-type]


@pytest.mark.parametrize("parts", [(-1, 0, 0), (0, MAX + 1, 0), (True, 0, 0), ("1", 0, 0)])
def test_constructor_checks_parts(parts: tuple[object, object, object]) -> None:
    """Building a version directly applies the same limits, naming the part."""
    with pytest.raises(ValidationError) as caught:
        SemanticVersion(*parts)  # type: ignore[arg-type]
    assert caught.value.field in {"major", "minor", "patch"}


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (SemanticVersion.bump_major, "2.0.0"),
        (SemanticVersion.bump_minor, "1.3.0"),
        (SemanticVersion.bump_patch, "1.2.4"),
    ],
)
def test_bumps(method: object, expected: str) -> None:
    """Bumping a part resets the parts after it."""
    assert callable(method)
    assert str(method(SemanticVersion(1, 2, 3))) == expected


def test_bump_past_the_limit_is_refused() -> None:
    """Bumping 1073741823 would leave the valid range."""
    with pytest.raises(ValidationError):
        SemanticVersion(MAX, 0, 0).bump_major()


def test_equal_versions_hash_equal() -> None:
    """Equal versions collapse in a set and find each other in a dict."""
    found = {
        SemanticVersion.parse("1.2.3"),
        SemanticVersion(1, 2, 3),
        SemanticVersion.parse("01.2.3"),
    }
    assert found == {SemanticVersion(1, 2, 3)}


def test_versions_are_frozen() -> None:
    """A version cannot be changed in place."""
    version = SemanticVersion(1, 2, 3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        version.major = 2  # type: ignore[misc]


@given(semantic_versions)
def test_semantic_round_trip(version: SemanticVersion) -> None:
    """parse(str(v)) == v for every valid version."""
    assert SemanticVersion.parse(str(version)) == version


@given(semantic_versions, semantic_versions)
def test_semantic_order_agrees_with_tuples(a: SemanticVersion, b: SemanticVersion) -> None:
    """Versions compare as their (major, minor, patch) tuples."""
    ta, tb = attrs.astuple(a), attrs.astuple(b)
    assert (a < b, a == b, a > b) == (ta < tb, ta == tb, ta > tb)


@given(semantic_versions.filter(lambda v: v.major < MAX and v.minor < MAX and v.patch < MAX))
def test_every_bump_is_greater(version: SemanticVersion) -> None:
    """Each bump gives a strictly greater version, ordered patch < minor < major."""
    assert version < version.bump_patch() < version.bump_minor() < version.bump_major()


# -- BuildVersion --------------------------------------------------------------------


def test_build_version_parse() -> None:
    """ "1.2.3/4" gives the version and its build number."""
    assert BuildVersion.parse("1.2.3/4") == BuildVersion(1, 2, 3, 4)


def test_build_version_semantic_part() -> None:
    """`semantic_version` drops the build number."""
    assert BuildVersion.parse("1.2.3/4").semantic_version == SemanticVersion(1, 2, 3)


def test_build_version_str() -> None:
    """str() writes MAJOR.MINOR.PATCH/BUILD."""
    assert str(BuildVersion(1, 2, 3, 40)) == "1.2.3/40"


def test_with_build_makes_a_build_version() -> None:
    """SemanticVersion.with_build attaches a build number."""
    assert SemanticVersion(1, 2, 3).with_build(7) == BuildVersion(1, 2, 3, 7)


@pytest.mark.parametrize(
    ("lower", "higher"),
    [("1.2.3/9", "1.2.3/10"), ("1.2.3/99", "1.2.4/1"), ("1.9.0/5", "1.10.0/1")],
)
def test_build_versions_order_by_version_then_build(lower: str, higher: str) -> None:
    """The version decides first, the build number breaks ties, both numerically."""
    assert BuildVersion.parse(lower) < BuildVersion.parse(higher)


@pytest.mark.parametrize("text", ["1.2.3", "1.2.3/", "1.2.3/x", "1.2.3/-1", "1.2.3/1/2", "x.2.3/1"])
def test_bad_build_versions_are_refused(text: str) -> None:
    """Without exactly one numeric build number, it is not a build version."""
    with pytest.raises(ValidationError, match="BUILD"):
        BuildVersion.parse(text)


def test_build_zero_is_refused() -> None:
    """Build numbers start at 1, though the service pattern admits 0."""
    assert _service_pattern("VersionNumberWithBuild").fullmatch("1.2.3/0")
    with pytest.raises(ValidationError, match="build number"):
        BuildVersion.parse("1.2.3/0")


def test_build_version_constructor_checks_build() -> None:
    """Building one directly with build 0 is refused, naming `build`."""
    with pytest.raises(ValidationError) as caught:
        BuildVersion(1, 2, 3, 0)
    assert caught.value.field == "build"


@given(build_versions)
def test_build_round_trip(version: BuildVersion) -> None:
    """parse(str(b)) == b for every valid build version."""
    assert BuildVersion.parse(str(version)) == version


@given(build_versions, build_versions)
def test_build_order_agrees_with_tuples(a: BuildVersion, b: BuildVersion) -> None:
    """Build versions compare as their (major, minor, patch, build) tuples."""
    assert (a < b) == (attrs.astuple(a) < attrs.astuple(b))


# -- VersionFilter -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["x.x.x", "1.x.x", "1.2.x", "1.2.3", "0.0.x"])
def test_filter_round_trip(text: str) -> None:
    """Well-formed filters print as they were written."""
    assert str(VersionFilter.parse(text)) == text


@pytest.mark.parametrize(
    ("text", "exact"), [("x.x.x", False), ("1.x.x", False), ("1.2.x", False), ("1.2.3", True)]
)
def test_filter_is_exact(text: str, exact: bool) -> None:
    """Only a filter without wildcards is exact."""
    assert VersionFilter.parse(text).is_exact is exact


def test_exact_filter_gives_its_version() -> None:
    """An exact filter's `exact_version` is the version it names."""
    assert VersionFilter.parse("1.2.3").exact_version == SemanticVersion(1, 2, 3)


def test_wildcard_filter_has_no_exact_version() -> None:
    """A filter with a wildcard names no single version."""
    assert VersionFilter.parse("1.x.x").exact_version is None


@pytest.mark.parametrize("text", ["x.2.x", "1.x.8", "x.x.3", "x.1.1"])
def test_wildcard_followed_by_number_is_refused(text: str) -> None:
    """A wildcard may only be followed by wildcards."""
    with pytest.raises(ValidationError, match="only be followed by wildcards") as caught:
        VersionFilter.parse(text)
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize("text", ["X.x.x", "*.x.x", "1.x", "x", "1.2.3/4", "1.xx.x", "1.x.x "])
def test_malformed_filters_are_refused(text: str) -> None:
    """Only lower-case x is a wildcard, and the form is always three parts."""
    with pytest.raises(ValidationError):
        VersionFilter.parse(text)


def test_lenient_filter_follows_the_service_pattern() -> None:
    """With lenient=True a wildcard may sit anywhere, as the ARN patterns allow."""
    assert _service_pattern("WildcardVersionNumber").fullmatch("x.2.x")
    assert VersionFilter.parse("x.2.x", lenient=True) == VersionFilter(None, 2, None)


def test_lenient_filter_matches_part_by_part() -> None:
    """An x.2.x filter wants minor 2 and anything else."""
    odd = VersionFilter.parse("x.2.x", lenient=True)
    assert (odd.matches("9.2.0"), odd.matches("9.3.0")) == (True, False)


@pytest.mark.parametrize(
    ("flt", "version", "expected"),
    [
        ("x.x.x", "0.0.0", True),
        ("x.x.x", f"{MAX}.{MAX}.{MAX}", True),
        ("1.x.x", "1.9.9", True),
        ("1.x.x", "2.0.0", False),
        ("1.x.x", "10.0.0", False),
        ("1.2.x", "1.2.0", True),
        ("1.2.x", "1.20.0", False),
        ("1.2.3", "1.2.3", True),
        ("1.2.3", "1.2.4", False),
    ],
)
def test_filter_matches(flt: str, version: str, expected: bool) -> None:
    """A filter matches when every numbered part is equal."""
    assert VersionFilter.parse(flt).matches(SemanticVersion.parse(version)) is expected


def test_filter_matches_text() -> None:
    """matches() reads version text itself."""
    assert VersionFilter.parse("1.x.x").matches("1.4.2")


def test_filter_matches_build_version_by_its_version() -> None:
    """A build version matches by its semantic version."""
    assert VersionFilter.parse("1.2.3").matches(BuildVersion(1, 2, 3, 8))
    assert VersionFilter.parse("1.2.x").matches("1.2.9/1")


def test_filter_refuses_to_match_a_filter() -> None:
    """matches() wants a concrete version, not another filter."""
    with pytest.raises(ValidationError):
        VersionFilter.parse("1.x.x").matches("1.x.x")


def test_filters_hash_by_value() -> None:
    """Equal filters are equal and hash alike."""
    assert {VersionFilter.parse("1.x.x"), VersionFilter(1, None, None)} == {VersionFilter(1)}


@given(version_filters)
def test_filter_parse_round_trip(flt: VersionFilter) -> None:
    """parse(str(f)) == f for every well-formed filter."""
    assert VersionFilter.parse(str(flt)) == flt


@given(version_filters, semantic_versions)
def test_filter_matches_iff_fixed_parts_equal(flt: VersionFilter, version: SemanticVersion) -> None:
    """matches() agrees with comparing the fixed parts one by one."""
    fixed = [
        (w, h)
        for w, h in zip(attrs.astuple(flt), attrs.astuple(version), strict=True)
        if w is not None
    ]
    assert flt.matches(version) is all(w == h for w, h in fixed)


# -- parse_version -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2.3", SemanticVersion(1, 2, 3)),
        ("1.2.3/4", BuildVersion(1, 2, 3, 4)),
        ("1.x.x", VersionFilter(1, None, None)),
        ("x.x.x", VersionFilter()),
    ],
)
def test_parse_version_picks_the_kind(text: str, expected: object) -> None:
    """parse_version returns whichever kind of version the text is."""
    assert parse_version(text) == expected


@pytest.mark.parametrize("text", ["1.2", "x.2.x", "1.2.3/0", "latest", ""])
def test_parse_version_refuses_bad_text(text: str) -> None:
    """Text that is no version of any kind is refused."""
    with pytest.raises(ValidationError):
        parse_version(text)


def test_parse_version_lenient_admits_odd_wildcards() -> None:
    """lenient=True passes through to the filter parser."""
    assert parse_version("1.x.3", lenient=True) == VersionFilter(1, None, 3)


# -- latest --------------------------------------------------------------------------


def test_latest_picks_the_greatest_by_number() -> None:
    """1.10.0 beats 1.9.0."""
    assert latest(["1.9.0", "1.10.0", "1.2.0"]) == "1.10.0"


def test_latest_honours_the_filter() -> None:
    """Only versions the filter matches are candidates."""
    assert latest(["1.9.0", "2.0.0", "1.10.0"], "1.x.x") == "1.10.0"


def test_latest_without_a_match_is_none() -> None:
    """No matching version gives None."""
    assert latest(["1.0.0", "1.1.0"], "2.x.x") is None


def test_latest_of_nothing_is_none() -> None:
    """An empty iterable gives None."""
    assert latest([]) is None


def test_latest_returns_the_input_object() -> None:
    """The very object passed in comes back, not a copy."""
    newest = SemanticVersion(3, 0, 0)
    assert latest([SemanticVersion(1, 0, 0), newest]) is newest


def test_latest_ranks_builds() -> None:
    """The highest build of the highest version wins."""
    items = [BuildVersion(1, 0, 0, 9), BuildVersion(1, 0, 0, 10), BuildVersion(0, 9, 0, 99)]
    assert latest(items) == BuildVersion(1, 0, 0, 10)


def test_latest_of_mixed_kinds() -> None:
    """Versions, build versions and text can be mixed."""
    items: list[SemanticVersion | BuildVersion | str] = [
        SemanticVersion(1, 0, 0),
        "1.0.0/2",
        BuildVersion(0, 1, 0, 5),
    ]
    assert latest(items) == "1.0.0/2"


def test_latest_keeps_the_first_of_equals() -> None:
    """Of two equal versions, the first one is returned."""
    assert latest(["01.0.0", "1.0.0"]) == "01.0.0"


def test_latest_takes_a_filter_object() -> None:
    """A VersionFilter can be passed instead of text."""
    assert latest(["1.2.3", "1.3.0"], VersionFilter(1, 2)) == "1.2.3"


def test_latest_refuses_a_bad_filter() -> None:
    """A malformed filter is refused, naming `version_filter`."""
    with pytest.raises(ValidationError) as caught:
        latest(["1.0.0"], "1.x.2")
    assert caught.value.field == "version_filter"


def test_latest_refuses_a_bad_item() -> None:
    """An item that is no version is refused."""
    with pytest.raises(ValidationError):
        latest(["1.0.0", "banana"])


@given(st.lists(semantic_versions, max_size=8), version_filters)
def test_latest_is_the_max_of_the_matches(items: list[SemanticVersion], flt: VersionFilter) -> None:
    """latest() equals max() over the matching items (None when there are none)."""
    matching = [v for v in items if flt.matches(v)]
    assert latest(items, flt) == (max(matching) if matching else None)


# -- module --------------------------------------------------------------------------


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names only things the module defines."""
    assert versions.__all__ == sorted(versions.__all__)
    assert all(hasattr(versions, name) for name in versions.__all__)


# -- the 2^30 - 1 bound in requests ----------------------------------------------------

_MODEL = botocore.session.get_session().get_service_model("imagebuilder")
_TOO_BIG = str(MAX_VERSION_NUMBER + 1)


def _input(operation: str) -> Any:
    return _MODEL.operation_model(operation).input_shape


def test_request_version_past_the_bound_is_refused_before_sending() -> None:
    """semanticVersion 1073741824.0.0 matches the model's pattern but not the limit.

    Source: the service model's ``semanticVersion`` documentation (and the user guide's
    semantic versioning page): each of the first three nodes is at most 2^30-1,
    1073741823. Issue 15 item 3.
    """
    request = {"name": "hello", "semanticVersion": f"{_TOO_BIG}.0.0", "platform": "Linux"}
    with pytest.raises(ValidationError, match="1073741823") as caught:
        check_request(_input("CreateComponent"), {**request, "data": "x", "clientToken": "t"})
    assert caught.value.field == "semantic_version"


def test_request_arn_version_past_the_bound_is_refused_before_sending() -> None:
    """An ARN whose version or build number is past 2^30-1 is refused, naming the member."""
    base = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello"
    for arn in (f"{base}/1.0.{_TOO_BIG}/1", f"{base}/1.0.0/{_TOO_BIG}"):
        with pytest.raises(ValidationError, match="1073741823") as caught:
            check_request(_input("GetComponent"), {"componentBuildVersionArn": arn})
        assert caught.value.field == "component_build_version_arn"


def test_request_at_the_bound_is_accepted() -> None:
    """1073741823 itself is allowed in a version and in an ARN."""
    top = str(MAX_VERSION_NUMBER)
    arn = f"arn:aws:imagebuilder:us-east-1:123456789012:component/hello/{top}.0.0/{top}"
    check_request(_input("GetComponent"), {"componentBuildVersionArn": arn})
