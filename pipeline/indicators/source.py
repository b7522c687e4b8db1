"""What every indicator-table reader returns: the file's figures with the dimensions that place them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pipeline.errors import EvalreportError

# Names statistics offices and evaluators give the dimension of places, of time, and of what is counted
# (SSB, Statistics Denmark, Statistics Sweden, Statistics Finland, Eurostat, IMDi), lower case.
UNIT_NAMES = (
    "region",
    "kommune",
    "kommunenummer",
    "kommunenr",
    "municipality",
    "unit",
    "område",
    "omrade",
    "alue",
    "geo",
    "fylke",
    "bydel",
)
PERIOD_NAMES = (
    "år",
    "aar",
    "year",
    "tid",
    "time",
    "time_period",
    "period",
    "periode",
    "vuosi",
    "kvartal",
    "quarter",
    "måned",
    "month",
    "skoleår",
    "skuleår",
    "skoleaar",
    "skolår",
    "läsår",
    "school year",
    "regnskapsår",
    "regnskabsår",
    "budgetår",
)
CONTENT_NAMES = (
    "statistikkvariabel",
    "contentscode",
    "tabellinnehåll",
    "indhold",
    "indikator",
    "indicator",
    "measure",
    "tiedot",
    "variabel",
)


@dataclass
class Dimension:
    """One way the figures are split: municipalities, years, measures, sexes ...; each value by its code."""

    name: str  # as the file names it: a PX variable, a JSON-stat label, a CSV column heading
    aliases: tuple[str, ...] = ()  # other names it answers to: PX VARIABLECODE, JSON-stat id
    labels: dict[str, str] = field(default_factory=dict)  # code → label where the file gives both

    def label(self, code: str) -> str:
        return self.labels.get(code, code)

    def called(self, name: str) -> bool:
        return name.strip().casefold() in {n.casefold() for n in (self.name, *self.aliases)}


@dataclass
class Source:
    """A statistics table as read: one row of `cells` per figure, a column of codes per dimension."""

    file: str
    format: str
    dimensions: list[Dimension]
    cells: pd.DataFrame  # columns: each dimension's name; values: codes, as text
    figures: list[str]  # each figure as written: '31444', '..', '-', '12,5'
    rows: list[int | None]  # the row each figure is on in the file (None where a file has no rows, as PX)
    # The reader's guesses, by dimension name; the user's --unit-column, --period-column, --indicator-column win.
    units: str | None = None
    periods: str | None = None
    content: str | None = None
    declared_missing: tuple[str, ...] = ()  # symbols the file itself declares for a figure it does not have
    decimal_comma: bool = False

    def dimension(self, name: str, option: str) -> Dimension:
        """The dimension the user named (by its name, code or id, in any case), or an error listing them."""
        for dimension in self.dimensions:
            if dimension.called(name):
                return dimension
        names = ", ".join(repr(d.name) for d in self.dimensions)
        raise EvalreportError(f"{option}: {self.file} has no column or dimension {name!r}; it has {names}")

    def guess(self, names: tuple[str, ...], taken: set[str | None]) -> str | None:
        """The first dimension not yet taken whose name (or alias) is one of `names`."""
        for wanted in names:
            for dimension in self.dimensions:
                if dimension.name not in taken and dimension.called(wanted):
                    return dimension.name
        return None
