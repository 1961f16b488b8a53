"""The validator reports every problem of a document at once, in document order."""

from __future__ import annotations

from imagebuilder_sdk.documents import validate

MANY = """\
schemaVersion: 2
parameters:
  - Region:
      type: str
phases:
  - name: build
    steps:
      - name: Install App
        action: ExecuteBash
        onFailure: Stop
        inputs:
          commands: dnf install -y nginx
      - name: Fetch
        action: S3Download
        inputs:
          source: s3://bucket/app.zip
      - name: Use
        action: ExecuteBash
        inputs:
          commands:
            - unzip '{{ build.Fetch.outputs.destination }}' -d '{{ Regoin }}'
"""


def test_document_with_several_problems_reports_all_of_them() -> None:
    """Each broken rule in one document shows up in the one result."""
    assert [str(p) for p in validate(MANY) if p.is_error] == [
        "schemaVersion: '2' is not a schema version; use 1.0",
        "parameters[0].Region.type: 'str' is not string, integer, boolean or stringList; "
        "did you mean 'string'?",
        "phases[0].steps[0].name: 'Install App' is not a valid step name; "
        "use letters, digits, '-' and '_' only",
        "phases[0].steps[0].onFailure: 'Stop' is not Abort, Continue or Ignore",
        "phases[0].steps[0].inputs.commands: ExecuteBash needs 'commands', a list of strings, "
        "not a string",
        "phases[0].steps[1].inputs: S3Download takes a list of mappings, one per item; "
        "start each with '- '",
        "phases[0].steps[2].inputs.commands[0]: '{{ build.Fetch.outputs.destination }}': "
        "S3Download has no output 'destination' (it outputs nothing)",
        "phases[0].steps[2].inputs.commands[0]: '{{ Regoin }}' names no parameter or "
        "constant; declare 'Regoin' under parameters or constants, or fix the spelling",
    ]
