"""Generate `imagebuilder_sdk.models` and the wire-name table from botocore's service model.

Run `make regen` (or `python tools/generate_models.py`) after a botocore upgrade; the test
`tests/unit/test_generated.py` fails when the committed files differ from what this
script writes, so the models never drift from the service model silently.

The script walks every structure and enum shape reachable from the 77 operations of the
service (`OPERATIONS`), leaves out the request/response wrappers, and writes:

- `src/imagebuilder_sdk/models/_enums.py` and one module per resource family;
- `src/imagebuilder_sdk/models/__init__.py`, re-exporting them;
- `src/imagebuilder_sdk/convert/_wire.py`, the table of API member names and date wire
  forms that only the converter reads, and the members every answer must contain (from
  the reviewed table in `tools/guaranteed_members.py`);
- `src/imagebuilder_sdk/arguments.py`, the typed keyword arguments of the write
  operations (see `tools/generate_arguments.py`).

A model attribute is Optional unless the reviewed table says the service always sends
it (for shapes that appear in answers) or botocore's model requires it (for shapes that
only ever go into requests).
"""

from __future__ import annotations

import keyword
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import botocore.session
from botocore import xform_name
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

if __package__ in (None, ""):  # run as a script: make `tools` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.generate_arguments import render_arguments
from tools.guaranteed_members import GUARANTEED
from tools.model_docs import CLASS_DOCS, MEMBER_DOCS, SHAPE_MEMBER_DOCS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "imagebuilder_sdk"

RESOURCES = (
    "Component",
    "ImageRecipe",
    "ContainerRecipe",
    "InfrastructureConfiguration",
    "DistributionConfiguration",
    "ImagePipeline",
    "Image",
)


def _operations() -> tuple[str, ...]:
    ops = set()
    for resource in RESOURCES:
        ops |= {f"Create{resource}", f"Get{resource}", f"Delete{resource}", f"List{resource}s"}
    for resource in ("InfrastructureConfiguration", "DistributionConfiguration", "ImagePipeline"):
        ops.add(f"Update{resource}")
    for resource in ("Component", "Image", "ImageRecipe", "ContainerRecipe"):
        ops |= {f"Get{resource}Policy", f"Put{resource}Policy"}
    ops |= {
        "ListComponentBuildVersions",
        "ListImageBuildVersions",
        "ImportComponent",
        "CancelImageCreation",
        "ListImagePackages",
        "StartImagePipelineExecution",
        "ListImagePipelineImages",
        "ListTagsForResource",
        "TagResource",
        "UntagResource",
    }
    return tuple(sorted(ops | NEWER_OPERATIONS))


#: The 28 operations botocore added after the original API: workflows, build control,
#: lifecycle policies, scan findings, imports and the marketplace.
NEWER_OPERATIONS = frozenset(
    {
        "CreateWorkflow",
        "GetWorkflow",
        "DeleteWorkflow",
        "ListWorkflows",
        "ListWorkflowBuildVersions",
        "GetWorkflowExecution",
        "ListWorkflowExecutions",
        "GetWorkflowStepExecution",
        "ListWorkflowStepExecutions",
        "ListWaitingWorkflowSteps",
        "SendWorkflowStepAction",
        "RetryImage",
        "DistributeImage",
        "CreateLifecyclePolicy",
        "GetLifecyclePolicy",
        "UpdateLifecyclePolicy",
        "DeleteLifecyclePolicy",
        "ListLifecyclePolicies",
        "GetLifecycleExecution",
        "ListLifecycleExecutions",
        "ListLifecycleExecutionResources",
        "CancelLifecycleExecution",
        "StartResourceStateUpdate",
        "ListImageScanFindings",
        "ListImageScanFindingAggregations",
        "ImportVmImage",
        "ImportDiskImage",
        "GetMarketplaceResource",
    }
)

#: The 77 operations of the service whose shapes the models cover.
OPERATIONS = _operations()

