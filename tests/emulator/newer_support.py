"""Helpers for the tests of the newer operations: a client, a recipe, a build."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing import Emulator
from tests.emulator.conftest import NO_RETRIES

PARENT = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
UPDATE_LINUX = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"
ROLE = "arn:aws:iam::123456789012:role/imagebuilder"


class Account:
    """An emulator, a boto3 client attached to it, and one recipe and infrastructure."""

    def __init__(self) -> None:
        self.emulator = Emulator()
        self.client: Any = self.emulator.client(config=NO_RETRIES)
        self.recipe = self.new_recipe("web", "1.0.0")
        self.infra = self.client.create_infrastructure_configuration(
            name="infra", instanceProfileName="builder"
        )["infrastructureConfigurationArn"]

    def new_recipe(self, name: str, version: str) -> str:
        """A Linux image recipe with one managed component."""
        arn: str = self.client.create_image_recipe(
            name=name,
            semanticVersion=version,
            parentImage=PARENT,
            components=[{"componentArn": UPDATE_LINUX}],
        )["imageRecipeArn"]
        return arn

    def build(self, recipe: str | None = None, **extra: Any) -> str:
        """Start an image build; returns its build version ARN."""
        arn: str = self.client.create_image(
            imageRecipeArn=recipe or self.recipe, infrastructureConfigurationArn=self.infra, **extra
        )["imageBuildVersionArn"]
        return arn

    def status(self, image: str) -> str:
        """The image's status now."""
        state: str = self.client.get_image(imageBuildVersionArn=image)["image"]["state"]["status"]
        return state

    def runs(self, image: str) -> list[dict[str, Any]]:
        """The workflow executions of a build."""
        found: list[dict[str, Any]] = self.client.list_workflow_executions(
            imageBuildVersionArn=image
        )["workflowExecutions"]
        return found

    def steps(self, run_id: str) -> list[dict[str, Any]]:
        """The steps of one workflow execution."""
        found: list[dict[str, Any]] = self.client.list_workflow_step_executions(
            workflowExecutionId=run_id
        )["steps"]
        return found

    def code(self, call: Any, **params: Any) -> str:
        """The error code a call fails with (it must fail)."""
        try:
            call(**params)
        except self.client.exceptions.ClientError as exc:
            code: str = exc.response["Error"]["Code"]
            return code
        raise AssertionError("the call succeeded")


def workflow_document(*steps: tuple[str, str], on_failure: str = "Abort") -> str:
    """A workflow document with the given (name, action) steps."""
    lines = ["name: custom", "schemaVersion: 1.0", "steps:"]
    for name, action in steps:
        lines += [f"  - name: {name}", f"    action: {action}", f"    onFailure: {on_failure}"]
    return "\n".join(lines) + "\n"
