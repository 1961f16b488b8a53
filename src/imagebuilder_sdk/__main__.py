"""``python -m imagebuilder_sdk plan|apply path/to/stack.py``: see `imagebuilder_sdk.plan._cli`."""

from __future__ import annotations

from imagebuilder_sdk.plan._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
