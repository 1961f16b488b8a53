"""The committed model code is exactly what the generator writes today."""

from __future__ import annotations

from tools.generate_models import ROOT, generate


def test_regenerating_the_models_changes_nothing() -> None:
    """`make regen` on the installed botocore rewrites every file byte for byte."""
    changed = [
        str(path.relative_to(ROOT))
        for path, text in generate().items()
        if not path.exists() or path.read_text() != text
    ]
    assert changed == [], f"generated files are stale, run `make regen`: {changed}"
