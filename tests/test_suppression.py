"""Small-group suppression decided once per project: nothing withheld in one report follows from the others.

The audit here is independent of the algorithm: every figure we publish is a sum over respondents, so a withheld
cell can be worked out exactly when its row of atoms (the finest unit × group cells) lies in the span of the rows
of the published cells. numpy's rank says whether it does.
"""

import random
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from pipeline.analysis.suppression import ALL, suppressed_cells
from pipeline.cli import main

K = 5
EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "bosetting-vestfold"


def cells_of(sizes: dict) -> dict:
    """Every cell of the table with its margins, as the set of atoms it adds up."""
    units = {u for u, _ in sizes} | {ALL}
    groups = {g for _, g in sizes} | {ALL}
    return {(u, g): [a for a in sizes if u in (ALL, a[0]) and g in (ALL, a[1])] for u in units for g in groups}


def follows(cell_atoms: list, published: list[list], atoms: list) -> bool:
    """True when the sum over `cell_atoms` can be computed from the published sums."""
    index = {a: i for i, a in enumerate(atoms)}

    def row(members):
        vector = np.zeros(len(atoms))
        vector[[index[a] for a in members]] = 1
        return vector

    if not published:
        return False
    known = np.array([row(m) for m in published])
    return np.linalg.matrix_rank(np.vstack([known, row(cell_atoms)])) == np.linalg.matrix_rank(known)


def leaks(sizes: dict, published_cells: set, unpublished_units=("",)) -> list:
    """The small groups (1 to K − 1 respondents) whose figures follow from the published cells: withheld cells,
    atoms, and the hidden parts beside a published total."""
    atoms = list(sizes)
    cells = cells_of(sizes)
    published = [cells[c] for c in published_cells]
    found = []
    for cell, members in cells.items():
        size = sum(sizes[a] for a in members)
        if 0 < size < K and cell not in published_cells and follows(members, published, atoms):
            found.append(cell)
    return found


def published_by_decision(sizes: dict, unpublished_units=("",)) -> set:
    hidden = suppressed_cells(sizes, K, unpublished_units)
    cells = cells_of(sizes)
    return {
        c
        for c, members in cells.items()
        if c not in hidden and c[0] not in unpublished_units and sum(sizes[a] for a in members)
    }


# --- The decision on tables -----------------------------------------------------------------------------


def test_the_reviewers_case_unit_b_no_longer_follows_from_the_project_and_unit_a():
    sizes = {("A", "kommune"): 10, ("B", "kommune"): 3}
    # Before: each report decided alone, so the project's total and A's own total were both published.
    assert set(leaks(sizes, {(ALL, ALL), ("A", ALL), ("A", "kommune"), (ALL, "kommune")})) == {
        ("B", ALL),
        ("B", "kommune"),
    }
    published = published_by_decision(sizes)
    assert ("B", ALL) not in published and ("A", ALL) not in published  # A's own figure would give B's away
    assert (ALL, ALL) in published  # the project's total of 13 is still shown
    assert leaks(sizes, published) == []


@pytest.mark.parametrize(
    "case, sizes",
    [
        ("two small units", {("A", "k"): 10, ("B", "k"): 3, ("C", "k"): 4, ("D", "k"): 9}),
        ("a small group inside a large unit", {("A", "k"): 12, ("A", "p"): 2, ("B", "k"): 9, ("B", "p"): 8}),
        ("small wave", {("A", "k"): 2, ("B", "k"): 1, ("", "p"): 1}),
        ("respondents without a unit", {("A", "k"): 10, ("B", "k"): 7, ("", "k"): 2}),
        ("a unit with one small group", {("A", "k"): 10, ("A", "p"): 6, ("B", "k"): 3, ("C", "k"): 12, ("C", "p"): 7}),
        ("no units at all", {("", "k"): 20, ("", "p"): 3, ("", "b"): 12}),
    ],
)
def test_no_small_group_follows_from_what_the_decision_publishes(case, sizes):
    published = published_by_decision(sizes)
    assert leaks(sizes, published) == [], case
    small = [c for c, members in cells_of(sizes).items() if 0 < sum(sizes[a] for a in members) < K]
    assert not set(small) & published, case


