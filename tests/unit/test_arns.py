"""Tests for imagebuilder_sdk.arns, checked against the service model's ARN patterns."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import botocore.session
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imagebuilder_sdk import arns
from imagebuilder_sdk._arn_patterns import arn_pattern, arn_shape_names
from imagebuilder_sdk.arns import (
    Arn,
    ResourceType,
    arn_for,
    build_version_arn,
    normalize_name,
    version_arn,
    wildcard_arn,
)
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.versions import (
    MAX_VERSION_NUMBER,
    BuildVersion,
    SemanticVersion,
    VersionFilter,
)


def _service_arn_patterns() -> dict[str, re.Pattern[str]]:
    model = botocore.session.get_session().get_service_model("imagebuilder")
    found = {}
    for name in model.shape_names:
        shape = model.shape_for(name)
        pattern = shape.metadata.get("pattern")
        if name.endswith("Arn") and pattern and ":imagebuilder:" in pattern:
            found[name] = re.compile(pattern)
    return found


PATTERNS = _service_arn_patterns()
SHAPES = sorted(PATTERNS)
GENERIC = PATTERNS["ImageBuilderArn"]
ACCOUNT = "123456789012"
WHERE = {"region": "us-east-1", "owner": ACCOUNT}


def _canonical(text: str) -> str | None:
    """What str(Arn.parse(text)) should give for `text` admitted by a service pattern.

    None when a documented limit refuses it: a number past 2^30-1, build 0, a build
    number after a wildcard, or a number after a wildcard (``x.2.x``, which the user
    guide's semantic versioning page calls invalid). Otherwise the text itself: the
    version is printed as written, leading zeros and all.
    """
    segments = text.rpartition(":")[2].split("/")
    fixed = 3 if segments[0] == "workflow" else 2
    tail = segments[fixed:]
    if not tail:
        return text
    parts = tail[0].split(".")
    numbers = [int(p) for p in parts if p != "x"]
    if len(tail) == 2:
        build = int(tail[1])
        if "x" in parts or not 1 <= build <= MAX_VERSION_NUMBER:
            return None
    if any(n > MAX_VERSION_NUMBER for n in numbers):
        return None
    if "x" in parts and any(p != "x" for p in parts[parts.index("x") :]):
        return None
    return text


# -- the service model ---------------------------------------------------------------


def test_model_has_the_expected_arn_shapes() -> None:
    """The ARN shapes this module follows are all in the service model."""
    expected = {
        "ComponentBuildVersionArn",
        "ComponentVersionArn",
        "ComponentVersionArnOrBuildVersionArn",
        "ContainerRecipeArn",
        "DistributionConfigurationArn",
        "ImageBuildVersionArn",
        "ImageBuilderArn",
        "ImagePipelineArn",
        "ImageRecipeArn",
        "ImageVersionArn",
        "ImageVersionArnOrBuildVersionArn",
        "InfrastructureConfigurationArn",
        "LifecyclePolicyArn",
        "WorkflowBuildVersionArn",
        "WorkflowVersionArnOrBuildVersionArn",
        "WorkflowWildcardVersionArn",
    }
    assert expected <= set(SHAPES)


def test_packaged_shape_list_matches_the_model() -> None:
    """arn_shape_names() lists the same shapes as the service model."""
    assert arn_shape_names() == tuple(SHAPES)


def test_resource_types_match_the_generic_pattern() -> None:
    """ResourceType has exactly the kinds the service's ImageBuilderArn pattern lists."""
    listed = re.search(r"\(\?:((?:[a-z-]+\|)+)workflow\\/", GENERIC.pattern)
    assert listed is not None
    kinds = {*listed.group(1).rstrip("|").split("|"), "workflow"}
    assert kinds == {kind.value for kind in ResourceType}


# -- strings drawn from the service patterns -----------------------------------------

# The kind each specific shape is for; ImageBuilderArn is for every kind.
SHAPE_KINDS = {
    "Component": ResourceType.COMPONENT,
    "ContainerRecipe": ResourceType.CONTAINER_RECIPE,
    "DistributionConfiguration": ResourceType.DISTRIBUTION_CONFIGURATION,
    "ImagePipeline": ResourceType.IMAGE_PIPELINE,
    "ImageRecipe": ResourceType.IMAGE_RECIPE,
    "Image": ResourceType.IMAGE,
    "InfrastructureConfiguration": ResourceType.INFRASTRUCTURE_CONFIGURATION,
    "LifecyclePolicy": ResourceType.LIFECYCLE_POLICY,
    "Workflow": ResourceType.WORKFLOW,
}


def _kind_of_shape(shape: str) -> ResourceType | None:
    if shape == "ImageBuilderArn":
        return None
    prefix = max((p for p in SHAPE_KINDS if shape.startswith(p)), key=len)
    return SHAPE_KINDS[prefix]


@pytest.mark.parametrize("shape", SHAPES)
@given(data=st.data())
@settings(max_examples=30)
def test_pattern_strings_parse_and_print_back(shape: str, data: st.DataObject) -> None:
    """Each string of a service ARN pattern parses as the shape's kind and prints back.

    It prints back unchanged when in canonical form; leading zeros in version numbers
    are dropped. Strings past a documented limit (a number over 2^30-1, build 0, a
    build after a wildcard) are refused instead.
    """
    text = data.draw(st.from_regex(PATTERNS[shape], fullmatch=True))
    expected = _canonical(text)
    if expected is None:
        with pytest.raises(ValidationError, match="version"):
            Arn.parse(text)
        return
    arn = Arn.parse(text, shape=shape)
    assert str(arn) == expected
    assert Arn.parse(str(arn)) == arn
    kind = _kind_of_shape(shape)
    assert kind is None or arn.resource_type is kind
    if kind is not None and not kind.is_versioned:
        assert arn.version is None
    if shape.endswith("BuildVersionArn") and "Or" not in shape:
        assert arn.is_build_version


# -- ARNs built from parts -----------------------------------------------------------

numbers = st.integers(min_value=0, max_value=MAX_VERSION_NUMBER)
arn_versions = st.one_of(
    st.none(),
    st.builds(SemanticVersion, numbers, numbers, numbers),
    st.builds(BuildVersion, numbers, numbers, numbers, st.integers(1, MAX_VERSION_NUMBER)),
    st.sampled_from([VersionFilter(), VersionFilter(1), VersionFilter(2, 3)]),
)


@st.composite
def built_arns(draw: st.DrawFn) -> Arn:
    kind = draw(st.sampled_from(list(ResourceType)))
    return Arn(
        partition=draw(st.sampled_from(["aws", "aws-cn", "aws-us-gov", "aws-iso-b"])),
        region=draw(st.sampled_from(["us-east-1", "eu-west-2", "cn-north-1", "us-gov-west-1"])),
        owner=draw(
            st.one_of(
                st.text("0123456789", min_size=12, max_size=12),
                st.sampled_from(["aws", "aws-marketplace", "third-party"]),
            )
        ),
        resource_type=kind,
        name=draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=30)),
        version=draw(arn_versions) if kind.is_versioned else None,
        workflow_type=draw(st.sampled_from(arns.WORKFLOW_TYPES))
        if kind is ResourceType.WORKFLOW
        else None,
    )


