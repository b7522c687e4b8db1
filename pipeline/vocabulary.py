"""The house's words, one home each: the languages a report is written in and the status words of the input tables.

Kept free of imports, so that the command line can offer the languages without loading the pipeline.
"""

from typing import TypedDict

# The reports' languages and the locale each is formatted in (Babel): Danish, Norwegian bokmål, British English.
LOCALES = {"da": "da_DK", "nb": "nb_NO", "en": "en_GB"}
LANGUAGES = tuple(LOCALES)

# The status words of the input tables: the loaders check them, analysis counts by them, texts name them.
MILESTONE_STATUSES = ("done", "open", "cancelled")
ASSESSMENT_STATUSES = ("met", "partly_met", "not_met", "not_assessed")
RECOMMENDATION_STATUSES = ("proposed", "adopted", "in_progress", "implemented", "rejected", "dropped")
DECIDED_STATUSES = ("adopted", "in_progress", "implemented", "rejected")  # a decision was taken, on a day

# How a status looks, wherever it is shown (the page, the PDF, the charts, the index): by symbol and word as well as
# colour, so it survives grey print and colour blindness. The words are the catalogues' (present/catalogue).
STATUS_SYMBOLS = {
    "met": "●",
    "partly_met": "◐",
    "not_met": "○",
    "in_progress": "◌",
    "no_data": "–",
    "not_applicable": "–",
}
CHANGE_SYMBOLS = {"improved": "↑", "unchanged": "→", "worse": "↓"}


class Colours(TypedDict):
    """One status's colours in the palette below."""

    ink: str | None
    fill: str


# The status palette, the one place its colours are written (tests/test_layout.py checks): `ink` for words on white
# and on the tables' light bands (WCAG AA, 4.5:1; None: the text's own colour), `fill` for bars and marks, apart in
# lightness as well as hue (ColorBrewer RdBu ends), so that they survive grey print. The stylesheet and the index read
# them as CSS custom properties (--ink-met, --fill-met), the PDF template as data, the charts as they are.
PALETTE: dict[str, Colours] = {
    "met": {"ink": "#1c4f8a", "fill": "#2166ac"},
    "partly_met": {"ink": "#2f6f8f", "fill": "#92c5de"},
    "not_met": {"ink": "#a53a22", "fill": "#d6604d"},
    "in_progress": {"ink": None, "fill": "#d1e5f0"},
    "no_data": {"ink": "#5b6169", "fill": "#bdbdbd"},
    "not_applicable": {"ink": "#5b6169", "fill": "#e0e0e0"},
    "on_time": {"ink": None, "fill": "#2166ac"},
    "late": {"ink": None, "fill": "#92c5de"},
    "overdue": {"ink": "#a53a22", "fill": "#d6604d"},
    "open": {"ink": "#5b6169", "fill": "#e0e0e0"},
    "cancelled": {"ink": "#5b6169", "fill": "#878787"},
}


def palette_css() -> str:
    """The palette as CSS custom properties, for a stylesheet's :root: `--ink-met: #1c4f8a; --fill-met: #2166ac; …`."""
    properties = (
        f"--{role}-{tone}: {colour};" for tone, roles in PALETTE.items() for role, colour in roles.items() if colour
    )
    return " ".join(properties)
