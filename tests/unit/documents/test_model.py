"""The document model: construction, copies, helper constructors, tree conversion."""

from __future__ import annotations

import pytest

from imagebuilder_sdk.documents import (
    Assert,
    ComponentDocument,
    Constant,
    CreateFile,
    CreateFolder,
    DeleteFile,
    ExecuteBash,
    ExecuteBinary,
    ExecutePowerShell,
    JsonValue,
    Loop,
    LoopRange,
    Parameter,
    Phase,
    Reboot,
    S3Download,
    S3Upload,
    Step,
    UpdateOS,
    WebDownload,
    validate,
)
from imagebuilder_sdk.errors import ValidationError


def test_document_can_be_written_in_python() -> None:
    """The brief's one-liner builds a document that validates cleanly."""
    doc = ComponentDocument(
        name="hello",
        phases=[Phase("build", [Step("say", "ExecuteBash", {"commands": ["echo hi"]})])],
    )
    assert validate(doc) == []


def test_sequences_are_stored_as_tuples() -> None:
    """Lists given for phases and steps become tuples, so the model stays immutable."""
    doc = ComponentDocument(phases=[Phase("build", [Reboot()])])
    assert isinstance(doc.phases, tuple)
    assert isinstance(doc.phases[0].steps, tuple)


def test_inputs_are_copied() -> None:
    """Changing the dict passed as inputs afterwards does not change the step."""
    commands = ["echo one"]
    step = Step("Say", "ExecuteBash", {"commands": commands})
    commands.append("echo two")
    assert step.inputs == {"commands": ["echo one"]}


def test_tuples_in_inputs_become_lists() -> None:
    """Inputs are normalised to plain lists, as a parser would return them."""
    assert Step("Say", "ExecuteBash", {"commands": ("echo hi",)}).inputs == {
        "commands": ["echo hi"]
    }


def test_non_json_inputs_are_refused() -> None:
    """A value JSON cannot hold is refused with a ValidationError."""
    with pytest.raises(ValidationError, match="JSON-like"):
        Step("Say", "ExecuteBash", {"commands": {1, 2}})  # type: ignore[dict-item]


def test_non_string_keys_are_refused() -> None:
    """Mapping keys must be strings."""
    with pytest.raises(ValidationError, match="keys must be strings"):
        Step("Say", "ExecuteBash", {1: "x"})  # type: ignore[dict-item]


def test_loop_over_builds_a_for_each_list() -> None:
    """Loop.over iterates over the given strings."""
    assert Loop.over(["a", "b"], name="each") == Loop(name="each", for_each=["a", "b"])


def test_loop_split_builds_a_delimited_list() -> None:
    """Loop.split iterates over the parts of a string."""
    assert Loop.split("{{ Hosts }}").for_each == {"list": "{{ Hosts }}", "delimiter": ","}


def test_loop_range_builds_a_for_range() -> None:
    """Loop.range iterates over integers."""
    assert Loop.range(1, 9, 2).for_ == LoopRange(1, 9, 2)


def test_execute_bash_accepts_one_command_as_a_string() -> None:
    """A single command string is one command, not a list of characters."""
    assert ExecuteBash("Say", "echo hi").inputs == {"commands": ["echo hi"]}


def test_execute_bash_carries_step_options() -> None:
    """Step options given to a helper land on the step."""
    step = ExecuteBash("Say", ["echo hi"], on_failure="Continue", timeout_seconds=60)
    assert (step.on_failure, step.timeout_seconds) == ("Continue", 60)


def test_execute_powershell_with_a_file() -> None:
    """ExecutePowerShell may run a script file instead of commands."""
    assert ExecutePowerShell("Run", file="C:\\run.ps1").inputs == {"file": "C:\\run.ps1"}


def test_execute_binary_inputs() -> None:
    """ExecuteBinary takes a path and arguments."""
    assert ExecuteBinary("Run", "/bin/tool", ["-v"]).inputs == {
        "path": "/bin/tool",
        "arguments": ["-v"],
    }


def test_transfer_helpers_build_one_item_lists() -> None:
    """Download and upload helpers give a list with one mapping, in the document's spelling."""
    assert S3Download("Get", "s3://b/k", "/tmp/k", expected_bucket_owner="123").inputs == [
        {"source": "s3://b/k", "destination": "/tmp/k", "expectedBucketOwner": "123"}
    ]
    assert S3Upload("Put", "/tmp/*", "s3://b/", recurse=True).inputs == [
        {"source": "/tmp/*", "destination": "s3://b/", "recurse": True}
    ]
    assert WebDownload(
        "Web", "https://x/y", "/tmp/y", algorithm="SHA256", checksum="ab"
    ).inputs == [
        {"source": "https://x/y", "destination": "/tmp/y", "checksum": "ab", "algorithm": "SHA256"}
    ]


