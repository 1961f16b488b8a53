"""Lifecycle policies and executions, and StartResourceStateUpdate, in the emulator.

Sources: the rule types and what they do, deprecate/disable not for container images
(https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-lifecycle-rules.html);
the filter's unit required for AGE, retainAtLeast for AGE, a COUNT value as the number
to keep (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-imagebuilder-lifecyclepolicy-filter.html);
exclusion by tags (https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_LifecyclePolicyDetailExclusionRules.html).
How often the service runs a policy is not documented that we found: the emulator runs
an enabled policy once a day of emulator time, and on demand.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.newer_support import ROLE, Account


@pytest.fixture
def account() -> Account:
    """A fresh emulated account with a recipe and an infrastructure configuration."""
    return Account()


def _policy(account: Account, details: list[dict[str, Any]], **extra: Any) -> str:
    params: dict[str, Any] = {
        "name": "cleanup",
        "executionRole": ROLE,
        "resourceType": "AMI_IMAGE",
        "policyDetails": details,
        "resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "1.x.x"}]},
        **extra,
    }
    arn: str = account.client.create_lifecycle_policy(**params)["lifecyclePolicyArn"]
    return arn


def _builds(account: Account, count: int, **extra: Any) -> list[str]:
    images = []
    for _ in range(count):
        images.append(account.build(**extra))
        account.emulator.advance(3600)
    return images


def _count(action: str, keep: int, **extra: Any) -> list[dict[str, Any]]:
    return [{"action": {"type": action}, "filter": {"type": "COUNT", "value": keep}, **extra}]


@pytest.mark.parametrize(
    ("details", "resource_type", "words"),
    [
        (
            [{"action": {"type": "DELETE"}, "filter": {"type": "AGE", "value": 3}}],
            "AMI_IMAGE",
            "unit",
        ),
        (
            [
                {
                    "action": {"type": "DELETE"},
                    "filter": {"type": "COUNT", "value": 3, "unit": "DAYS"},
                }
            ],
            "AMI_IMAGE",
            "COUNT",
        ),
        (_count("DEPRECATE", 2), "CONTAINER_IMAGE", "only DELETE"),
        (_count("DELETE", 2) + _count("DELETE", 3), "AMI_IMAGE", "one rule"),
        (
            [
                {
                    "action": {"type": "DELETE", "includeResources": {"containers": True}},
                    "filter": {"type": "COUNT", "value": 2},
                }
            ],
            "AMI_IMAGE",
            "containers",
        ),
    ],
)
def test_policies_breaking_the_rules_are_refused(
    account: Account, details: list[dict[str, Any]], resource_type: str, words: str
) -> None:
    """Each rule of the service is enforced before anything is stored."""
    with pytest.raises(account.client.exceptions.InvalidRequestException) as caught:
        _policy(account, details, resourceType=resource_type)
    assert words in str(caught.value)
    assert account.client.list_lifecycle_policies()["lifecyclePolicySummaryList"] == []


def test_selection_is_by_recipes_or_tags(account: Account) -> None:
    """A selection with neither, or both, is refused."""
    code = account.code(
        account.client.create_lifecycle_policy,
        name="both",
        executionRole=ROLE,
        resourceType="AMI_IMAGE",
        policyDetails=_count("DELETE", 1),
        resourceSelection={
            "recipes": [{"name": "web", "semanticVersion": "1.x.x"}],
            "tagMap": {"a": "b"},
        },
    )
    assert code == "InvalidRequestException"


def test_a_count_rule_keeps_the_newest_and_deletes_the_rest(account: Account) -> None:
    """COUNT 2 with DELETE leaves the two newest builds; the run records what it deleted."""
    images = _builds(account, 4)
    details = [
        {
            "action": {"type": "DELETE", "includeResources": {"amis": True, "snapshots": True}},
            "filter": {"type": "COUNT", "value": 2},
        }
    ]
    policy = _policy(account, details)
    execution = account.emulator.run_lifecycle_policy(policy)
    running = account.client.get_lifecycle_execution(lifecycleExecutionId=execution)
    assert running["lifecycleExecution"]["state"]["status"] == "IN_PROGRESS"
    account.emulator.advance(120)
    done = account.client.get_lifecycle_execution(lifecycleExecutionId=execution)
    assert done["lifecycleExecution"]["state"]["status"] == "SUCCESS"
    left = account.client.list_image_build_versions(imageVersionArn=images[0].rsplit("/", 1)[0])
    assert sorted(i["arn"] for i in left["imageSummaryList"]) == sorted(images[2:])
    acted = account.client.list_lifecycle_execution_resources(lifecycleExecutionId=execution)
    assert sorted(r["resourceId"] for r in acted["resources"]) == sorted(images[:2])
    assert {r["action"]["name"] for r in acted["resources"]} == {"DELETE"}
    amis = account.client.list_lifecycle_execution_resources(
        lifecycleExecutionId=execution, parentResourceId=images[0]
    )["resources"]
    assert amis[0]["resourceId"].startswith("ami-")
    assert amis[0]["snapshots"][0]["snapshotId"].startswith("snap-")
    assert amis[0]["state"]["status"] == "SUCCESS"


def test_excluded_tags_are_left_alone(account: Account) -> None:
    """An image with one of the rule's exclusion tags is not deprecated."""
    tagged = _builds(account, 1, tags={"keep": "forever"})
    plain = _builds(account, 2)
    policy = _policy(
        account, _count("DEPRECATE", 1, exclusionRules={"tagMap": {"keep": "forever"}})
    )
    account.emulator.run_lifecycle_policy(policy)
    account.emulator.advance(120)
    assert account.status(tagged[0]) == "AVAILABLE"
    assert account.status(plain[0]) == "DEPRECATED"
    assert account.status(plain[1]) == "AVAILABLE"
    deprecated = account.client.get_image(imageBuildVersionArn=plain[0])["image"]
    assert deprecated["deprecationTime"]
    assert deprecated["lifecycleExecutionId"].startswith("lce-")


