"""The Amazon-owned resources every emulated region starts with.

Managed components (``update-linux``, ``update-windows``, ``reboot-test-linux``,
``aws-cli-version-2-linux``) and managed parent images ("Amazon Linux 2023 x86",
"Amazon Linux 2 x86", "Windows Server 2022 English Full Base x86": display names, as the
service gives them, under ARNs such as ``image/amazon-linux-2023-x86/...``), each in a few
versions, owned by ``aws`` as in the real service. They are listed with
``owner="Amazon"`` and usable in recipes by ARN or wildcard ARN.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from imagebuilder_sdk.testing._state import AMAZON, Record, State

__all__ = ["ami_id", "seed"]

_UPDATE_LINUX = """\
name: update-linux
description: Updates Linux with the latest security updates.
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: UpdateOS
        action: UpdateOS
        onFailure: Abort
        maxAttempts: 3
  - name: validate
    steps:
      - name: CheckUpdates
        action: ExecuteBash
        inputs:
          commands:
            - sudo yum check-update --security || sudo dnf check-update --security
"""

_UPDATE_WINDOWS = """\
name: update-windows
description: Updates Windows with the latest security updates.
schemaVersion: 1.0
parameters:
  - exclude:
      type: string
      default: none
      description: Updates to leave out, by KB number.
phases:
  - name: build
    steps:
      - name: UpdateOS
        action: UpdateOS
        onFailure: Abort
        maxAttempts: 3
"""

_REBOOT_TEST = """\
name: reboot-test-linux
description: Checks that the instance comes back after a reboot.
schemaVersion: 1.0
phases:
  - name: test
    steps:
      - name: Marker
        action: ExecuteBash
        inputs:
          commands:
            - echo reboot-test > /tmp/reboot-marker
      - name: Reboot
        action: Reboot
      - name: Check
        action: ExecuteBash
        inputs:
          commands:
            - test -f /tmp/reboot-marker
"""

_AWS_CLI = """\
name: aws-cli-version-2-linux
description: Installs the latest AWS CLI version 2.
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Download
        action: WebDownload
        inputs:
          - source: https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip
            destination: /tmp/awscliv2.zip
      - name: Install
        action: ExecuteBash
        inputs:
          commands:
            - cd /tmp && unzip -q -o awscliv2.zip && sudo ./aws/install --update
  - name: validate
    steps:
      - name: Check
        action: ExecuteBash
        inputs:
          commands:
            - aws --version
"""

_LINUX_OS = ["Amazon Linux 2", "Amazon Linux 2023"]

# name, platform, type, document, (version, date) pairs, supported OS versions
_COMPONENTS = [
    ("update-linux", "Linux", "BUILD", _UPDATE_LINUX, ["1.0.0", "1.0.2"], _LINUX_OS),
    ("update-windows", "Windows", "BUILD", _UPDATE_WINDOWS, ["1.0.0", "1.0.1"], None),
    ("reboot-test-linux", "Linux", "TEST", _REBOOT_TEST, ["1.0.0", "1.1.0"], _LINUX_OS),
    ("aws-cli-version-2-linux", "Linux", "BUILD", _AWS_CLI, ["1.0.3", "1.0.4"], _LINUX_OS),
]

# name, platform, OS version, build versions (the first one deprecated)
_IMAGES = [
    (
        "Amazon Linux 2023 x86",
        "Linux",
        "Amazon Linux 2023",
        ["2025.1.0/1", "2026.3.0/1", "2026.3.0/2", "2026.10.1/1"],
    ),
    ("Amazon Linux 2 x86", "Linux", "Amazon Linux 2", ["2025.6.0/1", "2026.9.0/1"]),
    (
        "Windows Server 2022 English Full Base x86",
        "Windows",
        "Microsoft Windows Server 2022",
        ["2026.1.14/1", "2026.8.12/1", "2026.10.15/1"],
    ),
]

_PUBLISHED = "2025-01-15T08:00:00.000Z"
_DEPRECATED_AT = datetime(2026, 6, 1, tzinfo=timezone.utc).timestamp()


def ami_id(*parts: str) -> str:
    """A realistic AMI id (``ami-`` and 17 hex digits), the same for the same parts."""
    return "ami-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:17]


def _components(state: State) -> None:
    for name, platform, kind, document, versions, os_versions in _COMPONENTS:
        for version in versions:
            record: Record = {
                "arn": state.arn("component", name, version, 1, owner=AMAZON),
                "name": name,
                "version": version,
                "description": document.splitlines()[1].split(": ", 1)[1],
                "type": kind,
                "platform": platform,
                "state": {"status": "ACTIVE"},
                "owner": "Amazon",
                "data": document,
                "encrypted": True,
                "dateCreated": _PUBLISHED,
                "obfuscate": False,
            }
            if os_versions:
                record["supportedOsVersions"] = list(os_versions)
            if name == "update-windows":
                record["parameters"] = [
                    {
                        "name": "exclude",
                        "type": "String",
                        "defaultValue": ["none"],
                        "description": "Updates to leave out, by KB number.",
                    }
                ]
            state.put("component", record)


def _images(state: State) -> None:
    for name, platform, os_version, versions in _IMAGES:
        for index, build_version in enumerate(versions):
            version, build = build_version.split("/")
            arn = state.arn("image", name, version, int(build), owner=AMAZON)
            status = "DEPRECATED" if index == 0 else "AVAILABLE"
            record: Record = {
                "arn": arn,
                "type": "AMI",
                "name": name,
                "version": build_version,
                "platform": platform,
                "osVersion": os_version,
                "state": {"status": status},
                "owner": "Amazon",
                "dateCreated": _PUBLISHED,
                "buildType": "USER_INITIATED",
                "imageSource": "AMAZON_MANAGED",
                "enhancedImageMetadataEnabled": True,
                "outputResources": {
                    "amis": [
                        {
                            "region": state.region,
                            "image": ami_id(arn, state.region),
                            "name": f"{name} {version}",
                            "description": f"{os_version} managed image",
                            "state": {"status": "AVAILABLE"},
                            "accountId": "137112412989",
                        }
                    ]
                },
            }
            if status == "DEPRECATED":
                record["deprecationTime"] = _DEPRECATED_AT
            state.put("image", record)


def seed(state: State) -> None:
    """Put the Amazon-owned components and images into a fresh store."""
    _components(state)
    _images(state)
