"""Helper constructors: a typed `Step` for each common action module.

Each helper takes the step name, the module's inputs as keyword arguments in Python
spelling, and the usual step options (`on_failure`, `timeout_seconds`,
`max_attempts`, `loop`, `if_`). Inputs left as None are left out of the document.
The helpers are spelled like the modules they stand for, so they read like the YAML.

>>> ExecuteBash("Hello", ["echo hello"]).inputs
{'commands': ['echo hello']}
>>> S3Download("Fetch", "s3://bucket/app.zip", "/tmp/app.zip").inputs
[{'source': 's3://bucket/app.zip', 'destination': '/tmp/app.zip'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeAlias

from imagebuilder_sdk.documents._model import JsonValue, Loop, Step

__all__ = [
    "Assert",
    "CreateFile",
    "CreateFolder",
    "DeleteFile",
    "ExecuteBash",
    "ExecuteBinary",
    "ExecutePowerShell",
    "OnFailure",
    "Reboot",
    "S3Download",
    "S3Upload",
    "UpdateOS",
    "WebDownload",
]

OnFailure: TypeAlias = Literal["Abort", "Continue", "Ignore"]
"""What a failed step does: stop the document, go on, or go on and count it a success."""


def _given(**inputs: JsonValue) -> dict[str, JsonValue]:
    return {key: value for key, value in inputs.items() if value is not None}


def _lines(commands: str | Iterable[str]) -> list[JsonValue]:
    return [commands] if isinstance(commands, str) else list(commands)


def _step(
    name: str,
    action: str,
    inputs: JsonValue,
    on_failure: OnFailure | None,
    timeout_seconds: int | None,
    max_attempts: int | None,
    loop: Loop | None,
    if_: Mapping[str, JsonValue] | None,
) -> Step:
    return Step(name, action, inputs, on_failure, timeout_seconds, max_attempts, loop, if_)


def ExecuteBash(
    name: str,
    commands: str | Iterable[str],
    *,
    on_failure: OnFailure | None = None,
    timeout_seconds: int | None = None,
    max_attempts: int | None = None,
    loop: Loop | None = None,
    if_: Mapping[str, JsonValue] | None = None,
) -> Step:
    """Run bash commands (Linux, macOS); exit code 194 asks AWSTOE to reboot and rerun."""
    inputs = {"commands": _lines(commands)}
    return _step(name, "ExecuteBash", inputs, on_failure, timeout_seconds, max_attempts, loop, if_)


def ExecutePowerShell(
    name: str,
    commands: str | Iterable[str] | None = None,
    *,
    file: str | None = None,
    on_failure: OnFailure | None = None,
    timeout_seconds: int | None = None,
    max_attempts: int | None = None,
    loop: Loop | None = None,
    if_: Mapping[str, JsonValue] | None = None,
) -> Step:
    """Run PowerShell commands, or a ``.ps1`` `file` (Windows); give one of the two."""
    inputs = _given(commands=None if commands is None else _lines(commands), file=file)
    return _step(
        name, "ExecutePowerShell", inputs, on_failure, timeout_seconds, max_attempts, loop, if_
    )


def ExecuteBinary(
    name: str,
    path: str,
    arguments: Sequence[str] | None = None,
    *,
    on_failure: OnFailure | None = None,
    timeout_seconds: int | None = None,
    max_attempts: int | None = None,
    loop: Loop | None = None,
    if_: Mapping[str, JsonValue] | None = None,
) -> Step:
    """Run the program at `path` with `arguments`."""
    inputs = _given(path=path, arguments=None if arguments is None else list(arguments))
    return _step(
        name, "ExecuteBinary", inputs, on_failure, timeout_seconds, max_attempts, loop, if_
    )


def _transfer(
    name: str, action: str, source: str, destination: str, options: dict[str, JsonValue]
) -> Step:
    return Step(name, action, [_given(source=source, destination=destination, **options)])


def S3Download(
    name: str,
    source: str,
    destination: str,
    *,
    expected_bucket_owner: str | None = None,
    overwrite: bool | None = None,
) -> Step:
    """Download an S3 object (or every object under ``prefix/*``) to `destination`."""
    options = _given(expectedBucketOwner=expected_bucket_owner, overwrite=overwrite)
    return _transfer(name, "S3Download", source, destination, options)


def S3Upload(
    name: str,
    source: str,
    destination: str,
    *,
    recurse: bool | None = None,
    expected_bucket_owner: str | None = None,
) -> Step:
    """Upload a local file (or files matching a ``*``) to an ``s3://`` destination."""
    options = _given(recurse=recurse, expectedBucketOwner=expected_bucket_owner)
    return _transfer(name, "S3Upload", source, destination, options)


def WebDownload(
    name: str,
    source: str,
    destination: str,
    *,
    checksum: str | None = None,
    algorithm: Literal["MD5", "SHA1", "SHA256", "SHA512"] | None = None,
    overwrite: bool | None = None,
) -> Step:
    """Download an HTTP(S) URL; with `checksum` and `algorithm`, verify the file."""
    options = _given(checksum=checksum, algorithm=algorithm, overwrite=overwrite)
    return _transfer(name, "WebDownload", source, destination, options)


def CreateFile(
    name: str,
    path: str,
    content: str | None = None,
    *,
    permissions: str | None = None,
    owner: str | None = None,
    group: str | None = None,
    overwrite: bool | None = None,
) -> Step:
    """Write a file; `permissions` is a string such as ``"0644"`` (not on Windows)."""
    entry = _given(
        path=path,
        content=content,
        owner=owner,
        group=group,
        permissions=permissions,
        overwrite=overwrite,
    )
    return Step(name, "CreateFile", [entry])


def CreateFolder(
    name: str, path: str, *, permissions: str | None = None, overwrite: bool | None = None
) -> Step:
    """Create a folder and any missing parents."""
    return Step(
        name, "CreateFolder", [_given(path=path, permissions=permissions, overwrite=overwrite)]
    )


def DeleteFile(name: str, *paths: str) -> Step:
    """Delete files; a path may end in a ``*`` wildcard."""
    return Step(name, "DeleteFile", [{"path": path} for path in paths])


def UpdateOS(
    name: str = "UpdateOS",
    *,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    on_failure: OnFailure | None = None,
    max_attempts: int | None = None,
) -> Step:
    """Install operating system updates (all, or only `include`, never `exclude`)."""
    inputs = _given(
        include=None if include is None else list(include),
        exclude=None if exclude is None else list(exclude),
    )
    return Step(name, "UpdateOS", inputs or None, on_failure, None, max_attempts)


def Reboot(name: str = "Reboot", *, delay_seconds: int | None = None) -> Step:
    """Restart the instance; the document goes on with the next step afterwards."""
    inputs = None if delay_seconds is None else {"delaySeconds": delay_seconds}
    return Step(name, "Reboot", inputs)


def Assert(
    name: str,
    operator: str,
    expected: JsonValue,
    value: JsonValue = None,
    *,
    on_failure: OnFailure | None = None,
) -> Step:
    """Fail the step unless ``value <operator> expected`` holds.

    `operator` is a comparison such as ``stringEquals`` or ``numberGreaterThan``;
    `value` is usually a reference, like ``"{{ build.Version.outputs.stdout }}"``.
    """
    inputs = _given(**{operator: expected, "value": value})
    return Step(name, "Assert", inputs, on_failure)
