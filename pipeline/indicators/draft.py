"""The `indicators:` block to paste into project.yaml: an id made safe from each indicator's label."""

from __future__ import annotations

import re
import unicodedata

import yaml

# Letters that Unicode does not decompose into a base letter and a mark.
_SPELLED_OUT = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})
# Words that say a figure is a level (a share, a rate, an average), which a period reports at its last year
# rather than adding up.
_LEVEL_WORDS = re.compile(
    (
        r"%|prosent|procent|percent|andel|share|rate|per 1 "
        r"?000|gjennomsnitt|gennemsnit|genomsnitt|average|mean|median|indeks|index|keskikoko|osuus"
    ),
    re.IGNORECASE,
)


def safe_id(label: str) -> str:
    """'Innbyggere (antall)' → 'innbyggere_antall', 'Tjøme' → 'tjome': lower case, ASCII letters and digits, '_'."""
    ascii_text = unicodedata.normalize("NFKD", label.translate(_SPELLED_OUT)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "indikator"


def indicator_ids(labels: list[str]) -> dict[str, str]:
    """Each label's id; two labels that make the same id get '_2', '_3' … after the first."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for label in labels:
        base = candidate = safe_id(label)[:60]
        number = 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        ids[label] = candidate
        taken.add(candidate)
    return ids


def aggregate_for(label: str) -> str:
    return "latest" if _LEVEL_WORDS.search(label) else "sum"


def draft_block(indicators: dict[str, str], source: str, units: dict[str, str] | None) -> str:
    """The block as text: a comment on what to check, then `indicators:` with each id's label and aggregate.

    `units` (id → name), when given, are listed as a commented `units:` block for a project that has none yet.
    """
    block = {
        "indicators": {
            ident: {"label": label, "aggregate": aggregate_for(label)} for ident, label in indicators.items()
        }
    }
    lines = [
        f"# Made by `evalreport import indicators` from {source}. Paste the `indicators:` block into project.yaml",
        "# (beside any indicators it has) and set `files: {indicators: indicators.csv}`. Check each `aggregate`,",
        "# guessed from the label: `sum` adds up the years of a report's period (counts, such as settlements);",
        "# `latest` takes the last year that has a figure (levels: shares, rates, indices, averages).",
        yaml.safe_dump(block, allow_unicode=True, sort_keys=False, width=120).rstrip(),
    ]
    if units:
        lines.append("# The units in the file, for `units:` in project.yaml if it has none yet:")
        lines.append("# units:")
        listed = yaml.safe_dump(
            [{"id": unit_id, "name": name} for unit_id, name in units.items()],
            allow_unicode=True,
            default_flow_style=None,
            width=200,
        )
        lines += [f"#   {line}" for line in listed.splitlines()]
    return "\n".join(lines) + "\n"
