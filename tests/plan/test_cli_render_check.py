"""The command line, the renderings of a plan, and the dry-run check."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.plan import ComponentSpec, Stack, Verdict, plan
from imagebuilder_sdk.plan._cli import main
from imagebuilder_sdk.testing import Emulator
from tests.plan.conftest import BASELINE, account, declare

STACK_FILE = str(Path(__file__).resolve().parents[2] / "examples" / "golden_stack.py")
EDITED = BASELINE.replace("dnf install -y htop jq", "dnf install -y htop jq tmux")


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_plan_with_detailed_exitcode_exits_2_when_something_would_change() -> None:
    """``plan --detailed-exitcode`` on an empty account: exit 2, the plan printed."""
    status, text = _run("plan", STACK_FILE, "--local", "--detailed-exitcode")
    assert status == 2
    assert "Plan: 5 to create" in text
    assert "+ component 'golden-baseline': create 1.0.0" in text


def test_plan_without_the_flag_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --detailed-exitcode a successful plan exits 0 whatever it shows."""
    assert _run("plan", STACK_FILE, "--local")[0] == 0


def test_a_stack_file_that_does_not_load_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken or missing stack file: exit 1 and one line on stderr, no traceback."""
    broken = tmp_path / "broken.py"
    broken.write_text("import does_not_exist\n")
    assert _run("plan", str(broken), "--local")[0] == 1
    assert "error: cannot load" in capsys.readouterr().err
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n")
    assert _run("plan", str(empty), "--local")[0] == 1
    assert "must define a Stack" in capsys.readouterr().err


def test_plan_apply_plan_through_an_endpoint_converges(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Against an emulator served on loopback: plan exits 2, apply 0, then plan exits 0."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    emulator = Emulator()
    with emulator.serve("127.0.0.1", 0) as url:
        where = ("--endpoint-url", url, "--region", "us-east-1")
        assert _run("plan", STACK_FILE, *where, "--detailed-exitcode")[0] == 2
        status, text = _run("apply", STACK_FILE, *where)
        assert status == 0
        assert "Apply complete: 5 written." in text
        status, text = _run("plan", STACK_FILE, *where, "--detailed-exitcode")
        assert (status, text.splitlines()[0]) == (
            0,
            "No changes: 5 declarations match the account.",
        )


def test_python_dash_m_runs_the_command_line() -> None:
    """``python -m imagebuilder_sdk plan ... --local --detailed-exitcode`` exits 2."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "imagebuilder_sdk",
            "plan",
            STACK_FILE,
            "--local",
            "--detailed-exitcode",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "image pipeline 'golden-web': create" in done.stdout


def _edited_plan(ib: ImageBuilder) -> object:
    plan(ib, declare()).apply()
    return plan(ib, declare(EDITED))


def test_text_rendering_is_a_diff(ib: ImageBuilder) -> None:
    """str(plan): a summary, one marked line a step, changed fields under it."""
    lines = str(_edited_plan(ib)).splitlines()
    assert lines[0] == "Plan: 0 to create, 2 new versions, 1 to update, 2 unchanged."
    assert "+ component 'golden-baseline': new version 1.0.1" in lines
    assert "~ image pipeline 'golden-web': update in place" in lines
    assert "  infrastructure configuration 'golden-builders': no change" in lines
    assert (
        "      data.phases[0].steps[0].inputs.commands[0]: "
        "'dnf install -y htop jq' -> 'dnf install -y htop jq tmux'"
    ) in lines


def test_html_and_rich_renderings(ib: ImageBuilder) -> None:
    """Notebooks get a table (escaped); rich gets coloured text with the same content."""
    planned = _edited_plan(ib)
    page = planned._repr_html_()  # type: ignore[attr-defined]
    assert page.count("<tr>") == 6
    assert "new version 1.0.1" in page
    assert "&#x27;dnf install -y htop jq&#x27; -&gt;" in page
    rich_text = planned.__rich__()  # type: ignore[attr-defined]
    assert rich_text.plain.splitlines() == str(planned).splitlines()
    styles = {str(span.style) for span in rich_text.spans}
    assert {"green", "yellow", "dim"} <= styles


def test_check_dry_runs_the_creates_and_writes_nothing(
    emulator: Emulator, ib: ImageBuilder
) -> None:
    """check(): the new component version is dry-run (ok); the recipe needs that version,
    the pipeline update has no dryRun. Nothing is created.

    dryRun is a member of CreateComponent, CreateImageRecipe, CreateContainerRecipe,
    CreateInfrastructureConfiguration, CreateDistributionConfiguration,
    CreateImagePipeline (and CreateWorkflow, CreateLifecyclePolicy) in botocore's
    service model, not of any Update operation nor of CreateImage; its documentation
    there says a passing dry run answers DryRunOperationException.
    """
    planned = _edited_plan(ib)
    before = account(ib)
    emulator.clear_requests()
    results = planned.check()  # type: ignore[attr-defined]
    assert [(r.step.kind, r.verdict) for r in results] == [
        ("component", Verdict.OK),
        ("image recipe", Verdict.NOT_CHECKED),
        ("image pipeline", Verdict.NOT_CHECKED),
    ]
    assert "needs component 'golden-baseline'" in results[1].message
    assert results[2].message == "updates have no dryRun"
    (sent,) = emulator.requests
    assert (sent.operation, sent.params["dryRun"]) == ("CreateComponent", True)
    assert sent.params["semanticVersion"] == "1.0.1"
    assert account(ib) == before


def test_check_reports_what_the_service_refuses(ib: ImageBuilder) -> None:
    """A document with a phase the service does not know: the dry run is refused."""
    bad = BASELINE.replace("name: test", "name: deploy")
    spec = ComponentSpec(name="bad-phase", platform="Linux", data=bad)
    (result,) = plan(ib, Stack(spec)).check()
    assert result.verdict is Verdict.REFUSED
    assert result.message.startswith("InvalidParameterValueException")