@given(built_arns())
def test_built_arns_match_the_service_pattern(arn: Arn) -> None:
    """Every ARN printed from valid parts is one the service's generic pattern admits."""
    assert GENERIC.fullmatch(str(arn))


@given(built_arns())
def test_built_arns_round_trip(arn: Arn) -> None:
    """Arn.parse(str(a)) == a, with an equal hash."""
    again = Arn.parse(str(arn))
    assert again == arn
    assert hash(again) == hash(arn)


# -- strings outside the patterns ----------------------------------------------------

Mutation = Callable[[Arn], str]


def _with_field(arn: Arn, index: int, value: str) -> str:
    fields = str(arn).split(":")
    fields[index] = value
    return ":".join(fields)


def _with_version_text(arn: Arn, version: str) -> str:
    return f"{arn.with_version(None)!s}/{version}"


MUTATIONS: list[tuple[str, Mutation, str]] = [
    ("service", lambda a: str(a).replace(":imagebuilder:", ":ec2:"), "service"),
    ("service case", lambda a: str(a).replace(":imagebuilder:", ":ImageBuilder:"), "service"),
    ("partition", lambda a: "arn:azure:" + str(a).split(":", 2)[2], "partition"),
    ("no arn prefix", lambda a: "urn" + str(a)[3:], "form"),
    ("owner digits", lambda a: _with_field(a, 4, "12345678901"), "owner"),
    ("owner case", lambda a: _with_field(a, 4, "AWS"), "owner"),
    ("owner word", lambda a: _with_field(a, 4, "third_party"), "owner"),
    ("empty region", lambda a: _with_field(a, 3, ""), "region"),
    ("kind", lambda a: str(a).replace(f":{a.resource_type.value}/", ":recipe/"), "resource type"),
    (
        "kind case",
        lambda a: str(a).replace(f":{a.resource_type.value}/", ":Image/"),
        "resource type",
    ),
    ("name case", lambda a: str(attrs.evolve(a, name="abc")).replace("/abc", "/aBc"), "name"),
    ("two parts", lambda a: _with_version_text(a, "1.2"), "version"),
    ("four parts", lambda a: _with_version_text(a, "1.2.3.4"), "version"),
    ("v prefix", lambda a: _with_version_text(a, "v1.2.3"), "version"),
    ("upper X", lambda a: _with_version_text(a, "1.X.X"), "version"),
    ("bad build", lambda a: _with_version_text(a, "1.2.3/b"), "version"),
    ("extra segment", lambda a: _with_version_text(a, "1.2.3/4/5"), "after the version"),
    ("trailing colon", lambda a: str(a) + ":x", "form"),
    ("trailing space", lambda a: str(a.with_version("1.0.0")) + " ", "version"),
    ("trailing newline", lambda a: str(a.with_version("1.0.0/1")) + "\n", "version"),
]


