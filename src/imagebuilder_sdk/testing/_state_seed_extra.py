"""Amazon-owned resources of the newer API: managed workflows and a marketplace component.

The managed workflows (``build-image``, ``test-image``, ``build-container``,
``test-container``, ``distribute-image``, version 1.0.0/1, owned by ``aws``) are the
ones builds run by default. One AWS Marketplace component (owner ``aws-marketplace``)
answers `GetMarketplaceResource`.
"""

from __future__ import annotations

from imagebuilder_sdk.testing._state import AMAZON, Record, State
from imagebuilder_sdk.testing._state_workflow_docs import MANAGED

__all__ = ["MARKETPLACE", "MARKETPLACE_DOCUMENT", "seed_extra"]

_PUBLISHED = "2025-01-15T08:00:00.000Z"

#: The owner segment of AWS Marketplace resources.
MARKETPLACE = "aws-marketplace"

#: The document of the seeded marketplace component.
MARKETPLACE_DOCUMENT = """\
name: cis-hardening-linux
description: Applies a hardening benchmark (emulated marketplace product).
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Harden
        action: ExecuteBash
        inputs:
          commands:
            - echo hardening
"""


def seed_extra(state: State) -> None:
    """Put the managed workflows and the marketplace component into a fresh store."""
    for kind, name, document in MANAGED:
        table = f"workflow/{kind.lower()}"
        record: Record = {
            "arn": state.arn(table, name, "1.0.0", 1, owner=AMAZON),
            "name": name,
            "version": "1.0.0",
            "description": document.splitlines()[1].split(": ", 1)[1],
            "type": kind,
            "owner": "Amazon",
            "data": document,
            "dateCreated": _PUBLISHED,
        }
        state.put(table, record)
    component: Record = {
        "arn": state.arn("component", "cis-hardening-linux", "1.0.0", 1, owner=MARKETPLACE),
        "name": "cis-hardening-linux",
        "version": "1.0.0",
        "description": "Applies a hardening benchmark (emulated marketplace product).",
        "type": "BUILD",
        "platform": "Linux",
        "state": {"status": "ACTIVE"},
        "owner": MARKETPLACE,
        "data": MARKETPLACE_DOCUMENT,
        "encrypted": True,
        "dateCreated": _PUBLISHED,
        "obfuscate": False,
        "productCodes": [
            {"productCodeId": "emulated0product0code0", "productCodeType": "marketplace"}
        ],
    }
    state.put("component", component)