def test_an_age_rule_keeps_retain_at_least(account: Account) -> None:
    """AGE 1 WEEKS with retainAtLeast 2 disables old builds beyond the two newest."""
    images = _builds(account, 3)
    account.emulator.advance(30 * 86400)
    policy = _policy(
        account,
        [
            {
                "action": {"type": "DISABLE"},
                "filter": {"type": "AGE", "value": 1, "unit": "WEEKS", "retainAtLeast": 2},
            }
        ],
    )
    account.emulator.run_lifecycle_policy(policy)
    account.emulator.advance(120)
    assert [account.status(i) for i in images] == ["DISABLED", "AVAILABLE", "AVAILABLE"]


def test_recipe_selection_uses_the_version_wildcard(account: Account) -> None:
    """Recipes are selected by name and a wildcard version: 1.x.x leaves 2.0.0 alone."""
    newer = account.new_recipe("web", "2.0.0")
    old = _builds(account, 2)
    other = [account.build(newer)]
    account.emulator.advance(3600)
    account.emulator.run_lifecycle_policy(_policy(account, _count("DEPRECATE", 1)))
    account.emulator.advance(120)
    assert [account.status(i) for i in old + other] == ["DEPRECATED", "AVAILABLE", "AVAILABLE"]


def test_an_enabled_policy_runs_daily_on_the_clock(account: Account) -> None:
    """A day after creation the policy runs by itself; a disabled one does not."""
    images = _builds(account, 2)
    policy = _policy(account, _count("DEPRECATE", 1))
    quiet = _policy(account, _count("DISABLE", 1), name="quiet", status="DISABLED")
    account.emulator.advance(86400 + 120)
    assert account.status(images[0]) == "DEPRECATED"
    runs = account.client.list_lifecycle_executions(resourceArn=policy)["lifecycleExecutions"]
    assert [r["state"]["status"] for r in runs] == ["SUCCESS"]
    assert account.client.list_lifecycle_executions(resourceArn=quiet)["lifecycleExecutions"] == []
    summary = account.client.get_lifecycle_policy(lifecyclePolicyArn=policy)["lifecyclePolicy"]
    assert summary["dateLastRun"]


