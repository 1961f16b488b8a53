"""The lifecycle rule builders: what they build, and bad input refused with the field named.

The rules come from the EC2 Image Builder API reference (LifecyclePolicyDetailFilter:
value 1-1000, retainAtLeast 1-10 "for age-based filters", unit "required for age-based
rules"; LifecyclePolicyDetailExclusionRulesAmisLastLaunched: value 1-365;
LifecyclePolicyResourceSelectionRecipe: semanticVersion ``(?:[0-9]+|x)`` three times;
LifecyclePolicyDetails: 1 to 3 items) and the user guide ("How lifecycle management
rules work": deprecate and disable rules are not available for container images).
"""

from __future__ import annotations

from typing import Any

import pytest

from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.lifecycle import (
    ami_exclusions,
    check_policy,
    keep_newest,
    older_than,
    select_recipes,
    select_tags,
)
from imagebuilder_sdk.models import (
    LifecyclePolicyDetail,
    LifecyclePolicyDetailAction,
    LifecyclePolicyDetailFilter,
    LifecyclePolicyResourceSelection,
)


def test_keep_newest_unstructures_to_the_wire_form() -> None:
    """A count rule with AMIs, snapshots and a tag exclusion is the API's dict, exactly."""
    rule = keep_newest(
        2,
        amis=True,
        snapshots=True,
        exclude_tags={"keep": "yes"},
        exclude_amis=ami_exclusions(public=True, launched_within=(30, "DAYS")),
    )
    assert converter.unstructure(rule) == {
        "action": {"type": "DELETE", "includeResources": {"amis": True, "snapshots": True}},
        "filter": {"type": "COUNT", "value": 2},
        "exclusionRules": {
            "tagMap": {"keep": "yes"},
            "amis": {"isPublic": True, "lastLaunched": {"value": 30, "unit": "DAYS"}},
        },
    }


def test_older_than_with_retain_at_least() -> None:
    """An age rule carries its unit and retain_at_least."""
    rule = older_than(6, "MONTHS", action="DEPRECATE", retain_at_least=3)
    assert converter.unstructure(rule) == {
        "action": {"type": "DEPRECATE"},
        "filter": {"type": "AGE", "value": 6, "unit": "MONTHS", "retainAtLeast": 3},
    }


