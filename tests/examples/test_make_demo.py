"""`make demo` as a new user runs it: the Makefile's own demo commands, in fresh processes.

The other demo tests call the scripts' functions inside pytest, where the project root
is importable whatever the command line; these run each command of the Makefile's
``demo`` recipe from the project root, as make does, so a command that cannot import
its own helpers (as ``python examples/golden_image.py`` could not) fails here.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _demo_commands() -> list[list[str]]:
    """The commands of the ``demo`` recipe, with the venv's python and no extra args."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("demo:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        text = line.strip().replace("$(BIN)/python", sys.executable).replace("$(DEMO_ARGS)", "")
        recipe.append(shlex.split(text))
    return recipe


def test_the_demo_recipe_runs_both_demos() -> None:
    """Both commands of `make demo` exit 0 on the emulator and print their story."""
    commands = _demo_commands()
    assert [command[1:3] for command in commands] == [
        ["-m", "examples.golden_image"],
        ["-m", "examples.plan_demo"],
    ]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    outputs = []
    for command in commands:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert "AMIs:" in outputs[0]
    assert "Cleaning up:" in outputs[0]
    assert "Applying the empty plan: 0 requests" in outputs[1]
