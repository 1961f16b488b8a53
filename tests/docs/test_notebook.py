"""The exploration notebook (docs/notebooks/explore.ipynb) runs top to bottom on the emulator.

The notebook is executed once per test session by a kernel of this very interpreter
(a kernelspec installed into a temporary directory), with Jupyter's runtime and
IPython's profile kept in that directory too. The kernel talks over loopback only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipykernel.kernelspec
import nbclient
import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "notebooks" / "explore.ipynb"
KERNEL = "imagebuilder-sdk-docs"


def _read() -> Any:
    """The committed notebook, as nbformat 4."""
    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The notebook after running every cell (errors are kept as outputs, not raised)."""
    tmp = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_PLATFORM_DIRS", "1")
        env.setenv("JUPYTER_PATH", str(tmp / "share" / "jupyter"))
        env.setenv("JUPYTER_RUNTIME_DIR", str(tmp / "runtime"))
        env.setenv("IPYTHONDIR", str(tmp / "ipython"))
        ipykernel.kernelspec.install(kernel_name=KERNEL, prefix=str(tmp))
        notebook = _read()
        client = nbclient.NotebookClient(
            notebook,
            kernel_name=KERNEL,
            timeout=120,
            allow_errors=True,
            resources={"metadata": {"path": str(tmp)}},
        )
        client.execute()
        yield notebook


def _cell(notebook: Any, cell_id: str) -> Any:
    return next(cell for cell in notebook.cells if cell.get("id") == cell_id)


def _html(cell: Any) -> str:
    return "".join(output.get("data", {}).get("text/html", "") for output in cell.outputs)


def _text(cell: Any) -> str:
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.extend(str(value) for value in output.get("data", {}).values())
    return "".join(parts)


def test_notebook_is_stored_valid_and_without_outputs() -> None:
    """The committed notebook is valid nbformat 4 with no outputs or execution counts."""
    notebook = _read()
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_every_cell_runs_without_error(executed: Any) -> None:
    """No cell of the notebook raises."""
    errors = [
        (cell.get("id"), output.get("ename"), output.get("evalue"))
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []


def test_component_listing_shows_as_an_html_table(executed: Any) -> None:
    """The lazy listing of Amazon components displays as the SDK's HTML table."""
    markup = _html(_cell(executed, "list-components"))
    assert '<table class="imagebuilder-sdk">' in markup
    assert "update-linux" in markup


def test_dataframe_cells_show_pandas_tables(executed: Any) -> None:
    """The component and image DataFrames display as HTML tables with their rows."""
    assert "Amazon Linux 2 x86" in _html(_cell(executed, "images-frame"))
    assert "<table" in _html(_cell(executed, "components-frame"))


def test_a_model_shows_its_repr_and_html_table(executed: Any) -> None:
    """A fetched component prints its short repr and displays as a table."""
    cell = _cell(executed, "show-component")
    assert "status=ACTIVE" in _text(cell)
    assert '<th colspan="2">Component</th>' in _html(cell)


def test_the_built_image_is_available(executed: Any) -> None:
    """The image the notebook builds displays as AVAILABLE with its shortened ARN."""
    markup = _html(_cell(executed, "show-image"))
    assert "AVAILABLE" in markup
    assert "…/image/web/1.0.0/1" in markup


def test_build_progress_displays_the_final_stage_without_warnings(executed: Any) -> None:
    """``wait(progress=True)`` shows the build reaching AVAILABLE, and no warning."""
    shown = _text(_cell(executed, "build"))
    assert "Warning" not in shown
    assert "AVAILABLE" in shown


def test_the_site_renders_the_notebook_executed() -> None:
    """mkdocs-jupyter runs the notebook at build time (errors fail it) and the nav shows it."""
    import yaml

    config = yaml.safe_load((NOTEBOOK.parents[2] / "mkdocs.yml").read_text(encoding="utf-8"))
    (jupyter,) = [p["mkdocs-jupyter"] for p in config["plugins"] if "mkdocs-jupyter" in p]
    assert jupyter["execute"] is True
    assert jupyter["allow_errors"] is False
    assert "notebooks/explore.ipynb" in yaml.safe_dump(config["nav"])
