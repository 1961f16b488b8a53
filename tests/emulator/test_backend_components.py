"""Backend tests for components: create, import, get, list, build versions, delete."""

from __future__ import annotations

from tests.emulator.test_backend_support import LINUX_DOC, Api


def test_create_component_returns_a_build_version_arn() -> None:
    """CreateComponent mints build 1 of the version, in the account and region."""
    arn = Api().component("My Component", "2.1.0")
    assert arn == "arn:aws:imagebuilder:us-east-1:123456789012:component/my-component/2.1.0/1"


def test_get_component_returns_what_was_created() -> None:
    """GetComponent returns the stored document, type, parameters and owner."""
    api = Api()
    arn = api.component(description="says hello", tags={"team": "web"})
    component = api("GetComponent", componentBuildVersionArn=arn)["component"]
    assert component["data"] == LINUX_DOC
    assert component["type"] == "BUILD"
    assert component["owner"] == "123456789012"
    assert component["tags"] == {"team": "web"}
    assert component["parameters"][0]["name"] == "greeting"
    assert component["state"] == {"status": "ACTIVE"}


def test_get_component_by_version_arn_returns_the_latest_build() -> None:
    """A version ARN (no build number) names that version's latest build."""
    api = Api()
    arn = api.component()
    got = api("GetComponent", componentBuildVersionArn=arn.rsplit("/", 1)[0])
    assert got["component"]["arn"] == arn


def test_get_component_by_wildcard_returns_the_latest_matching_version() -> None:
    """A wildcard ARN names the latest version that matches it."""
    api = Api()
    for version in ("1.0.0", "1.2.0", "1.10.0", "2.0.0"):
        api.component(version=version)
    base = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello"
    assert (
        api("GetComponent", componentBuildVersionArn=f"{base}/1.x.x")["component"]["version"]
        == "1.10.0"
    )
    assert (
        api("GetComponent", componentBuildVersionArn=f"{base}/x.x.x")["component"]["version"]
        == "2.0.0"
    )


def test_latest_version_references_are_wildcard_arns() -> None:
    """latestVersionReferences hold x.x.x, 1.x.x, 1.1.x and 1.1.0 ARNs of the component.

    Source: the service model's ``LatestVersionReferences`` ("a set of wildcard version
    ARNs that always reference the latest version") and the user guide's "Using
    version references" section of "Semantic versioning in Image Builder".
    """
    api = Api()
    api.component(version="2.0.0")
    answer = api(
        "CreateComponent", name="hello", semanticVersion="1.1.0", platform="Linux", data=LINUX_DOC
    )
    base = "arn:aws:imagebuilder:us-east-1:123456789012:component/hello"
    assert answer["latestVersionReferences"] == {
        "latestVersionArn": f"{base}/x.x.x",
        "latestMajorVersionArn": f"{base}/1.x.x",
        "latestMinorVersionArn": f"{base}/1.1.x",
        "latestPatchVersionArn": f"{base}/1.1.0",
    }
    got = api("GetComponent", componentBuildVersionArn=f"{base}/1.1.0/1")
    assert got["latestVersionReferences"]["latestVersionArn"] == f"{base}/x.x.x"


def test_same_name_version_and_content_is_refused() -> None:
    """Identical content for an existing name and version is refused.

    Source: the service model's ``CreateComponentRequest.name`` documentation (botocore
    1.44): "If the content is also identical to the latest build version, the request
    fails because the component already exists". Names differing only in case count
    as the same. CreateComponent models no ResourceAlreadyExistsException, so the
    emulator answers ResourceInUseException, which it does model.
    """
    api = Api()
    api.component()
    error = api.error(
        "CreateComponent", name="HELLO", semanticVersion="1.0.0", platform="Linux", data=LINUX_DOC
    )
    assert error.code == "ResourceInUseException"


