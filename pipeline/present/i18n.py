"""Every word a report shows, in Danish, Norwegian bokmål and English, and numbers and dates through Babel."""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from pipeline.present.catalogue import MESSAGES
from pipeline.vocabulary import LOCALES  # re-exported: run.jobs and run.index ask i18n

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # a name for the checker; typing has it from Python 3.13


class Messages:
    """Words, numbers and dates for one language."""

    def __init__(self, language: str):
        if language not in LOCALES:
            raise ValueError(f"language: expected one of {sorted(LOCALES)}, found {language!r}")
        self.language = language
        self.locale = Locale.parse(LOCALES[language])

    def __call__(self, key: str, **fields) -> str:
        return MESSAGES[key][self.language].format(**fields)

    def percent(self, value: float | None, digits: int = 1) -> str:
        """0.761 → '76,1 %' (da, nb) or '76.1%' (en); an en dash for no value."""
        if _missing(value):
            return "–"
        pattern = self.locale.percent_formats[None].pattern.replace(
            "#,##0", "#,##0." + "0" * digits if digits else "#,##0"
        )
        return format_percent(value, format=pattern, locale=self.locale)

    def number(self, value: float | None, digits: int = 0) -> str:
        """1234.5 → '1.234,5' (da), '1 234,5' (nb) with `digits` decimals; whole numbers without decimals."""
        if _missing(value):
            return "–"
        if digits == 0 or float(value).is_integer():  # a count reads 381, not 381,0
            return format_decimal(value, format="#,##0", locale=self.locale)
        return format_decimal(value, format="#,##0." + "0" * max(digits, 1), locale=self.locale)

    def quantity(self, value: float | None, unit: str | None, digits: int = 1) -> str:
        """A figure with its unit, as the language writes it: '61,5 %', '6.645.000 kr.', '120 personer'; a unit of the
        evaluator's own follows the figure as written, and no unit (or `number`) gives the bare figure."""
        figure = self.number(value, digits)
        if _missing(value) or unit in (None, "", "number"):
            return figure
        if unit == "percent":
            return self.percent(value / 100, digits)
        kroner = {"da": "kr.", "nb": "kr", "en": "kr."}[self.language]  # Norwegian writes kr without a full stop
        word = {"kr": kroner, "persons": {"da": "personer", "nb": "personer", "en": "people"}[self.language]}.get(
            unit, unit
        )
        return f"{figure}\u00a0{word}"

    def date(self, value: date | None) -> str:
        """'20. august 2018' (da, nb), '20 August 2018' (en)."""
        return "–" if value is None else format_date(value, format="long", locale=self.locale)

    def join(self, names: list[str]) -> str:
        """'A, B og C' (da, nb) or 'A, B and C' (en)."""
        if len(names) <= 1:
            return "".join(names)
        word = {"da": "og", "nb": "og", "en": "and"}[self.language]
        return f"{', '.join(names[:-1])} {word} {names[-1]}"


def _missing(value: object) -> TypeIs[None]:
    """No figure: None, or NaN as pandas writes a blank (to the type checker, NaN counts as None here)."""
    return value is None or (isinstance(value, float) and math.isnan(value))
