"""The project's economy: what was budgeted, spent and co-financed, per year and post and in all."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

BUDGET_COLUMNS = ["year", "post", "source", "budget", "spent", "cofinancing"]


@dataclass(frozen=True)
class BudgetTotals:
    """Sums over the rows given. `spent` and `cofinancing` are None when no row gives them (not written is not 0)."""

    budget: float
    spent: float | None
    cofinancing: float | None

    @property
    def share_cofinanced(self) -> float | None:
        """The part of the budget others pay: co-financing ÷ budget; None without either."""
        if self.cofinancing is None or not self.budget:
            return None
        return self.cofinancing / self.budget

    @property
    def share_spent(self) -> float | None:
        if self.spent is None or not self.budget:
            return None
        return self.spent / self.budget


def totals(budget: pd.DataFrame) -> BudgetTotals:
    """The sums of a budget table (budget.csv's rows, or some of them)."""
    return BudgetTotals(
        float(budget["budget"].sum()), _sum_or_none(budget["spent"]), _sum_or_none(budget["cofinancing"])
    )


def _sum_or_none(column: pd.Series) -> float | None:
    given = column.dropna()
    return float(given.sum()) if len(given) else None


def by_year(budget: pd.DataFrame) -> list[tuple[int, BudgetTotals]]:
    """Each year's sums, in order."""
    return [(int(year), totals(rows)) for year, rows in budget.groupby("year", sort=True)]


def in_years(budget: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The rows of the years from `first` to `last`."""
    return budget[(budget["year"] >= first) & (budget["year"] <= last)]


def empty_budget() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": pd.Series(dtype=int),
            "post": pd.Series(dtype=object),
            "source": pd.Series(dtype=object),
            "budget": pd.Series(dtype=float),
            "spent": pd.Series(dtype=float),
            "cofinancing": pd.Series(dtype=float),
        }
    )
