"""Benchmarks of the SDK against raw boto3, run with ``python -m benchmarks.run``.

Both sides go through the same real botocore client: requests are serialized and
responses parsed in full, and only the network is replaced by canned response bodies
(a ``before-send`` handler). Each figure lives in its own module; `benchmarks.run`
runs them all, prints the table and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

__all__: list[str] = []