def test_random_tables_never_leak_a_small_group():
    generator = random.Random(20261128)
    for _ in range(150):
        units = [f"u{i}" for i in range(generator.randint(1, 7))] + [""]
        groups = [f"g{i}" for i in range(generator.randint(1, 4))]
        sizes = {
            (u, g): n for u in units for g in groups if (n := generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30]))
        }
        if not sizes:
            continue
        published = published_by_decision(sizes)
        assert leaks(sizes, published) == [], sizes
        # A published total never leaves 1 to K − 1 respondents among its withheld parts.
        for total, members in cells_of(sizes).items():
            if total in published and ALL in total:
                parts = [
                    c
                    for c in cells_of(sizes)
                    if c != total and set(cells_of(sizes)[c]) <= set(members) and (c[0] == total[0] or c[1] == total[1])
                ]
                hidden = sum(
                    sum(sizes[a] for a in cells_of(sizes)[p]) for p in parts if p not in published and ALL not in p
                )
                assert hidden == 0 or hidden >= K or total[0] is ALL and total[1] is ALL, (sizes, total)


def test_large_tables_are_decided_without_delay():
    generator = random.Random(7)
    sizes = {(f"u{i:03}", g): generator.choice([1, 2, 3, 6, 9]) for i in range(150) for g in ("a", "b", "c")}
    published = published_by_decision(sizes)
    cells = cells_of(sizes)
    assert (ALL, ALL) in published
    assert not [c for c in published if 0 < sum(sizes[a] for a in cells[c]) < K]


# --- Every published file of a project ------------------------------------------------------------------

ITEMS = ["kompetanse", "bevissthet", "eierskap", "samarbeid", "informasjon", "erfaring"]
PROJECT_UNITS = """units:
  - {id: "A", name: Aunit}
  - {id: "B", name: Bunit}
  - {id: "C", name: Cunit}
  - {id: "D", name: Dunit}
"""
# A has 10; B has 3 (the reviewer's case); C has 8 municipalities and 2 partners (a small group in a large unit);
# D has 4 (a second small unit); 6 partners answered for no unit; the wave before had 3 respondents (a small wave).
ROWS = [("2016", "A", "kommune")] * 10 + [("2016", "B", "kommune")] * 3 + [("2016", "C", "kommune")] * 8
ROWS += (
    [("2016", "C", "partner")] * 2
    + [("2016", "D", "kommune")] * 4
    + [("2016", "", "partner")] * 6
    + [("2015", "A", "kommune")] * 3
)