#: Which module each structure lives in; a shape not named here goes to `_common`.
MODULES: dict[str, tuple[str, ...]] = {
    "_components": (
        "Component",
        "ComponentSummary",
        "ComponentVersion",
        "ComponentState",
        "ComponentParameter",
        "ComponentParameterDetail",
        "ComponentConfiguration",
        "ProductCodeListItem",
    ),
    "_recipes": (
        "ImageRecipe",
        "ImageRecipeSummary",
        "ContainerRecipe",
        "ContainerRecipeSummary",
        "InstanceBlockDeviceMapping",
        "EbsInstanceBlockDeviceSpecification",
        "InstanceConfiguration",
        "AdditionalInstanceConfiguration",
        "SystemsManagerAgent",
        "TargetContainerRepository",
    ),
    "_infrastructure": (
        "InfrastructureConfiguration",
        "InfrastructureConfigurationSummary",
        "Logging",
        "S3Logs",
        "InstanceMetadataOptions",
        "Placement",
        "ParentInstanceConfiguration",
        "AutoScalingGroupConfiguration",
    ),
    "_distribution": (
        "DistributionConfiguration",
        "DistributionConfigurationSummary",
        "Distribution",
        "AmiDistributionConfiguration",
        "LaunchPermissionConfiguration",
        "ContainerDistributionConfiguration",
        "LaunchTemplateConfiguration",
        "S3ExportConfiguration",
        "FastLaunchConfiguration",
        "FastLaunchLaunchTemplateSpecification",
        "FastLaunchSnapshotConfiguration",
        "SsmParameterConfiguration",
    ),
    "_pipelines": (
        "ImagePipeline",
        "Schedule",
        "AutoDisablePolicy",
        "PipelineLoggingConfiguration",
        "ImageTestsConfiguration",
        "ImageScanningConfiguration",
        "EcrConfiguration",
        "ScanResultCondition",
        "WorkflowConfiguration",
        "WorkflowParameter",
    ),
    "_images": (
        "Image",
        "ImageSummary",
        "ImageVersion",
        "ImageState",
        "ImageFailureContext",
        "ComponentFailureContext",
        "DistributionFailureContext",
        "RegionFailure",
        "OutputResources",
        "Ami",
        "Container",
        "ImagePackage",
        "ImageScanState",
        "ImageLoggingConfiguration",
        "LatestVersionReferences",
        "RegisterImageOptions",
        "WindowsConfiguration",
    ),
    "_workflows": (
        "Workflow",
        "WorkflowSummary",
        "WorkflowVersion",
        "WorkflowState",
        "WorkflowParameterDetail",
        "WorkflowExecutionMetadata",
        "WorkflowStepMetadata",
        "WorkflowStepExecution",
    ),
    "_lifecycle": (
        "LifecyclePolicy",
        "LifecyclePolicySummary",
        "LifecyclePolicyDetail",
        "LifecyclePolicyDetailAction",
        "LifecyclePolicyDetailActionIncludeResources",
        "LifecyclePolicyDetailExclusionRules",
        "LifecyclePolicyDetailExclusionRulesAmis",
        "LifecyclePolicyDetailExclusionRulesAmisLastLaunched",
        "LifecyclePolicyDetailFilter",
        "LifecyclePolicyResourceSelection",
        "LifecyclePolicyResourceSelectionRecipe",
        "LifecycleExecution",
        "LifecycleExecutionResource",
        "LifecycleExecutionResourceAction",
        "LifecycleExecutionResourceState",
        "LifecycleExecutionResourcesImpactedSummary",
        "LifecycleExecutionSnapshotResource",
        "LifecycleExecutionState",
        "ResourceState",
        "ResourceStateUpdateExclusionRules",
        "ResourceStateUpdateIncludeResources",
    ),
    "_findings": (
        "ImageScanFinding",
        "ImageScanFindingsFilter",
        "ImageScanFindingAggregation",
        "AccountAggregation",
        "ImageAggregation",
        "ImagePipelineAggregation",
        "VulnerabilityIdAggregation",
        "SeverityCounts",
        "PackageVulnerabilityDetails",
        "VulnerablePackage",
        "CvssScore",
        "CvssScoreDetails",
        "CvssScoreAdjustment",
        "InspectorScoreDetails",
        "Remediation",
        "RemediationRecommendation",
    ),
}

