"""The example of docs/testing.md's section on the newer controls runs as written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

PAGE = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
SECTION = "## Workflows, approvals, lifecycle and findings"


def test_the_section_example_runs_and_does_what_it_says() -> None:
    """Every python block of the section runs; the retry and the lifecycle run happened."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert blocks
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, str(PAGE), "exec"), namespace)
    client = namespace["client"]
    retried = client.list_workflow_executions(
        imageBuildVersionArn=namespace["failed"]["imageBuildVersionArn"]
    )["workflowExecutions"]
    assert [r["retried"] for r in retried] == [False, False, True]
    assert {r["action"]["name"] for r in namespace["acted"]} == {"DELETE"}
