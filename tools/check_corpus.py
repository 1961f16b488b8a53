"""Run the component document parser and validator over a corpus of real documents.

Usage: ``python tools/check_corpus.py [DIRECTORY]`` (default
``/work/shared/corpus/components``). The directory holds ``*.yaml`` documents and an
``INDEX.json`` whose ``components`` entries give each file's ``expected_valid`` and
``platform``. For every file the tool prints whether the validator found errors, whether
that agrees with the index, and whether the document survives a render/parse round trip
through the model; then a summary. The exit status is 1 if any file disagrees.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from imagebuilder_sdk.documents import ComponentDocument, validate
from imagebuilder_sdk.errors import ValidationError

DEFAULT_CORPUS = Path("/work/shared/corpus/components")


def _expectations(directory: Path) -> dict[str, dict[str, object]]:
    index = json.loads((directory / "INDEX.json").read_text(encoding="utf-8"))
    return {Path(str(entry["file"])).name: entry for entry in index["components"]}


def _round_trip(text: str) -> str:
    try:
        first = ComponentDocument.from_yaml(text)
    except ValidationError:
        return "n/a"
    second = ComponentDocument.from_yaml(first.to_yaml())
    return "ok" if second == first else "CHANGED"


def _platform(entry: dict[str, object]) -> str | None:
    value = entry.get("platform")
    return value if isinstance(value, str) and value in ("Linux", "Windows", "macOS") else None


def main(argv: list[str] | None = None) -> int:
    """Check every document of the corpus; print a table and a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every problem")
    args = parser.parse_args(argv)
    expected = _expectations(args.directory)
    files = sorted(args.directory.glob("*.yaml"), key=lambda p: (len(p.stem), p.stem))
    print(f"{'file':<10} {'expected':<9} {'found':<9} {'errors':>6} {'warnings':>8} "
          f"{'round trip':<10} agree")  # fmt: skip
    agreed = round_trips = 0
    for path in files:
        entry = expected.get(path.name, {})
        text = path.read_text(encoding="utf-8")
        problems = validate(text, platform=_platform(entry))
        errors = [p for p in problems if p.is_error]
        warnings = [p for p in problems if not p.is_error]
        found_valid = not errors
        want = entry.get("expected_valid")
        agree = want is None or want == found_valid
        agreed += agree
        trip = _round_trip(text)
        round_trips += trip == "ok"
        print(
            f"{path.name:<10} {want!s:<9} {found_valid!s:<9} {len(errors):>6} "
            f"{len(warnings):>8} {trip:<10} {'yes' if agree else 'NO'}"
        )
        if args.verbose or not agree:
            for problem in problems:
                print(f"    {problem.severity}: {problem}")
    parsed = sum(1 for p in files if _round_trip(p.read_text(encoding="utf-8")) != "n/a")
    print(
        f"\n{len(files)} documents: {agreed} agree with INDEX.json, "
        f"{len(files) - agreed} disagree; {round_trips} of {parsed} parsed documents "
        "round-trip unchanged"
    )
    return 0 if agreed == len(files) and round_trips == parsed else 1


if __name__ == "__main__":
    sys.exit(main())