MODULE_DOCS = {
    "_common": "Model classes shared by several resources.",
    "_components": "Model classes for components and their parts.",
    "_recipes": "Model classes for image and container recipes and their parts.",
    "_infrastructure": "Model classes for infrastructure configurations and their parts.",
    "_distribution": "Model classes for distribution configurations and their parts.",
    "_pipelines": "Model classes for image pipelines and their parts.",
    "_images": "Model classes for images, their state and their outputs.",
    "_workflows": "Model classes for workflows, their runs and their steps.",
    "_lifecycle": "Model classes for lifecycle policies, their runs and resource state updates.",
    "_findings": "Model classes for image scan findings and their counts.",
}

HEADER = "# Generated by tools/generate_models.py from botocore's service model; do not edit.\n"


def load_model() -> ServiceModel:
    """The installed botocore's Image Builder service model."""
    return botocore.session.get_session().get_service_model("imagebuilder")


def reachable(model: ServiceModel) -> tuple[list[StructureShape], list[StringShape]]:
    """Structure and enum shapes reachable from `OPERATIONS`, wrappers left out."""
    structures: dict[str, StructureShape] = {}
    enums: dict[str, StringShape] = {}

    def walk(shape: Shape) -> None:
        if isinstance(shape, StructureShape):
            if shape.name not in structures:
                structures[shape.name] = shape
                for member in shape.members.values():
                    walk(member)
        elif isinstance(shape, ListShape):
            walk(shape.member)
        elif isinstance(shape, MapShape):
            walk(shape.key)
            walk(shape.value)
        elif isinstance(shape, StringShape) and shape.enum:
            enums[shape.name] = shape

    for name in OPERATIONS:
        operation = model.operation_model(name)
        for wrapper in (operation.input_shape, operation.output_shape):
            if isinstance(wrapper, StructureShape):
                for member in wrapper.members.values():
                    walk(member)
    return (
        sorted(structures.values(), key=lambda s: s.name),
        sorted(enums.values(), key=lambda s: s.name),
    )


def answer_shapes(model: ServiceModel) -> set[str]:
    """Names of the structures that appear in answers: reachable from an output shape."""
    found: set[str] = set()

    def walk(shape: Shape) -> None:
        if isinstance(shape, StructureShape):
            if shape.name not in found:
                found.add(shape.name)
                for member in shape.members.values():
                    walk(member)
        elif isinstance(shape, ListShape):
            walk(shape.member)
        elif isinstance(shape, MapShape):
            walk(shape.value)

    for name in OPERATIONS:
        output = model.operation_model(name).output_shape
        if isinstance(output, StructureShape):
            for member in output.members.values():
                walk(member)
    return found


def check_guaranteed(model: ServiceModel) -> None:
    """Refuse a table row that names a shape or member the service model does not have."""
    for shape_name, members in GUARANTEED.items():
        try:
            shape = model.shape_for(shape_name)
        except Exception:
            raise SystemExit(f"tools/guaranteed_members.py: no shape {shape_name}") from None
        assert isinstance(shape, StructureShape)
        unknown = sorted(set(members) - set(shape.members))
        if unknown:
            raise SystemExit(f"tools/guaranteed_members.py: {shape_name} has no {unknown}")


def is_required(shape: StructureShape, member: str, answers: set[str]) -> bool:
    """Whether a model attribute is required (not Optional).

    A shape that appears in answers requires only the members the reviewed table says
    the service always sends; botocore's `required` flags are not promises about
    answers. A shape that only ever goes into requests follows botocore's flags, which
    are the service's rules for what a request must contain.
    """
    if shape.name in answers:
        return member in GUARANTEED.get(shape.name, ())
    return member in shape.required_members


