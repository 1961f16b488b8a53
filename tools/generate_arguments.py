"""Generate `imagebuilder_sdk.arguments`: typed keyword-argument lists of the write operations.

Each repository method that takes keywords (`create`, `update`, `import_`, `start`)
declares them as ``**arguments: Unpack[<Operation>Arguments]``, a `TypedDict` written
here from the operation's input shape in botocore's service model. Members the model
says a request must contain are `Required`, so mypy reports a missing one; every other
member is `NotRequired`; `clientToken` is never required (the SDK mints one). Where a
method also takes a model, `<Operation>Overrides` lists the same keywords, none
required: they override the model's fields.

`ARGUMENT_DOCS` holds, for each operation, the keyword list as a docstring section that
the repositories append to their methods' docstrings, so `help()` shows every keyword.
"""

from __future__ import annotations

from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

from tools.model_docs import MEMBER_DOCS

#: Operations whose keywords are generated, with the keyword a member is renamed to.
ARGUMENT_OPERATIONS: dict[str, dict[str, str]] = {
    "CreateComponent": {},
    "ImportComponent": {},
    "CreateImageRecipe": {},
    "CreateContainerRecipe": {},
    "CreateInfrastructureConfiguration": {},
    "UpdateInfrastructureConfiguration": {"infrastructureConfigurationArn": "arn"},
    "CreateDistributionConfiguration": {},
    "UpdateDistributionConfiguration": {"distributionConfigurationArn": "arn"},
    "CreateImagePipeline": {},
    "UpdateImagePipeline": {"imagePipelineArn": "arn"},
    "CreateImage": {},
    "StartImagePipelineExecution": {},
    "CreateLifecyclePolicy": {},
    "UpdateLifecyclePolicy": {"lifecyclePolicyArn": "arn"},
    "ImportVmImage": {},
    "ImportDiskImage": {},
    "CreateWorkflow": {},
    "DistributeImage": {},
}

#: Members a method takes as its positional argument, so left out of its keywords.
POSITIONAL = frozenset(
    {
        ("StartImagePipelineExecution", "imagePipelineArn"),
        ("DistributeImage", "sourceImage"),
    }
)

#: Operations whose repository method also takes a model whose fields the keywords override.
MODEL_OPERATIONS = frozenset(
    {
        "CreateComponent",
        "CreateImageRecipe",
        "CreateContainerRecipe",
        "CreateInfrastructureConfiguration",
        "UpdateInfrastructureConfiguration",
        "CreateDistributionConfiguration",
        "UpdateDistributionConfiguration",
        "CreateImagePipeline",
        "UpdateImagePipeline",
        "CreateLifecyclePolicy",
        "UpdateLifecyclePolicy",
        "CreateWorkflow",
    }
)

#: Members a repository takes in a richer form than the wire type.
TYPE_OVERRIDES: dict[tuple[str, str], str] = {
    ("CreateComponent", "data"): "str | ComponentDocument",
    ("CreateImageRecipe", "parentImage"): "str | Arn",
    ("CreateContainerRecipe", "parentImage"): "str | Arn",
    ("ImportDiskImage", "platform"): "Platform | str",
    ("CreateWorkflow", "data"): "str | WorkflowDocument",
}

#: Required members the SDK fills in when they are not given (so not required of callers).
SDK_DEFAULTS = frozenset({("ImportComponent", "format")})

#: Members whose meaning differs from `MEMBER_DOCS` in a request, by (operation, member).
ARGUMENT_MEMBER_DOCS: dict[tuple[str, str], str] = {
    ("CreateWorkflow", "data"): "The workflow document: YAML text or a `WorkflowDocument`.",
    ("CreateWorkflow", "type"): "What the workflow runs in a build: ``BUILD``, ``TEST`` or "
    "``DISTRIBUTION``.",
}

#: What each request member means, where `MEMBER_DOCS` (written for answers) does not fit.
REQUEST_MEMBER_DOCS: dict[str, str] = {
    "clientToken": "Idempotency token; the SDK mints one per call and reuses it on retries.",
    "dryRun": "Only check that the request would succeed; create nothing.",
    "semanticVersion": "The new version (``major.minor.patch``), text or a `SemanticVersion`.",
    "imagePipelineArn": "ARN of the image pipeline.",
    "infrastructureConfigurationArn": "ARN of the infrastructure configuration builds use.",
    "distributionConfigurationArn": "ARN of the distribution configuration to apply.",
    "imageRecipeArn": "ARN of the image recipe to build (or a container recipe, not both).",
    "containerRecipeArn": "ARN of the container recipe to build (or an image recipe, not both).",
    "parentImage": "The base image: an image ARN or version filter, or an AMI id.",
    "data": "The component document: YAML text or a `ComponentDocument`.",
    "uri": "S3 URI of the document, instead of `data`.",
    "format": "The format of the imported data (``SHELL``).",
    "distributions": "The per-region distribution settings.",
    "dockerfileTemplateUri": "S3 URI of the Dockerfile template, instead of its text.",
    "platformOverride": "The platform of the parent image, when the service cannot tell.",
    "imageOsVersionOverride": "The OS version of the parent image, when the service cannot tell.",
    "vmImportTaskId": "The id of the finished VM Import task (``import-ami-...``) to import.",
    "registerImageOptions": "How the imported AMI is registered (Secure Boot, UEFI data).",
    "windowsConfiguration": "Which image of a Windows ISO (its index) to import.",
}