def test_recipe_selection_keeps_versions_as_written() -> None:
    """Wildcard and exact versions go out exactly as given (2019.12.02 included)."""
    selection = select_recipes(("web", "1.0.x"), ("api", "x.x.x"), batch="2019.12.02")
    assert converter.unstructure(selection) == {
        "recipes": [
            {"name": "web", "semanticVersion": "1.0.x"},
            {"name": "api", "semanticVersion": "x.x.x"},
            {"name": "batch", "semanticVersion": "2019.12.02"},
        ]
    }


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: keep_newest(0), "count"),
        (lambda: keep_newest(1001), "count"),
        (lambda: keep_newest(True), "count"),  # a bool is not a count
        (lambda: keep_newest(2, action="ARCHIVE"), "action"),
        (lambda: keep_newest(2, amis="yes"), "amis"),  # type: ignore[arg-type]
        (lambda: keep_newest(2, exclude_tags={}), "exclude_tags"),
        (lambda: keep_newest(2, exclude_tags={"aws:owner": "x"}), "exclude_tags['aws:owner']"),
        (lambda: keep_newest(2, exclude_amis={"isPublic": True}), "exclude_amis"),  # type: ignore[arg-type]
        (lambda: older_than(5, "days"), "unit"),
        (lambda: older_than(5, "DAYS", retain_at_least=11), "retain_at_least"),
        (lambda: older_than(5, "DAYS", retain_at_least=0), "retain_at_least"),
        (lambda: ami_exclusions(), "ami_exclusions"),
        (lambda: ami_exclusions(launched_within=(366, "DAYS")), "launched_within.value"),
        (lambda: ami_exclusions(launched_within=(5, "HOURS")), "launched_within.unit"),
        (lambda: ami_exclusions(shared_accounts=["12345"]), "shared_accounts[0]"),
        (lambda: ami_exclusions(shared_accounts="123456789012"), "shared_accounts"),
        (lambda: ami_exclusions(regions=[]), "regions"),
        (lambda: select_recipes(("web", "1.x")), "recipes[0].semantic_version"),
        (lambda: select_recipes(("web", "1.0.*")), "recipes[0].semantic_version"),
        (lambda: select_recipes(("w", "1.0.x")), "recipes[0].name"),
        (lambda: select_recipes(), "recipes"),
        (lambda: select_recipes("web"), "recipes[0]"),  # type: ignore[arg-type]
        (lambda: select_tags({}), "tags"),
        (lambda: select_tags({"k": "v" * 257}), "tags['k']"),
    ],
)
def test_bad_input_names_the_field(build: Any, field: str) -> None:
    """Each bad builder input is a ValidationError naming the parameter."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.field == field


def _count(action: str = "DELETE", **filter_fields: Any) -> LifecyclePolicyDetail:
    return LifecyclePolicyDetail(
        action=LifecyclePolicyDetailAction(type=action),  # type: ignore[arg-type]
        filter=LifecyclePolicyDetailFilter(type="COUNT", value=2, **filter_fields),  # type: ignore[arg-type]
    )


SELECTION = select_tags({"team": "web"})


@pytest.mark.parametrize(
    ("resource_type", "details", "selection", "field"),
    [
        ("AMI_IMAGE", [], SELECTION, "policy_details"),
        ("AMI_IMAGE", [keep_newest(1)] * 4, SELECTION, "policy_details"),
        ("AMI_IMAGE", [keep_newest(1), keep_newest(3)], SELECTION, "policy_details[1].action"),
        ("AMI_IMAGE", [_count(unit="DAYS")], SELECTION, "policy_details[0].filter"),
        ("AMI_IMAGE", [{"action": {"type": "DELETE"}}], SELECTION, "policy_details[0]"),
        ("AMI_IMAGE", [keep_newest(1, containers=True)], SELECTION,
         "policy_details[0].action.include_resources"),
        ("CONTAINER_IMAGE", [keep_newest(1, action="DISABLE")], SELECTION,
         "policy_details[0].action"),
        ("CONTAINER_IMAGE", [keep_newest(1, amis=True)], SELECTION,
         "policy_details[0].action.include_resources"),
        ("CONTAINER_IMAGE", [keep_newest(1, exclude_amis=ami_exclusions(public=True))],
         SELECTION, "policy_details[0].exclusion_rules.amis"),
        ("AMI", [keep_newest(1)], SELECTION, "resource_type"),
        ("AMI_IMAGE", [keep_newest(1)], LifecyclePolicyResourceSelection(), "resource_selection"),
        ("AMI_IMAGE", [keep_newest(1)],
         LifecyclePolicyResourceSelection(
             recipes=select_recipes(("web", "1.0.x")).recipes, tag_map={"team": "web"}
         ), "resource_selection"),
        ("AMI_IMAGE", [keep_newest(1)], {"tagMap": {"team": "web"}}, "resource_selection"),
    ],
)  # fmt: skip
def test_whole_policy_rules_name_the_field(
    resource_type: str, details: Any, selection: Any, field: str
) -> None:
    """check_policy refuses what the service refuses, naming the offending part."""
    with pytest.raises(ValidationError) as caught:
        check_policy(resource_type, details, selection)
    assert caught.value.field == field


def test_a_good_policy_passes() -> None:
    """Three rules, one per action, on a recipe selection pass check_policy."""
    check_policy(
        "AMI_IMAGE",
        [keep_newest(5), older_than(30, "DAYS", action="DEPRECATE"), older_than(1, "YEARS",
         action="DISABLE", amis=True)],
        select_recipes(("web", "x.x.x")),
    )  # fmt: skip
