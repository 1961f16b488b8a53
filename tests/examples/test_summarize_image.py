"""The small example that turns a GetImage response into models and prints a summary."""

from __future__ import annotations

import pytest

from examples.summarize_image import main


def test_the_sample_response_is_summarised(capsys: pytest.CaptureFixture[str]) -> None:
    """Name, state, pipeline, components and one AMI line per region are printed."""
    main([])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "web-server 1.4.0/7 (Linux, Amazon Linux 2023)"
    assert "  state:    AVAILABLE" in out
    assert "  pipeline: web-server-weekly" in out
    assert [line.split()[0] for line in out[out.index("  AMIs:") + 1 :]] == [
        "eu-west-1",
        "eu-central-1",
    ]
