"""Synthetic projects for the benchmarks: county settlement projects shaped like the bundled Vestfold example.

Each project has its municipalities (units), two years of requested and decided settlements per municipality,
a survey of municipal staff and partners (six Likert items and a comment), project-wide and municipal
milestones, and two assessed criteria. Numbers come from a seeded generator, so a benchmark run is repeatable.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

YEARS = (2015, 2016)
ITEMS = ("kompetanse", "bevissthet", "eierskap", "samarbeid", "informasjon", "erfaring")
LABELS = ("Helt uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Helt enig")
# Mostly agreeing, as such surveys are, with a tail of doubt and the odd "Vet ikke".
ANSWER_WEIGHTS = (4, 8, 14, 38, 30, 6)
COMMENTS = (
    "Nettverksmøtene ga oss kontakter vi bruker i det daglige.",
    "Mangel på egnede boliger er fortsatt den største barrieren.",
    "Informasjonen om anmodningene kom tidligere enn før.",
    "Kurset ga et felles språk på tvers av tjenestene.",
    "",
    "",
)

PROJECT_YAML = """\
title: Bosetting av flyktninger i {county} 2015–2016
owner: Statsforvalteren i {county}
language: nb
period: {{start: 2015, end: 2016}}
unit_noun: {{singular: kommune, plural: kommuner}}
units:
{units}
reports: [end_report]
files: {{indicators: indicators.csv, survey: survey.csv, milestones: milestones.csv, assessments: assessments.csv}}
indicators:
  anmodet: {{label: Anmodet om bosetting, aggregate: sum}}
  vedtatt: {{label: Vedtak om bosetting, aggregate: sum}}
  anmodet_em: {{label: Anmodet om bosetting av enslige mindreårige, aggregate: sum}}
  vedtatt_em: {{label: Vedtak om bosetting av enslige mindreårige, aggregate: sum}}
survey:
  min_group_size: 5
  waves: [{{id: "2016", label: Høsten 2016, year: 2016}}]
  groups: {{kommune: Kommuner, partner: Samarbeidspartnere}}
  scales:
    enig5:
      labels: [{labels}]
      positive: [Litt enig, Helt enig]
      dont_know: [Vet ikke]
  items:
    kompetanse: {{text: Samarbeidet har gitt økt kompetanse om bosetting og integrering, scale: enig5}}
    bevissthet: {{text: Samarbeidet har gitt økt bevissthet om kommunens ansvar for bosetting, scale: enig5}}
    eierskap: {{text: Kommunens ledelse har fått økt eierskap til bosettingsarbeidet, scale: enig5}}
    samarbeid: {{text: Det er mer samarbeid mellom kommunene og statlige aktører enn før, scale: enig5}}
    informasjon: {{text: Vi får informasjon om anmodninger og bosettingsbehov tidligere enn før, scale: enig5}}
    erfaring: {{text: Erfaringsutvekslingen i nettverket har vært nyttig, scale: enig5}}
    kommentar: {{text: Andre kommentarer, kind: text}}
  invited: {{"2016": {{kommune: {invited_staff}, partner: {invited_partners}}}}}
criteria:
  - {{id: K1, title: Kommunene vedtar å bosette så mange som IMDi anmoder om, measure: {{kind: ratio, numerator:
  vedtatt, denominator: anmodet}}}}
  - {{id: K2, title: Kommunene vedtar å bosette så mange enslige mindreårige som anmodet, measure: {{kind: ratio,
  numerator: vedtatt_em, denominator: anmodet_em}}}}
  - {{id: K3, title: Kommunene opplever økt kompetanse om bosetting, measure: {{kind: survey, item: kompetanse, target:
  0.75}}}}
  - {{id: K4, title: Det er mer samarbeid mellom kommunene og statlige aktører, measure: {{kind: survey, item:
  samarbeid, target: 0.8}}}}
  - {{id: K5, title: Planlagte aktiviteter er gjennomført, measure: {{kind: milestones, target: 0.9}}}}
  - {{id: K6, title: Bosetting er innarbeidet i kommunenes planer og budsjetter, measure: {{kind: assessment}}}}
