"""How many calls a second the emulator answers, in process and over HTTP on loopback.

In process, a plain boto3 client (so the SDK's own costs are not counted here)
alternates `get_component` and `list_components` calls on Amazon's seeded components,
answered through botocore's ``before-send`` event; the figure is its rate over the same
calls answered by canned bodies, botocore's own ceiling. Over HTTP, concurrent clients
send the same two requests to the served emulator as it is and as it was before the
reliability fixes of issue 14; the figure is the ratio of the two rates. Wall-clock
time, since calls run on several threads.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

import boto3

from benchmarks._canned import canned_client
from benchmarks._figures import Figure, Settings, median, timed
from imagebuilder_sdk.testing import Emulator, _server

__all__ = ["HTTP_TARGET", "IN_PROCESS_TARGET", "http_figure", "in_process_figure"]

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


def _body(response: dict[str, Any]) -> bytes:
    """A parsed response back as a JSON body (its members only)."""
    members = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return json.dumps(members, default=str).encode()


def _fixed(body: bytes, _request: Mapping[str, Any]) -> bytes:
    return body


def _canned_twin(client: Any) -> Any:
    """A client answering the same get and list calls by canned bodies (no emulator)."""
    get, list_ = _calls(client)
    bodies = {"GetComponent": _body(get()), "ListComponents": _body(list_())}
    canned, _ = canned_client(
        {name: functools.partial(_fixed, body) for name, body in bodies.items()}
    )
    return canned


def _mixed(client: Any, calls: int) -> Callable[[], None]:
    """Get and list calls alternating, `calls` in all."""
    get, list_ = _calls(client)

    def run() -> None:
        for number in range(calls):
            (get if number % 2 == 0 else list_)()

    return run


#: What the in-process emulator must reach, as a share of botocore's own ceiling.
IN_PROCESS_TARGET = 0.5


def in_process_figure(settings: Settings) -> Figure:
    """Emulator calls a second through an attached boto3 client, over botocore's ceiling.

    The ceiling is the same calls answered by canned bodies: what botocore's own client
    work (serializing, signing, parsing) allows on this machine, which no in-process
    emulator can pass. The two are timed in turn, run after run, in CPU time (one
    thread; another program's turn on the core is not counted), and the figure is the
    median of the runs' ratios. The target, half the ceiling, says the emulator's own
    work a call (parsing the request, checking it and the answer against the service
    model, the answer itself) costs no more than botocore's.
    """
    emulator = Emulator()
    client = emulator.client()
    calls = max(settings.throughput_calls, 2)
    on_emulator, on_canned = _mixed(client, calls), _mixed(_canned_twin(client), calls)
    emulated, canned, ratios = [], [], []
    for _ in range(settings.repeat):
        emulator.clear_requests()
        emulated.append(calls / timed(on_emulator))
        canned.append(calls / timed(on_canned))
        ratios.append(emulated[-1] / canned[-1])
    return Figure(
        key="emulator_in_process",
        title=(
            "emulator get + list calls in process, over the same calls on canned answers "
            f"(botocore's ceiling; target >= {IN_PROCESS_TARGET:g})"
        ),
        value=round(median(ratios), 2),
        unit="x",
        target=IN_PROCESS_TARGET,
        higher_is_better=True,
        detail={
            "calls_per_s": round(median(emulated), 1),
            "botocore_only_per_s": round(median(canned), 1),
            "clock": "cpu",
        },
    )


def _captured(client: Any, call: Callable[[], object]) -> tuple[str, str, dict[str, str], bytes]:
    """The HTTP request (method, path and query, headers, body) one boto3 call sends."""
    seen: list[Any] = []

    def record(request: Any, **_: Any) -> None:
        seen.append(request)

    client.meta.events.register("before-send.imagebuilder", record)
    try:
        call()
    finally:
        client.meta.events.unregister("before-send.imagebuilder", record)
    request = seen[-1]
    parts = urllib.parse.urlsplit(request.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    return request.method, target, dict(request.headers.items()), body


def _hammer(
    address: tuple[str, int],
    requests: list[tuple[str, str, dict[str, str], bytes]],
    clients: int,
    calls_each: int,
    fresh: bool,
) -> float:
    """Calls a second of `clients` threads sending `requests` in turn; each call on a new
    connection when `fresh`, else one kept-alive connection a thread. Wall-clock time."""
    failures: list[str] = []
    ready = threading.Barrier(clients + 1)

    def client() -> None:
        connection: http.client.HTTPConnection | None = None
        ready.wait()
        for number in range(calls_each):
            method, target, headers, body = requests[number % len(requests)]
            if connection is None:
                connection = http.client.HTTPConnection(*address, timeout=30)
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(f"{method} {target}: {response.status}")
            if fresh:
                connection.close()
                connection = None
        if connection is not None:
            connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} calls failed, first: {failures[0]}")
    return clients * calls_each / elapsed


def _address(url: str) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def _requests(emulator: Emulator, url: str) -> list[tuple[str, str, dict[str, str], bytes]]:
    """The get and list requests of `_calls`, as a boto3 client sends them to `url`."""
    client = boto3.session.Session().client(
        "imagebuilder",
        region_name=emulator.region,
        endpoint_url=url,
        aws_access_key_id="benchmark",
        aws_secret_access_key="benchmark",
    )
    try:
        get, list_ = _calls(client)
        return [_captured(client, get), _captured(client, list_)]
    finally:
        client.close()


#: The fixed server may serve at least this share of the old one's calls a second.
HTTP_TARGET = 1.0


def http_figure(settings: Settings) -> Figure:
    """Served emulator calls a second with the reliability fixes, over the server before them.

    Both servers run side by side in this run, each on its own emulator: the current
    one (listen backlog `BACKLOG`, at most `MAX_CONNECTIONS` connections) and one
    configured as before issue 14's fixes (socketserver's backlog of 5, a thread for
    every connection). `settings.http_clients` threads call at once, each call on a
    new connection (as a script or the AWS CLI makes them); the figure is the fixed
    server's rate over the old one's, target `HTTP_TARGET` (the fixes must cost
    nothing). The detail also has both rates with one kept-alive connection a thread.
    """
    clients = settings.http_clients
    calls_each = max(settings.throughput_calls // 8, 2)
    runs = min(settings.repeat, 3)
    # (max_connections, backlog): as served now, and with no cap and the old backlog.
    servers = {"after": (_server.MAX_CONNECTIONS, _server.BACKLOG), "before": (1_000_000, 5)}
    targets: dict[str, tuple[tuple[str, int], list[tuple[str, str, dict[str, str], bytes]]]] = {}
    samples: dict[str, list[float]] = {}
    with contextlib.ExitStack() as stack:
        for label, (cap, backlog) in servers.items():
            emulator = Emulator()
            served = _server.serve(emulator.handle, max_connections=cap, _backlog=backlog)
            url = stack.enter_context(served)
            targets[label] = (_address(url), _requests(emulator, url))
        for _ in range(runs):  # the two servers in turn, so both see the same machine
            for fresh in (True, False):
                mode = "new_connections" if fresh else "keep_alive"
                for label, (address, requests) in targets.items():
                    rate = _hammer(address, requests, clients, calls_each, fresh)
                    samples.setdefault(f"{label}_{mode}", []).append(rate)
    rates = {name: round(median(values), 1) for name, values in samples.items()}
    return Figure(
        key="emulator_http",
        title=(
            f"served emulator calls/s, {clients} clients on new connections: with the "
            f"reliability fixes over before them (target >= {HTTP_TARGET:g})"
        ),
        value=round(rates["after_new_connections"] / rates["before_new_connections"], 2),
        unit="x",
        target=HTTP_TARGET,
        higher_is_better=True,
        detail={
            "clients": clients,
            "calls_per_client": calls_each,
            **{f"{name}_per_s": rate for name, rate in rates.items()},
        },
    )
