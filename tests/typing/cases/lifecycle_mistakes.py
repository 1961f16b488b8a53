"""Deliberate mistakes with the newer operations; each `# E: <code>` line must be reported."""

from __future__ import annotations

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.lifecycle import keep_newest, select_recipes

ib = ImageBuilder.local()

# The policy's rules left out: a required argument.
ib.lifecycle_policies.create(  # E: call-overload
    name="keep-two",
    execution_role="lifecycle",
    resource_type="AMI_IMAGE",
    resource_selection=select_recipes(("web", "1.0.x")),
)
# A rule given as a dict instead of a builder's model.
ib.lifecycle_policies.create(
    name="keep-two",
    execution_role="lifecycle",
    resource_type="AMI_IMAGE",
    policy_details=[{"action": {"type": "DELETE"}}],  # E: list-item
    resource_selection=select_recipes(("web", "1.0.x")),
)
# An import without its VM Import task.
ib.images.import_vm(name="imported", semantic_version="1.0.0", platform="Linux")  # E: call-arg
# A count given as text.
keep_newest("2")  # E: arg-type
