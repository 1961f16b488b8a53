"""How many calls a second the emulator answers, in process and over HTTP on loopback.

A plain boto3 client (so the SDK's own costs are not counted here) alternates
`get_component` and `list_components` calls on Amazon's seeded components. In process,
the emulator answers through botocore's ``before-send`` event; over HTTP, through its
server on 127.0.0.1 with keep-alive connections. Wall-clock time, since HTTP involves
the server's threads.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import boto3

from benchmarks._canned import canned_client
from benchmarks._figures import Figure, Settings, median
from imagebuilder_sdk.testing import Emulator

__all__ = ["http_figure", "in_process_figure"]

#: Per-page size of the listing calls.
LIST_PAGE = 10


def _calls(client: Any) -> tuple[Callable[[], dict[str, Any]], Callable[[], dict[str, Any]]]:
    """A get call and a list call of Amazon components."""
    listing = client.list_components(owner="Amazon", maxResults=LIST_PAGE)
    arn = listing["componentVersionList"][0]["arn"] + "/1"
    found = client.get_component(componentBuildVersionArn=arn)
    if not found["component"]["arn"].startswith(arn.rsplit("/", 1)[0]):
        raise RuntimeError("the emulator answered for another component")

    def get() -> dict[str, Any]:
        answer: dict[str, Any] = client.get_component(componentBuildVersionArn=arn)
        return answer

    def list_() -> dict[str, Any]:
        answer: dict[str, Any] = client.list_components(owner="Amazon", maxResults=LIST_PAGE)
        return answer

    return get, list_


def _rates(
    client: Any, settings: Settings, kinds: tuple[str, ...] = ("mixed", "get", "list")
) -> dict[str, float]:
    """Median calls a second: get and list alternating, and each kind alone."""
    get, list_ = _calls(client)
    calls = max(settings.throughput_calls, 2)

    def mixed() -> None:
        for number in range(calls):
            (get if number % 2 == 0 else list_)()

    def only(call: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            for _ in range(calls):
                call()

        return run

    rates: dict[str, float] = {}
    for name, run in (("mixed", mixed), ("get", only(get)), ("list", only(list_))):
        if name not in kinds:
            continue
        samples = []
        for _ in range(settings.repeat):
            started = time.perf_counter()
            run()
            samples.append(calls / (time.perf_counter() - started))
        rates[name] = round(median(samples), 1)
    return rates


def _figure(key: str, title: str, target: float, rates: dict[str, float]) -> Figure:
    return Figure(
        key=key,
        title=title,
        value=rates["mixed"],
        unit="calls/s",
        target=target,
        higher_is_better=True,
        detail={"get_per_s": rates["get"], "list_per_s": rates["list"]},
    )


def _body(response: dict[str, Any]) -> bytes:
    """A parsed response back as a JSON body (its members only)."""
    members = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return json.dumps(members, default=str).encode()


def _fixed(body: bytes, _request: Mapping[str, Any]) -> bytes:
    return body


def _botocore_ceiling(client: Any, settings: Settings) -> float:
    """Calls a second of the same mix answered by canned bodies: botocore's own cost."""
    get, list_ = _calls(client)
    bodies = {"GetComponent": _body(get()), "ListComponents": _body(list_())}
    canned, _ = canned_client(
        {name: functools.partial(_fixed, body) for name, body in bodies.items()}
    )
    return _rates(canned, settings, kinds=("mixed",))["mixed"]


def in_process_figure(settings: Settings) -> Figure:
    """Emulator calls a second through an attached boto3 client.

    The detail also gives the rate of the same calls answered by canned bodies: what
    botocore alone allows on this machine, a ceiling no in-process emulator can pass.
    """
    emulator = Emulator()
    client = emulator.client()
    rates = _rates(client, settings)
    figure = _figure("emulator_in_process", "emulator get + list calls, in process", 2000, rates)
    ceiling = _botocore_ceiling(client, settings)
    return dataclasses.replace(figure, detail={**figure.detail, "botocore_only_per_s": ceiling})


def http_figure(settings: Settings) -> Figure:
    """Emulator calls a second over HTTP on loopback."""
    emulator = Emulator()
    with emulator.serve() as url:
        client = boto3.session.Session().client(
            "imagebuilder",
            region_name=emulator.region,
            endpoint_url=url,
            aws_access_key_id="benchmark",
            aws_secret_access_key="benchmark",
        )
        try:
            rates = _rates(client, settings)
        finally:
            client.close()
    return _figure("emulator_http", "emulator get + list calls, over HTTP", 500, rates)
