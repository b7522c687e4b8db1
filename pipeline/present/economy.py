"""The project's economy (budget.csv): the sums in a sentence, and a table of each year's budget, spending and
co-financing with the totals. In the committee case's Økonomi and the end report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.analysis import budget as bg
from pipeline.present import document as doc

if TYPE_CHECKING:
    from pipeline.present.report import Report


def economy_blocks(report: Report) -> list[doc.Block]:
    """What the economy says for the report's period; no blocks for a project without a budget."""
    period = report.scope.period
    rows = bg.in_years(report.project.budget, period.start, period.end)
    if rows.empty:
        return []
    t = report.t
    years = period.label.replace("-", "–")
    total = bg.totals(rows)
    sentences = [t("economy_lead", years=years, budget=t.number(total.budget))]
    if total.cofinancing:
        sentences.append(
            t("economy_cofinanced", amount=t.number(total.cofinancing), share=t.percent(total.share_cofinanced, 0))
        )
    if total.spent is not None:
        sentences.append(
            t(
                "economy_spent",
                amount=t.number(total.spent),
                share=t.percent(total.share_spent, 0),
                date=t.date(report.scope.as_of),
            )
        )
    return [doc.paragraph(" ".join(sentences)), budget_table(report, rows, years)]


def year_cell(report: Report, year: int) -> doc.Cell:
    """A calendar year is a number to a spreadsheet; a fiscal or school year (2018/19) is its label."""
    period = report.scope.period
    return doc.Datum(text=str(year), value=year, unit="number") if period.start_month == 1 else period.year_label(year)


def budget_table(report: Report, rows, years: str) -> doc.Table:
    """Each year's sums, then the period's, as figures the workbook and the CSV take as numbers."""
    t = report.t
    lines: list[list[doc.Cell]] = [[year_cell(report, year), *amount_cells(t, sums)] for year, sums in bg.by_year(rows)]
    lines.append([t("economy_total"), *amount_cells(t, bg.totals(rows))])
    header = [t("economy_year"), t("economy_budget"), t("economy_spent_column"), t("economy_cofinancing")]
    return doc.table(header, lines, report.table_caption(t("caption_budget", years=years)), numeric=[1, 2, 3])


def amount_cells(t, sums: bg.BudgetTotals) -> list[doc.Datum]:
    return [
        doc.Datum(text=t.number(amount), value=amount, unit="number")
        for amount in (sums.budget, sums.spent, sums.cofinancing)
    ]


def economy_section(report: Report) -> doc.Section | None:
    """The end report's section on the economy; none without a budget."""
    blocks = economy_blocks(report)
    return doc.section("economy", report.t("economy"), blocks) if blocks else None
