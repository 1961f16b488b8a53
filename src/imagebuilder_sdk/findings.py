"""Scan findings: typed severities, and a security gate for pipeline scripts.

When a build has vulnerability scanning on (``image_scanning_configuration`` with
``image_scanning_enabled=True``), Amazon Inspector scans its output and Image Builder
keeps the findings: ``ib.images.findings(...)`` or ``build.findings()`` list them.

The gate waits for a build, reads its findings and fails, with `FindingsGateError`,
when any is at or above a severity:

>>> from imagebuilder_sdk.findings import Severity
>>> Severity.HIGH.at_least(Severity.MEDIUM), Severity.LOW.at_least("MEDIUM")
(True, False)

``build.gate(fail_at="HIGH")`` (or `security_gate`) is the whole check in one call.
The service has its own gate too: a pipeline's ``ImageScanningConfiguration`` takes a
``scan_result_condition`` (`ScanResultCondition`: ``maximum_severity_label`` and
``fix_available``), with which the build itself fails; `scan_result_condition` builds one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from imagebuilder_sdk.errors import ImageBuilderError, ValidationError
from imagebuilder_sdk.models import (
    Image,
    ImageScanFinding,
    ImageScanStatus,
    MaximumSeverityLabel,
    ScanResultCondition,
)
from imagebuilder_sdk.models._base import OpenEnum

if TYPE_CHECKING:
    from imagebuilder_sdk.repositories.images import ImageBuild

__all__ = [
    "FindingsGateError",
    "ScanNotCompletedError",
    "Severity",
    "at_or_above",
    "parse_severity",
    "scan_result_condition",
    "security_gate",
]


class Severity(OpenEnum):
    """The severity of a finding, as Amazon Inspector rates it.

    Ordered: ``CRITICAL > HIGH > MEDIUM > LOW > INFORMATIONAL > UNTRIAGED`` (not rated
    yet). A severity the SDK does not know ranks with UNTRIAGED.
    """

    CRITICAL = "CRITICAL"
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"
    INFORMATIONAL = "INFORMATIONAL"
    UNTRIAGED = "UNTRIAGED"

    @property
    def rank(self) -> int:
        """5 for CRITICAL down to 0 for UNTRIAGED (and for values the SDK does not know)."""
        return _RANKS.get(self.value, 0)

    def at_least(self, other: Severity | str) -> bool:
        """Whether this severity is `other` or worse."""
        return self.rank >= parse_severity(other).rank

    @classmethod
    def of(cls, finding: ImageScanFinding) -> Severity | None:
        """The severity of a finding; None when the service sent none."""
        return None if finding.severity is None else cls(finding.severity)


_RANKS = {"CRITICAL": 5, "HIGH": 4, "MEDIUM": 3, "LOW": 2, "INFORMATIONAL": 1}


def parse_severity(value: object, field: str = "severity") -> Severity:
    """`value` as a known `Severity`; anything else is a `ValidationError` naming `field`."""
    if isinstance(value, str) and value in Severity.__members__.values():
        return Severity(value)
    allowed = ", ".join(s.value for s in Severity.__members__.values())
    raise ValidationError(field, f"must be one of {allowed}, got {value!r}", value=value)


def at_or_above(
    findings: Iterable[ImageScanFinding], threshold: Severity | str
) -> list[ImageScanFinding]:
    """The findings whose severity is `threshold` or worse, most severe first."""
    floor = parse_severity(threshold, "threshold")
    kept = [f for f in findings if (s := Severity.of(f)) is not None and s.at_least(floor)]
    return sorted(kept, key=lambda f: -Severity(f.severity or "").rank)


def scan_result_condition(
    maximum_severity: MaximumSeverityLabel | str, *, fix_available: bool | None = None
) -> ScanResultCondition:
    """The service-side gate of a pipeline: which findings make its builds fail.

    `maximum_severity` is the highest severity tolerated (INFORMATIONAL, LOW, MEDIUM or
    HIGH); with `fix_available` only findings that have a fix count.

    >>> scan_result_condition("MEDIUM").maximum_severity_label.value
    'MEDIUM'
    """
    known = MaximumSeverityLabel.__members__.values()
    if not isinstance(maximum_severity, str) or maximum_severity not in known:
        allowed = ", ".join(m.value for m in known)
        raise ValidationError(
            "maximum_severity", f"must be one of {allowed}, got {maximum_severity!r}"
        )
    if fix_available is not None and not isinstance(fix_available, bool):
        raise ValidationError("fix_available", "must be True, False or None")
    return ScanResultCondition(
        maximum_severity_label=MaximumSeverityLabel(maximum_severity), fix_available=fix_available
    )


class FindingsGateError(ImageBuilderError):
    """A build's scan found vulnerabilities at or above the gate's severity.

    `findings` lists them, most severe first; `threshold` is the gate's severity.
    """

    def __init__(self, arn: str, threshold: Severity, findings: Sequence[ImageScanFinding]) -> None:
        self.arn = arn
        self.threshold = threshold
        self.findings = tuple(findings)
        lines = [
            f"  {f.severity} {_vulnerability(f)} {f.title or ''}".rstrip() for f in self.findings
        ]
        super().__init__(
            f"image build {arn} has {len(self.findings)} finding(s) at or above "
            f"{threshold.value}:\n" + "\n".join(lines)
        )


class ScanNotCompletedError(ImageBuilderError):
    """The gate could not judge a build: scanning was off, or the scan did not finish."""

    def __init__(self, arn: str, reason: str) -> None:
        self.arn = arn
        self.reason = reason
        super().__init__(f"image build {arn} cannot pass the findings gate: {reason}")


def _vulnerability(finding: ImageScanFinding) -> str:
    details = finding.package_vulnerability_details
    return details.vulnerability_id if details is not None else finding.type


_SCAN_FAILED = frozenset(
    {ImageScanStatus.FAILED, ImageScanStatus.ABANDONED, ImageScanStatus.TIMED_OUT}
)
_SCAN_RUNNING = frozenset(
    {ImageScanStatus.PENDING, ImageScanStatus.SCANNING, ImageScanStatus.COLLECTING}
)


def security_gate(
    build: ImageBuild,
    *,
    fail_at: Severity | str = Severity.HIGH,
    fix_available_only: bool = False,
    timeout: float = 4 * 3600.0,
    poll_interval: float = 30.0,
) -> Image:
    """Wait for `build`, read its findings, and return the image if none is `fail_at` or worse.

    Raises `FindingsGateError` listing the findings at or above `fail_at` (with
    `fix_available_only`, only those with a full or partial fix), `ScanNotCompletedError` when the
    build was not scanned or its scan failed, and what `ImageBuild.wait` raises when
    the build itself fails. While the scan is still running the gate keeps polling.
    """
    threshold = parse_severity(fail_at, "fail_at")
    image = build.wait(timeout=timeout, poll_interval=poll_interval)
    settings = image.image_scanning_configuration
    if settings is None or not settings.image_scanning_enabled:
        raise ScanNotCompletedError(build.arn, "vulnerability scanning is not enabled for it")
    retry = build.images._caller.retry
    started = retry.clock()
    while image.scan_state is not None and image.scan_state.status in _SCAN_RUNNING:
        elapsed = retry.clock() - started
        if elapsed >= timeout:
            raise ScanNotCompletedError(build.arn, f"its scan still running after {timeout:g} s")
        retry.sleep(min(poll_interval, timeout - elapsed))
        image = build.refresh()
    if image.scan_state is not None and image.scan_state.status in _SCAN_FAILED:
        reason = image.scan_state.reason or str(image.scan_state.status)
        raise ScanNotCompletedError(build.arn, f"its scan did not complete ({reason})")
    found = at_or_above(build.findings(), threshold)
    if fix_available_only:
        found = [f for f in found if f.fix_available in ("YES", "PARTIAL")]
    if found:
        raise FindingsGateError(build.arn, threshold, found)
    return image
