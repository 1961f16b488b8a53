"""The AWS CLI, end to end, against ``python -m imagebuilder_sdk.testing``.

The CLI (pinned in tools/awscli-requirements.txt, installed by `make test` into its own
``.venv-awscli`` with its own botocore) is a client nobody here wrote: what it accepts
and prints is what users of the served emulator get. Commands and forms follow the AWS
CLI's own examples (``awscli/examples/imagebuilder/*.rst`` in aws/aws-cli).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import imagebuilder_sdk

#: Each CLI run starts a Python process; on a loaded 2-core CI machine a run can take
#: several seconds, so these tests get more than the suite's 180 s default.
pytestmark = pytest.mark.timeout(900)

_REPO = Path(imagebuilder_sdk.__file__).resolve().parents[2]
_AWS = Path(os.environ.get("IMAGEBUILDER_SDK_AWS_CLI", _REPO / ".venv-awscli" / "bin" / "aws"))
_DOCUMENT = """\
name: hello
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands: ["echo hello"]
"""
_AL2023 = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    """The emulator served by its own command line, fast clock, on a free loopback port."""
    if not _AWS.exists():
        pytest.fail(f"no AWS CLI at {_AWS}: run `make .venv-awscli/.installed` (make test does)")
    source_root = str(Path(imagebuilder_sdk.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": source_root}
    command = [sys.executable, "-m", "imagebuilder_sdk.testing", "--port", "0", "--speed", "600"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    watchdog = threading.Timer(60, process.kill)  # a hung start fails instead of blocking
    watchdog.start()
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        watchdog.cancel()
        assert "listening on http://127.0.0.1:" in line
        yield line.rsplit(" ", 1)[-1].strip()
    finally:
        watchdog.cancel()
        process.kill()
        process.communicate(timeout=30)


class Cli:
    """Runs ``aws imagebuilder ...`` against the served emulator, with dummy credentials."""

    def __init__(self, url: str, workdir: Path) -> None:
        self.url = url
        self.workdir = workdir
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(workdir),
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": str(workdir / "config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(workdir / "credentials"),
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_PAGER": "",
        }

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(_AWS), "imagebuilder", *args, "--endpoint-url", self.url]
        command += ["--output", "json", "--cli-read-timeout", "60"]
        return subprocess.run(
            command, capture_output=True, text=True, env=self.env, cwd=self.workdir, timeout=120
        )

    def __call__(self, *args: str) -> Any:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else {}

    def error(self, *args: str) -> str:
        done = self.run(*args)
        assert done.returncode != 0, done.stdout
        return done.stderr

    def file(self, name: str, content: str) -> str:
        (self.workdir / name).write_text(content)
        return f"file://{name}"


@pytest.fixture
def aws(url: str, tmp_path: Path) -> Cli:
    return Cli(url, tmp_path)


def test_cli_creates_builds_tags_pages_updates_and_deletes(aws: Cli) -> None:
    """One user's session with the CLI: every answer parsed by the CLI's own botocore.

    Sources: ``create-component.rst`` (``--data file://``), ``create-image-recipe.rst``
    and ``create-image-pipeline.rst`` (``--cli-input-json file://``), ``get-image.rst``
    (polling a build), ``tag-resource.rst``, ``put-component-policy.rst`` and
    ``update-infrastructure-configuration.rst`` in aws/aws-cli.
    """
    document = aws.file("hello.yml", _DOCUMENT)
    made = aws(
        "create-component", "--name", "hello", "--semantic-version", "2019.12.02",
        "--platform", "Linux", "--data", document,
    )  # fmt: skip
    component = made["componentBuildVersionArn"]
    assert component.endswith(":component/hello/2019.12.02/1")
    assert made["latestVersionReferences"]["latestVersionArn"].endswith("/hello/x.x.x")

    infra = aws(
        "create-infrastructure-configuration", "--cli-input-json",
        aws.file("infra.json", json.dumps({"name": "builders", "instanceProfileName": "b"})),
    )["infrastructureConfigurationArn"]  # fmt: skip
    recipe_request = {
        "name": "web",
        "semanticVersion": "1.0.x",
        "parentImage": _AL2023,
        "components": [{"componentArn": component}],
    }
    recipe = aws(
        "create-image-recipe", "--cli-input-json", aws.file("r.json", json.dumps(recipe_request))
    )["imageRecipeArn"]
    assert recipe.endswith(":image-recipe/web/1.0.0")

    image = aws(
        "create-image", "--image-recipe-arn", recipe, "--infrastructure-configuration-arn", infra
    )["imageBuildVersionArn"]
    statuses = []
    for _ in range(200):  # each poll is a real CLI run; the build ends within a few
        statuses.append(aws("get-image", "--image-build-version-arn", image)["image"]["state"])
        if statuses[-1]["status"] in ("AVAILABLE", "FAILED"):
            break
    assert statuses[-1] == {"status": "AVAILABLE"}
    got = aws("get-image", "--image-build-version-arn", image)["image"]
    assert got["tags"] == {}
    assert got["imageRecipe"]["parentImage"].startswith(_AL2023.rsplit("/", 1)[0])
    assert not got["imageRecipe"]["parentImage"].endswith("x.x.x")

    aws("tag-resource", "--resource-arn", component, "--tags", "team=web,stage=dev")
    aws("untag-resource", "--resource-arn", component, "--tag-keys", "stage")
    assert aws("list-tags-for-resource", "--resource-arn", component)["tags"] == {"team": "web"}

    policy = json.dumps({"Version": "2012-10-17", "Statement": []})
    aws("put-component-policy", "--component-arn", component, "--policy", policy)
    assert aws("get-component-policy", "--component-arn", component)["policy"] == policy

    aws(
        "update-infrastructure-configuration", "--infrastructure-configuration-arn", infra,
        "--instance-profile-name", "other", "--description", "updated",
    )  # fmt: skip
    updated = aws("get-infrastructure-configuration", "--infrastructure-configuration-arn", infra)
    assert updated["infrastructureConfiguration"]["description"] == "updated"

    missing = aws.error("get-component", "--component-build-version-arn", component + "0")
    assert "ResourceNotFoundException" in missing
    in_use = aws.error("delete-component", "--component-build-version-arn", component)
    assert "ResourceDependencyException" in in_use

    aws("delete-image", "--image-build-version-arn", image)
    aws("delete-image-recipe", "--image-recipe-arn", recipe)
    plain = component.replace("2019.12.02", "2019.12.2")  # the same build, by number
    aws("delete-component", "--component-build-version-arn", plain)
    gone = aws.error("get-component", "--component-build-version-arn", component)
    assert "ResourceNotFoundException" in gone


def test_cli_pages_with_max_items_and_page_size(aws: Cli) -> None:
    """``--max-items`` stops with a NextToken that ``--starting-token`` resumes from.

    Source: the AWS CLI's pagination options (``--max-items``, ``--page-size``,
    ``--starting-token``) over ListInfrastructureConfigurations' nextToken/maxResults.
    """
    for index in range(3):
        aws("create-infrastructure-configuration", "--name", f"paged-{index}",
            "--instance-profile-name", "b")  # fmt: skip
    listing = "list-infrastructure-configurations"
    first = aws(listing, "--max-items", "2", "--page-size", "1")
    names = [s["name"] for s in first["infrastructureConfigurationSummaryList"]]
    assert len(names) == 2
    rest = aws(listing, "--starting-token", first["NextToken"], "--page-size", "2")
    names += [s["name"] for s in rest["infrastructureConfigurationSummaryList"]]
    assert "NextToken" not in rest
    paged = sorted(n for n in names if n.startswith("paged-"))
    assert paged == [f"paged-{index}" for index in range(3)]


def test_cli_sees_refusals_the_service_makes(aws: Cli) -> None:
    """A duplicate recipe version and a bad version answer the service's codes."""
    request = {"name": "dup", "semanticVersion": "1.0.0", "parentImage": _AL2023}
    body = aws.file("dup.json", json.dumps(request))
    aws("create-image-recipe", "--cli-input-json", body)
    assert "ResourceAlreadyExistsException" in aws.error(
        "create-image-recipe", "--cli-input-json", body
    )
    bad = aws.file("bad.json", json.dumps({**request, "semanticVersion": "1.x.3"}))
    assert "InvalidVersionNumberException" in aws.error(
        "create-image-recipe", "--cli-input-json", bad
    )
