"""Our own exception types; every input problem names file, row, field, what was expected and what was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, in words a non-programmer can act on."""

    file: str
    row: int | None
    field: str | None
    expected: str
    found: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: expected {self.expected}, found {self.found}"


class EvalreportError(Exception):
    """Base of every error evalreport raises on purpose."""


class InputError(EvalreportError):
    """A project's inputs are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the inputs:\n{lines}")


class ProjectNotFound(EvalreportError):
    """No project folder with a project.yaml under that name."""


class JobFailed(EvalreportError):
    """A report job failed while executing or rendering; `reason` is its first error line."""

    def __init__(self, job_name: str, reason: str):
        self.job_name = job_name
        self.reason = reason
        super().__init__(f"{job_name}: {reason}")