def attribute_name(member: str) -> str:
    """The Python attribute for an API member: botocore's snake case, `_` after keywords."""
    name = xform_name(member)
    return f"{name}_" if keyword.iskeyword(name) else name


def enum_member_name(value: str) -> str:
    """A Python constant name for an enum value (``aws:ec2:image`` -> ``AWS_EC2_IMAGE``)."""
    cleaned = "".join(ch if ch.isalnum() else "_" for ch in value)
    name = xform_name(cleaned).upper().strip("_")
    while "__" in name:
        name = name.replace("__", "_")
    return f"_{name}" if name[0].isdigit() else name


def date_kind(shape: Shape) -> str | None:
    """``"iso"`` for the service's ISO-8601 string dates, ``"epoch"`` for timestamps."""
    if shape.type_name == "timestamp":
        return "epoch"
    if shape.type_name == "string" and shape.name == "DateTime":
        return "iso"
    return None


def annotation(shape: Shape) -> str:
    """The Python type of a member's shape."""
    if isinstance(shape, StructureShape):
        return shape.name
    if isinstance(shape, ListShape):
        return f"Sequence[{annotation(shape.member)}]"
    if isinstance(shape, MapShape):
        return f"dict[{annotation(shape.key)}, {annotation(shape.value)}]"
    if date_kind(shape):
        return "datetime"
    if isinstance(shape, StringShape) and shape.enum:
        return shape.name
    return {
        "string": "str",
        "boolean": "bool",
        "integer": "int",
        "long": "int",
        "float": "float",
        "double": "float",
    }[shape.type_name]


def referenced(shape: Shape) -> Iterable[str]:
    """Names of structures and enums a member's type refers to."""
    if isinstance(shape, StructureShape):
        yield shape.name
    elif isinstance(shape, ListShape):
        yield from referenced(shape.member)
    elif isinstance(shape, MapShape):
        yield from referenced(shape.key)
        yield from referenced(shape.value)
    elif isinstance(shape, StringShape) and shape.enum and not date_kind(shape):
        yield shape.name


def module_of(name: str) -> str:
    for module, names in MODULES.items():
        if name in names:
            return module
    return "_common"


#: Accessors some classes get beyond those of their `arn` and `version`.
EXTRA_MIXINS = {"Image": ["HasOutputs"]}


def mixins(shape: StructureShape) -> list[str]:
    """Typed accessors a class gets for its `arn` and `version` members.

    They are for members every answer carries; a shape whose `arn` or `version` is not
    in the reviewed table gets none (the accessors would have nothing to parse).
    """
    bases = []
    for member, base in (("arn", "HasArn"), ("version", "HasVersion")):
        shape_member = shape.members.get(member)
        guaranteed = member in GUARANTEED.get(shape.name, ())
        if shape_member is not None and shape_member.type_name == "string" and guaranteed:
            bases.append(base)
    return bases + EXTRA_MIXINS.get(shape.name, [])


def render_enums(enums: list[StringShape]) -> str:
    out = [
        HEADER,
        '"""Enumerations of the Image Builder API, each tolerant of values added later."""\n',
        "from imagebuilder_sdk.models._base import OpenEnum\n",
        f"__all__ = {sorted(e.name for e in enums)!r}\n",
    ]
    for shape in enums:
        doc = CLASS_DOCS.get(shape.name, f"Values of {shape.name}.")
        lines = [f"class {shape.name}(OpenEnum):", f'    """{doc}"""', ""]
        lines += [f"    {enum_member_name(v)} = {v!r}" for v in shape.enum]
        out.append("\n".join(lines) + "\n")
    return "\n\n".join(out)


