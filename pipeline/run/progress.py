"""What a person watching a batch sees: a live bar with done / running / failed, then a one-screen summary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.run.jobs import JobResult


class BatchProgress:
    """Counts finished jobs against the total; `running` is what the workers hold at the moment."""

    def __init__(self, total: int, workers: int, console: Console):
        self.total, self.workers, self.console = total, max(1, min(workers, total)), console
        self.done = self.failed = 0
        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self.task = self.bar.add_task("reports", total=total, counts=self.counts())

    def counts(self) -> str:
        running = min(self.workers, self.total - self.done)
        return f"done {self.done - self.failed} · running {running} · failed {self.failed}"

    def finished(self, result: JobResult) -> None:
        self.done += 1
        self.failed += not result.ok
        mark = "[green]ok[/]" if result.ok else "[red]FAILED[/]"
        self.bar.console.print(
            f"{mark} {escape(result.job.label)}  {result.seconds:.1f} s"
            + (f"  [red]{escape(result.reason)}[/]" if not result.ok else "")
        )
        self.bar.update(self.task, advance=1, counts=self.counts())


@contextmanager
def batch_progress(total: int, workers: int, console: Console | None = None) -> Iterator[BatchProgress]:
    progress = BatchProgress(total, workers, console or Console())
    with progress.bar:
        yield progress


def summary_table(results: list[JobResult]) -> Table:
    """One row per job: its outcome, seconds and where its files are (or why it failed)."""
    table = Table(show_edge=False, header_style="bold")
    for column in ("report", "why it ran", "outcome", "seconds", "files made, or why it failed"):
        table.add_column(column, justify="right" if column == "seconds" else "left", overflow="fold")
    for result in results:
        where = (
            " ".join(os.path.basename(path).split(".", 1)[1] for path in result.outputs) if result.ok else result.reason
        )
        # A reason quotes the user's text (a cell, a title): printed as written, never read as Rich markup.
        table.add_row(
            escape(result.job.label),
            result.why,
            "[green]ok[/]" if result.ok else "[red]failed[/]",
            f"{result.seconds:.1f}",
            escape(where),
        )
    return table
