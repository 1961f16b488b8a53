"""Images as code, on the emulator: plan, apply, edit one line, plan, apply, plan.

    python examples/plan_demo.py

It declares a golden-image pipeline (`examples/golden_stack.py`), shows the plan
(everything to create), applies it, changes one line of the component's document,
shows that plan (one new component version, one new recipe version, one pipeline
update), applies it, and shows that a last plan is empty. After each plan or apply
it says how many requests reached the service and how many of them wrote.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from examples.golden_stack import BASELINE, declare
from imagebuilder_sdk import ImageBuilder
from imagebuilder_sdk.plan import Plan, Stack, plan

#: Operations that change the account start with one of these.
WRITES = ("Create", "Update", "Delete", "Put", "Tag", "Untag", "Start", "Import", "Cancel")

#: The one-line edit: one more package in the build step.
EDITED = BASELINE.replace("dnf install -y htop jq", "dnf install -y htop jq tmux")


@contextmanager
def counting(ib: ImageBuilder) -> Iterator[Counter[str]]:
    """Count the requests the facade's client sends, by operation, while inside."""
    calls: Counter[str] = Counter()

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    events = ib.client.meta.events
    events.register("before-call.imagebuilder", count)
    try:
        yield calls
    finally:
        events.unregister("before-call.imagebuilder", count)


def writes(calls: Counter[str]) -> int:
    """How many of the counted requests wrote."""
    return sum(n for op, n in calls.items() if op.startswith(WRITES))


def _show(value: Plan | str, say: Callable[[Any], None]) -> None:
    say(value)


def run(ib: ImageBuilder, say: Callable[[Any], None] = print) -> list[Plan]:
    """The whole story on `ib`; returns the three plans shown, in order."""
    plans = []

    def plan_and_show(title: str, stack: Stack) -> Plan:
        say(f"\n== {title}")
        with counting(ib) as calls:
            planned = plan(ib, stack)
        say(planned)
        say(f"({sum(calls.values())} requests to plan, {writes(calls)} writes)")
        plans.append(planned)
        return planned

    def apply_and_show(planned: Plan) -> None:
        with counting(ib) as calls:
            applied = planned.apply()
        say(
            f"Applied: {applied.written} written ({sum(calls.values())} requests, "
            f"{writes(calls)} writes)"
        )

    apply_and_show(plan_and_show("Plan on an empty account", declare()))
    say("\n== Edit one line of the component document:")
    say("-            - dnf install -y htop jq\n+            - dnf install -y htop jq tmux")
    apply_and_show(plan_and_show("Plan after the edit", declare(EDITED)))
    last = plan_and_show("Plan again", declare(EDITED))
    with counting(ib) as calls:
        last.apply()
    say(f"Applying the empty plan: {sum(calls.values())} requests")
    return plans


def main() -> int:
    """Run the demo on a fresh emulator, with rich output when rich is installed."""
    try:
        from rich.console import Console
    except ImportError:  # pragma: no cover - the progress extra is missing
        run(ImageBuilder.local())
        return 0
    console = Console(soft_wrap=True, highlight=False)
    run(ImageBuilder.local(), say=console.print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
