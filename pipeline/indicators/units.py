"""Unit ids as statistics tables write them ('K-3001', '0301 Oslo', '301'), and matched to a project's units."""

from __future__ import annotations

import re

# A municipality (or county, district) number, perhaps after IMDi's 'K-' or 'K', perhaps before its name.
_CODED = re.compile(r"[Kk]?-?(\d{2,})(?:\s+(?:-\s+)?(\S.*))?")


def split_unit(code: str, label: str) -> tuple[str, str]:
    """The unit's id and name: 'K-3001 Halden' → ('3001', 'Halden'); '0301 Oslo' → ('0301', 'Oslo').

    A code that is not a number with perhaps a name ('TOTAL', 'Hele landet') is kept as it is.
    """
    coded = _CODED.fullmatch(code.strip())
    if not coded:
        return code.strip(), label.strip()
    name = coded.group(2) or (label.strip() if label.strip() != code.strip() else coded.group(1))
    return coded.group(1), name


def _key(unit_id: str) -> str:
    """What two ids of one unit share: '0301', '301', 'K0301' and 'K-301' all give '301'."""
    text = re.sub(r"^[Kk]-?", "", unit_id.strip())
    return (text.lstrip("0") or "0") if text.isdigit() else text.casefold()


def match_units(found: list[str], project_ids: list[str]) -> dict[str, str]:
    """Each id in the file that is one of the project's units, mapped to the project's id for it."""
    keys = {_key(unit_id): unit_id for unit_id in project_ids}
    return {unit: keys[_key(unit)] for unit in found if _key(unit) in keys}