def test_file_helpers() -> None:
    """File helpers leave out the options not given."""
    assert CreateFile("F", "/etc/x", "text", permissions="0644").inputs == [
        {"path": "/etc/x", "content": "text", "permissions": "0644"}
    ]
    assert CreateFolder("D", "/opt/x").inputs == [{"path": "/opt/x"}]
    assert DeleteFile("Rm", "/a", "/b").inputs == [{"path": "/a"}, {"path": "/b"}]


def test_update_os_and_reboot_without_options_have_no_inputs() -> None:
    """UpdateOS and Reboot need no inputs."""
    assert UpdateOS().inputs is None
    assert Reboot().inputs is None
    assert Reboot(delay_seconds=30).inputs == {"delaySeconds": 30}


def test_assert_helper() -> None:
    """Assert puts the operator and the value side by side."""
    step = Assert("Check", "stringEquals", "2.1.1", "{{ build.V.outputs.stdout }}")
    assert step.inputs == {"stringEquals": "2.1.1", "value": "{{ build.V.outputs.stdout }}"}


def test_helper_built_document_validates_cleanly() -> None:
    """A document made only of helpers has no problems on Linux."""
    doc = ComponentDocument(
        name="helpers",
        parameters=[Parameter("Version", default="2.1.1")],
        constants=[Constant("AppRoot", "/opt/app")],
        phases=[
            Phase(
                "build",
                [
                    UpdateOS(exclude=["kernel*"]),
                    ExecuteBinary("Tool", "/usr/bin/tool", ["--version"]),
                    Assert(
                        "Check", "stringEquals", "{{ Version }}", "{{ build.Tool.outputs.stdout }}"
                    ),
                    CreateFolder("Root", "{{ AppRoot }}"),
                    ExecuteBash("Each", ["echo {{ loop.value }}"], loop=Loop.over(["a", "b"])),
                    Reboot(),
                ],
            )
        ],
    )
    assert validate(doc, platform="Linux") == []


def test_to_dict_orders_keys_like_people_write_them() -> None:
    """The tree starts with name and schemaVersion, and each step ends with its inputs."""
    step = Step("S", "ExecuteBash", {"commands": ["x"]}, "Continue", 5, 2, Loop.over(["a"]))
    tree = ComponentDocument(name="n", description="d", phases=[Phase("build", [step])]).to_dict()
    assert list(tree) == ["name", "description", "schemaVersion", "phases"]
    phases = tree["phases"]
    assert isinstance(phases, list)
    assert list(phases[0]["steps"][0]) == [
        "name",
        "action",
        "onFailure",
        "timeoutSeconds",
        "maxAttempts",
        "loop",
        "inputs",
    ]


def test_schema_version_is_written_as_a_number() -> None:
    """schemaVersion '1.0' is the number 1.0 in the tree, as AWS's examples write it."""
    assert ComponentDocument().to_dict()["schemaVersion"] == 1.0


def test_unknown_keys_are_kept_in_extra() -> None:
    """Keys the model does not know survive from_dict and to_dict."""
    tree: dict[str, JsonValue] = {
        "schemaVersion": 1.0,
        "x-owner": "team-a",
        "phases": [
            {"name": "build", "x-note": 1, "steps": [{"name": "R", "action": "Reboot", "x": 2}]}
        ],
    }
    doc = ComponentDocument.from_dict(tree)
    assert doc.extra == {"x-owner": "team-a"}
    assert doc.phases[0].extra == {"x-note": 1}
    assert doc.phases[0].steps[0].extra == {"x": 2}
    assert doc.to_dict() == tree


def test_from_dict_refuses_a_shape_the_model_cannot_hold() -> None:
    """A tree whose phases are not a list raises ValidationError listing the problems."""
    with pytest.raises(ValidationError) as caught:
        ComponentDocument.from_dict({"schemaVersion": 1.0, "phases": {"build": []}})
    assert caught.value.field == "data"
    assert caught.value.problems == ("phases: must be a list of phases, not a mapping",)


def test_from_dict_refuses_a_non_integer_timeout() -> None:
    """A timeout the model cannot hold as an int is refused, naming the place."""
    tree: dict[str, JsonValue] = {
        "schemaVersion": 1.0,
        "phases": [
            {"name": "build", "steps": [{"name": "R", "action": "Reboot", "timeoutSeconds": "x"}]}
        ],
    }
    with pytest.raises(ValidationError) as caught:
        ComponentDocument.from_dict(tree)
    assert any("timeoutSeconds" in p for p in caught.value.problems)


def test_document_validate_and_check_methods() -> None:
    """The model's validate and check methods run the package functions."""
    doc = ComponentDocument(phases=[Phase("build", [Step("Say", "ExecuteBash")])])
    assert [p.path for p in doc.validate()] == ["phases[0].steps[0].inputs"]
    with pytest.raises(ValidationError):
        doc.check()
