"""Component and workflow documents: build them in Python, write YAML, validate them.

A component's ``data`` is a YAML document for AWSTOE, the AWS Task Orchestrator and
Executor: phases (``build``, ``validate``, ``test``) of steps, each step running an
action module with its inputs. This package models such documents, converts them to and
from YAML (PyYAML, the ``imagebuilder-sdk[yaml]`` extra), and checks them before they are
sent, reporting every problem at once.

>>> doc = ComponentDocument(
...     name="hello",
...     phases=[Phase("build", [ExecuteBash("Say", ["echo hi"])])],
... )
>>> validate(doc)
[]
>>> print(doc.to_yaml())
name: hello
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Say
        action: ExecuteBash
        inputs:
          commands:
            - echo hi
<BLANKLINE>
>>> [str(p) for p in validate("schemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n"
...                           "      - {name: Say, action: ExecuteBash}\\n")]
["phases[0].steps[0].inputs: ExecuteBash needs inputs: 'commands' (a list of strings)"]
"""

from __future__ import annotations

from imagebuilder_sdk.documents._builders import (
    Assert,
    CreateFile,
    CreateFolder,
    DeleteFile,
    ExecuteBash,
    ExecuteBinary,
    ExecutePowerShell,
    OnFailure,
    Reboot,
    S3Download,
    S3Upload,
    UpdateOS,
    WebDownload,
)
from imagebuilder_sdk.documents._check import check
from imagebuilder_sdk.documents._model import (
    ComponentDocument,
    Constant,
    JsonValue,
    Loop,
    LoopRange,
    Parameter,
    Phase,
    Step,
)
from imagebuilder_sdk.documents._modules import ACTION_MODULES, InputSpec, ModuleSpec
from imagebuilder_sdk.documents._problems import Problem, Severity
from imagebuilder_sdk.documents._validate import max_data_length, validate
from imagebuilder_sdk.documents._workflow_actions import STEP_ACTIONS, StepActionSpec
from imagebuilder_sdk.documents._workflow_model import (
    StepFailure,
    WorkflowDocument,
    WorkflowOutput,
    WorkflowParameter,
    WorkflowStep,
    parameter_ref,
    step_output,
)
from imagebuilder_sdk.documents._workflow_validate import (
    MAX_STEPS,
    check_workflow,
    validate_workflow,
)

__all__ = [
    "ACTION_MODULES",
    "Assert",
    "ComponentDocument",
    "Constant",
    "CreateFile",
    "CreateFolder",
    "DeleteFile",
    "ExecuteBash",
    "ExecuteBinary",
    "ExecutePowerShell",
    "InputSpec",
    "JsonValue",
    "Loop",
    "LoopRange",
    "MAX_STEPS",
    "ModuleSpec",
    "OnFailure",
    "Parameter",
    "Phase",
    "Problem",
    "Reboot",
    "S3Download",
    "S3Upload",
    "STEP_ACTIONS",
    "Severity",
    "Step",
    "StepActionSpec",
    "StepFailure",
    "UpdateOS",
    "WebDownload",
    "WorkflowDocument",
    "WorkflowOutput",
    "WorkflowParameter",
    "WorkflowStep",
    "check",
    "check_workflow",
    "max_data_length",
    "parameter_ref",
    "step_output",
    "validate",
    "validate_workflow",
]
