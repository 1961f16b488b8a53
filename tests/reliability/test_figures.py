"""The published figures: the docs' table is the one ``figures.json`` renders."""

from __future__ import annotations

from pathlib import Path

from tests.reliability import figures


def test_doc_table_matches_the_recorded_figures() -> None:
    """docs/reliability.md shows exactly the table rendered from figures.json."""
    text = figures.DOC_PATH.read_text(encoding="utf-8")
    assert figures.doc_table(text) == figures.render_table(figures.load())


def test_every_row_has_a_recorded_figure() -> None:
    """figures.json holds a value for every row of the table, and nothing else."""
    assert sorted(figures.load()) == sorted(key for key, _ in figures.ROWS)


def test_the_published_failure_counts_are_zero() -> None:
    """Duplicates, lost or corrupted resources, differences, leaks, 5xx and undone deletes are 0."""
    recorded = figures.load()
    assert {key: recorded[key] for key in _MUST_BE_ZERO} == dict.fromkeys(_MUST_BE_ZERO, 0)


_MUST_BE_ZERO = (
    "throttle.duplicates",
    "lost.duplicates",
    "random.differences",
    "concurrency.lost",
    "concurrency.duplicated",
    "concurrency.corrupted",
    "bad_input.requests",
    "http.server_errors",
    "secrets.leaks",
    "secrets.chain_leaks",
    "deletes.not_done",
    "readback.duplicates",
)


def test_merge_adds_figures_and_rewrites_the_table(tmp_path: Path) -> None:
    """merge() keeps earlier figures, adds new ones and renders the doc's table anew."""
    data, doc = tmp_path / "figures.json", tmp_path / "page.md"
    doc.write_text(f"intro\n{figures.START_MARKER}\nold\n{figures.END_MARKER}\nend\n", "utf-8")
    figures.merge({"lost.faults": 18}, path=data, doc=doc)
    figures.merge({"lost.operations": 9}, path=data, doc=doc)
    assert figures.load(data) == {"lost.faults": 18, "lost.operations": 9}
    text = doc.read_text(encoding="utf-8")
    assert figures.doc_table(text) == figures.render_table(figures.load(data))
    assert text.startswith("intro\n")
    assert text.endswith("\nend\n")
    assert "| Lost responses | create operations covered" in text