@pytest.mark.parametrize(("label", "mutate", "problem"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
@given(data=st.data())
@settings(max_examples=15)
def test_mutated_arns_are_refused(
    label: str, mutate: Mutation, problem: str, data: st.DataObject
) -> None:
    """A broken ARN is refused, quoting it and naming the broken part, as the service would."""
    arn = data.draw(built_arns().filter(lambda a: a.resource_type.is_versioned))
    text = mutate(arn)
    assert GENERIC.fullmatch(text) is None
    with pytest.raises(ValidationError) as caught:
        Arn.parse(text)
    assert caught.value.field == "arn"
    assert repr(text) in str(caught.value)
    assert problem in caught.value.rule


@pytest.mark.parametrize("text", ["", "arn", "arn:aws", "imagebuilder", "arn:::::"])
def test_fragments_are_refused(text: str) -> None:
    """Text that is nowhere near an ARN is refused."""
    with pytest.raises(ValidationError):
        Arn.parse(text)


def test_non_string_is_refused() -> None:
    """Parsing something that is not text raises ValidationError."""
    with pytest.raises(ValidationError, match="string"):
        Arn.parse(None)  # type: ignore[arg-type]


def test_field_name_is_used_in_errors() -> None:
    """`field=` names the caller's parameter."""
    with pytest.raises(ValidationError) as caught:
        Arn.parse("nope", field="image_recipe_arn")
    assert caught.value.field == "image_recipe_arn"


# -- documented departures and odd corners of the patterns ---------------------------

BASE = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:component/cis"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f"{BASE}/{MAX_VERSION_NUMBER + 1}.0.0", "1073741823"),
        (f"{BASE}/1.0.0/0", "build number"),
        (f"{BASE}/x.x.x/3", "exact version"),
    ],
)
def test_limits_beyond_the_pattern(text: str, problem: str) -> None:
    """The service pattern admits these, but the documented limits refuse them."""
    assert GENERIC.fullmatch(text)
    with pytest.raises(ValidationError, match=problem):
        Arn.parse(text)


def test_largest_numbers_are_accepted() -> None:
    """2^30-1 is accepted in every part of an ARN's version."""
    top = MAX_VERSION_NUMBER
    text = f"{BASE}/{top}.{top}.{top}/{top}"
    assert str(Arn.parse(text)) == text


def test_version_text_round_trips() -> None:
    """An ARN prints its version as written, and equals the ARN of the same numbers.

    Source: AWS CLI examples write versions such as ``2019.12.03`` in ARNs
    (``awscli/examples/imagebuilder/create-image-pipeline.rst``); issue 15 item 3.
    """
    text = f"{BASE}/2019.12.02/1"
    assert str(Arn.parse(text)) == text
    assert str(Arn.parse(f"{BASE}/01.00.002/03")) == f"{BASE}/01.00.002/03"
    assert Arn.parse(text) == Arn.parse(f"{BASE}/2019.12.2/1")
    assert hash(Arn.parse(text)) == hash(Arn.parse(f"{BASE}/2019.12.2/1"))


