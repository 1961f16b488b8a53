"""Lifecycle rules: typed builders for what a lifecycle policy does, and to which images.

A lifecycle policy (``ib.lifecycle_policies``) holds one to three *rules* and one
*selection*. A rule says what to do (delete, deprecate or disable), to which images of
the selection (all but the newest N, or those older than an age), and what to spare
(images with certain tags; AMIs that are public, shared, in some regions, or launched
recently). The selection names the images the policy looks at: the output of named
recipes (exact or wildcard versions: ``1.0.x``, ``x.x.x``) or images with given tags.

>>> from imagebuilder_sdk.lifecycle import keep_newest, older_than, select_recipes
>>> rule = keep_newest(2, amis=True, snapshots=True, exclude_tags={"keep": "yes"})
>>> rule.filter.type.value, rule.filter.value, rule.action.type.value
('COUNT', 2, 'DELETE')
>>> select_recipes(("web", "1.0.x")).recipes[0].semantic_version
'1.0.x'
>>> older_than(0, "DAYS")
Traceback (most recent call last):
...
imagebuilder_sdk.errors.ValidationError: value: must be an integer from 1 to 1000, got 0

Every builder checks its input as it builds, and `check_policy` checks a whole policy
(the repository calls it before sending, so hand-written models are held to the same
rules). The rules, from the EC2 Image Builder API reference and user guide:

- A policy has one to three rules, at most one for each action (delete, deprecate,
  disable).
- A count rule (`keep_newest`) keeps the newest 1 to 1000 images and takes no unit and
  no ``retain_at_least``. An age rule (`older_than`) needs a value from 1 to 1000 and a
  unit (days, weeks, months, years); its ``retain_at_least`` (1 to 10) keeps that many
  images however old they are.
- Container image policies can only delete, include only containers and have no AMI
  exclusion rules; AMI image policies include AMIs and snapshots, not containers.
- The "last launched" AMI exclusion is 1 to 365 units of time; shared accounts are
  12-digit account ids (1 to 1536 of them).
- A selection names recipes (1 to 50, each a recipe name and a version of three
  parts, each a number or ``x``) or tags (1 to 50), one of the two, not both.
- Tag keys are 1 to 128 characters and do not start with ``aws:``; values are at
  most 256 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from imagebuilder_sdk.errors import ValidationError
from imagebuilder_sdk.models import (
    LifecyclePolicyDetail,
    LifecyclePolicyDetailAction,
    LifecyclePolicyDetailActionIncludeResources,
    LifecyclePolicyDetailActionType,
    LifecyclePolicyDetailExclusionRules,
    LifecyclePolicyDetailExclusionRulesAmis,
    LifecyclePolicyDetailExclusionRulesAmisLastLaunched,
    LifecyclePolicyDetailFilter,
    LifecyclePolicyDetailFilterType,
    LifecyclePolicyResourceSelection,
    LifecyclePolicyResourceSelectionRecipe,
    LifecyclePolicyResourceType,
    LifecyclePolicyTimeUnit,
)
from imagebuilder_sdk.models._base import OpenEnum
from imagebuilder_sdk.versions import VersionFilter

__all__ = [
    "ami_exclusions",
    "check_policy",
    "check_selection",
    "keep_newest",
    "older_than",
    "select_recipes",
    "select_tags",
]

E = TypeVar("E", bound=OpenEnum)

#: Recipe names, as the service's ResourceName pattern has them.
_NAME = re.compile(r"^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$")
_ACCOUNT = re.compile(r"^[0-9]{12}$")
_TAG_KEY = re.compile(r"^(?!aws:)[a-zA-Z0-9\s_.:/=+\-@]*$")


def _choice(enum: type[E], value: object, field: str) -> E:
    """`value` as a member of `enum`; a value the service does not list is refused."""
    if isinstance(value, enum) and value.is_known:
        return value
    if isinstance(value, str) and value in enum.__members__.values():
        return enum(value)
    allowed = ", ".join(member.value for member in enum.__members__.values())
    raise ValidationError(field, f"must be one of {allowed}, got {value!r}", value=value)


def _integer(value: object, low: int, high: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            field, f"must be an integer from {low} to {high}, got {value!r}", value=value
        )
    return value


def _flag(value: object, field: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValidationError(field, f"must be True, False or None, got {value!r}", value=value)
    return value


def _tags(tags: object, field: str) -> dict[str, str]:
    """A tag map checked against the service's rules, kept exactly as given."""
    if not isinstance(tags, Mapping) or not tags:
        raise ValidationError(field, "must be a non-empty mapping of tag keys to values")
    if len(tags) > 50:
        raise ValidationError(field, f"must have at most 50 tags, got {len(tags)}")
    for key, value in tags.items():
        if not isinstance(key, str) or not 1 <= len(key) <= 128 or not _TAG_KEY.match(key):
            raise ValidationError(
                f"{field}[{key!r}]",
                "tag keys are 1 to 128 letters, digits, spaces or _.:/=+-@ and do not "
                "start with aws:",
                value=key,
            )
        if not isinstance(value, str) or len(value) > 256:
            raise ValidationError(
                f"{field}[{key!r}]", "tag values are text of at most 256 characters", value=value
            )
    return dict(tags)


