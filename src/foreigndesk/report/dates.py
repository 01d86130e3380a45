"""Dates as a reader writes them: 28 September 1960, November 1960, the 1840s (the meaning
of a date value is :mod:`foreigndesk.timevalue`'s, shared by every view)."""

from __future__ import annotations

import re

from foreigndesk.timevalue import bounds, label, overlaps

__all__ = ["DATE_OPTION", "bounds", "label", "overlaps"]

DATE_OPTION = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