@pytest.mark.parametrize("version", ["x.2.x", "1.x.8", "x.x.3"])
def test_wildcard_before_a_number_is_refused(version: str) -> None:
    """``x.2.x`` is refused in an ARN as VersionFilter.parse refuses it.

    Source: the user guide's "Semantic versioning in Image Builder" page: "x.2.x is
    not valid, and produces an error"; so is 1.x.8.
    """
    with pytest.raises(ValidationError, match="wildcard"):
        Arn.parse(f"{BASE}/{version}")
    with pytest.raises(ValidationError, match="wildcard"):
        VersionFilter.parse(version)


def test_generic_pattern_admits_a_version_on_unversioned_kinds() -> None:
    """ImageBuilderArn admits image-pipeline/NAME/1.0.0; Arn.parse follows it."""
    text = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image-pipeline/nightly/1.0.0"
    assert Arn.parse(text).version == SemanticVersion(1, 0, 0)


def test_shape_holds_an_arn_to_a_narrower_pattern() -> None:
    """shape= refuses an ARN the generic pattern admits but the named shape does not."""
    text = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:image-pipeline/nightly/1.0.0"
    with pytest.raises(ValidationError, match="ImagePipelineArn"):
        Arn.parse(text, shape="ImagePipelineArn")


def test_shape_refuses_a_version_arn_where_a_build_is_needed() -> None:
    """DeleteComponent's ComponentBuildVersionArn needs the build number."""
    with pytest.raises(ValidationError, match="ComponentBuildVersionArn"):
        Arn.parse(f"{BASE}/1.0.0", shape="ComponentBuildVersionArn")


def test_unknown_shape_is_a_key_error() -> None:
    """A shape name the model does not have is a programming error."""
    with pytest.raises(KeyError, match="NoSuchArn"):
        arn_pattern("NoSuchArn")


# -- expect= -------------------------------------------------------------------------


def test_expect_accepts_the_right_kind() -> None:
    """An ARN of the expected kind passes."""
    assert Arn.parse(f"{BASE}/1.0.0", expect=ResourceType.COMPONENT).name == "cis"


def test_expect_refuses_another_kind() -> None:
    """An ARN of another kind is refused, naming the field and the kind wanted."""
    with pytest.raises(ValidationError) as caught:
        Arn.parse(f"{BASE}/1.0.0", field="image_arn", expect=ResourceType.IMAGE)
    assert caught.value.field == "image_arn"
    assert "an image" in caught.value.rule
    assert "a component ARN" in caught.value.rule


def test_expect_takes_several_kinds() -> None:
    """With several kinds, any of them passes and the error lists them all."""
    kinds = [ResourceType.IMAGE_RECIPE, ResourceType.CONTAINER_RECIPE]
    recipe = f"arn:aws:imagebuilder:us-east-1:{ACCOUNT}:container-recipe/web/1.0.0"
    assert Arn.parse(recipe, expect=kinds).resource_type is ResourceType.CONTAINER_RECIPE
    with pytest.raises(ValidationError, match="an image-recipe or a container-recipe"):
        Arn.parse(f"{BASE}/1.0.0", expect=kinds)


def test_expect_takes_kind_text() -> None:
    """A kind can be given as its text."""
    with pytest.raises(ValidationError, match="a workflow"):
        Arn.parse(f"{BASE}/1.0.0", expect="workflow")


# -- the Arn value -------------------------------------------------------------------


def test_parts_are_split() -> None:
    """parse() fills every part."""
    arn = Arn.parse(
        "arn:aws-cn:imagebuilder:cn-north-1:aws-marketplace:workflow/test/suite/1.0.0/2"
    )
    assert (arn.partition, arn.region, arn.owner) == ("aws-cn", "cn-north-1", "aws-marketplace")
    assert (arn.resource_type, arn.workflow_type, arn.name) == (
        ResourceType.WORKFLOW,
        "test",
        "suite",
    )
    assert arn.version == BuildVersion(1, 0, 0, 2)