def _strings(values: object, field: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError(field, "must be a list of strings (not one string)", value=values)
    items = list(values)
    if not items:
        raise ValidationError(field, "must not be empty")
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item:
            raise ValidationError(f"{field}[{index}]", "must be non-empty text", value=item)
    return items


def ami_exclusions(
    *,
    public: bool | None = None,
    regions: Sequence[str] | None = None,
    shared_accounts: Sequence[str] | None = None,
    launched_within: tuple[int, LifecyclePolicyTimeUnit | str] | None = None,
    tags: Mapping[str, str] | None = None,
) -> LifecyclePolicyDetailExclusionRulesAmis:
    """AMIs a rule spares: public ones, ones in `regions`, shared with `shared_accounts`,
    launched from within the last ``(value, unit)``, or carrying `tags`.

    >>> ami_exclusions(launched_within=(30, "DAYS")).last_launched.unit.value
    'DAYS'
    """
    last = None
    if launched_within is not None:
        if not isinstance(launched_within, tuple) or len(launched_within) != 2:
            raise ValidationError("launched_within", "must be a (value, unit) pair")
        value, unit = launched_within
        last = LifecyclePolicyDetailExclusionRulesAmisLastLaunched(
            value=_integer(value, 1, 365, "launched_within.value"),
            unit=_choice(LifecyclePolicyTimeUnit, unit, "launched_within.unit"),
        )
    accounts = None
    if shared_accounts is not None:
        accounts = _strings(shared_accounts, "shared_accounts")
        if len(accounts) > 1536:
            raise ValidationError("shared_accounts", "must name at most 1536 accounts")
        for index, account in enumerate(accounts):
            if not _ACCOUNT.match(account):
                raise ValidationError(
                    f"shared_accounts[{index}]", "must be a 12-digit account id", value=account
                )
    exclusions = LifecyclePolicyDetailExclusionRulesAmis(
        is_public=_flag(public, "public"),
        regions=None if regions is None else _strings(regions, "regions"),
        shared_accounts=accounts,
        last_launched=last,
        tag_map=None if tags is None else _tags(tags, "tags"),
    )
    if exclusions == LifecyclePolicyDetailExclusionRulesAmis():
        raise ValidationError("ami_exclusions", "must give at least one exclusion")
    return exclusions


def _rule(
    rule_filter: LifecyclePolicyDetailFilter,
    action: LifecyclePolicyDetailActionType | str,
    amis: bool | None,
    snapshots: bool | None,
    containers: bool | None,
    exclude_tags: Mapping[str, str] | None,
    exclude_amis: LifecyclePolicyDetailExclusionRulesAmis | None,
) -> LifecyclePolicyDetail:
    include = LifecyclePolicyDetailActionIncludeResources(
        amis=_flag(amis, "amis"),
        snapshots=_flag(snapshots, "snapshots"),
        containers=_flag(containers, "containers"),
    )
    if exclude_amis is not None and not isinstance(
        exclude_amis, LifecyclePolicyDetailExclusionRulesAmis
    ):
        raise ValidationError(
            "exclude_amis", "must come from ami_exclusions(...)", value=exclude_amis
        )
    exclusions = None
    if exclude_tags is not None or exclude_amis is not None:
        exclusions = LifecyclePolicyDetailExclusionRules(
            tag_map=None if exclude_tags is None else _tags(exclude_tags, "exclude_tags"),
            amis=exclude_amis,
        )
    detail = LifecyclePolicyDetail(
        action=LifecyclePolicyDetailAction(
            type=_choice(LifecyclePolicyDetailActionType, action, "action"),
            include_resources=None
            if include == LifecyclePolicyDetailActionIncludeResources()
            else include,
        ),
        filter=rule_filter,
        exclusion_rules=exclusions,
    )
    _check_detail(detail, None, "rule")
    return detail


def keep_newest(
    count: int,
    *,
    action: LifecyclePolicyDetailActionType | str = LifecyclePolicyDetailActionType.DELETE,
    amis: bool | None = None,
    snapshots: bool | None = None,
    containers: bool | None = None,
    exclude_tags: Mapping[str, str] | None = None,
    exclude_amis: LifecyclePolicyDetailExclusionRulesAmis | None = None,
) -> LifecyclePolicyDetail:
    """A count rule: keep the newest `count` images (1 to 1000), act on the others.

    `action` is DELETE (the default), DEPRECATE or DISABLE. `amis`, `snapshots` and
    `containers` say whether the action also reaches the AMIs, their snapshots, or the
    container images the image produced. Images with all of `exclude_tags`, and AMIs
    matching `exclude_amis` (`ami_exclusions`), are spared.
    """
    rule_filter = LifecyclePolicyDetailFilter(
        type=LifecyclePolicyDetailFilterType.COUNT, value=_integer(count, 1, 1000, "count")
    )
    return _rule(rule_filter, action, amis, snapshots, containers, exclude_tags, exclude_amis)


def older_than(
    value: int,
    unit: LifecyclePolicyTimeUnit | str,
    *,
    action: LifecyclePolicyDetailActionType | str = LifecyclePolicyDetailActionType.DELETE,
    retain_at_least: int | None = None,
    amis: bool | None = None,
    snapshots: bool | None = None,
    containers: bool | None = None,
    exclude_tags: Mapping[str, str] | None = None,
    exclude_amis: LifecyclePolicyDetailExclusionRulesAmis | None = None,
) -> LifecyclePolicyDetail:
    """An age rule: act on images older than `value` `unit` s (1 to 1000 DAYS, WEEKS...).

    `retain_at_least` (1 to 10) keeps that many of the images however old they are;
    the other options are those of `keep_newest`.
    """
    rule_filter = LifecyclePolicyDetailFilter(
        type=LifecyclePolicyDetailFilterType.AGE,
        value=_integer(value, 1, 1000, "value"),
        unit=_choice(LifecyclePolicyTimeUnit, unit, "unit"),
        retain_at_least=None
        if retain_at_least is None
        else _integer(retain_at_least, 1, 10, "retain_at_least"),
    )
    return _rule(rule_filter, action, amis, snapshots, containers, exclude_tags, exclude_amis)


def select_recipes(*recipes: tuple[str, str], **named: str) -> LifecyclePolicyResourceSelection:
    """Select the images built from these recipes: ``(name, version)`` pairs or keywords.

    A version has three parts, each a number or the wildcard ``x`` (``1.0.x``,
    ``x.x.x``, ``2.1.0``); it is sent exactly as written.

    >>> [r.name for r in select_recipes(("web", "1.0.x"), api="x.x.x").recipes]
    ['web', 'api']
    """
    pairs = [*recipes, *named.items()]
    chosen = []
    for index, pair in enumerate(pairs):
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ValidationError(
                f"recipes[{index}]", "must be a (recipe name, version) pair", value=pair
            )
        name, version = pair
        chosen.append(LifecyclePolicyResourceSelectionRecipe(name=name, semantic_version=version))
    selection = LifecyclePolicyResourceSelection(recipes=chosen)
    check_selection(selection, "recipes")
    return selection


def select_tags(tags: Mapping[str, str]) -> LifecyclePolicyResourceSelection:
    """Select the images that carry all of these tags.

    >>> select_tags({"team": "web"}).tag_map
    {'team': 'web'}
    """
    return LifecyclePolicyResourceSelection(tag_map=_tags(tags, "tags"))


def check_selection(selection: object, field: str = "resource_selection") -> None:
    """Raise `ValidationError` unless `selection` follows the service's selection rules."""
    if not isinstance(selection, LifecyclePolicyResourceSelection):
        raise ValidationError(
            field, "must come from select_recipes(...) or select_tags(...)", value=selection
        )
    recipes = selection.recipes
    if bool(recipes) == bool(selection.tag_map):
        raise ValidationError(field, "select by recipes or by tags: exactly one of the two")
    if selection.tag_map:
        _tags(selection.tag_map, f"{field}.tag_map")
        return
    assert recipes is not None
    if len(recipes) > 50:
        raise ValidationError(field, f"must name at most 50 recipes, got {len(recipes)}")
    for index, recipe in enumerate(recipes):
        where = f"{field}[{index}]" if field == "recipes" else f"{field}.recipes[{index}]"
        if not isinstance(recipe.name, str) or not _NAME.match(recipe.name):
            raise ValidationError(
                f"{where}.name",
                "a recipe name is 3 to 128 letters, digits, spaces, - or _, and neither "
                "starts nor ends with a space",
                value=recipe.name,
            )
        version = recipe.semantic_version
        if not isinstance(version, str):
            raise ValidationError(
                f"{where}.semantic_version",
                "must be a version text such as 1.0.x or x.x.x",
                value=version,
            )
        VersionFilter.parse(version, field=f"{where}.semantic_version", lenient=True)


def _check_detail(
    detail: LifecyclePolicyDetail,
    resource_type: LifecyclePolicyResourceType | None,
    where: str,
) -> None:
    rule_filter = detail.filter
    kind = _choice(LifecyclePolicyDetailFilterType, rule_filter.type, f"{where}.filter.type")
    _integer(rule_filter.value, 1, 1000, f"{where}.filter.value")
    if kind is LifecyclePolicyDetailFilterType.COUNT:
        if rule_filter.unit is not None or rule_filter.retain_at_least is not None:
            raise ValidationError(
                f"{where}.filter", "a count rule takes no unit and no retain_at_least"
            )
    else:
        if rule_filter.unit is None:
            raise ValidationError(f"{where}.filter.unit", "an age rule needs a unit of time")
        _choice(LifecyclePolicyTimeUnit, rule_filter.unit, f"{where}.filter.unit")
        if rule_filter.retain_at_least is not None:
            _integer(rule_filter.retain_at_least, 1, 10, f"{where}.filter.retain_at_least")
    action = _choice(LifecyclePolicyDetailActionType, detail.action.type, f"{where}.action")
    include = detail.action.include_resources
    amis = (detail.exclusion_rules.amis if detail.exclusion_rules else None) is not None
    if resource_type is LifecyclePolicyResourceType.CONTAINER_IMAGE:
        if action is not LifecyclePolicyDetailActionType.DELETE:
            raise ValidationError(f"{where}.action", "container image policies can only DELETE")
        if include is not None and (include.amis or include.snapshots):
            raise ValidationError(
                f"{where}.action.include_resources", "container images have no AMIs or snapshots"
            )
        if amis:
            raise ValidationError(
                f"{where}.exclusion_rules.amis", "container images have no AMIs to exclude"
            )
    if resource_type is LifecyclePolicyResourceType.AMI_IMAGE and include and include.containers:
        raise ValidationError(
            f"{where}.action.include_resources", "AMI image policies do not include containers"
        )


def check_policy(resource_type: object, policy_details: object, resource_selection: object) -> None:
    """Raise `ValidationError` unless a whole policy follows the service's rules.

    The repository runs this before `create` and `update` send anything.
    """
    kind = _choice(LifecyclePolicyResourceType, resource_type, "resource_type")
    if isinstance(policy_details, (str, bytes)) or not isinstance(policy_details, Sequence):
        raise ValidationError("policy_details", "must be a list of rules (keep_newest, ...)")
    if not 1 <= len(policy_details) <= 3:
        raise ValidationError(
            "policy_details", f"must hold one to three rules, got {len(policy_details)}"
        )
    seen: set[LifecyclePolicyDetailActionType] = set()
    for index, detail in enumerate(policy_details):
        where = f"policy_details[{index}]"
        if not isinstance(detail, LifecyclePolicyDetail):
            raise ValidationError(
                where, "must be a rule from keep_newest(...) or older_than(...)", value=detail
            )
        _check_detail(detail, kind, where)
        action = LifecyclePolicyDetailActionType(detail.action.type)
        if action in seen:
            raise ValidationError(
                f"{where}.action", f"a policy has at most one {action.value} rule"
            )
        seen.add(action)
    check_selection(resource_selection)
