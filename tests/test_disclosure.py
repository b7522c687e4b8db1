"""The suppression decision against an attacker with an integer-programming solver.

The attacker here is written independently of pipeline.analysis.disclosure: scipy's milp over every inner cell's
count of every answer, each published cell's counts an equation, each published number of respondents a bound. For
every withheld small group and every answer given in it, the interval the attacker derives must be at least the
protection width wide (or run from none to all the published numbers allow), and the group must not be pinned to
one answer.
"""

import json
import random
import re

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from pipeline.analysis import activities as act
from pipeline.analysis.disclosure import ALL, Earlier, Figure, audit
from pipeline.analysis.suppression import NO_UNIT, earlier_versions, survey_suppression, survey_tables
from pipeline.cli import main
from pipeline.project import list_projects
from pipeline.spec import Item, Scale, SurveySpec, Wave

K = 5
LABELS = ["Uenig", "Hverken", "Enig"]
SCALE = Scale(labels=LABELS, positive=["Enig"], dont_know=["Ved ikke"])
ANSWERS = [*LABELS, "Ved ikke"]


def codebook(**settings) -> SurveySpec:
    return SurveySpec(
        min_group_size=K,
        waves=[Wave(id="2024", label="2024", year=2024)],
        groups={"borger": "Borgere", "politiker": "Politikere", "medarbejder": "Medarbejdere"},
        scales={"enig": SCALE},
        items={"q": Item(text="Godt forløb", scale="enig")},
        **settings,
    )


