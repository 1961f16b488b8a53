"""Backend tests for tags and resource policies."""

from __future__ import annotations

import json

import pytest

from tests.emulator.test_backend_support import Api

ACCOUNT = "arn:aws:imagebuilder:us-east-1:123456789012"
POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
                "Action": ["imagebuilder:GetComponent"],
                "Resource": ["*"],
            }
        ],
    }
)


def test_tags_given_at_create_are_listed() -> None:
    """Tags set on create come back from ListTagsForResource."""
    api = Api()
    arn = api.component(tags={"team": "web"})
    assert api("ListTagsForResource", resourceArn=arn)["tags"] == {"team": "web"}


def test_tag_and_untag_resource() -> None:
    """TagResource adds and overwrites tags; UntagResource removes keys."""
    api = Api()
    arn = api.infra(tags={"a": "1"})
    api("TagResource", resourceArn=arn, tags={"a": "2", "b": "3"})
    assert api("ListTagsForResource", resourceArn=arn)["tags"] == {"a": "2", "b": "3"}
    api("UntagResource", resourceArn=arn, tagKeys=["a", "missing"])
    assert api("ListTagsForResource", resourceArn=arn)["tags"] == {"b": "3"}


@pytest.mark.parametrize(
    "make", ["recipe", "container_recipe", "distribution", "pipeline", "image", "component"]
)
def test_every_taggable_resource_takes_tags(make: str) -> None:
    """Each kind of resource can be tagged by ARN."""
    api = Api()
    arn = getattr(api, make)()
    api("TagResource", resourceArn=arn, tags={"k": "v"})
    assert api("ListTagsForResource", resourceArn=arn)["tags"] == {"k": "v"}


def test_tags_on_an_unknown_arn_are_not_found() -> None:
    """Tag operations on an unknown ARN raise ResourceNotFoundException."""
    api = Api()
    arn = f"{ACCOUNT}:image-pipeline/nope"
    assert api.error("ListTagsForResource", resourceArn=arn).code == "ResourceNotFoundException"
    assert api.error("TagResource", resourceArn=arn, tags={"a": "b"}).code == (
        "ResourceNotFoundException"
    )
    assert api.error("UntagResource", resourceArn=arn, tagKeys=["a"]).code == (
        "ResourceNotFoundException"
    )


def test_more_than_fifty_tags_are_refused() -> None:
    """A resource holds at most 50 tags."""
    api = Api()
    arn = api.infra(tags={f"k{n}": "v" for n in range(30)})
    error = api.error("TagResource", resourceArn=arn, tags={f"j{n}": "v" for n in range(30)})
    assert error.code == "InvalidParameterException"


def test_tagging_an_image_leaves_its_recipe_copy_alone() -> None:
    """Tagging a recipe after a build does not change the copy inside the image."""
    api = Api()
    recipe = api.recipe()
    image = api.image(imageRecipeArn=recipe)
    api("TagResource", resourceArn=recipe, tags={"late": "yes"})
    assert api("GetImage", imageBuildVersionArn=image)["image"]["imageRecipe"]["tags"] == {}


def test_put_and_get_component_policy() -> None:
    """A component policy is stored and returned as given."""
    api = Api()
    arn = api.component()
    assert api("PutComponentPolicy", componentArn=arn, policy=POLICY)["componentArn"] == arn
    assert api("GetComponentPolicy", componentArn=arn)["policy"] == POLICY


@pytest.mark.parametrize(
    ("make", "suffix", "member"),
    [
        ("image", "ImagePolicy", "imageArn"),
        ("recipe", "ImageRecipePolicy", "imageRecipeArn"),
        ("container_recipe", "ContainerRecipePolicy", "containerRecipeArn"),
    ],
)
def test_put_and_get_other_policies(make: str, suffix: str, member: str) -> None:
    """Image, image recipe and container recipe policies round-trip."""
    api = Api()
    arn = getattr(api, make)()
    api(f"Put{suffix}", **{member: arn, "policy": POLICY})
    assert api(f"Get{suffix}", **{member: arn})["policy"] == POLICY


def test_policy_that_is_not_json_is_refused() -> None:
    """A policy that is not JSON raises InvalidParameterValueException."""
    api = Api()
    arn = api.recipe()
    error = api.error("PutImageRecipePolicy", imageRecipeArn=arn, policy="{not json")
    assert error.code == "InvalidParameterValueException"


def test_policy_without_statement_is_refused() -> None:
    """A JSON policy without a Statement raises InvalidParameterValueException."""
    api = Api()
    arn = api.component()
    error = api.error("PutComponentPolicy", componentArn=arn, policy='{"Version": "2012-10-17"}')
    assert error.code == "InvalidParameterValueException"


def test_policy_of_an_unknown_resource_is_not_found() -> None:
    """Put and Get policy on an unknown resource raise ResourceNotFoundException."""
    api = Api()
    arn = f"{ACCOUNT}:image/nope/1.0.0/1"
    assert api.error("PutImagePolicy", imageArn=arn, policy=POLICY).code == (
        "ResourceNotFoundException"
    )
    assert api.error("GetImagePolicy", imageArn=arn).code == "ResourceNotFoundException"


def test_get_policy_when_none_is_set_is_not_found() -> None:
    """A resource without a policy answers GetXPolicy with ResourceNotFoundException."""
    api = Api()
    arn = api.container_recipe()
    error = api.error("GetContainerRecipePolicy", containerRecipeArn=arn)
    assert error.code == "ResourceNotFoundException"


def test_policy_on_an_amazon_component_is_forbidden() -> None:
    """Amazon-owned resources take no policy from the account."""
    arn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.2/1"
    error = Api().error("PutComponentPolicy", componentArn=arn, policy=POLICY)
    assert error.code == "ForbiddenException"
