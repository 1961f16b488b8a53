"""Scan findings: a deterministic, seeded set of vulnerabilities per scanned image.

An image has findings when its ``imageScanningConfiguration.imageScanningEnabled`` is
true and it has been built (AVAILABLE, DEPRECATED or DISABLED). What it has is drawn
from a hash of `State.findings_seed` and the image ARN: zero to five findings, each on
one of the image's packages, with a severity, a CVE-style id, CVSS scores and a fix
status. The same seed and ARN always give the same findings.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from imagebuilder_sdk.testing._state import Record, State
from imagebuilder_sdk.testing._state_builds import refresh
from imagebuilder_sdk.testing._state_packages import packages_for

__all__ = [
    "SEVERITIES",
    "all_findings",
    "findings_for",
    "scanned",
]

#: Severities, most severe first, as Amazon Inspector names them.
SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED")
_SCORES = {
    "CRITICAL": 9.8,
    "HIGH": 7.5,
    "MEDIUM": 5.3,
    "LOW": 3.1,
    "INFORMATIONAL": 0.0,
    "UNTRIAGED": 0.0,
}
_VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
_SCANNED = ("AVAILABLE", "DEPRECATED", "DISABLED")


def _epoch(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()


def scanned(image: Record) -> bool:
    """Whether an image's scanning is on (its findings exist once it is built)."""
    settings = image.get("imageScanningConfiguration") or {}
    return bool(settings.get("imageScanningEnabled"))


def findings_for(state: State, image: Record) -> list[Record]:
    """The ``ImageScanFinding`` entries of one image (none unless scanned and built)."""
    refresh(state, image)
    if not scanned(image) or image["state"]["status"] not in _SCANNED:
        return []
    digest = hashlib.sha256(f"{state.findings_seed}|{image['arn']}".encode()).digest()
    packages = packages_for(image) or [{"packageName": "base", "packageVersion": "1.0"}]
    observed = _epoch(image["dateCreated"]) + 600.0
    found = []
    for index in range(digest[0] % 6):
        byte = digest[1 + index]
        severity = SEVERITIES[min(byte % 8, 5) if byte % 8 < 6 else byte % 4]
        package = packages[digest[10 + index] % len(packages)]
        serial = int.from_bytes(digest[16 + 2 * index : 18 + 2 * index], "big") % 90000
        cve = f"CVE-{2022 + byte % 4}-{10000 + serial}"
        fixed = digest[26 + index] % 3
        score = _SCORES[severity]
        vulnerable: dict[str, Any] = {
            "name": package["packageName"],
            "version": package["packageVersion"],
            "arch": "X86_64",
            "packageManager": "OS",
        }
        if fixed != 2:
            vulnerable["fixedInVersion"] = f"{package['packageVersion']}.1"
            vulnerable["remediation"] = f"Update {package['packageName']} to a fixed version."
        finding: Record = {
            "awsAccountId": state.account_id,
            "imageBuildVersionArn": image["arn"],
            "type": "PACKAGE_VULNERABILITY",
            "title": f"{cve} - {package['packageName']}",
            "description": f"A flaw in {package['packageName']} (emulated finding).",
            "severity": severity,
            "firstObservedAt": observed,
            "updatedAt": observed,
            "fixAvailable": ("YES", "PARTIAL", "NO")[fixed],
            "remediation": {
                "recommendation": {
                    "text": f"Update {package['packageName']}.",
                    "url": f"https://nvd.nist.gov/vuln/detail/{cve}",
                }
            },
            "packageVulnerabilityDetails": {
                "vulnerabilityId": cve,
                "vulnerablePackages": [vulnerable],
                "source": "NVD",
                "cvss": [
                    {
                        "baseScore": score,
                        "scoringVector": _VECTOR,
                        "version": "3.1",
                        "source": "NVD",
                    }
                ],
                "sourceUrl": f"https://nvd.nist.gov/vuln/detail/{cve}",
                "vendorSeverity": severity,
                "referenceUrls": [f"https://nvd.nist.gov/vuln/detail/{cve}"],
            },
        }
        if severity not in ("INFORMATIONAL", "UNTRIAGED"):
            finding["inspectorScore"] = score
            finding["inspectorScoreDetails"] = {
                "adjustedCvss": {
                    "scoreSource": "NVD",
                    "cvssSource": "NVD",
                    "version": "3.1",
                    "score": score,
                    "scoringVector": _VECTOR,
                }
            }
        if image.get("sourcePipelineArn"):
            finding["imagePipelineArn"] = image["sourcePipelineArn"]
        found.append(finding)
    return found


def all_findings(state: State) -> list[Record]:
    """The findings of every image this account owns."""
    return [
        finding
        for image in state.table("image").values()
        if state.owned(image["arn"])
        for finding in findings_for(state, image)
    ]
