"""The Python examples of the docs and the README run, page by page, on the emulator.

Every fenced ``python`` block of a page runs in order in one namespace, so a later
block can use what an earlier one made; each page starts afresh. A block that needs a
real AWS account opts out with a ``<!-- no-test -->`` line right before its fence.
The same file checks the Griffe extension that shows docstring doctests as code.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest
import yaml

from imagebuilder_sdk.testing import _mock

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: Pages whose examples this file runs, relative to the repository root: every page with
#: a Python block (a test below holds the list to that). A page that needs something
#: before its first example gives it its own set-up block, on the page itself.
PAGES = (
    "README.md",
    "docs/index.md",
    "docs/getting-started.md",
    "docs/concepts/resources.md",
    "docs/concepts/retries-and-idempotency.md",
    "docs/concepts/waiting-for-builds.md",
    "docs/concepts/versions-and-arns.md",
    "docs/guides/components.md",
    "docs/guides/component-documents.md",
    "docs/guides/image-recipes.md",
    "docs/guides/container-recipes.md",
    "docs/guides/infrastructure-configurations.md",
    "docs/guides/distribution-configurations.md",
    "docs/guides/image-pipelines.md",
    "docs/guides/images.md",
    "docs/guides/lifecycle-policies.md",
    "docs/guides/scan-findings.md",
    "docs/guides/managing-images-as-code.md",
    "docs/testing.md",
    "docs/guides/workflows.md",
    "docs/errors.md",
)

NO_TEST = "<!-- no-test -->"
_FENCE = re.compile(r"^(?P<indent> *)(?P<ticks>`{3,})(?P<info>[^`]*)$")


class Block(NamedTuple):
    """One fenced code block of a page."""

    line: int
    """The line of its opening fence (1-based)."""
    language: str
    code: str
    tested: bool
    """False when a ``<!-- no-test -->`` line comes right before the fence."""


def code_blocks(text: str) -> Iterator[Block]:
    """Every fenced block of Markdown `text`, with its language and test marker."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, ticks = len(opening["indent"]), opening["ticks"]
        info = opening["info"].strip().split()
        before = next((line.strip() for line in reversed(lines[:i]) if line.strip()), "")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != ticks:
            body.append(lines[j][indent:])
            j += 1
        yield Block(i + 1, info[0] if info else "", "\n".join(body) + "\n", before != NO_TEST)
        i = j + 1


def python_blocks(text: str) -> list[Block]:
    """The ``python`` blocks of `text` that are to be run."""
    return [b for b in code_blocks(text) if b.language == "python" and b.tested]


@contextlib.contextmanager
def logging_restored() -> Iterator[None]:
    """Put back the root and SDK loggers' levels and handlers that a page may change."""
    loggers = [logging.getLogger(), logging.getLogger("imagebuilder_sdk")]
    saved = [(logger.level, list(logger.handlers)) for logger in loggers]
    try:
        yield
    finally:
        for logger, (level, handlers) in zip(loggers, saved, strict=True):
            logger.setLevel(level)
            logger.handlers[:] = handlers


@contextlib.contextmanager
def mocks_stopped() -> Iterator[None]:
    """Stop any `mock_imagebuilder` a page started and left running (it failed, say)."""
    before = list(_mock._active)
    try:
        yield
    finally:
        for mock in reversed([m for m in _mock._active if m not in before]):
            mock.stop()


def run_page(path: Path, root: Path = ROOT) -> dict[str, Any]:
    """Run the page's Python blocks in order in one namespace; return the namespace."""
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    with logging_restored(), mocks_stopped():
        for block in python_blocks(path.read_text(encoding="utf-8")):
            where = f"{path.relative_to(root).as_posix()}:{block.line}"
            try:
                exec(compile(block.code, where, "exec"), namespace)
            except Exception as error:
                raise AssertionError(f"the example at {where} failed: {error!r}") from error
    return namespace


def _nav_pages(entries: object) -> Iterator[str]:
    if isinstance(entries, str):
        yield entries
    elif isinstance(entries, list):
        for entry in entries:
            yield from _nav_pages(entry)
    elif isinstance(entries, dict):
        for value in entries.values():
            yield from _nav_pages(value)


