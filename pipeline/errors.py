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


@dataclass(frozen=True)
class ToFillIn(Problem):
    """A placeholder that `evalreport new` wrote ("TODO: …") and nobody has replaced yet: a thing left to do, not a
    mistake. `expected` says what to fill in; `validate` lists these as a checklist."""

    def __str__(self) -> str:
        line = f" line {self.row}" if self.row is not None else ""
        field = f", {self.field}" if self.field else ""
        return f"{self.file}{line}{field}: {self.expected}"


MAX_ROWS_OF_A_KIND = 20  # listed one by one; more rows with the same problem become one Problem that counts them
ROWS_SHOWN = 10


def grouped(problems: list[Problem]) -> list[Problem]:
    """The problems, with the rows of a kind (same file, field and expectation) that fail by the thousand said once:
    "found something else in 37,000 rows, the first 10: row 2 '0799', …" instead of 37,000 lines."""
    kinds: dict[tuple, list[Problem]] = {}
    for problem in problems:
        if problem.row is not None:
            kinds.setdefault((problem.file, problem.field, problem.expected), []).append(problem)
    many = {kind: rows for kind, rows in kinds.items() if len(rows) > MAX_ROWS_OF_A_KIND}
    result = []
    for problem in problems:
        rows = many.get((problem.file, problem.field, problem.expected)) if problem.row is not None else None
        if rows is None:
            result.append(problem)
        elif problem is rows[0]:
            shown = ", ".join(f"row {p.row} {_short(p.found)}" for p in rows[:ROWS_SHOWN])
            found = f"something else in {len(rows):,} rows, the first {ROWS_SHOWN}: {shown}, …"
            result.append(Problem(problem.file, None, problem.field, problem.expected, found))
    return result


def _short(found: str) -> str:
    return found if len(found) <= 30 else found[:29] + "…"


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


class MachineFault(EvalreportError):
    """The machine refused what a run needs (a read-only or full disk, a damaged run ledger, a missing kernel):
    one line saying what and where. The last good reports stay as they were."""


def in_one_line(error: BaseException) -> str:
    """An error as one line for the person running evalreport: our own errors' first line; what the operating system
    refused, and where; any other error with its type, since it is a bug to report."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    lines = str(error).strip().splitlines()
    first = lines[0].rstrip(":") if lines else ""
    return first if isinstance(error, EvalreportError) else f"{type(error).__name__}: {first}".removesuffix(": ")


class JobFailed(EvalreportError):
    """A report job failed while executing or rendering; `reason` is its first error line."""

    def __init__(self, job_name: str, reason: str):
        self.job_name = job_name
        self.reason = reason
        super().__init__(f"{job_name}: {reason}")


class RenderFailed(EvalreportError):
    """One format of a report could not be drawn; `reason` names the part of the inputs and the rule, where known."""

    def __init__(self, output: str, reason: str):
        self.output = output
        self.reason = reason
        super().__init__(f"{output}: {reason}")


class RenderTimedOut(RenderFailed):
    """A renderer was stopped at the job's deadline."""


class UnsafePath(EvalreportError):
    """A path or name from a user's file or command that would lead outside the folder it belongs in."""

    def __init__(self, what: str, expected: str, found: str):
        self.what, self.expected, self.found = what, expected, found
        super().__init__(f"{what}: expected {expected}, found {found}")

    def problem(self, file: str, row: int | None = None) -> Problem:
        return Problem(file, row, self.what, self.expected, self.found)


# Raised where the work happens, named here with the rest.


class NotAFigure(ValueError):
    """A cell that is neither a number nor a missing or nil symbol."""


class DeliveryFailed(EvalreportError):
    """A status could not be delivered; the message is the reason recorded in the ledger."""


class Crashed(Exception):
    """The child died reading the file: the library crashed, or was refused the memory it asked for."""


class ProjectBusy(EvalreportError):
    """Another evalreport run holds the project's lock."""


class KernelMissing(MachineFault):
    """No Jupyter kernel that starts this evalreport's Python, and none can be installed."""


class Unexplained(Exception):
    """The figures published of a table contradict each other under the disclosure audit's model (an answer taken
    away since, say): no count fits them all, so nothing is read as safe (pipeline.analysis.disclosure)."""