def test_resource_is_the_part_after_the_owner() -> None:
    """`resource` is TYPE[/WORKFLOW_TYPE]/NAME[/VERSION]."""
    assert Arn.parse(f"{BASE}/1.0.0/2").resource == "component/cis/1.0.0/2"


@pytest.mark.parametrize(
    ("suffix", "wildcard", "build"),
    [
        ("", False, False),
        ("/1.0.0", False, False),
        ("/1.x.x", True, False),
        ("/1.0.0/2", False, True),
    ],
)
def test_version_kind_flags(suffix: str, wildcard: bool, build: bool) -> None:
    """is_wildcard and is_build_version tell the version kinds apart."""
    arn = Arn.parse(BASE + suffix)
    assert (arn.is_wildcard, arn.is_build_version) == (wildcard, build)


def test_exact_version_text_gives_a_semantic_version() -> None:
    """.../1.2.3 has a SemanticVersion, not an exact filter."""
    assert isinstance(Arn.parse(f"{BASE}/1.2.3").version, SemanticVersion)


def test_exact_filter_is_stored_as_a_version() -> None:
    """An exact VersionFilter becomes a SemanticVersion, so equal ARNs compare equal."""
    arn = arn_for("component", "cis", VersionFilter(1, 2, 3), **WHERE)
    assert arn == Arn.parse(f"{BASE}/1.2.3")


def test_with_version_replaces_the_version() -> None:
    """with_version() swaps the version part and leaves the original alone."""
    arn = Arn.parse(f"{BASE}/1.0.0/2")
    assert str(arn.with_version("2.x.x")) == f"{BASE}/2.x.x"
    assert str(arn.with_version(None)) == BASE
    assert str(arn) == f"{BASE}/1.0.0/2"


def test_with_version_refuses_bad_text() -> None:
    """with_version() checks the version it is given."""
    with pytest.raises(ValidationError):
        Arn.parse(BASE).with_version("1.2")


def test_equal_arns_collapse_in_a_set() -> None:
    """ARNs are hashable values: equal text, equal ARN."""
    found = {Arn.parse(f"{BASE}/1.0.0"), Arn.parse(f"{BASE}/1.0.0"), Arn.parse(f"{BASE}/1.0.1")}
    assert len(found) == 2