def _order(shapes: list[StructureShape]) -> list[StructureShape]:
    """Shapes so that each comes after the classes of its own module it refers to."""
    by_name = {s.name: s for s in shapes}
    done: list[StructureShape] = []
    seen: set[str] = set()

    def visit(shape: StructureShape) -> None:
        if shape.name in seen:
            return
        seen.add(shape.name)
        for member in shape.members.values():
            for ref in referenced(member):
                if ref in by_name:
                    visit(by_name[ref])
        done.append(shape)

    for shape in shapes:
        visit(shape)
    return done


def member_doc(shape: StructureShape, member: str) -> str:
    doc = SHAPE_MEMBER_DOCS.get((shape.name, member)) or MEMBER_DOCS.get(member)
    if doc is None:
        raise SystemExit(f"no docstring for {shape.name}.{member}: add one to tools/model_docs.py")
    return doc


def render_module(
    module: str, shapes: list[StructureShape], enum_names: set[str], answers: set[str]
) -> str:
    local = {s.name for s in shapes}
    needs_datetime = needs_sequence = False
    imports: dict[str, set[str]] = {}
    bases_used: set[str] = set()
    for shape in shapes:
        bases_used.update(mixins(shape))
        for member in shape.members.values():
            text = annotation(member)
            needs_datetime |= "datetime" in text
            needs_sequence |= "Sequence[" in text
            for ref in referenced(member):
                if ref in local:
                    continue
                source = "_enums" if ref in enum_names else module_of(ref)
                imports.setdefault(source, set()).add(ref)
    out = [HEADER, f'"""{MODULE_DOCS[module]}"""\n']
    head = []
    if needs_sequence:
        head.append("from collections.abc import Sequence")
    if needs_datetime:
        head.append("from datetime import datetime")
    head.append("\nimport attrs\n")
    head.append("from imagebuilder_sdk.models._base import Model")
    for source in sorted(imports):
        names = ", ".join(sorted(imports[source]))
        head.append(f"from imagebuilder_sdk.models.{source} import {names}")
    if bases_used:
        head.append(f"from imagebuilder_sdk.models._typed import {', '.join(sorted(bases_used))}")
    out.append("\n".join(head) + "\n")
    out.append(f"__all__ = {sorted(local)!r}\n")
    for shape in _order(shapes):
        bases = ["Model", *mixins(shape)]
        lines = [
            "@attrs.frozen(kw_only=True, repr=False)",  # Model's short repr instead
            f"class {shape.name}({', '.join(bases)}):",
            f'    """{CLASS_DOCS[shape.name]}"""',
            "",
        ]
        for member_name, member in shape.members.items():
            attr = attribute_name(member_name)
            text = annotation(member)
            if is_required(shape, member_name, answers):
                lines.append(f"    {attr}: {text}")
            else:
                lines.append(f"    {attr}: {text} | None = None")
            lines.append(f'    """{member_doc(shape, member_name)}"""')
        out.append("\n".join(lines) + "\n")
    return "\n\n".join(out)


def render_init(modules: dict[str, list[StructureShape]], enums: list[StringShape]) -> str:
    lines = [
        HEADER,
        '"""Typed, immutable models of every Image Builder API shape the SDK uses.\n',
        "Each class is named like its shape in the service model and has one snake_case",
        "attribute per member. Models know nothing of the wire format: the converter in",
        '`imagebuilder_sdk.convert` turns API dicts into models and back.\n"""\n',
    ]
    everything: list[str] = []
    lines.append("from imagebuilder_sdk.models._base import Model, OpenEnum")
    everything += ["Model", "OpenEnum"]
    enum_names = sorted(e.name for e in enums)
    lines.append(f"from imagebuilder_sdk.models._enums import {', '.join(enum_names)}")
    everything += enum_names
    for module in sorted(modules):
        names = sorted(s.name for s in modules[module])
        lines.append(f"from imagebuilder_sdk.models.{module} import {', '.join(names)}")
        everything += names
    lines.append("from imagebuilder_sdk.models._typed import HasArn, HasOutputs, HasVersion")
    everything += ["HasArn", "HasOutputs", "HasVersion"]
    lines.append(f"\n__all__ = {sorted(everything)!r}\n")
    return "\n".join(lines)


