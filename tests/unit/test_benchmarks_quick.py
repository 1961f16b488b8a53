"""The benchmarks run (quick mode: tiny sizes, one repetition), and the docs table is current.

No timing is asserted here: the machine running the tests says nothing about speed.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from benchmarks._figures import Settings
from benchmarks.conversion import RESOURCES
from benchmarks.report import DOC_PATH, END_MARKER, START_MARKER, doc_block, load_results
from benchmarks.requests import VERBS, run_verb, verbs
from benchmarks.run import main
from benchmarks.scale import OPERATIONS as SCALE_OPERATIONS

EXPECTED_KEYS = {
    "list_ratio",
    "list_ratio_25",
    "list_ratio_components",
    "list_ratio_components_25",
    "list_ratio_lifecycle",
    "list_ratio_lifecycle_25",
    "get_ratio",
    *(f"convert_{name}" for name in RESOURCES),
    "import_ms",
    "first_use_import_ms",
    "cold_connect_ratio",
    "cold_local_ratio",
    "memory_mb",
    "emulator_in_process",
    "emulator_http",
    *(f"requests_{verb}" for verb in VERBS),
    *(f"scale_{name}" for name in SCALE_OPERATIONS),
}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The results document of one quick run of every benchmark."""
    output = tmp_path_factory.mktemp("bench") / "results.json"
    assert main(["--quick", "--output", str(output)]) == 0
    data: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return data


def test_a_quick_run_produces_every_figure(quick_run: dict[str, Any]) -> None:
    """Each benchmark contributes its figure(s), and nothing else appears."""
    assert {figure["key"] for figure in quick_run["figures"]} == EXPECTED_KEYS


def test_every_figure_is_a_positive_number(quick_run: dict[str, Any]) -> None:
    """Every measured value is a finite number above zero."""
    for figure in quick_run["figures"]:
        value = figure["value"]
        assert isinstance(value, (int, float)), figure["key"]
        assert math.isfinite(value), figure["key"]
        assert value > 0, figure["key"]


def test_a_quick_run_says_it_was_quick(quick_run: dict[str, Any]) -> None:
    """The results document records its mode, so quick figures are never taken for real."""
    assert (quick_run["mode"], quick_run["repeat"]) == ("quick", 1)


def _request_figures(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["key"]: f for f in run["figures"] if f["key"].startswith("requests_")}


def test_each_request_figure_is_the_requests_counted(quick_run: dict[str, Any]) -> None:
    """Value and target are the requests the emulator recorded for each side, and a
    botocore hook on each client counted as many calls."""
    figures = _request_figures(quick_run)
    assert len(figures) == len(VERBS)
    for key, figure in figures.items():
        detail = figure["detail"]
        assert figure["value"] == len(detail["sdk"]) == detail["sdk_calls"], key
        assert figure["target"] == len(detail["minimum"]) == detail["minimum_calls"], key
        assert detail["why"], key


def test_request_counts_repeat_exactly(quick_run: dict[str, Any]) -> None:
    """Counting again on a fresh emulator gives the same operations (no clock involved)."""
    figures = _request_figures(quick_run)
    chosen = {v.key: v for v in verbs(Settings.quick())}
    for key in ("update_infrastructure", "wait", "plan_up_to_date"):
        operations, _ = run_verb(chosen[key], Settings.quick(), "sdk")
        assert operations == figures[f"requests_{key}"]["detail"]["sdk"]


def test_the_request_budgets_hold(quick_run: dict[str, Any]) -> None:
    """The SDK sends no more requests than raw boto3 needs, for every verb counted."""
    figures = _request_figures(quick_run)
    over = {k for k, f in figures.items() if f["value"] > f["target"]}
    assert over == set()
    assert figures["requests_apply_empty"]["value"] == 10  # no read-back after a create
    assert figures["requests_update_pipeline"]["detail"]["sdk"] == [
        "UpdateImagePipeline",
        "GetImagePipeline",
    ]
    assert figures["requests_create_component"]["value"] == 2
    # 30 versions are one page of 100 for latest(), two pages at the listing's 25.
    assert (figures["requests_latest"]["value"], figures["requests_list"]["value"]) == (1, 2)
    # plan + apply of an up-to-date stack: the plan's reads, and nothing from the apply.
    assert figures["requests_plan_up_to_date"]["detail"]["sdk"][-1] == "ListImagePipelines"
    assert figures["requests_plan_up_to_date"]["value"] == 12


def test_the_docs_table_matches_results_json() -> None:
    """docs/performance.md shows exactly the table made from benchmarks/results.json."""
    text = DOC_PATH.read_text(encoding="utf-8")
    shown = text.split(START_MARKER, 1)[1].split(END_MARKER, 1)[0].strip()
    assert shown == doc_block(load_results())


def test_the_committed_results_come_from_a_full_run() -> None:
    """benchmarks/results.json holds a full run with every figure."""
    data = load_results(Path(__file__).resolve().parents[2] / "benchmarks" / "results.json")
    assert data["mode"] == "full"
    assert {figure["key"] for figure in data["figures"]} == EXPECTED_KEYS
