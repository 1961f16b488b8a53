"""Pagination and list filters, the same way for every List operation.

A page ends with an opaque ``nextToken``: the sort key of the last item returned,
bound to the operation and the query, and signed with the backend's secret. A token
that was forged, altered, or issued for another query is refused with
``InvalidPaginationTokenException``. Keyset paging keeps pages stable when resources
are created or deleted between two calls.

`paginate_listing` also keeps the sorted listing of a query between its pages, so
reading every page of ``n`` items costs ``O(n log n)`` in all rather than a full scan
and sort per page. A kept listing serves the next page only while nothing can have
changed it: the state's `~State.generation` (bumped by every stored or removed
resource and every operation other than a List) and the clock's reading are what
they were when it was made; otherwise it is made again.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import fnmatch
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from imagebuilder_sdk.testing._echo import echo
from imagebuilder_sdk.testing._state import Record, ServiceError, State

__all__ = [
    "DEFAULT_MAX_RESULTS",
    "FilterField",
    "KEPT_LISTINGS",
    "apply_filters",
    "paginate",
    "paginate_listing",
]

#: Page size when a request sets no ``maxResults``.
DEFAULT_MAX_RESULTS = 25

#: Reads the value(s) a filter compares from an item; None when it has none.
FilterField = Callable[[Record], "str | Sequence[str] | None"]

SortKey = tuple[Any, ...]

#: How many sorted listings (distinct queries) a state keeps for their next pages.
KEPT_LISTINGS = 8


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _digest(operation: str, params: Mapping[str, Any]) -> str:
    query = {k: v for k, v in params.items() if k not in ("nextToken", "maxResults")}
    blob = json.dumps([operation, query], sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _sign(secret: bytes, payload: bytes) -> str:
    return _b64(hmac.new(secret, payload, hashlib.sha256).digest())


def _encode(secret: bytes, operation: str, params: Mapping[str, Any], key: SortKey) -> str:
    payload = json.dumps({"q": _digest(operation, params), "k": list(key)}).encode()
    return f"{_b64(payload)}.{_sign(secret, payload)}"


def _decode(secret: bytes, operation: str, params: Mapping[str, Any], token: str) -> list[Any]:
    refused = ServiceError(
        "InvalidPaginationTokenException", "The nextToken is not valid for this request."
    )
    try:
        body, signature = token.split(".", 1)
        payload = _unb64(body)
        if not hmac.compare_digest(signature, _sign(secret, payload)):
            raise refused
        data = json.loads(payload)
    except (ValueError, binascii.Error) as exc:
        raise refused from exc
    if not isinstance(data, dict) or data.get("q") != _digest(operation, params):
        raise refused
    key = data.get("k")
    if not isinstance(key, list):
        raise refused
    return key


def paginate(
    secret: bytes,
    operation: str,
    params: Mapping[str, Any],
    items: Iterable[tuple[SortKey, Record]],
) -> tuple[list[Record], str | None]:
    """One page of `items` (sorted by key) after the request's ``nextToken``.

    Returns the page and the token for the next one (None on the last page).
    """
    ordered = sorted(items, key=lambda item: item[0])
    return _page(secret, operation, params, ordered, [key for key, _ in ordered])


def paginate_listing(
    state: State,
    operation: str,
    params: Mapping[str, Any],
    build: Callable[[], Iterable[tuple[SortKey, Record]]],
) -> tuple[list[Record], str | None]:
    """Like `paginate`, with the items made by `build` only when no kept listing is current.

    The listing is kept under the query (the request without ``nextToken`` and
    ``maxResults``) for the pages that follow. The token is checked before anything is
    reused, and errors `build` raises (a bad filter) are raised on every page.
    """
    if params.get("nextToken") is not None:  # refuse a bad token before any work
        _decode(state.secret, operation, params, str(params["nextToken"]))
    fingerprint = (state.generation, state.clock.monotonic())
    if state.listings_fingerprint != fingerprint:
        state.listings.clear()
        state.listings_fingerprint = fingerprint
    query = (operation, _digest(operation, params))
    kept = state.listings.get(query)
    if kept is None:
        ordered = sorted(build(), key=lambda item: item[0])
        kept = (ordered, [key for key, _ in ordered])
        if len(state.listings) >= KEPT_LISTINGS:
            del state.listings[next(iter(state.listings))]
        state.listings[query] = kept
    return _page(state.secret, operation, params, kept[0], kept[1])


def _page(
    secret: bytes,
    operation: str,
    params: Mapping[str, Any],
    ordered: Sequence[tuple[SortKey, Record]],
    keys: Sequence[SortKey],
) -> tuple[list[Record], str | None]:
    """The page after the token of sorted `ordered`, whose keys are `keys`."""
    token = params.get("nextToken")
    start = 0
    if token is not None:
        # The first item whose key is greater than the token's (a JSON list: compared
        # as a tuple, element by element, like the keys).
        after = tuple(_decode(secret, operation, params, str(token)))
        start = bisect.bisect_right(keys, after)
    size = int(params.get("maxResults") or DEFAULT_MAX_RESULTS)
    page = [record for _, record in ordered[start : start + size]]
    if len(ordered) - start <= size:
        return page, None
    return page, _encode(secret, operation, params, ordered[start + size - 1][0])


def _matches(actual: str | Sequence[str] | None, wanted: Sequence[str]) -> bool:
    if actual is None:
        return False
    values = [actual] if isinstance(actual, str) else list(actual)
    return any(fnmatch.fnmatchcase(value, pattern) for value in values for pattern in wanted)


def apply_filters(
    params: Mapping[str, Any],
    fields: Mapping[str, FilterField],
    items: Iterable[Record],
) -> list[Record]:
    """The items that pass every filter of the request (values within one filter: any).

    Values compare exactly, with ``*`` as a wildcard. A filter name the operation does
    not support is refused with ``InvalidParameterValueException``.
    """
    filters = params.get("filters") or []
    for index, entry in enumerate(filters):
        name = entry.get("name")
        if name not in fields:
            supported = ", ".join(sorted(fields)) or "none"
            raise ServiceError(
                "InvalidParameterValueException",
                f"The value supplied for parameter 'filters[{index}].name' is not valid: "
                f"{echo(name)}. Supported filter names: {supported}.",
            )
        if not entry.get("values"):
            raise ServiceError(
                "InvalidParameterValueException",
                f"The value supplied for parameter 'filters[{index}].values' is not valid. "
                "At least one value is required.",
            )
    return [
        item
        for item in items
        if all(_matches(fields[f["name"]](item), f["values"]) for f in filters)
    ]
