"""The figures the reliability tests measure, kept in ``figures.json`` and in the docs.

The tests report what they counted (faults injected, operations run, duplicates found)
through the `figures` fixture. With ``IMAGEBUILDER_SDK_WRITE_FIGURES=1`` set, the counts
are merged into ``figures.json`` and the table in ``docs/reliability.md`` is rewritten;
otherwise each count is compared with the committed one, so neither can go stale::

    IMAGEBUILDER_SDK_WRITE_FIGURES=1 .venv/bin/pytest tests/reliability
    python -m tests.reliability.figures        # rewrite the doc's table from the JSON
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = [
    "DOC_PATH",
    "END_MARKER",
    "FIGURES_PATH",
    "GROUPS",
    "ROWS",
    "START_MARKER",
    "WRITE_ENV",
    "doc_table",
    "load",
    "main",
    "merge",
    "render_table",
    "replace_table",
    "writing",
]

FIGURES_PATH = Path(__file__).with_name("figures.json")
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
WRITE_ENV = "IMAGEBUILDER_SDK_WRITE_FIGURES"
START_MARKER = "<!-- figures:start (generated from tests/reliability/figures.json) -->"
END_MARKER = "<!-- figures:end -->"

#: The test group of each figure, by the figure key's prefix.
GROUPS = {
    "throttle": "Throttling storms",
    "lost": "Lost responses",
    "random": "Random faults",
    "concurrency": "Concurrency",
    "bad_input": "Bad input",
    "http": "Malformed HTTP",
    "secrets": "Secrets",
    "deletes": "Lost delete answers",
    "wait": "Wait deadline",
    "readback": "Failed read-backs",
    "server": "Served emulator limits",
}

#: The table's rows, in order: figure key and what the figure counts.
ROWS: tuple[tuple[str, str], ...] = (
    ("throttle.calls", "logical calls, each throttled k = 1, 3, 7 times"),
    ("throttle.faults", "throttling answers injected"),
    ("throttle.requests", "requests that reached the emulator"),
    ("throttle.token_groups", "mutating calls whose attempts all shared one clientToken"),
    ("throttle.duplicates", "duplicate resources"),
    ("throttle.budget_attempts", "attempts before `ThrottlingError` past the budget"),
    ("lost.operations", "create operations covered (seven resources, import, start)"),
    ("lost.faults", "responses lost after the work was done (drop and 500)"),
    ("lost.duplicates", "duplicate resources or image builds"),
    ("random.operations", "SDK operations in the scripted workload"),
    ("random.requests", "requests that reached the emulator"),
    ("random.faults", "faults injected (20% of requests, seeded)"),
    ("random.throttle", "of which throttling answers"),
    ("random.server_error", "of which 500 and 503 answers"),
    ("random.drop_connection", "of which dropped connections"),
    ("random.resources", "resources compared with the fault-free run"),
    ("random.differences", "resources that differ from the fault-free run"),
    ("random.non_retryable_cases", "non-retryable errors checked (one request each)"),
    ("concurrency.threads", "threads sharing one `ImageBuilder`"),
    ("concurrency.per_thread", "resources each thread creates and lists"),
    ("concurrency.in_process", "resources created in process"),
    ("concurrency.http", "resources created over HTTP"),
    ("concurrency.lost", "lost resources"),
    ("concurrency.duplicated", "duplicated resources"),
    ("concurrency.corrupted", "corrupted resources"),
    ("bad_input.methods", "create and update methods covered"),
    ("bad_input.inputs", "invalid inputs tried (Hypothesis)"),
    ("bad_input.requests", "requests sent for them"),
    ("http.malformed", "malformed requests, each answered with a 4xx"),
    ("http.server_errors", "5xx answers or lost connections among them"),
    ("secrets.places", "places searched for the credentials"),
    ("secrets.leaks", "places where a credential showed up"),
    ("secrets.chain_errors", "errors whose cause chain and frame locals were searched"),
    ("secrets.chain_places", "exceptions, attributes and frame locals searched in them"),
    ("secrets.chain_leaks", "of which held a credential"),
    ("deletes.operations", "delete operations covered (the seven resources)"),
    ("deletes.lost_answers", "deletes whose answer was lost (drop and 500)"),
    ("deletes.not_done", "of which raised or left the resource behind"),
    ("wait.timeout_ms", "wait timeout (virtual ms), every poll hanging"),
    ("wait.read_timeout_ms", "read timeout of each hung poll (virtual ms)"),
    ("wait.overrun_ms", "how far the wait ran past its timeout (virtual ms)"),
    ("wait.attempts", "GetImage attempts the wait made"),
    ("readback.operations", "create, import and update methods whose read-back was broken"),
    ("readback.recovered", "of which recovered by get(error.arn) and by the same client_token"),
    ("readback.duplicates", "duplicate resources after the recovery"),
    ("server.backlog", "listen backlog of the served emulator"),
    ("server.sequential_connects", "connects completed in a row with nothing accepting them"),
    ("server.max_connections", "connections served at once (the cap in the test)"),
    ("server.idle_connections", "idle connections held open against the cap"),
    ("server.threads_at_cap", "connection threads while the cap is reached"),
    ("server.refused_503", "connections past the cap answered 503"),
    ("server.echo_request_chars", "characters of the bad value sent"),
    ("server.echo_answer_bytes", "bytes of the error answer"),
)


def writing() -> bool:
    """Whether this run writes the figures (the environment variable is set to 1)."""
    return os.environ.get(WRITE_ENV) == "1"


def load(path: Path = FIGURES_PATH) -> dict[str, int]:
    """The committed figures (empty when the file does not exist yet)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(key): int(value) for key, value in data.items()}


def render_table(figures: Mapping[str, int]) -> str:
    """The Markdown table of `figures`, one row per entry of `ROWS`."""
    lines = ["| Test | Figure | Value |", "| --- | --- | ---: |"]
    for key, label in ROWS:
        group = GROUPS[key.split(".", 1)[0]]
        value = figures.get(key)
        shown = "—" if value is None else f"{value:,}"
        lines.append(f"| {group} | {label} | {shown} |")
    return "\n".join(lines)


def doc_table(text: str) -> str:
    """The generated table in a document's text (between the markers)."""
    start = text.index(START_MARKER) + len(START_MARKER)
    end = text.index(END_MARKER, start)
    return text[start:end].strip()


def replace_table(text: str, figures: Mapping[str, int]) -> str:
    """`text` with the table between the markers rendered anew from `figures`."""
    start = text.index(START_MARKER) + len(START_MARKER)
    end = text.index(END_MARKER, start)
    return f"{text[:start]}\n{render_table(figures)}\n{text[end:]}"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock for `path`, so pytest-xdist workers merge one at a time."""
    import fcntl  # POSIX only; writing figures is a maintainer's task on Linux or macOS

    lock = Path(tempfile.gettempdir()) / f"imagebuilder-sdk-{path.stem}.lock"
    with open(lock, "w", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def merge(new: Mapping[str, int], path: Path = FIGURES_PATH, doc: Path = DOC_PATH) -> None:
    """Merge `new` into the figures file and rewrite the doc's table from the result."""
    with _locked(path):
        figures = {**load(path), **new}
        ordered = {key: figures[key] for key in sorted(figures)}
        path.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
        if doc.exists():
            doc.write_text(replace_table(doc.read_text(encoding="utf-8"), ordered), "utf-8")


def main() -> int:
    """Rewrite the table in ``docs/reliability.md`` from ``figures.json``."""
    DOC_PATH.write_text(replace_table(DOC_PATH.read_text(encoding="utf-8"), load()), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