def test_same_name_and_version_with_new_content_makes_a_new_build() -> None:
    """Changed content for an existing name and version makes build 2 of it.

    Source: the service model's ``CreateComponentRequest.name`` documentation: "the
    request creates a new build version for it"; the AWS "What's new" post of November
    2025 (auto-versioning) says the same for components.
    """
    api = Api()
    first = api.component()
    answer = api(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        data=LINUX_DOC.replace("Say", "Shout"),
    )
    second = answer["componentBuildVersionArn"]
    assert second == first.rsplit("/", 1)[0] + "/2"
    builds = api("ListComponentBuildVersions", componentVersionArn=first.rsplit("/", 1)[0])
    assert [b["arn"] for b in builds["componentSummaryList"]] == [first, second]
    latest = api("GetComponent", componentBuildVersionArn=first.rsplit("/", 1)[0])
    assert latest["component"]["arn"] == second


def test_version_text_is_kept_everywhere() -> None:
    """A component created as 2019.12.02 keeps that text, and its ARN works everywhere.

    Source: AWS CLI examples ``get-image.rst`` (component ``.../2019.12.02/1``) and
    ``create-image-pipeline.rst`` (recipe ``.../2019.12.03``) print versions with
    leading zeros as written. Issue 16 item 1: every operation resolves the ARN the
    same way, by number.
    """
    api = Api()
    arn = api.component(version="2019.12.02")
    assert arn.endswith(":component/hello/2019.12.02/1")
    got = api("GetComponent", componentBuildVersionArn=arn)["component"]
    assert got["version"] == "2019.12.02"
    plain = arn.replace("2019.12.02", "2019.12.2")
    assert api("GetComponent", componentBuildVersionArn=plain)["component"]["arn"] == arn
    builds = api("ListComponentBuildVersions", componentVersionArn=plain.rsplit("/", 1)[0])
    assert [b["arn"] for b in builds["componentSummaryList"]] == [arn]
    policy = '{"Version": "2012-10-17", "Statement": []}'
    api("PutComponentPolicy", componentArn=plain, policy=policy)
    assert api("GetComponentPolicy", componentArn=arn)["policy"] == policy
    api("TagResource", resourceArn=plain, tags={"a": "b"})
    assert api("ListTagsForResource", resourceArn=arn)["tags"] == {"a": "b"}
    api("DeleteComponent", componentBuildVersionArn=plain)
    assert api.error("GetComponent", componentBuildVersionArn=arn).code == (
        "ResourceNotFoundException"
    )


def test_names_differing_in_case_spaces_or_underscores_collide() -> None:
    """rc_norm, rc-norm, RC Norm name one component.

    Source: the service model's ``CreateComponentRequest.name`` documentation: names
    that differ only in case, spaces, or underscores count as the same name.
    """
    api = Api()
    first = api.component(name="rc_norm")
    assert first.endswith(":component/rc-norm/1.0.0/1")
    for name in ("rc-norm", "RC Norm"):
        error = api.error(
            "CreateComponent", name=name, semanticVersion="1.0.0", platform="Linux", data=LINUX_DOC
        )
        assert error.code == "ResourceInUseException"


def test_bad_semantic_version_is_refused() -> None:
    """A version that is not major.minor.patch raises InvalidVersionNumberException."""
    error = Api().raw_error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0",
        platform="Linux",
        data=LINUX_DOC,
        clientToken="t",
    )
    assert error.code == "InvalidVersionNumberException"


def test_oversized_version_part_is_refused() -> None:
    """Version parts above 2^30-1 raise InvalidVersionNumberException."""
    error = Api().error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.1073741824",
        platform="Linux",
        data=LINUX_DOC,
    )
    assert error.code == "InvalidVersionNumberException"


def test_document_without_phases_is_refused() -> None:
    """A component document without a phases list raises InvalidParameterValueException."""
    error = Api().error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        data="just: text",
    )
    assert error.code == "InvalidParameterValueException"
    assert "data" in error.message


def test_data_and_uri_together_are_refused() -> None:
    """Both data and uri raise InvalidParameterCombinationException."""
    error = Api().error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        data=LINUX_DOC,
        uri="s3://b/k",
    )
    assert error.code == "InvalidParameterCombinationException"