"""

STAFF_PER_UNIT = 20  # invited per municipality; about two in three answer
PARTNERS = 12


def write_projects(inputs: Path, units: int, projects: int = 10, seed: int = 2016) -> list[str]:
    """`units` municipalities spread over up to `projects` counties under `inputs`; returns the project ids."""
    projects = max(1, min(projects, units))
    ids = []
    for index in range(projects):
        count = units // projects + (1 if index < units % projects else 0)
        project_id = f"fylke-{index + 1:02d}"
        write_project(
            inputs / project_id,
            county=f"Fylke {index + 1}",
            units=count,
            first_unit=index * 100 + 1,
            rng=random.Random(seed + index),
        )
        ids.append(project_id)
    return ids


def write_project(folder: Path, county: str, units: int, first_unit: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    unit_ids = [f"{first_unit + i:04d}" for i in range(units)]
    (folder / "project.yaml").write_text(
        PROJECT_YAML.format(
            county=county,
            units="\n".join(f'  - {{id: "{u}", name: Kommune {u}}}' for u in unit_ids),
            labels=", ".join(LABELS),
            invited_staff=STAFF_PER_UNIT * units,
            invited_partners=PARTNERS,
        ),
        encoding="utf-8",
    )
    write_csv(
        folder / "indicators.csv", ["unit", "indicator", "period", "value", "note"], indicator_rows(unit_ids, rng)
    )
    write_csv(
        folder / "survey.csv",
        ["respondent_id", "wave", "group", "unit", *ITEMS, "kommentar"],
        survey_rows(unit_ids, rng),
    )
    write_csv(
        folder / "milestones.csv",
        ["id", "title", "unit", "phase", "planned", "actual", "status"],
        milestone_rows(unit_ids, rng),
    )
    write_csv(
        folder / "assessments.csv",
        ["criterion", "period", "status", "justification", "assessor", "date"],
        [
            [
                "K6",
                "2016",
                rng.choice(["met", "partly_met"]),
                "Vurdert ut fra kommunenes økonomiplaner og budsjetter.",
                "Prosjektleder",
                "2016-12-01",
            ]
        ],
    )


def indicator_rows(unit_ids: list[str], rng: random.Random) -> list[list]:
    rows = []
    for unit in unit_ids:
        for year in YEARS:
            requested, minors = rng.randint(10, 80), rng.randint(0, 12)
            decided, decided_minors = round(requested * rng.uniform(0.6, 1.15)), round(minors * rng.uniform(0.5, 1.2))
            rows += [[unit, "anmodet", year, requested, ""], [unit, "vedtatt", year, decided, ""]]
            rows += [[unit, "anmodet_em", year, minors, ""], [unit, "vedtatt_em", year, decided_minors, ""]]
    return rows


def survey_rows(unit_ids: list[str], rng: random.Random) -> list[list]:
    answers = (*LABELS, "Vet ikke")
    respondents = [("kommune", unit) for unit in unit_ids for _ in range(rng.randint(10, 16))]
    respondents += [("partner", "")] * rng.randint(6, PARTNERS)
    return [
        [f"r{n:05d}", "2016", group, unit, *rng.choices(answers, ANSWER_WEIGHTS, k=len(ITEMS)), rng.choice(COMMENTS)]
        for n, (group, unit) in enumerate(respondents, start=1)
    ]


def milestone_rows(unit_ids: list[str], rng: random.Random) -> list[list]:
    rows = []
    shared = [("Nettverksmøte", "Nettverk", f"{year}-{month:02d}-15") for year in YEARS for month in (2, 5, 9, 11)]
    for n, (title, phase, planned) in enumerate(shared, start=1):
        rows.append([f"M{n:03d}", f"{title} {n}", "", phase, planned, *outcome(planned, rng)])
    for unit in unit_ids:
        for title, planned in (
            ("Kommunestyrevedtak om bosetting", "2016-06-30"),
            ("Plan for bosetting og integrering vedtatt", "2016-10-31"),
        ):
            rows.append([f"M{len(rows) + 1:03d}", f"{title} ({unit})", unit, "Vedtak", planned, *outcome(planned, rng)])
    return rows


def outcome(planned: str, rng: random.Random) -> tuple[str, str]:
    """Mostly done on the day, some late, a few still open."""
    roll = rng.random()
    if roll < 0.7:
        return planned, "done"
    if roll < 0.92:
        return (date.fromisoformat(planned) + timedelta(days=rng.randint(3, 45))).isoformat(), "done"
    return "", "open"


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