def guaranteed_wire(model: ServiceModel, structures: list[StructureShape]) -> dict[str, list[str]]:
    """The table's rows for the shapes the SDK uses, operation answers included."""
    names = {s.name for s in structures}
    for operation in OPERATIONS:
        output = model.operation_model(operation).output_shape
        if output is not None:
            names.add(output.name)
    return {name: sorted(GUARANTEED[name]) for name in sorted(names) if GUARANTEED.get(name)}


def render_wire(structures: list[StructureShape], guaranteed: dict[str, list[str]]) -> str:
    wire: dict[str, dict[str, str]] = {}
    dates: dict[str, dict[str, str]] = {}
    for shape in structures:
        wire[shape.name] = {attribute_name(m): m for m in shape.members}
        kinds = {
            attribute_name(m): kind
            for m, s in shape.members.items()
            if (kind := date_kind(s)) is not None
        }
        if kinds:
            dates[shape.name] = kinds
    return "\n".join(
        [
            HEADER,
            '"""API member names and date wire forms of each model class, for the converter."""\n',
            '__all__ = ["DATE_FIELDS", "GUARANTEED", "WIRE_NAMES"]\n',
            "#: For each model class, its attribute names mapped to the API's member names.",
            f"WIRE_NAMES: dict[str, dict[str, str]] = {wire!r}\n",
            '#: Date attributes by class: "iso" (ISO-8601 string on the wire) or "epoch"',
            "#: (a timestamp botocore parses into a datetime).",
            f"DATE_FIELDS: dict[str, dict[str, str]] = {dates!r}\n",
            "#: API members every answer carrying a shape includes, by shape (output wrappers",
            "#: too), from the reviewed table in tools/guaranteed_members.py.",
            f"GUARANTEED: dict[str, tuple[str, ...]] = {_tuples(guaranteed)}\n",
        ]
    )


def _tuples(table: dict[str, list[str]]) -> str:
    rows = ", ".join(f"{name!r}: {tuple(members)!r}" for name, members in table.items())
    return "{" + rows + "}"


def generate(model: ServiceModel | None = None) -> dict[Path, str]:
    """Every generated file, by path, formatted as committed."""
    model = model or load_model()
    check_guaranteed(model)
    structures, enums = reachable(model)
    answers = answer_shapes(model)
    enum_names = {e.name for e in enums}
    modules: dict[str, list[StructureShape]] = {}
    for shape in structures:
        modules.setdefault(module_of(shape.name), []).append(shape)
    files: dict[Path, str] = {
        PACKAGE / "models" / "_enums.py": render_enums(enums),
        PACKAGE / "models" / "__init__.py": render_init(modules, enums),
        PACKAGE / "arguments.py": render_arguments(model, HEADER),
        PACKAGE / "convert" / "_wire.py": render_wire(
            structures, guaranteed_wire(model, structures)
        ),
    }
    for module, shapes in modules.items():
        files[PACKAGE / "models" / f"{module}.py"] = render_module(
            module, shapes, enum_names, answers
        )
    return {path: _format(path, text) for path, text in files.items()}


def _format(path: Path, text: str) -> str:
    """Format like the rest of the code base, with ruff (sorted imports, then layout)."""
    ruff = Path(sys.executable).parent / "ruff"
    args: list[Any] = ["--stdin-filename", str(path)]
    fixed = subprocess.run(
        [ruff, "check", "--select", "I,F401", "--fix-only", "--quiet", "-", *args],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    formatted: str = subprocess.run(
        [ruff, "format", "-", *args],
        input=fixed,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return formatted


def main() -> None:
    for path, text in generate().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
