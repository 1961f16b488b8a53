"""The models reference: one page per resource, every model on one, each attribute once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

import imagebuilder_sdk.models as models
from tools.model_pages import PAGES_DIR, page_members, render

ROOT = PAGES_DIR.parents[2]


def test_the_pages_are_up_to_date() -> None:
    """Each page is what tools/model_pages.py writes (run it after the models change)."""
    for page, text in render().items():
        assert (PAGES_DIR / page).read_text(encoding="utf-8") == text, page


def test_every_model_is_on_exactly_one_page() -> None:
    """Each public name of imagebuilder_sdk.models is documented once, on one page."""
    listed = [
        match
        for page in PAGES_DIR.glob("*.md")
        for match in re.findall(
            r"^::: imagebuilder_sdk\.models\.(\w+)$", page.read_text("utf-8"), re.M
        )
    ]
    assert sorted(listed) == sorted(models.__all__)


def test_pages_are_split_by_resource_and_all_in_the_nav() -> None:
    """No page holds more than one module's worth of models, and the nav lists every page."""
    members = page_members()
    assert max(len(names) for names in members.values()) <= 50  # the enums page is the largest
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    flat = yaml.safe_dump(nav)
    for page in [*members, "index.md"]:
        assert f"reference/models/{page}" in flat


def test_each_attribute_is_shown_once(tmp_path: Path) -> None:
    """Built with the site's own mkdocstrings settings, a page shows each attribute once."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p for p in config["plugins"] if not (isinstance(p, dict) and "mkdocs-jupyter" in p)]
    python = plugins[-1]["mkdocstrings"]["handlers"]["python"]
    python["paths"] = [str(ROOT / "src")]
    extension = python["options"]["extensions"][0]
    python["options"]["extensions"] = [str(ROOT / extension)]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(render()["components.md"], encoding="utf-8")
    site_config = {**config, "plugins": plugins, "docs_dir": str(docs), "nav": ["index.md"]}
    site_config.pop("exclude_docs", None)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(site_config), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    shown = re.findall(r'id="imagebuilder_sdk\.models\.Component\.(\w+)"', article)
    assert "change_description" in shown
    assert len(shown) == len(set(shown))
    # No summary or attributes table repeats them: each is linked from its own heading only.
    for name in shown:
        assert article.count(f'href="#imagebuilder_sdk.models.Component.{name}"') == 1, name
