"""Conversion between the API's dicts and the SDK's models; the only place that knows wire names.

>>> from imagebuilder_sdk.convert import converter
>>> from imagebuilder_sdk.models import ComponentState
>>> state = converter.structure({"status": "ACTIVE", "reason": None}, ComponentState)
>>> state.status
<ComponentStatus.ACTIVE: 'ACTIVE'>
>>> converter.unstructure(state)
{'status': 'ACTIVE'}
"""

from __future__ import annotations

from imagebuilder_sdk.convert._converter import converter, make_converter
from imagebuilder_sdk.convert._dates import format_iso, parse_date
from imagebuilder_sdk.convert._requests import request_params, response_members

__all__ = [
    "converter",
    "format_iso",
    "make_converter",
    "parse_date",
    "request_params",
    "response_members",
]
