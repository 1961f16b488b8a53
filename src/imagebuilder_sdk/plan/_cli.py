"""The command line: ``python -m imagebuilder_sdk plan|apply path/to/stack.py``.

The stack file is a Python file that defines a `Stack` named ``stack`` (or exactly one
`Stack` under any name). Where the account is:

- ``--local``: a fresh in-process emulator (to try a stack file; it starts empty);
- ``--endpoint-url URL``: an emulator served with ``python -m imagebuilder_sdk.testing``
  (or any endpoint), so ``plan`` and ``apply`` see the same account across runs;
- otherwise AWS, with the usual settings (``--profile``, ``--region``, or the
  environment and config files boto3 reads).

Exit status: 0 on success; 1 on an error (the message goes to stderr); with
``--detailed-exitcode``, ``plan`` exits 2 when the plan is not empty, for CI gating.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from imagebuilder_sdk.errors import ImageBuilderError
from imagebuilder_sdk.plan._applying import apply
from imagebuilder_sdk.plan._planning import Plan, plan
from imagebuilder_sdk.plan._pruning import prune
from imagebuilder_sdk.plan._stack import Stack

if TYPE_CHECKING:
    from imagebuilder_sdk.client import ImageBuilder

__all__ = ["load_stack", "main"]

#: Exit status of ``plan --detailed-exitcode`` when something would change.
CHANGES_PENDING = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m imagebuilder_sdk",
        description="Plan and apply EC2 Image Builder declarations.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("plan", "show what would change"), ("apply", "plan, then apply")):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("stack", help="a Python file that defines a Stack named 'stack'")
        where = command.add_mutually_exclusive_group()
        where.add_argument("--local", action="store_true", help="a fresh in-process emulator")
        where.add_argument("--endpoint-url", help="an Image Builder endpoint (an emulator)")
        command.add_argument("--profile", help="the AWS profile (default: boto3's own)")
        command.add_argument("--region", help="the AWS Region (default: boto3's own)")
    commands.choices["plan"].add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 2 when the plan is not empty (0: nothing to do)",
    )
    commands.choices["plan"].add_argument(
        "--check", action="store_true", help="also dry-run the creates with the service"
    )
    commands.choices["apply"].add_argument(
        "--prune-keep",
        type=int,
        metavar="N",
        help="after applying, delete unused versions beyond the newest N",
    )
    return parser


def load_stack(path: str) -> Stack:
    """The `Stack` a stack file defines; `ImageBuilderError` if it defines none or several."""
    try:
        namespace = runpy.run_path(path, run_name="__stack__")
    except ImageBuilderError:
        raise
    except Exception as exc:  # the stack file is the user's code: any error can come out
        raise ImageBuilderError(f"cannot load {path}: {type(exc).__name__}: {exc}") from exc
    found = namespace.get("stack")
    if isinstance(found, Stack):
        return found
    stacks = [value for value in namespace.values() if isinstance(value, Stack)]
    if len(stacks) != 1:
        raise ImageBuilderError(
            f"{path} must define a Stack named 'stack' (found {len(stacks)} stacks)"
        )
    return stacks[0]


def _facade(args: argparse.Namespace) -> ImageBuilder:
    from imagebuilder_sdk.client import ImageBuilder

    if args.local:
        return ImageBuilder.local(region=args.region or "us-east-1")
    options: dict[str, Any] = {"region_name": args.region, "profile_name": args.profile}
    if args.endpoint_url:
        options["endpoint_url"] = args.endpoint_url
    return ImageBuilder.connect(**options)


def _show(value: Plan | str, out: TextIO) -> None:
    try:
        from rich.console import Console
    except ImportError:  # pragma: no cover - the progress extra is missing
        print(value, file=out)
        return
    Console(file=out, soft_wrap=True, highlight=False).print(value)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        stack = load_stack(args.stack)
        ib = _facade(args)
        planned = plan(ib, stack)
        _show(planned, out)
        if args.command == "plan":
            if args.check:
                for checked in planned.check():
                    _show(f"check: {checked}", out)
            return CHANGES_PENDING if args.detailed_exitcode and planned else 0
        applied = apply(planned)
        for result in applied:
            if result.step.changes:
                _show(f"{result.outcome.value}: {result.step.kind} {result.arn}", out)
        _show(f"Apply complete: {applied.written} written.", out)
        if args.prune_keep is not None:
            for arn in prune(ib, stack, keep=args.prune_keep):
                _show(f"pruned: {arn}", out)
    except (ImageBuilderError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
