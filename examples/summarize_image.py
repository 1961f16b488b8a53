"""Turn a GetImage response into models and print a readable summary.

Run with ``python examples/summarize_image.py [response.json]``; without an argument it
reads the sample response next to this script.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from imagebuilder_sdk.convert import converter
from imagebuilder_sdk.models import Image

SAMPLE = Path(__file__).resolve().parent / "data" / "get_image_response.json"


def summarize(image: Image) -> str:
    """A few lines a human reads at a glance."""
    lines = [
        f"{image.name} {image.version} ({image.platform}, {image.os_version})",
        f"  state:    {image.state.status}",
        f"  created:  {image.date_created:%Y-%m-%d %H:%M %Z}",
        f"  pipeline: {image.source_pipeline_name or '-'}",
    ]
    if image.image_recipe and image.image_recipe.components:
        lines.append("  components:")
        lines += [f"    - {c.component_arn}" for c in image.image_recipe.components]
    amis = image.output_resources.amis if image.output_resources else None
    if amis:
        lines.append("  AMIs:")
        lines += [f"    {ami.region:<14} {ami.image}" for ami in amis]
    return "\n".join(line for line in lines if line)


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else SAMPLE
    response = json.loads(path.read_text())
    print(summarize(converter.structure(response["image"], Image)))


if __name__ == "__main__":
    main(sys.argv[1:])