def test_arn_is_frozen() -> None:
    """An Arn cannot be changed in place."""
    arn = Arn.parse(BASE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        arn.name = "other"  # type: ignore[misc]


def test_workflow_needs_a_workflow_type() -> None:
    """A workflow Arn without build/test/distribution is refused."""
    with pytest.raises(ValidationError) as caught:
        Arn("aws", "us-east-1", ACCOUNT, ResourceType.WORKFLOW, "w")
    assert caught.value.field == "workflow_type"


def test_other_kinds_take_no_workflow_type() -> None:
    """Only workflows have a workflow type."""
    with pytest.raises(ValidationError, match="only workflow"):
        Arn("aws", "us-east-1", ACCOUNT, ResourceType.IMAGE, "i", workflow_type="build")


@pytest.mark.parametrize(
    ("part", "value"),
    [("partition", "azure"), ("region", ""), ("owner", "12345"), ("name", "Upper")],
)
def test_constructor_checks_each_part(part: str, value: str) -> None:
    """Building an Arn directly checks every part, naming it."""
    good = Arn.parse(BASE)
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(good, **{part: value})
    assert caught.value.field == part


# -- builders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cis", "cis"),
        ("Web Server", "web-server"),
        ("My_Component-2", "my-component-2"),
        ("rc_norm", "rc-norm"),
        ("two  spaces", "two--spaces"),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    """Names are lower-cased and each space or underscore becomes '-'.

    Source: the service model (botocore 1.44, ``CreateComponentRequest.name`` and the
    other Create requests): names that differ only in case, spaces or underscores
    count as the same name.
    """
    assert normalize_name(name) == expected


@pytest.mark.parametrize("name", ["", "a.b", "tab\there", "ünïcode", "slash/name"])
def test_names_with_other_characters_are_refused(name: str) -> None:
    """A name that cannot appear in an ARN is refused, naming `name`."""
    with pytest.raises(ValidationError) as caught:
        arn_for("component", name, **WHERE)
    assert caught.value.field == "name"


def test_arn_for_builds_the_text() -> None:
    """arn_for() gives the ARN the service would mint."""
    arn = arn_for("image", "Golden AMI", "1.0.0/3", region="eu-west-1", owner=ACCOUNT)
    assert str(arn) == f"arn:aws:imagebuilder:eu-west-1:{ACCOUNT}:image/golden-ami/1.0.0/3"


def test_arn_for_other_partition() -> None:
    """partition= changes the partition."""
    arn = arn_for("image-pipeline", "nightly", partition="aws-us-gov", **WHERE)
    assert str(arn).startswith("arn:aws-us-gov:imagebuilder:")


def test_arn_for_workflow() -> None:
    """Workflow ARNs carry their type; the models' upper-case spelling works."""
    arn = arn_for("workflow", "Smoke", "1.0.0", workflow_type="TEST", **WHERE)
    assert arn.resource == "workflow/test/smoke/1.0.0"


def test_arn_for_refuses_version_on_unversioned_kind() -> None:
    """A pipeline has no version, so arn_for() refuses one."""
    with pytest.raises(ValidationError) as caught:
        arn_for(ResourceType.IMAGE_PIPELINE, "nightly", "1.0.0", **WHERE)
    assert caught.value.field == "version"


def test_arn_for_refuses_unknown_kind() -> None:
    """An unknown resource type is refused, listing the kinds."""
    with pytest.raises(ValidationError, match="image-recipe") as caught:
        arn_for("recipe", "x", **WHERE)
    assert caught.value.field == "resource_type"


def test_arn_for_checks_the_owner() -> None:
    """The owner must be an account id or one of the service's owner words."""
    with pytest.raises(ValidationError) as caught:
        arn_for("component", "x", region="us-east-1", owner="me")
    assert caught.value.field == "owner"


def test_version_arn_drops_the_build() -> None:
    """version_arn() names the version, not a build."""
    arn = version_arn("component", "cis", BuildVersion(1, 2, 3, 4), **WHERE)
    assert arn.version == SemanticVersion(1, 2, 3)


def test_version_arn_refuses_a_wildcard() -> None:
    """version_arn() needs an exact version."""
    with pytest.raises(ValidationError, match="exact"):
        version_arn("component", "cis", "1.x.x", **WHERE)


def test_build_version_arn_from_text() -> None:
    """build_version_arn() takes "1.2.3/4"."""
    assert build_version_arn(
        "image", "web", "1.2.3/4", region="us-east-1", owner=ACCOUNT
    ).version == BuildVersion(1, 2, 3, 4)


def test_build_version_arn_from_version_and_build() -> None:
    """build_version_arn() takes a version and a separate build number."""
    arn = build_version_arn(
        "image", "web", SemanticVersion(1, 2, 3), 4, region="us-east-1", owner=ACCOUNT
    )
    assert arn.version == BuildVersion(1, 2, 3, 4)


def test_build_version_arn_needs_a_build() -> None:
    """Without a build number anywhere, build_version_arn() refuses."""
    with pytest.raises(ValidationError) as caught:
        build_version_arn("image", "web", "1.2.3", region="us-east-1", owner=ACCOUNT)
    assert caught.value.field == "build"


def test_build_version_arn_refuses_conflicting_builds() -> None:
    """Two different build numbers conflict."""
    with pytest.raises(ValidationError, match="conflicts"):
        build_version_arn("image", "web", "1.2.3/4", 5, region="us-east-1", owner=ACCOUNT)


def test_wildcard_arn_defaults_to_any_version() -> None:
    """wildcard_arn() without a filter follows the newest version of all."""
    arn = wildcard_arn("image", "Amazon Linux 2", owner="aws", region="us-east-1")
    assert str(arn) == "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2/x.x.x"
    assert arn.is_wildcard


def test_wildcard_arn_refuses_odd_wildcards() -> None:
    """wildcard_arn() keeps the service's filter rule: x only before x."""
    with pytest.raises(ValidationError, match="wildcard") as caught:
        wildcard_arn("image", "al2", "x.1.x", **WHERE)
    assert caught.value.field == "version_filter"


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names only things the module defines."""
    assert arns.__all__ == sorted(arns.__all__)
    assert all(hasattr(arns, name) for name in arns.__all__)
