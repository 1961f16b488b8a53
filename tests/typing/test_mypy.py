"""mypy --strict over user scripts: good ones pass clean, mistakes are reported where marked.

The scripts are under `tests/typing/cases/` (kept out of the main mypy run, since some
are wrong on purpose). The README's first example and the demo are checked too, as a
user would copy them.
"""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"
_MARK = re.compile(r"#\s*E:\s*([a-z-]+)")
_REPORTED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")


def _mypy(*files: Path) -> list[tuple[str, int, str]]:
    stdout, stderr, _ = api.run(
        ["--strict", "--show-error-codes", "--no-error-summary"] + [str(f) for f in files]
    )
    assert not stderr, stderr
    found = []
    for line in stdout.splitlines():
        match = _REPORTED.match(line)
        if match:
            found.append((Path(match["file"]).name, int(match["line"]), match["code"]))
    return found


def _readme_example(tmp_path: Path) -> Path:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, "the README has a Python example"
    path = tmp_path / "readme_example.py"
    path.write_text(block.group(1))
    return path


def test_user_scripts_type_check_as_expected(tmp_path: Path) -> None:
    """Good scripts get zero errors; each `# E: code` line of mistakes.py gets exactly that.

    One mypy run checks every script (mypy's start-up dominates the cost): the README
    example, the demo and a nightly job must be clean, and in mistakes.py each marked
    line must be reported with its code and no other line with anything.
    """
    mistakes = CASES / "mistakes.py"
    expected = {
        (mistakes.name, number, match[1])
        for number, line in enumerate(mistakes.read_text().splitlines(), start=1)
        if (match := _MARK.search(line))
    }
    assert len(expected) == 8
    good = [
        CASES / "nightly_job.py",
        CASES / "workflow_job.py",
        _readme_example(tmp_path),
        ROOT / "examples" / "golden_image.py",
    ]
    reported = _mypy(*good, mistakes)
    assert [r for r in reported if r[0] != mistakes.name] == []
    assert {r for r in reported if r[0] == mistakes.name} == expected


def test_lifecycle_and_findings_scripts_type_check_as_expected() -> None:
    """The lifecycle/gate script is clean; each marked line of lifecycle_mistakes.py errs."""
    good = CASES / "lifecycle_gate.py"
    mistakes = CASES / "lifecycle_mistakes.py"
    expected = {
        (mistakes.name, number, match[1])
        for number, line in enumerate(mistakes.read_text().splitlines(), start=1)
        if (match := _MARK.search(line))
    }
    assert len(expected) == 4
    reported = _mypy(good, mistakes)
    assert [r for r in reported if r[0] != mistakes.name] == []
    assert {r for r in reported if r[0] == mistakes.name} == expected


def test_plan_declarations_type_check_as_expected() -> None:
    """A stack with a workflow and a lifecycle policy is clean; each marked line of
    plan_mistakes.py (a workflow, component or recipe slot given the wrong kind) errs."""
    good = CASES / "plan_stack.py"
    mistakes = CASES / "plan_mistakes.py"
    expected = {
        (mistakes.name, number, match[1])
        for number, line in enumerate(mistakes.read_text().splitlines(), start=1)
        if (match := _MARK.search(line))
    }
    assert len(expected) == 5
    reported = _mypy(good, mistakes)
    assert [r for r in reported if r[0] != mistakes.name] == []
    assert {r for r in reported if r[0] == mistakes.name} == expected