def test_a_cancelled_execution_changes_nothing(account: Account) -> None:
    """Cancelled before it takes effect: the images stay and the resources are SKIPPED."""
    images = _builds(account, 2)
    execution = account.emulator.run_lifecycle_policy(_policy(account, _count("DELETE", 1)))
    account.client.cancel_lifecycle_execution(lifecycleExecutionId=execution)
    account.emulator.advance(120)
    assert account.status(images[0]) == "AVAILABLE"
    answer = account.client.list_lifecycle_execution_resources(lifecycleExecutionId=execution)
    assert answer["lifecycleExecutionState"]["status"] == "CANCELLED"
    assert {r["state"]["status"] for r in answer["resources"]} == {"SKIPPED"}
    again = account.code(account.client.cancel_lifecycle_execution, lifecycleExecutionId=execution)
    assert again == "InvalidRequestException"


def test_update_replaces_the_rules(account: Account) -> None:
    """UpdateLifecyclePolicy replaces the settings and stamps dateUpdated."""
    policy = _policy(account, _count("DELETE", 5))
    account.client.update_lifecycle_policy(
        lifecyclePolicyArn=policy,
        executionRole=ROLE,
        resourceType="AMI_IMAGE",
        policyDetails=_count("DEPRECATE", 3),
        resourceSelection={"tagMap": {"env": "dev"}},
    )
    stored = account.client.get_lifecycle_policy(lifecyclePolicyArn=policy)["lifecyclePolicy"]
    assert stored["policyDetails"] == _count("DEPRECATE", 3)
    assert stored["resourceSelection"] == {"tagMap": {"env": "dev"}}
    assert stored["dateUpdated"]


def test_state_update_deprecates_then_restores_an_image(account: Account) -> None:
    """StartResourceStateUpdate changes one image's state and records its AMIs."""
    (image,) = _builds(account, 1)
    answer = account.client.start_resource_state_update(
        resourceArn=image, state={"status": "DISABLED"}, includeResources={"amis": True}
    )
    busy = account.code(
        account.client.start_resource_state_update, resourceArn=image, state={"status": "DELETED"}
    )
    assert busy == "ResourceInUseException"
    account.emulator.advance(120)
    record = account.client.get_image(imageBuildVersionArn=image)["image"]
    assert record["state"]["status"] == "DISABLED"
    assert {a["state"]["status"] for a in record["outputResources"]["amis"]} == {"DISABLED"}
    amis = account.client.list_lifecycle_execution_resources(
        lifecycleExecutionId=answer["lifecycleExecutionId"], parentResourceId=image
    )["resources"]
    assert [a["resourceId"] for a in amis] == [
        a["image"] for a in record["outputResources"]["amis"]
    ]
    account.client.start_resource_state_update(resourceArn=image, state={"status": "AVAILABLE"})
    account.emulator.advance(120)
    assert account.status(image) == "AVAILABLE"


def test_state_update_can_wait_for_update_at(account: Account) -> None:
    """With updateAt in the future the change is PENDING until then, then deletes."""
    (image,) = _builds(account, 1)
    later = account.emulator.clock.now().timestamp() + 7200
    execution = account.client.start_resource_state_update(
        resourceArn=image, state={"status": "DELETED"}, updateAt=later
    )["lifecycleExecutionId"]
    view = account.client.get_lifecycle_execution(lifecycleExecutionId=execution)
    assert view["lifecycleExecution"]["state"]["status"] == "PENDING"
    account.emulator.advance(3600)
    assert account.status(image) == "AVAILABLE"
    account.emulator.advance(3700)
    code = account.code(account.client.get_image, imageBuildVersionArn=image)
    assert code == "ResourceNotFoundException"
