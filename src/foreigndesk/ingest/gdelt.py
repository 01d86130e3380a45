"""Kept for older imports of the GDELT column layouts: the importer is
:mod:`foreigndesk.importers.gdelt`."""

from foreigndesk.importers.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS, LAYOUTS

__all__ = ["GDELT1_COLUMNS", "GDELT2_COLUMNS", "LAYOUTS"]