def test_neither_data_nor_uri_is_refused() -> None:
    """A component with no document raises InvalidRequestException."""
    error = Api().error("CreateComponent", name="hello", semanticVersion="1.0.0", platform="Linux")
    assert error.code == "InvalidRequestException"


def test_component_from_s3_uri_is_accepted() -> None:
    """A document given by s3:// URI creates a component without inline data."""
    api = Api()
    answer = api(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        uri="s3://b/doc.yaml",
    )
    component = api("GetComponent", componentBuildVersionArn=answer["componentBuildVersionArn"])
    assert "data" not in component["component"]


def test_component_from_non_s3_uri_is_refused() -> None:
    """A uri that is not an s3:// URI raises InvalidParameterValueException."""
    error = Api().error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        uri="https://x/doc",
    )
    assert error.code == "InvalidParameterValueException"


def test_test_only_document_makes_a_test_component() -> None:
    """A document with only a test phase makes a TEST component."""
    api = Api()
    doc = "schemaVersion: 1.0\nphases:\n  - name: test\n    steps: []\n"
    arn = api("CreateComponent", name="check", semanticVersion="1.0.0", platform="Linux", data=doc)[
        "componentBuildVersionArn"
    ]
    assert api("GetComponent", componentBuildVersionArn=arn)["component"]["type"] == "TEST"


def test_dry_run_creates_nothing() -> None:
    """dryRun raises DryRunOperationException and stores nothing."""
    api = Api()
    error = api.error(
        "CreateComponent",
        name="hello",
        semanticVersion="1.0.0",
        platform="Linux",
        data=LINUX_DOC,
        dryRun=True,
    )
    assert error.code == "DryRunOperationException"
    assert api("ListComponents")["componentVersionList"] == []


def test_import_component_wraps_a_shell_script() -> None:
    """ImportComponent turns a shell script into a component of the given type."""
    api = Api()
    answer = api(
        "ImportComponent",
        name="setup",
        semanticVersion="1.0.0",
        type="TEST",
        format="SHELL",
        platform="Linux",
        data="#!/bin/bash\necho 'ready'\n",
    )
    component = api("GetComponent", componentBuildVersionArn=answer["componentBuildVersionArn"])[
        "component"
    ]
    assert component["type"] == "TEST"
    assert "ExecuteBash" in component["data"]
    assert "echo 'ready'" in component["data"]


def test_import_of_an_existing_version_and_content_is_refused() -> None:
    """ImportComponent of an existing name, version and content is refused.

    Source: the service model's ``ImportComponentRequest.name`` documentation (the same
    rule as CreateComponent's); the code is ResourceInUseException, which it models.
    """
    api = Api()
    request = {
        "name": "setup",
        "semanticVersion": "1.0.0",
        "type": "BUILD",
        "format": "SHELL",
        "platform": "Linux",
        "data": "echo hi",
    }
    api("ImportComponent", **request, clientToken="first")
    error = api.error("ImportComponent", **request, clientToken="second")
    assert error.code == "ResourceInUseException"
    again = api("ImportComponent", **{**request, "data": "echo bye"}, clientToken="third")
    assert again["componentBuildVersionArn"].endswith(":component/setup/1.0.0/2")


def test_get_unknown_component_is_not_found() -> None:
    """GetComponent of an unknown ARN raises ResourceNotFoundException."""
    error = Api().error(
        "GetComponent",
        componentBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:component/nope/1.0.0/1",
    )
    assert error.code == "ResourceNotFoundException"


def test_delete_component_removes_it() -> None:
    """DeleteComponent removes the build; a second delete is not found."""
    api = Api()
    arn = api.component()
    assert api("DeleteComponent", componentBuildVersionArn=arn)["componentBuildVersionArn"] == arn
    assert (
        api.error("DeleteComponent", componentBuildVersionArn=arn).code
        == "ResourceNotFoundException"
    )


def test_delete_component_used_by_a_recipe_is_refused() -> None:
    """A component a recipe uses cannot be deleted (ResourceDependencyException)."""
    api = Api()
    arn = api.component()
    api.recipe(components=[{"componentArn": arn.rsplit("/", 2)[0] + "/x.x.x"}])
    assert (
        api.error("DeleteComponent", componentBuildVersionArn=arn).code
        == "ResourceDependencyException"
    )