def answers(index: int) -> list[str]:
    """Answers that differ between respondents, so that a derived share would be a real disclosure."""
    labels = ["Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig"]
    return [labels[(index * 7 + k * 3) % 5] for k in range(len(ITEMS))]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The project report and every unit's report of a project built for the case, rendered by the command line."""
    root = tmp_path_factory.mktemp("suppression")
    folder = root / "inputs" / "smaa"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("text"))  # the example's own words name its units
    spec = (folder / "project.yaml").read_text(encoding="utf-8")
    spec = re.sub(r"units:\n(  - .*\n)+", PROJECT_UNITS, spec)
    spec = spec.replace(
        'waves: [{id: "2016", label: Høsten 2016, year: 2016}]',
        'waves: [{id: "2015", label: Høsten 2015, year: 2015}, {id: "2016", label: Høsten 2016, year: 2016}]',
    )
    spec = spec.replace('invited: {"2016": {kommune: 50, partner: 9}}', "")
    (folder / "project.yaml").write_text(spec, encoding="utf-8")
    for name in ("indicators.csv", "milestones.csv", "assessments.csv"):
        (folder / name).write_text((folder / name).read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    lines = ["respondent_id,wave,group,unit," + ",".join(ITEMS) + ",kommentar"]
    lines += [
        f"r{i:03},{wave},{group},{unit}," + ",".join(answers(i)) + f",Kommentar {i}"
        for i, (wave, unit, group) in enumerate(ROWS)
    ]
    (folder / "survey.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = root / "reports"
    common = [
        "--inputs",
        str(root / "inputs"),
        "--reports",
        str(reports),
        "run",
        "smaa",
        "--report",
        "survey_feedback",
        "--format",
        "html",
    ]
    assert main(common) == 0
    assert main([*common, "--per-unit"]) == 0
    return reports / "smaa" / "2015-2016"


class Tables(HTMLParser):
    """Every table of an HTML file as rows of cell texts, the header row first."""

    def __init__(self, text: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def published_cells(folder: Path, item_text: str) -> set:
    """The cells of one question whose figures a published HTML file shows, read back from the files."""
    cells = set()
    for path in folder.glob("survey_feedback*.html"):
        unit = path.stem.split("-", 1)[1] if "-" in path.stem else ALL
        for header, *rows in (t for t in Tables(path.read_text(encoding="utf-8")).tables if t):
            for row in (r for r in rows if r and r[0] == item_text):
                if "Vet ikke" in header:  # the answers table: the report's total
                    if "%" in row[3]:
                        cells.add((unit, ALL))
                elif any("(n" in h for h in header[1:]) or "for få" in " ".join(row):  # the groups table
                    for heading, value in zip(header[1:], row[1:]):
                        if "%" in value:
                            cells.add((unit, "kommune" if heading.startswith("Kommuner") else "partner"))
    return cells


def test_no_withheld_count_follows_by_subtraction_over_all_published_files(published):
    files = sorted(p.name for p in published.glob("survey_feedback*.html"))
    assert files == [
        "survey_feedback-A.html",
        "survey_feedback-B.html",
        "survey_feedback-C.html",
        "survey_feedback-D.html",
        "survey_feedback.html",
    ]
    texts = {
        item: re.search(
            rf"{item}: {{text: (.*), scale", EXAMPLE.joinpath("project.yaml").read_text(encoding="utf-8")
        ).group(1)
        for item in ITEMS
    }
    sizes = {}
    for wave, unit, group in ROWS:
        if wave == "2016":
            sizes[(unit, group)] = sizes.get((unit, group), 0) + 1
    for item in ITEMS:
        shown = published_cells(published, texts[item])
        assert (ALL, ALL) in shown  # the project's total of 33 is published
        assert leaks(sizes, shown) == [], item
        assert not {("B", ALL), ("D", ALL), ("C", "partner")} & shown


def test_the_small_wave_and_small_comment_cells_appear_nowhere(published):
    everything = " ".join(p.read_text(encoding="utf-8") for p in published.glob("*.html"))
    assert "høsten 2015" in everything.lower()  # named: too few to compare with
    for i, (wave, unit, group) in enumerate(ROWS):
        quoted = f"Kommentar {i}<" in everything
        # Only cells of at least the quote limit (5) are quoted: A's, C's municipalities', and the 6 partners'.
        assert quoted == (wave == "2016" and (unit, group) in {("A", "kommune"), ("C", "kommune"), ("", "partner")}), (
            i,
            wave,
            unit,
            group,
        )


def test_a_cell_says_whether_it_was_withheld_for_its_own_size_or_to_protect_another():
    """A withheld total of 45 answers is not 'too few': the decision keeps the rule that hid each cell, and the
    report's words follow it (too few to show / withheld to protect small groups)."""
    from pipeline.analysis.disclosure import PRIMARY, SECONDARY
    from pipeline.analysis.suppression import Suppression

    small, partner = ("A", ALL), ("B", ALL)
    decision = Suppression(
        5, {("w", "q1"): frozenset({small, partner})}, {("w", "q1"): {small: PRIMARY, partner: SECONDARY}}
    )
    assert not decision.shows("w", "q1", "A") and not decision.shows("w", "q1", "B")
    assert decision.too_small("w", "q1", "A")
    assert not decision.too_small("w", "q1", "B")
    assert not decision.too_small("w", "q1", "C")  # shown, so not withheld at all