def survey(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(unit, group, answer) per respondent."""
    return pd.DataFrame(
        [{"respondent_id": f"r{i}", "wave": "2024", "unit": u, "group": g, "q": a} for i, (u, g, a) in enumerate(rows)]
    )


# --- The attacker ---------------------------------------------------------------------------------------


def published_respondents(data: pd.DataFrame) -> dict:
    """The numbers of respondents the reports show: each unit's, each group's, everyone's, and a unit's group of
    at least K (the group table's header)."""
    units = data["unit"]
    shown = {(ALL, ALL): len(data)}
    shown |= {(u, ALL): n for u, n in units.value_counts().items() if u != NO_UNIT}
    shown |= {(ALL, g): n for g, n in data["group"].value_counts().items()}
    shown |= {(u, g): n for (u, g), n in data.groupby(["unit", "group"]).size().items() if u != NO_UNIT and n >= K}
    return shown


def inside(cell, inner) -> bool:
    return cell[0] in (ALL, inner[0]) and cell[1] in (ALL, inner[1])


def attacker(counts: dict, hidden: set, respondents: dict, quantity) -> tuple[float, float]:
    """The least and greatest value of `quantity` (weights per (inner cell, answer)) over the whole-number tables
    that agree with every shown cell's count of every answer and every published number of respondents."""
    inner = sorted(counts, key=str)
    index = {(c, a): i for i, (c, a) in enumerate((c, a) for c in inner for a in ANSWERS)}
    cells = {(u, g) for u in {c[0] for c in inner} | {ALL} for g in {c[1] for c in inner} | {ALL}}
    rows, low, high = [], [], []
    for cell in cells - hidden:
        for a in ANSWERS:
            rows.append([1.0 if inside(cell, c) and b == a else 0.0 for c, b in index])
            low.append(sum(counts[c].get(a, 0) for c in inner if inside(cell, c)))
            high.append(low[-1])
    for cell, n in respondents.items():
        rows.append([1.0 if inside(cell, c) else 0.0 for c, _ in index])
        low.append(0)
        high.append(n)
    objective = np.array([quantity.get(key, 0.0) for key in index])
    ends = []
    for sign in (1, -1):
        result = milp(
            sign * objective,
            constraints=[LinearConstraint(np.array(rows), low, high)],
            integrality=np.ones(len(index)),
            bounds=Bounds(0, len(respondents) and respondents[(ALL, ALL)]),
        )
        assert result.status == 0
        ends.append(sign * result.fun)
    return ends[0], ends[1]


def attack_survey(data: pd.DataFrame, hidden: frozenset) -> list[str]:
    """What the attacker can narrow down: each withheld small group's answers it pins or narrows too much."""
    counts: dict = {}
    for row in data.itertuples():
        counts.setdefault((row.unit, row.group), {}).setdefault(row.q, 0)
        counts[(row.unit, row.group)][row.q] += 1
    respondents = published_respondents(data)
    found = []
    for cell in hidden:
        members = [c for c in counts if inside(cell, c)]
        given = {a for c in members for a in counts[c]}
        size = sum(sum(counts[c].values()) for c in members)
        if not 0 < size < K:
            continue
        room = attacker(counts, set(hidden), respondents, {(c, a): 1 for c in members for a in ANSWERS})[1]
        for a in given:
            low, high = attacker(counts, set(hidden), respondents, {(c, a): 1 for c in members})
            if high - low < min(K, room) - 1e-6:
                found.append(f"{cell} {a}: [{low}, {high}] of room {room}")
        if len(given) == 1:
            (a,) = given
            others = attacker(
                counts, set(hidden), respondents, {(c, b): 1 for c in members for b in ANSWERS if b != a}
            )[1]
            if others < 1:
                found.append(f"{cell}: everyone answered {a}")
    return found


def hidden_of(data: pd.DataFrame, **settings) -> frozenset:
    return survey_suppression(data, codebook(**settings)).hidden[("2024", "q")]


# --- The reviewers' cases and the decisions' tricky shapes ----------------------------------------------


def test_the_methods_example_all_agreeing_no_longer_gives_unit_b_away():
    data = survey([("A", "borger", "Enig")] * 10 + [("B", "borger", "Enig")] * 3)
    hidden = hidden_of(data)
    assert (ALL, ALL) in hidden, "13 of 13 positive over a total holding B would put B's three at Enig"
    assert attack_survey(data, hidden) == []
    counts = {("A", "borger"): {"Enig": 10}, ("B", "borger"): {"Enig": 3}}
    assert attacker(counts, set(hidden), published_respondents(data), {(("B", "borger"), "Enig"): 1}) == (0, 3)


def test_before_the_audit_the_example_was_pinned():
    """The rules alone (what the decision was before) leave B's answers derivable: the attacker is not toothless."""
    from pipeline.analysis.suppression import suppressed_cells

    data = survey([("A", "borger", "Enig")] * 10 + [("B", "borger", "Enig")] * 3)
    rules_only = suppressed_cells({("A", "borger"): 10, ("B", "borger"): 3}, K)
    assert attack_survey(data, rules_only) != []


SHAPES = {
    "homogeneous answers": [("A", "borger", "Enig")] * 12
    + [("B", "borger", "Enig")] * 2
    + [("C", "borger", "Enig")] * 7,
    "everyone disagrees but one": [("A", "borger", "Uenig")] * 9
    + [("B", "politiker", "Enig")]
    + [("B", "borger", "Uenig")] * 6,
    "one small unit": [("A", "borger", a) for a in LABELS * 4] + [("B", "borger", "Hverken")] * 2,
    "a small group in a large unit": [("A", "borger", a) for a in LABELS * 5]
    + [("A", "politiker", "Enig")] * 3
    + [("B", "borger", "Uenig")] * 8,
    "respondents without a unit": [(NO_UNIT, "borger", a) for a in LABELS * 3]
    + [(NO_UNIT, "politiker", "Uenig")] * 2
    + [("A", "borger", "Enig")] * 6,
    "don't know only": [("A", "borger", "Ved ikke")] * 3 + [("B", "borger", "Enig")] * 9,
}


@pytest.mark.parametrize("rows", SHAPES.values(), ids=SHAPES.keys())
def test_no_small_group_is_narrowed_down(rows):
    data = survey(rows)
    assert attack_survey(data, hidden_of(data)) == []


def test_a_wider_protection_width_from_project_yaml_hides_more():
    data = survey(
        [("A", "borger", a) for a in LABELS * 4]
        + [("B", "borger", "Enig"), ("B", "borger", "Uenig"), ("B", "borger", "Hverken")]
    )
    assert hidden_of(data) <= hidden_of(data, protection_width=8)
    tables = survey_tables(data, codebook(protection_width=8))
    decision = survey_suppression(data, codebook(protection_width=8))
    assert all(i.protected for i in audit(tables[("2024", "q")], decision.hidden[("2024", "q")], 8))


def random_rows(rng: random.Random) -> list[tuple[str, str, str]]:
    rows = []
    homogeneous = rng.random() < 0.3
    for unit in [NO_UNIT, "A", "B", "C"][: rng.randint(1, 4)]:
        for group in ["borger", "politiker", "medarbejder"][: rng.randint(1, 3)]:
            n = rng.choice([0, 1, 2, 3, 4, 6, 9])
            rows += [(unit, group, "Enig" if homogeneous else rng.choice(ANSWERS)) for _ in range(n)]
    return rows or [("A", "borger", "Enig")]


def test_random_projects_pass_an_independent_attacker():
    rng = random.Random(18)
    for _ in range(30):
        data = survey(random_rows(rng))
        assert attack_survey(data, hidden_of(data)) == [], data.to_dict("records")


def test_hundreds_of_random_projects_pass_the_audit():
    rng = random.Random(1804)
    for _ in range(120):
        data = survey(random_rows(rng))
        decision = survey_suppression(data, codebook())
        table = survey_tables(data, codebook())[("2024", "q")]
        failing = [i for i in audit(table, decision.hidden[("2024", "q")], K) if not i.protected]
        assert failing == [], data.to_dict("records")


def test_the_linked_table_counts_each_answer_of_each_cell_as_the_rows_first_show_them():
    """Counted from numeric codes, the table is what pandas counts from the rows: a unit left empty counts under
    NO_UNIT, a blank answer nowhere, and cells and answers come in the order the rows first show them (the order
    the decision's programs are written in)."""
    rng = random.Random(7)
    rows = [
        (rng.choice(["B", "A", None]), rng.choice(["politiker", "borger"]), rng.choice([*ANSWERS, None]))
        for _ in range(300)
    ]
    data = survey(rows)
    table = survey_tables(data, codebook())[("2024", "q")]
    given = data[data["q"].notna()]
    expected: dict = {}
    cells = pd.DataFrame({"unit": given["unit"].fillna(NO_UNIT), "group": given["group"], "answer": given["q"]})
    for (unit, group, answer), n in cells.value_counts(sort=False).items():
        expected.setdefault((unit, group), {})[answer] = n
    assert [(cell, list(counts.items())) for cell, counts in table.counts.items()] == [
        (cell, list(counts.items())) for cell, counts in expected.items()
    ]
    assert table.answers == tuple(ANSWERS)  # the scale's labels, then "don't know"


# --- History: a wave published before ----------------------------------------------------------------


def published_status(data: pd.DataFrame, hidden: frozenset) -> dict:
    """A status's results.json survey record as present/results.py writes it: n, don't know, positive, mean."""
    entries = []
    for group in [None, *sorted(data["group"].unique())]:
        rows = data if group is None else data[data["group"] == group]
        if (ALL, group) in hidden:
            entries.append({"item": "q", "group": group, "suppressed": True})
            continue
        substantive = rows["q"][rows["q"].isin(LABELS)]
        mean = float(substantive.map({label: i + 1 for i, label in enumerate(LABELS)}).mean())
        entries.append(
            {
                "item": "q",
                "group": group,
                "n": len(substantive),
                "dont_know": int((rows["q"] == "Ved ikke").sum()),
                "positive": int((substantive == "Enig").sum()),
                "mean": round(mean, 6),
            }
        )
    return {"unit": None, "survey": {"waves": [{"wave": "2024", "items": entries, "nps": []}]}}


def late_answer(then: pd.DataFrame, answer: str) -> pd.DataFrame:
    return pd.concat([then, survey([(NO_UNIT, "borger", answer)])], ignore_index=True).assign(
        respondent_id=lambda d: [f"r{i}" for i in range(len(d))]
    )


def test_one_late_answer_in_a_published_wave_cannot_be_told_from_both_statuses():
    # The case: n 20 -> 21, positives 8 -> 8, the mean 3.0 -> 2.904762 (on a 1-5 scale there; 1-3 here).
    then = survey(
        [(NO_UNIT, "borger", a) for a in ["Enig"] * 4 + ["Hverken"] * 2 + ["Uenig"] * 4]
        + [(NO_UNIT, "medarbejder", a) for a in ["Enig"] * 4 + ["Hverken"] * 4 + ["Uenig"] * 2]
    )
    status = published_status(then, hidden_of(then))
    now = late_answer(then, "Uenig")
    earlier = earlier_versions([status], codebook())
    table = survey_tables(now, codebook(), earlier)[("2024", "q")]

    # Recomputed from today's data without regard to what was published: the late answer follows exactly.
    naive = [i for i in audit(table, hidden_of(now), K) if i.revision is not None]
    assert naive and not all(i.protected for i in naive)
    assert any(i.answer == "Uenig" and i.low == i.high == 1 for i in naive)

    # Decided over both versions: whatever the attacker combines, the late answer may be any of them.
    decision = survey_suppression(now, codebook(), earlier)
    late = [i for i in audit(table, decision.hidden[("2024", "q")], K) if i.revision is not None]
    assert late and all(i.protected for i in late)
    assert {i.answer for i in late} >= {"Uenig", "Enig"}
    assert decision.rules[("2024", "q")].get((ALL, ALL)) == "revision"


def test_an_answer_corrected_away_after_publication_is_never_read_as_safe():
    # Published with twelve answers; one of them deleted since. No count of answers added since explains both
    # versions, so nothing can be shown safe: every cell of the question is withheld, and the audit says so.
    then = survey([(NO_UNIT, "borger", a) for a in LABELS * 4])
    status = published_status(then, hidden_of(then))
    now = then.iloc[1:].reset_index(drop=True)
    earlier = earlier_versions([status], codebook())
    decision = survey_suppression(now, codebook(), earlier)
    table = survey_tables(now, codebook(), earlier)[("2024", "q")]
    assert set(table.cells) <= set(decision.hidden[("2024", "q")])
    assert not any(
        i.protected and i.width > table.size(i.cell) for i in audit(table, decision.hidden[("2024", "q")], K)
    )


def test_a_late_answer_in_one_unit_withholds_that_unit_and_the_totals_not_its_neighbours():
    """Six units' reports were published (not the project's); one late answer comes in for the largest. Its unit's
    figures and the totals go; the five other units keep theirs, as nothing of theirs changed. Hiding the smallest
    cell beside it, as for a small group, had withheld every unit's figures one round after another."""
    rng = random.Random(1)
    units = [f"U{i}" for i in range(6)]
    rows = [
        (u, "medarbejder", rng.choice(ANSWERS)) for u in units for _ in range(14 if u == "U0" else rng.randint(8, 11))
    ]
    then = survey(rows + [(NO_UNIT, "borger", rng.choice(ANSWERS)) for _ in range(12)])
    before = hidden_of(then)

    def unit_status(unit: str) -> dict:
        shown = published_status(then[then["unit"] == unit], frozenset((ALL, g) for u, g in before if u == unit))
        return shown | {"unit": unit}

    earlier = earlier_versions([unit_status(u) for u in units], codebook())
    now = pd.concat([then, survey([("U0", "medarbejder", "Uenig")])], ignore_index=True)
    now = now.assign(respondent_id=lambda d: list(map(str, d.index)))
    decision = survey_suppression(now, codebook(), earlier)
    hidden = decision.hidden[("2024", "q")]
    assert {("U0", "medarbejder"), ("U0", ALL), (ALL, "medarbejder"), (ALL, ALL)} <= hidden
    assert not {cell for cell in hidden if cell[0] in units[1:]}
    table = survey_tables(now, codebook(), earlier)[("2024", "q")]
    late = [i for i in audit(table, hidden, K) if i.revision is not None]
    assert late and all(i.protected for i in late)


def test_a_published_version_read_back_from_its_results_file(tmp_path):
    then = survey([(NO_UNIT, "borger", a) for a in LABELS * 4])
    path = tmp_path / "status.results.json"
    path.write_text(json.dumps(published_status(then, hidden_of(then))), encoding="utf-8")
    (version,) = earlier_versions([json.loads(path.read_text(encoding="utf-8"))], codebook())[("2024", "q")]
    assert isinstance(version, Earlier)
    assert version.sizes[(ALL, ALL)] == 12
    mean = next(f for f in version.figures if f.cell == (ALL, ALL) and f.weights.get("Enig") == 3)
    assert isinstance(mean, Figure) and mean.low <= 24 <= mean.high


# --- Participants ---------------------------------------------------------------------------------------


def activities(rows: list[tuple[str, int, int, dict]]) -> pd.DataFrame:
    """(id, year, participants, groups) per activity."""
    return pd.DataFrame(
        [
            {
                "id": id,
                "date": pd.Timestamp(year, 5, 1).date(),
                "title": id,
                "kind": "Møde",
                "unit": "",
                "participants": n,
                "themes": [],
                "groups": groups,
            }
            for id, year, n, groups in rows
        ]
    )


def test_a_year_of_three_politicians_shows_neither_its_total_nor_the_meeting():
    table = activities([("M1", 2024, 30, {"borger": 20, "medarbejder": 10}), ("M2", 2025, 3, {"politiker": 3})])
    decision = act.participants_by_group(table, K)
    assert decision.count(2025, "politiker") is None
    assert decision.count(2025, ALL) is None, "'I alt: 3' beside a withheld group of 3 and dashes is the group"
    assert decision.activity("M2") is None
    assert decision.total_of(["M2"]) is None
    assert all(i.protected for i in act.audit_participants(table, decision, K))


def participants_attacker(table: pd.DataFrame, decision: act.ByGroup, year: int, group: str) -> tuple[float, float]:
    """The attacker's interval of one year's group from every shown count (activities, years, groups, margins)."""
    inner = [
        (row.id, g, n)
        for row in table.itertuples()
        for g, n in {**row.groups, "": row.participants - sum(row.groups.values())}.items()
        if n
    ]
    years = dict(zip(table["id"], table["date"].map(lambda d: d.year)))
    rows, values = [], []
    for row in table.itertuples():
        if decision.activity(row.id) is not None:
            rows.append([1.0 if id == row.id else 0.0 for id, _, _ in inner])
            values.append(row.participants)
    for y in [*sorted(set(years.values())), ALL]:
        for g in [*{g for _, g, _ in inner}, ALL]:
            shown = decision.count(y, g)
            if shown is not None:
                rows.append([1.0 if y in (ALL, years[id]) and g in (ALL, gg) else 0.0 for id, gg, _ in inner])
                values.append(shown)
    objective = np.array([1.0 if years[id] == year and g == group else 0.0 for id, g, _ in inner])
    ends = []
    for sign in (1, -1):
        result = milp(
            sign * objective,
            constraints=[LinearConstraint(np.array(rows), values, values)] if rows else [],
            integrality=np.ones(len(inner)),
            bounds=Bounds(0, sum(table["participants"])),
        )
        ends.append(sign * result.fun)
    return ends[0], ends[1]


def test_random_years_by_groups_never_give_a_small_group_away():
    rng = random.Random(17)
    for _ in range(50):
        rows = []
        for i in range(rng.randint(1, 4)):
            groups = {g: n for g in ["borger", "politiker", "medarbejder"] if (n := rng.choice([0, 0, 1, 2, 3, 6, 12]))}
            rows.append((f"M{i}", rng.choice([2024, 2025]), sum(groups.values()) + rng.choice([0, 0, 4]), groups))
        table = activities(rows)
        decision = act.participants_by_group(table, K)
        for (year, group), n in decision.sizes.items():
            if 0 < n < K:
                low, high = participants_attacker(table, decision, year, group)
                assert high - low >= min(K, high) - 1e-6, (rows, year, group, low, high)


# --- Every example project -------------------------------------------------------------------------------


@pytest.mark.parametrize("project", list_projects())
def test_validate_audit_passes_on_every_example(project, capsys):
    assert main(["validate", "--audit", project]) == 0
    out = capsys.readouterr().out
    summary = re.search(
        r"audit: (\d+) withheld cells, (narrowest protected interval (\d+)|none protected), 0 failing", out
    )
    assert summary, out[-2000:]
    assert "FAILS" not in out


def test_a_report_gives_no_figure_away_of_a_meeting_of_three_politicians(tmp_path):
    """End to end: the meeting's count, its year's group and whatever else is shown leave its politicians open."""
    import shutil
    from html import unescape

    from pipeline.paths import default_inputs
    from pipeline.present.report import Report
    from pipeline.project import load_project

    folder = tmp_path / "integrationsforum-viborg"
    shutil.copytree(default_inputs() / folder.name, folder)
    with (folder / "activities.csv").open("a", encoding="utf-8") as table:
        table.write("P01,2026-10-06,Politikermøde,Møde,,3,,,3,,\n")
    report = Report(load_project(folder))
    section = unescape(report.activities_section().data)
    assert "Politikermøde" in section
    decision = report.project.participation
    assert decision.count(2026, "politiker") is None and decision.activity("P01") is None
    assert ">3<" not in section.split("Politikermøde", 1)[1][:400]
    low, high = participants_attacker(report.project.activities, decision, 2026, "politiker")
    assert high - low >= min(K, high) and high >= 3, (low, high)
    assert ">384<" in section  # not everything withheld: the project's total of participants stays
