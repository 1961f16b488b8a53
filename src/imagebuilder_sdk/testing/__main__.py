"""Run the emulator as a standalone HTTP server.

::

    python -m imagebuilder_sdk.testing --port 4599
    aws imagebuilder list-components --endpoint-url http://127.0.0.1:4599

Time runs at ``--speed`` times real time (default 60: a two-minute build takes two
seconds). Stop with Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Sequence

from imagebuilder_sdk.testing._emulator import Emulator

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m imagebuilder_sdk.testing",
        description="Serve an emulated EC2 Image Builder over HTTP.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    parser.add_argument("--port", type=int, default=4599, help="port (0: any free one)")
    parser.add_argument("--account-id", default="123456789012", help="emulated account id")
    parser.add_argument("--region", default="us-east-1", help="emulated region")
    parser.add_argument(
        "--speed",
        type=float,
        default=60.0,
        help="emulated seconds per real second (default: 60)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until interrupted; returns the exit status."""
    args = _parser().parse_args(argv)
    # A parent that ignores SIGINT (a test runner's worker, nohup) passes that on to
    # this process, and Python then never raises KeyboardInterrupt: Ctrl-C must stop us.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    emulator = Emulator(args.account_id, args.region, speed=args.speed)
    try:
        with emulator.serve(args.host, args.port) as url:
            print(f"Image Builder emulator listening on {url}", flush=True)
            example = f"--endpoint-url {url} --region {args.region}"
            print(f"Try: aws imagebuilder list-components {example}", flush=True)
            threading.Event().wait()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