def test_delete_amazon_component_is_forbidden() -> None:
    """Amazon-owned components cannot be deleted."""
    arn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.2/1"
    assert Api().error("DeleteComponent", componentBuildVersionArn=arn).code == "ForbiddenException"


def test_list_components_defaults_to_own_versions() -> None:
    """ListComponents lists one entry per own version, with version ARNs."""
    api = Api()
    api.component(version="1.0.0")
    api.component(version="1.1.0")
    versions = api("ListComponents")["componentVersionList"]
    assert [v["arn"].rsplit("/", 1)[1] for v in versions] == ["1.0.0", "1.1.0"]
    assert all(v["owner"] == "123456789012" for v in versions)


def test_list_components_by_name_keeps_the_latest_version() -> None:
    """byName lists each name once, at its latest version."""
    api = Api()
    for version in ("1.0.0", "1.9.0", "1.10.0"):
        api.component(version=version)
    api.component(name="other")
    versions = api("ListComponents", byName=True)["componentVersionList"]
    assert [(v["name"], v["version"]) for v in versions] == [
        ("hello", "1.10.0"),
        ("other", "1.0.0"),
    ]


def test_list_components_owner_amazon_shows_managed_components() -> None:
    """owner=Amazon lists the managed components, and only them."""
    api = Api()
    api.component()
    names = {v["name"] for v in api("ListComponents", owner="Amazon")["componentVersionList"]}
    assert {
        "update-linux",
        "update-windows",
        "reboot-test-linux",
        "aws-cli-version-2-linux",
    } <= names
    assert "hello" not in names


def test_list_components_shared_is_empty() -> None:
    """Nothing is shared with the emulated account."""
    assert Api()("ListComponents", owner="Shared")["componentVersionList"] == []


def test_list_components_filters_by_platform_and_type() -> None:
    """Filters keep the items whose members match any of the values."""
    api = Api()
    listed = api(
        "ListComponents",
        owner="Amazon",
        filters=[{"name": "platform", "values": ["Linux"]}, {"name": "type", "values": ["TEST"]}],
    )["componentVersionList"]
    assert {v["name"] for v in listed} == {"reboot-test-linux"}


def test_list_components_filter_by_os_version() -> None:
    """The supportedOsVersion filter matches any of a component's OS versions."""
    listed = Api()(
        "ListComponents",
        owner="Amazon",
        byName=True,
        filters=[{"name": "supportedOsVersion", "values": ["Amazon Linux 2023"]}],
    )["componentVersionList"]
    assert "update-windows" not in {v["name"] for v in listed}
    assert "update-linux" in {v["name"] for v in listed}


def test_list_components_unknown_filter_is_refused() -> None:
    """An unsupported filter name raises InvalidParameterValueException."""
    error = Api().error("ListComponents", filters=[{"name": "colour", "values": ["blue"]}])
    assert error.code == "InvalidParameterValueException"
    assert "colour" in error.message


def test_list_component_build_versions() -> None:
    """ListComponentBuildVersions lists the builds of one version."""
    api = Api()
    arn = api.component()
    listed = api("ListComponentBuildVersions", componentVersionArn=arn.rsplit("/", 1)[0])
    assert [s["arn"] for s in listed["componentSummaryList"]] == [arn]


def test_list_component_build_versions_of_unknown_version() -> None:
    """Build versions of an unknown version raise ResourceNotFoundException."""
    arn = "arn:aws:imagebuilder:us-east-1:123456789012:component/nope/1.0.0"
    assert (
        Api().error("ListComponentBuildVersions", componentVersionArn=arn).code
        == "ResourceNotFoundException"
    )


def test_amazon_component_data_is_a_real_document() -> None:
    """Managed components carry an AWSTOE YAML document."""
    api = Api()
    arn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"
    component = api("GetComponent", componentBuildVersionArn=arn)["component"]
    assert component["owner"] == "Amazon"
    assert component["version"] == "1.0.2"
    assert "action: UpdateOS" in component["data"]