_MANAGES = "What the policy manages: AMI or container images."

#: Request members documented per operation, where one name means different things.
ARGUMENT_MEMBER_DOCS.update(
    {
        ("ImportDiskImage", "uri"): "S3 URI of the ISO disk image to import.",
        ("ImportDiskImage", "infrastructureConfigurationArn"): (
            "ARN of the infrastructure configuration the import runs on."
        ),
        ("CreateLifecyclePolicy", "executionRole"): (
            "The IAM role (name or ARN) the service assumes to run the policy."
        ),
        ("UpdateLifecyclePolicy", "executionRole"): (
            "The IAM role (name or ARN) the service assumes to run the policy."
        ),
        ("CreateLifecyclePolicy", "resourceType"): _MANAGES,
        ("UpdateLifecyclePolicy", "resourceType"): _MANAGES,
        ("CreateLifecyclePolicy", "status"): "ENABLED (the default: it runs daily) or DISABLED.",
        ("UpdateLifecyclePolicy", "status"): "ENABLED (it runs daily) or DISABLED.",
        ("CreateLifecyclePolicy", "policyDetails"): (
            "One to three rules (see `imagebuilder_sdk.lifecycle`): what to do, to which images."
        ),
        ("UpdateLifecyclePolicy", "policyDetails"): (
            "One to three rules (see `imagebuilder_sdk.lifecycle`): what to do, to which images."
        ),
        ("CreateLifecyclePolicy", "resourceSelection"): (
            "Which images the policy manages: by recipe or by tags (`imagebuilder_sdk.lifecycle`)."
        ),
        ("UpdateLifecyclePolicy", "resourceSelection"): (
            "Which images the policy manages: by recipe or by tags (`imagebuilder_sdk.lifecycle`)."
        ),
        ("ImportVmImage", "semanticVersion"): "The version of the imported image (``1.0.0``).",
        ("ImportDiskImage", "semanticVersion"): "The version of the imported image (``1.0.0``).",
    }
)

#: String shapes that hold an Image Builder ARN, which `imagebuilder_sdk.arns.Arn` parses
#: (IAM roles and SNS topics are ARNs of other services: plain text).
_IMAGEBUILDER_ARNS = frozenset(
    {
        "ComponentBuildVersionArn",
        "ComponentVersionArn",
        "ComponentVersionArnOrBuildVersionArn",
        "ContainerRecipeArn",
        "DistributionConfigurationArn",
        "ImageBuildVersionArn",
        "ImageBuilderArn",
        "ImagePipelineArn",
        "ImageRecipeArn",
        "ImageVersionArn",
        "ImageVersionArnOrBuildVersionArn",
        "InfrastructureConfigurationArn",
        "LifecyclePolicyArn",
        "WorkflowBuildVersionArn",
        "WorkflowVersionArnOrBuildVersionArn",
        "WorkflowWildcardVersionArn",
    }
)

_PLAIN = {
    "string": "str",
    "boolean": "bool",
    "integer": "int",
    "long": "int",
    "float": "float",
    "double": "float",
}


def argument_type(operation: str, member: str, shape: Shape) -> str:
    """The Python type a repository accepts for one request member."""
    override = TYPE_OVERRIDES.get((operation, member))
    if override is not None:
        return override
    if member == "semanticVersion":
        return "str | SemanticVersion"
    return _accepted(member, shape)


def _accepted(member: str, shape: Shape) -> str:
    if isinstance(shape, StructureShape):
        return shape.name
    if isinstance(shape, ListShape):
        return f"Sequence[{_accepted('', shape.member)}]"
    if isinstance(shape, MapShape):
        return f"Mapping[{_accepted('', shape.key)}, {_accepted('', shape.value)}]"
    if shape.type_name == "timestamp":
        return "datetime"
    if isinstance(shape, StringShape) and shape.enum:
        return f"{shape.name} | str"
    if shape.type_name == "string" and member.endswith("Arn") and shape.name in _IMAGEBUILDER_ARNS:
        return "str | Arn"
    return _PLAIN[shape.type_name]


def attribute_name(member: str) -> str:
    from tools.generate_models import attribute_name as name

    return name(member)


def keyword(operation: str, member: str) -> str:
    return ARGUMENT_OPERATIONS[operation].get(member) or attribute_name(member)


