"""The catalogue of AWSTOE action modules: their inputs, outputs and platforms.

Written from the AWSTOE action module reference in the Image Builder user guide. Each
module takes its inputs either as one mapping (``ExecuteBash``: ``commands: [...]``) or
as a list of mappings, one per item to act on (``S3Download``: ``- source: ...``).

>>> ACTION_MODULES["ExecuteBash"].input("commands").kind
'string_list'
>>> sorted(ACTION_MODULES["S3Download"].required_inputs)
['destination', 'source']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias

import attrs

__all__ = [
    "ACTION_MODULES",
    "ALL_PLATFORMS",
    "ASSERT_OPERATORS",
    "InputKind",
    "InputSpec",
    "ModuleSpec",
]

InputKind: TypeAlias = Literal[
    "string", "boolean", "integer", "string_list", "string_map", "parameters", "any"
]
"""The kinds of input value: ``parameters`` is ExecuteDocument's list of
``{name, value}`` mappings; ``any`` is a scalar or a list (SetRegistry's ``value``)."""

ALL_PLATFORMS = frozenset({"Linux", "Windows", "macOS"})
"""The platforms the service knows (the service model's ``Platform`` enum)."""

_NOT_WINDOWS = frozenset({"Linux", "macOS"})
_WINDOWS = frozenset({"Windows"})

_ENCODINGS = tuple(
    f"{utf}{bits}{order}"
    for utf in ("utf", "utf-")
    for bits in ("8", "16", "32")
    for order in (("",) if bits == "8" else ("", "-le", "-be"))
)

ASSERT_OPERATORS = frozenset(
    {
        "and",
        "or",
        "not",
        "stringIsEmpty",
        "stringIsWhitespace",
        "stringEquals",
        "stringLessThan",
        "stringLessThanEquals",
        "stringGreaterThan",
        "stringGreaterThanEquals",
        "patternMatches",
        "numberEquals",
        "numberLessThan",
        "numberLessThanEquals",
        "numberGreaterThan",
        "numberGreaterThanEquals",
        "booleanEquals",
        "fileExists",
        "folderExists",
        "fileMD5Equals",
        "fileSHA1Equals",
        "fileSHA256Equals",
        "fileSHA512Equals",
        "semanticVersionEquals",
        "semanticVersionLessThan",
        "semanticVersionLessThanEquals",
        "semanticVersionGreaterThan",
        "semanticVersionGreaterThanEquals",
    }
)
"""The comparison and logical operators of ``Assert`` inputs and ``if`` conditions."""


@attrs.frozen
class InputSpec:
    """One input of an action module."""

    name: str
    kind: InputKind = "string"
    required: bool = False
    choices: tuple[str, ...] = ()
    """The values allowed (compared without case), if the module restricts them."""
    windows: bool = True
    """False when the module refuses this input on Windows."""


@attrs.frozen
class ModuleSpec:
    """What an action module accepts and returns."""

    name: str
    layout: Literal["mapping", "list"]
    """``mapping``: inputs is one mapping; ``list``: a list of mappings."""
    inputs: tuple[InputSpec, ...]
    platforms: frozenset[str] = ALL_PLATFORMS
    inputs_required: bool = True
    """False when the step may leave ``inputs`` out (UpdateOS, Reboot)."""
    one_of: tuple[str, ...] = ()
    """Inputs of which exactly one must be given."""
    outputs: tuple[str, ...] | None = ()
    """Output names for ``{{ phase.step.outputs.name }}``; None when not documented."""

    def input(self, name: str) -> InputSpec | None:
        """The spec of input `name`, or None."""
        return next((spec for spec in self.inputs if spec.name == name), None)

    @property
    def required_inputs(self) -> frozenset[str]:
        """Names of the inputs that must be given."""
        return frozenset(spec.name for spec in self.inputs if spec.required)


def _req(name: str, kind: InputKind = "string") -> InputSpec:
    return InputSpec(name, kind, required=True)


def _opt(name: str, kind: InputKind = "string", *choices: str) -> InputSpec:
    return InputSpec(name, kind, choices=choices)


def _unix(name: str, *, required: bool = False) -> InputSpec:
    return InputSpec(name, "string", required=required, windows=False)


_TRANSFER = (_req("source"), _req("destination"), _opt("overwrite", "boolean"))
_MSI = (
    _req("path"),
    _opt("reboot", "string", "Allow", "Force", "Skip"),
    _opt("logOptions"),
    _opt("logFile"),
    _opt("properties", "string_map"),
    _opt("ignoreAuthenticodeSignatureErrors", "boolean"),
    _opt("allowUnsignedInstaller", "boolean"),
)
_ENCODING = InputSpec("encoding", choices=_ENCODINGS)

_SPECS = (
    ModuleSpec("Assert", "mapping", (), outputs=None),
    ModuleSpec("ExecuteBash", "mapping", (_req("commands", "string_list"),), _NOT_WINDOWS,
               outputs=("stdout",)),
    ModuleSpec("ExecuteBinary", "mapping", (_req("path"), _opt("arguments", "string_list")),
               outputs=("stdout",)),
    ModuleSpec("ExecuteDocument", "mapping",
               (_req("document"), _opt("document-s3-bucket-owner"), _opt("phases"),
                _opt("parameters", "parameters")), outputs=None),
    ModuleSpec("ExecutePowerShell", "mapping",
               (_opt("commands", "string_list"), _opt("file")), _WINDOWS,
               one_of=("commands", "file"), outputs=("stdout",)),
    ModuleSpec("S3Download", "list",
               (_req("source"), _req("destination"), _opt("expectedBucketOwner"),
                _opt("overwrite", "boolean"))),
    ModuleSpec("S3Upload", "list",
               (_req("source"), _req("destination"), _opt("recurse", "boolean"),
                _opt("expectedBucketOwner"))),
    ModuleSpec("WebDownload", "list",
               (*_TRANSFER, _opt("checksum"),
                _opt("algorithm", "string", "MD5", "SHA1", "SHA256", "SHA512"),
                _opt("ignoreCertificateErrors", "boolean")), outputs=("destination",)),
    ModuleSpec("AppendFile", "list", (_req("path"), _opt("content"), _ENCODING)),
    ModuleSpec("CopyFile", "list", _TRANSFER),
    ModuleSpec("CopyFolder", "list", _TRANSFER),
    ModuleSpec("CreateFile", "list",
               (_req("path"), _opt("content"), _ENCODING, _unix("owner"), _unix("group"),
                _unix("permissions"), _opt("overwrite", "boolean"))),
    ModuleSpec("CreateFolder", "list",
               (_req("path"), _unix("owner"), _unix("group"), _unix("permissions"),
                _opt("overwrite", "boolean"))),
    ModuleSpec("CreateSymlink", "list",
               (_req("path"), _req("target"), _opt("force", "boolean")), _NOT_WINDOWS),
    ModuleSpec("DeleteFile", "list", (_req("path"),)),
    ModuleSpec("DeleteFolder", "list", (_req("path"), _opt("force", "boolean"))),
    ModuleSpec("ListFiles", "list",
               (_req("path"), _opt("fileNamePattern"), _opt("recursive", "boolean")),
               outputs=("files",)),
    ModuleSpec("MoveFile", "list", _TRANSFER),
    ModuleSpec("MoveFolder", "list", _TRANSFER),
    ModuleSpec("ReadFile", "list",
               (_req("path"), _ENCODING, _opt("printFileContent", "boolean")),
               outputs=("content",)),
    ModuleSpec("SetFileEncoding", "list", (_req("path"), _ENCODING)),
    ModuleSpec("SetFileOwner", "list", (_req("path"), _req("owner"), _opt("group")),
               _NOT_WINDOWS),
    ModuleSpec("SetFolderOwner", "list",
               (_req("path"), _req("owner"), _opt("group"), _opt("recursive", "boolean")),
               _NOT_WINDOWS),
    ModuleSpec("SetFilePermissions", "list", (_req("path"), _req("permissions")),
               _NOT_WINDOWS),
    ModuleSpec("SetFolderPermissions", "list",
               (_req("path"), _req("permissions"), _opt("recursive", "boolean")),
               _NOT_WINDOWS),
    ModuleSpec("InstallMSI", "mapping", _MSI, _WINDOWS,
               outputs=("logFile", "msiExitCode", "stdout")),
    ModuleSpec("UninstallMSI", "mapping", _MSI, _WINDOWS,
               outputs=("logFile", "msiExitCode", "stdout")),
    ModuleSpec("Reboot", "mapping", (_opt("delaySeconds", "integer"),), inputs_required=False),
    ModuleSpec("SetRegistry", "list",
               (_req("path"), _req("name"), _req("value", "any"),
                InputSpec("type", required=True,
                          choices=("BINARY", "DWORD", "QWORD", "SZ", "EXPAND_SZ", "MULTI_SZ"))),
               _WINDOWS),
    ModuleSpec("UpdateOS", "mapping",
               (_opt("include", "string_list"), _opt("exclude", "string_list")),
               inputs_required=False),
)  # fmt: skip

ACTION_MODULES: Mapping[str, ModuleSpec] = MappingProxyType({s.name: s for s in _SPECS})
"""Every action module AWSTOE documents, by name."""
