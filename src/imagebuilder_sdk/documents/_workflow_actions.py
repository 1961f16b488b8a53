"""The step actions a workflow document may run, with the inputs each one needs.

From the EC2 Image Builder user guide, "Supported step actions for your workflow
document" (https://docs.aws.amazon.com/imagebuilder/latest/userguide/wfdoc-step-actions.html):
the seventeen actions, the inputs the guide marks as required, and the outputs a later
step can read through ``$.stepOutputs.<step>.<output>``. Where the guide lists no
outputs for an action, `outputs` is None and references to it are not checked by name.

>>> STEP_ACTIONS["ExecuteComponents"].required
('instanceId',)
>>> "WaitForAction" in STEP_ACTIONS
True
"""

from __future__ import annotations

import attrs

__all__ = ["STEP_ACTIONS", "StepActionSpec"]


@attrs.frozen
class StepActionSpec:
    """What the validator knows of one step action."""

    name: str
    """The action, as a step's ``action`` names it (``LaunchInstance``)."""
    required: tuple[str, ...] = ()
    """Inputs the step must give."""
    outputs: tuple[str, ...] | None = None
    """What later steps can read from its ``stepOutputs``; None where not listed."""
    inputs: tuple[str, ...] | None = None
    """Every input it reads, where the validator knows them all; None otherwise."""


_RUN_COMMAND_OUTPUTS = ("runCommandId", "status", "output")

#: Every step action of the user guide, by name.
STEP_ACTIONS: dict[str, StepActionSpec] = {
    spec.name: spec
    for spec in (
        StepActionSpec("ApplyImageConfigurations", required=("region",)),
        StepActionSpec(
            "BootstrapInstanceForContainer",
            required=("instanceId",),
            outputs=_RUN_COMMAND_OUTPUTS,
        ),
        StepActionSpec("CollectImageMetadata", required=("instanceId",)),
        StepActionSpec("CollectImageScanFindings"),
        StepActionSpec("CreateImage", required=("instanceId",), outputs=("imageId",)),
        StepActionSpec("DistributeImage"),
        StepActionSpec("ExecuteComponents", required=("instanceId",), outputs=_RUN_COMMAND_OUTPUTS),
        StepActionSpec("ExecuteStateMachine", required=("stateMachineArn",)),
        StepActionSpec("LaunchInstance", outputs=("instanceId",)),
        StepActionSpec("ModifyImageAttributes"),
        StepActionSpec("RegisterImage"),
        StepActionSpec(
            "RunCommand", required=("documentName", "instanceId"), outputs=_RUN_COMMAND_OUTPUTS
        ),
        StepActionSpec("RunSysPrep", required=("instanceId",), outputs=_RUN_COMMAND_OUTPUTS),
        StepActionSpec("SanitizeInstance", required=("instanceId",), outputs=_RUN_COMMAND_OUTPUTS),
        StepActionSpec("TerminateInstance", required=("instanceId",)),
        # The build stops here until SendWorkflowStepAction resumes or stops it; the one
        # input it reads is a topic to tell someone that it waits.
        StepActionSpec("WaitForAction", inputs=("snsTopicArn",)),
        StepActionSpec("WaitForSSMAgent", required=("instanceId",)),
    )
}
