"""The package inventory of a built image, as ListImagePackages reports it.

A fixed, plausible list per operating system, plus a package for each well-known
managed component the recipe installed.
"""

from __future__ import annotations

from typing import Any

from imagebuilder_sdk.testing._state import Record

__all__ = ["packages_for"]

_BASE: dict[str, list[tuple[str, str]]] = {
    "Amazon Linux 2023": [
        ("amazon-ssm-agent", "3.3.1142.0-1.amzn2023"),
        ("bash", "5.2.15-1.amzn2023.0.2"),
        ("ca-certificates", "2023.2.68-1.0.amzn2023.0.1"),
        ("curl-minimal", "8.5.0-1.amzn2023.0.4"),
        ("dnf", "4.14.0-1.amzn2023.0.5"),
        ("glibc", "2.34-52.amzn2023.0.11"),
        ("kernel", "6.1.115-126.197.amzn2023"),
        ("openssh-server", "8.7p1-8.amzn2023.0.13"),
        ("openssl-libs", "3.0.8-1.amzn2023.0.14"),
        ("python3", "3.9.16-1.amzn2023.0.9"),
        ("systemd", "252.23-2.amzn2023"),
        ("tzdata", "2024a-1.amzn2023.0.1"),
    ],
    "Amazon Linux 2": [
        ("amazon-ssm-agent", "3.3.1142.0-1.amzn2"),
        ("bash", "4.2.46-34.amzn2"),
        ("glibc", "2.26-64.amzn2.0.2"),
        ("kernel", "5.10.228-219.884.amzn2"),
        ("openssh-server", "7.4p1-22.amzn2.0.9"),
        ("openssl-libs", "1.0.2k-24.amzn2.0.14"),
        ("python", "2.7.18-1.amzn2.0.8"),
        ("systemd", "219-78.amzn2.0.22"),
        ("yum", "3.4.3-158.amzn2.0.7"),
    ],
    "Windows": [
        ("Amazon SSM Agent", "3.3.1142.0"),
        ("AWS PV Drivers", "8.4.3"),
        ("AWS Tools for Windows", "4.1.620"),
        ("EC2Launch v2", "2.0.1981"),
        ("Microsoft Edge", "130.0.2849.80"),
        ("PowerShell 7-x64", "7.4.6.0"),
    ],
}

_FROM_COMPONENTS = {"aws-cli-version-2-linux": ("awscli-2", "2.18.10")}


def packages_for(record: Record) -> list[dict[str, Any]]:
    """The ``ImagePackage`` entries of an image record, sorted by name."""
    os_version = str(record.get("osVersion", ""))
    base = _BASE["Windows"] if record.get("platform") == "Windows" else _BASE.get(os_version)
    found = dict(base or _BASE["Amazon Linux 2023"])
    recipe = record.get("imageRecipe") or record.get("containerRecipe") or {}
    for entry in recipe.get("components", []):
        name = str(entry.get("componentArn", "")).split("/")[1:2]
        if name and name[0] in _FROM_COMPONENTS:
            package, version = _FROM_COMPONENTS[name[0]]
            found[package] = version
    return [{"packageName": name, "packageVersion": found[name]} for name in sorted(found)]