def member_doc(operation: str, member: str) -> str:
    doc = (
        ARGUMENT_MEMBER_DOCS.get((operation, member))
        or REQUEST_MEMBER_DOCS.get(member)
        or MEMBER_DOCS.get(member)
    )
    if doc is None:
        raise SystemExit(
            f"no docstring for {operation}.{member}: add one to tools/generate_arguments.py"
        )
    return doc


def _members(model: ServiceModel, operation: str) -> list[tuple[str, Shape, bool]]:
    shape = model.operation_model(operation).input_shape
    assert isinstance(shape, StructureShape)
    required = set(shape.required_members) - {"clientToken"}
    required -= {member for op, member in SDK_DEFAULTS if op == operation}
    return [
        (name, member, name in required)
        for name, member in shape.members.items()
        if (operation, name) not in POSITIONAL
    ]


def _typed_dict(
    model: ServiceModel, operation: str, suffix: str, doc: str, with_required: bool
) -> str:
    lines = [f"class {operation}{suffix}(TypedDict, total=False):", f'    """{doc}"""', ""]
    for member, shape, required in _members(model, operation):
        text = argument_type(operation, member, shape)
        # None means "not given", as everywhere in the SDK; a required one must be given.
        text = f"Required[{text}]" if required and with_required else f"{text} | None"
        lines.append(f"    {keyword(operation, member)}: {text}")
        lines.append(f'    """{member_doc(operation, member)}"""')
    return "\n".join(lines) + "\n"


def _docs(model: ServiceModel, operation: str) -> str:
    lines = ["Keyword Args:"]
    for member, _, required in _members(model, operation):
        mark = " (required unless a model gives it)" if required else ""
        if required and operation not in MODEL_OPERATIONS:
            mark = " (required)"
        lines.append(f"    {keyword(operation, member)}: {member_doc(operation, member)}{mark}")
    return "\n".join(lines)


def referenced_names(model: ServiceModel) -> tuple[set[str], set[str]]:
    """(structure names, enum names) the argument types refer to."""
    structures: set[str] = set()
    enums: set[str] = set()

    def walk(shape: Shape) -> None:
        if isinstance(shape, StructureShape):
            structures.add(shape.name)
        elif isinstance(shape, ListShape):
            walk(shape.member)
        elif isinstance(shape, MapShape):
            walk(shape.key)
            walk(shape.value)
        elif isinstance(shape, StringShape) and shape.enum:
            enums.add(shape.name)

    for operation in ARGUMENT_OPERATIONS:
        for _, shape, _ in _members(model, operation):
            walk(shape)
    return structures, enums


def render_arguments(model: ServiceModel, header: str) -> str:
    structures, enums = referenced_names(model)
    names = sorted(structures | enums)
    classes: list[str] = []
    for operation in ARGUMENT_OPERATIONS:
        classes.append(f"{operation}Arguments")
        if operation in MODEL_OPERATIONS:
            classes.append(f"{operation}Overrides")
    head = [
        '"""Typed keyword arguments of the write operations, one `TypedDict` per operation.\n',
        "Repository methods declare their keywords with these (PEP 692), so mypy reports a",
        "missing required argument or a misspelt keyword. `<Operation>Overrides` are the",
        "same keywords, none required, for calls that also pass a model.",
        '"""\n',
        "from __future__ import annotations\n",
        "from collections.abc import Mapping, Sequence",
        "from datetime import datetime",
        "from typing import TYPE_CHECKING\n",
        "from typing_extensions import Required, TypedDict\n",
        "if TYPE_CHECKING:",
        "    from imagebuilder_sdk.arns import Arn",
        "    from imagebuilder_sdk.documents import ComponentDocument, WorkflowDocument",
        f"    from imagebuilder_sdk.models import {', '.join(names)}",
        "    from imagebuilder_sdk.versions import SemanticVersion\n",
        f"__all__ = {sorted([*classes, 'ARGUMENT_DOCS', 'KEYWORD_RENAMES'])!r}\n",
    ]
    out = [header, "\n".join(head)]
    for operation in ARGUMENT_OPERATIONS:
        out.append(
            _typed_dict(model, operation, "Arguments", f"Keyword arguments of {operation}.", True)
        )
        if operation in MODEL_OPERATIONS:
            out.append(
                _typed_dict(
                    model,
                    operation,
                    "Overrides",
                    f"Keyword arguments of {operation} that override a model's fields.",
                    False,
                )
            )
    docs = {operation: _docs(model, operation) for operation in ARGUMENT_OPERATIONS}
    out.append(
        "#: The keyword list of each operation, as a docstring section (Google style).\n"
        f"ARGUMENT_DOCS: dict[str, str] = {docs!r}\n"
    )
    renames = {
        operation: {new: attribute_name(member) for member, new in table.items()}
        for operation, table in ARGUMENT_OPERATIONS.items()
        if table
    }
    out.append(
        "#: Keywords that stand for a request parameter of another name, by operation.\n"
        f"KEYWORD_RENAMES: dict[str, dict[str, str]] = {renames!r}\n"
    )
    return "\n\n".join(out)