def _extension() -> ModuleType:
    path = DOCS / "_griffe" / "doctest_fences.py"
    spec = importlib.util.spec_from_file_location("doctest_fences", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", PAGES)
def test_page_examples_run_on_the_emulator(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every tested Python block of the page runs without error, in order.

    Each page runs in an empty working directory, so files it writes go nowhere.
    """
    path = ROOT / page
    assert python_blocks(path.read_text(encoding="utf-8")), f"{page} has no example to run"
    monkeypatch.chdir(tmp_path)
    run_page(path)


def _has_python(path: Path) -> bool:
    return any(b.language == "python" for b in code_blocks(path.read_text(encoding="utf-8")))


def test_every_page_with_python_is_tested_none_skipped() -> None:
    """Each docs page with a Python block, in the nav or not, and the README, is in PAGES."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    in_nav = {f"docs/{page}" for page in _nav_pages(config["nav"]) if page.endswith(".md")}
    on_disk = {path.relative_to(ROOT).as_posix() for path in DOCS.rglob("*.md")}
    with_python = {page for page in in_nav | on_disk | {"README.md"} if _has_python(ROOT / page)}
    assert with_python - set(PAGES) == set()
    assert len(PAGES) == len(set(PAGES))


def test_no_page_opts_a_python_block_out() -> None:
    """No page marks a Python block ``no-test``: every snippet runs as written."""
    skipped = [
        f"{page}:{block.line}"
        for page in PAGES
        for block in code_blocks((ROOT / page).read_text(encoding="utf-8"))
        if block.language == "python" and not block.tested
    ]
    assert skipped == []


def test_the_testing_pages_example_tests_pass(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    imagebuilder: Any,
    imagebuilder_emulator: Any,
    imagebuilder_mock: Any,
) -> None:
    """The example tests on testing.md pass when given the plugin's fixtures."""
    monkeypatch.chdir(tmp_path)
    namespace = run_page(DOCS / "testing.md")
    namespace["test_a_second_version_is_the_latest"](imagebuilder, imagebuilder_emulator)
    namespace["test_the_mock_records_what_the_code_asked"](imagebuilder_mock)


def test_readme_keeps_the_two_commands() -> None:
    """The README names both set-up commands, `make test` and `make demo`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in text
    assert "make demo" in text


def test_pages_leave_logging_as_they_found_it(tmp_path: Path) -> None:
    """A page that configures logging does not change it for the tests that follow."""
    page = tmp_path / "logs.md"
    page.write_text(
        "```python\nimport logging\nlogging.getLogger('imagebuilder_sdk').setLevel(5)\n"
        "logging.getLogger().addHandler(logging.NullHandler())\n```\n",
        encoding="utf-8",
    )
    before = logging.getLogger("imagebuilder_sdk").level, list(logging.getLogger().handlers)
    run_page(page, root=tmp_path)
    after = logging.getLogger("imagebuilder_sdk").level, list(logging.getLogger().handlers)
    assert after == before


def test_a_mock_left_running_by_a_page_is_stopped(tmp_path: Path) -> None:
    """A page that starts mock_imagebuilder() and fails leaves no mock (or dummy keys) behind."""
    page = tmp_path / "mocked.md"
    page.write_text(
        "```python\nfrom imagebuilder_sdk.testing import mock_imagebuilder\n"
        "mock_imagebuilder().start()\n1 / 0\n```\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        run_page(page, root=tmp_path)
    assert _mock._active == []


def test_no_test_marker_skips_only_the_next_block() -> None:
    """A ``<!-- no-test -->`` line opts out the block after it, not the ones further on."""
    text = "<!-- no-test -->\n```python\nraise SystemExit\n```\n\n```python\nx = 1\n```\n"
    assert [b.code for b in python_blocks(text)] == ["x = 1\n"]


def test_blocks_know_their_language_and_line() -> None:
    """A block reports the language of its fence and the line the fence is on."""
    text = "# Title\n\n```sh\nmake test\n```\n\n```python\nprint(1)\n```\n"
    blocks = list(code_blocks(text))
    assert [(b.language, b.line) for b in blocks] == [("sh", 3), ("python", 7)]


def test_indented_blocks_lose_their_indent() -> None:
    """A block inside a list item runs without the list's indentation."""
    text = "1. Step\n\n    ```python\n    if True:\n        y = 2\n    ```\n"
    assert python_blocks(text)[0].code == "if True:\n    y = 2\n"


def test_a_failing_example_names_its_page_and_line(tmp_path: Path) -> None:
    """An example that raises is reported with the page and line of its fence."""
    page = tmp_path / "docs" / "probe.md"
    page.parent.mkdir()
    page.write_text("text\n\n```python\n1 / 0\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"docs/probe\.md:3"):
        run_page(page, root=tmp_path)


def test_doctests_become_fenced_pycon_blocks() -> None:
    """A run of doctest lines is wrapped in a ``pycon`` fence, output included."""
    fence = _extension().fence_doctests
    text = "Sum.\n>>> 1 + 1\n2\n\nAfter."
    assert fence(text) == "Sum.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nAfter."


def test_blankline_markers_become_empty_lines() -> None:
    """``<BLANKLINE>`` in doctest output shows as the empty line it stands for."""
    fence = _extension().fence_doctests
    assert fence(">>> print('a\\n')\na\n<BLANKLINE>") == "```pycon\n>>> print('a\\n')\na\n\n```"


def test_rest_literal_markers_become_markdown() -> None:
    """A closing ``::`` becomes ``:`` and a line of only ``::`` disappears."""
    fence = _extension().fence_doctests
    assert fence("Like this::\n\n    x = 1") == "Like this:\n\n    x = 1"
    assert fence("Intro.\n\n::\n\n    x = 1") == "Intro.\n\n\n\n    x = 1"


def test_fencing_leaves_fenced_code_alone_and_is_idempotent() -> None:
    """Doctests already inside a fence stay as they are, and a second pass changes nothing."""
    fence = _extension().fence_doctests
    text = "```python\n>>> 1\n```\n\n>>> 2\n2"
    once = fence(text)
    assert once.startswith("```python\n>>> 1\n```\n")
    assert fence(once) == once


#: The widest code line that the docs theme shows on the home page without scrolling
#: sideways (mkdocs-material's content column at a common laptop width).
HOME_CODE_WIDTH = 72


def test_the_home_page_example_fits_its_box() -> None:
    """No line of the home page's code examples is wider than the code box."""
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    wide = [
        line
        for block in code_blocks(text)
        for line in block.code.splitlines()
        if len(line) > HOME_CODE_WIDTH
    ]
    assert wide == []
