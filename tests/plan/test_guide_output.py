"""The plan output the guide shows is what the guide's code prints."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from tests.docs.test_snippets import code_blocks

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "managing-images-as-code.md"
MARKER = "<!-- output: "


def test_the_outputs_shown_in_the_guide_are_what_its_code_prints() -> None:
    """Each ``<!-- output: ... -->`` block equals the stdout of the Python block before it."""
    text = GUIDE.read_text()
    lines = text.splitlines()
    namespace: dict[str, object] = {"__name__": "guide"}
    printed = ""
    shown = 0
    for block in code_blocks(text):
        if block.language == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block.code, str(GUIDE), "exec"), namespace)
            printed = out.getvalue()
        elif lines[block.line - 2].startswith(MARKER):
            assert block.code.rstrip("\n") == printed.rstrip("\n"), lines[block.line - 2]
            shown += 1
    assert shown == 4
