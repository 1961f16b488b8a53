"""Write the models reference, one page per resource: ``python tools/model_pages.py``.

Each public name of `imagebuilder_sdk.models` goes on the page of the module that
defines it (components, recipes, ...), documented once: its docstring, then each
attribute with its type and docstring. tests/docs/test_model_pages.py checks that the
pages in docs/reference/models/ are what this writes, so a new model cannot be left
out; run this after the models change.
"""

from __future__ import annotations

import sys
from pathlib import Path

import imagebuilder_sdk.models as models

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "docs" / "reference" / "models"

#: Defining module -> (page file, title, introduction).
PAGES: dict[str, tuple[str, str, str]] = {
    "_components": ("components.md", "Components", "Components and their parts."),
    "_recipes": ("recipes.md", "Recipes", "Image and container recipes and their parts."),
    "_infrastructure": (
        "infrastructure.md",
        "Infrastructure configurations",
        "Where builds run, and their parts.",
    ),
    "_distribution": (
        "distribution.md",
        "Distribution configurations",
        "Where finished images go, and their parts.",
    ),
    "_pipelines": ("pipelines.md", "Image pipelines", "Pipelines and their parts."),
    "_images": ("images.md", "Images", "Image builds, their state and their outputs."),
    "_workflows": ("workflows.md", "Workflows", "Build, test and distribution workflows."),
    "_lifecycle": (
        "lifecycle.md",
        "Lifecycle policies",
        "Lifecycle policies, their rules and their executions.",
    ),
    "_findings": (
        "findings.md",
        "Scan findings",
        "Vulnerability findings of image scans, and their counts.",
    ),
    "_enums": (
        "enums.md",
        "Enums",
        "The enums of the service model. Each accepts values the SDK does not know yet.",
    ),
    "_common": ("common.md", "Shared", "Shapes that more than one resource uses."),
    "_base": ("base.md", "Base classes", "What every model and enum derives from."),
    "_typed": ("base.md", "Base classes", "What every model and enum derives from."),
}

OPTIONS = """\
    options:
      heading_level: 2
      show_root_full_path: false
      show_signature: false
      show_labels: false
"""


def page_members() -> dict[str, list[str]]:
    """Page file -> the public names it documents, in alphabetical order."""
    pages: dict[str, list[str]] = {}
    for name in models.__all__:
        module = getattr(models, name).__module__.rsplit(".", 1)[-1]
        if module not in PAGES:
            raise SystemExit(f"{name} is defined in {module}, which has no page in PAGES")
        pages.setdefault(PAGES[module][0], []).append(name)
    return {page: sorted(names) for page, names in pages.items()}


def render() -> dict[str, str]:
    """Page file -> its Markdown."""
    titles = {page: (title, intro) for page, title, intro in PAGES.values()}
    out = {}
    for page, names in page_members().items():
        title, intro = titles[page]
        blocks = [f"::: imagebuilder_sdk.models.{name}\n{OPTIONS}" for name in names]
        header = f"<!-- Written by tools/model_pages.py; do not edit. -->\n# {title}\n\n{intro}\n"
        out[page] = header + "\n" + "\n".join(blocks)
    return out


def main() -> int:
    for page, text in render().items():
        (PAGES_DIR / page).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
