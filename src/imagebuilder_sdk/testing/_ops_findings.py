"""Scan findings: ListImageScanFindings and ListImageScanFindingAggregations."""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Handler, Record, ServiceError, State
from imagebuilder_sdk.testing._state_findings import all_findings
from imagebuilder_sdk.testing._state_paging import apply_filters, paginate

__all__ = ["OPERATIONS"]

_FILTERS = {
    "imageBuildVersionArn": lambda r: r.get("imageBuildVersionArn"),
    "imagePipelineArn": lambda r: r.get("imagePipelineArn"),
    "vulnerabilityId": lambda r: r["packageVulnerabilityDetails"]["vulnerabilityId"],
    "severity": lambda r: r.get("severity"),
}
#: Aggregation filter name -> (aggregationType, answer member, key read from a finding).
_AGGREGATIONS = {
    "accountId": ("accountAggregation", "accountId", "awsAccountId"),
    "imageBuildVersionArn": ("imageAggregation", "imageBuildVersionArn", "imageBuildVersionArn"),
    "imagePipelineArn": ("imagePipelineAggregation", "imagePipelineArn", "imagePipelineArn"),
    "vulnerabilityId": ("vulnerabilityIdAggregation", "vulnerabilityId", "vulnerabilityId"),
}


def _key(finding: Record) -> tuple[Any, ...]:
    return (
        finding["imageBuildVersionArn"],
        finding["packageVulnerabilityDetails"]["vulnerabilityId"],
    )


def list_image_scan_findings(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImageScanFindings: every finding of this account's images, filtered."""
    chosen = apply_filters(params, _FILTERS, all_findings(state))
    page, token = paginate(
        state.secret, "ListImageScanFindings", params, [(_key(f), f) for f in chosen]
    )
    return {"findings": page, "nextToken": token}


def _counts(findings: list[Record]) -> dict[str, int]:
    severities = [f["severity"] for f in findings]
    return {
        "all": len(findings),
        "critical": severities.count("CRITICAL"),
        "high": severities.count("HIGH"),
        "medium": severities.count("MEDIUM"),
    }


def list_image_scan_finding_aggregations(state: State, params: dict[str, Any]) -> dict[str, Any]:
    """ListImageScanFindingAggregations: severity counts, grouped as the filter names.

    No filter: one aggregation for the account. A filter on ``accountId``,
    ``imageBuildVersionArn``, ``imagePipelineArn`` or ``vulnerabilityId`` groups the
    findings by that key, keeping the groups whose key the filter's values name.
    """
    wanted = params.get("filter") or {"name": "accountId", "values": [state.account_id]}
    name = wanted.get("name")
    if name not in _AGGREGATIONS:
        raise ServiceError(
            "InvalidParameterValueException",
            f"The value supplied for parameter 'filter.name' is not valid: {name!r}. "
            f"Supported filter names: {', '.join(sorted(_AGGREGATIONS))}.",
        )
    kind, member, read = _AGGREGATIONS[name]
    groups: dict[str, list[Record]] = {}
    for finding in all_findings(state):
        key = (
            finding["packageVulnerabilityDetails"]["vulnerabilityId"]
            if read == "vulnerabilityId"
            else finding.get(read)
        )
        if key is not None and (not wanted.get("values") or key in wanted["values"]):
            groups.setdefault(str(key), []).append(finding)
    if name == "accountId" and not groups and state.account_id in (wanted.get("values") or []):
        groups[state.account_id] = []
    items = [
        ((key,), {kind: {member: key, "severityCounts": _counts(found)}})
        for key, found in groups.items()
    ]
    page, token = paginate(state.secret, "ListImageScanFindingAggregations", params, items)
    return {"aggregationType": name, "responses": page, "nextToken": token}


OPERATIONS: dict[str, Handler] = {
    "ListImageScanFindingAggregations": list_image_scan_finding_aggregations,
    "ListImageScanFindings": list_image_scan_findings,
}
