"""Change between survey waves (Newcombe's interval), and the survey section as a reader sees it.

The section tests build a small project in memory, so that each edge case has figures one can check by hand.
"""

import base64
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from statsmodels.stats.proportion import confint_proportions_2indep

from pipeline import tables
from pipeline.analysis import survey as sv
from pipeline.present import Report
from pipeline.present.i18n import Messages
from pipeline.present.survey import change_sentence, signed_points
from pipeline.project import Project, load_project
from pipeline.spec import Item, ProjectSpec, Scale, SurveySpec, Wave

Z = 1.959963984540054  # the 97.5 % point of the standard normal distribution
AGREE = Scale(
    labels=["Helt uenig", "Litt uenig", "Nøytral", "Litt enig", "Helt enig"],
    positive=["Litt enig", "Helt enig"],
    dont_know=["Vet ikke"],
)


def wilson(positive: int, n: int) -> tuple[float, float]:
    p = positive / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - half, centre + half


def newcombe(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Newcombe (1998) method 10, the hybrid score interval for p1 − p2, written out from the two Wilson intervals:

    L = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
    U = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
    """
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1)
    l2, u2 = wilson(x2, n2)
    return p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def plain(text: str) -> str:
    """Text with the no-break spaces of '57\xa0%' as ordinary spaces, to compare with what a reader sees."""
    return text.replace("\xa0", " ")


def answers(positive: int, negative: int) -> pd.Series:
    return pd.Series(["Litt enig"] * positive + ["Litt uenig"] * negative)


# --- Newcombe's interval ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "x1, n1, x2, n2, published",
    [
        # Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10.
        (56, 70, 48, 80, (0.0524, 0.3339)),
        (9, 10, 3, 10, (0.1705, 0.8090)),
        (6, 7, 2, 7, (0.0582, 0.8062)),
        (5, 56, 0, 29, (-0.0381, 0.1926)),
    ],
)
def test_statsmodels_newcombe_matches_the_formula_and_the_published_values(x1, n1, x2, n2, published):
    low, high = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
    assert (low, high) == (
        pytest.approx(newcombe(x1, n1, x2, n2)[0], abs=1e-12),
        pytest.approx(newcombe(x1, n1, x2, n2)[1], abs=1e-12),
    )
    assert (round(low, 4), round(high, 4)) == published


def test_a_change_whose_interval_excludes_zero_is_certain():
    # 57 of 100 positive before, 71 of 100 after: +14 points, interval (0.0070, 0.2663) is above zero.
    row = sv.change_in_positive_share(answers(57, 43), answers(71, 29), AGREE)
    assert row["change"] == pytest.approx(0.14)
    low, high = newcombe(71, 100, 57, 100)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    assert 0 < row["ci_low"] < 0.01 and row["certain"] and sv.change_direction(row) == "up"
    assert plain(change_sentence(Messages("nb"), row)) == "Økt fra 57 % til 71 % (endringen er statistisk sikker)."


def test_a_change_whose_interval_includes_zero_is_no_certain_change():
    # 17 of 30 (56.7 %) before, 18 of 30 (60 %) after: the interval (−0.205, 0.266) includes zero.
    row = sv.change_in_positive_share(answers(17, 13), answers(18, 12), AGREE)
    low, high = newcombe(18, 30, 17, 30)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    assert low < 0 < high and not row["certain"] and sv.change_direction(row) == "none"
    assert plain(change_sentence(Messages("nb"), row)) == "Ingen sikker endring (fra 57 % til 60 %)."
    assert plain(change_sentence(Messages("da"), row)) == "Ingen sikker ændring (fra 57 % til 60 %)."


def test_a_certain_decrease_and_signed_points():
    row = sv.change_in_positive_share(answers(9, 1), answers(3, 7), AGREE)  # 90 % -> 30 %
    assert row["certain"] and sv.change_direction(row) == "down"
    assert plain(change_sentence(Messages("da"), row)) == "Faldet fra 90 % til 30 % (ændringen er statistisk sikker)."
    assert signed_points(Messages("da"), row["change"]) == "\u221260,0"
    assert signed_points(Messages("nb"), 0.093) == "+9,3"


def test_no_comparison_when_a_wave_has_no_substantive_answer():
    row = sv.change_in_positive_share(pd.Series(["Vet ikke"] * 4), answers(3, 1), AGREE)
    assert row["previous_n"] == 0 and row["change"] is None and not row["certain"]
    assert change_sentence(Messages("en"), row).startswith("Cannot be compared")


# --- The section, on a small project built in memory ----------------------------------------------------


def project(rows: list[dict], labels: tuple[str, str] = ("Høsten 2024", "Høsten 2025"), **survey) -> Project:
    """A project with two waves (2024, 2025, labelled `labels`), groups kommune / partner / borger, one Likert item
    `q1`, an NPS item and a comment item; `rows` are respondents (wave, group, q1, nps, text)."""
    codebook = SurveySpec(
        waves=[Wave(id="2024", label=labels[0], year=2024), Wave(id="2025", label=labels[1], year=2025)],
        groups={"kommune": "Kommuner", "partner": "Partnere", "borger": "Innbyggere"},
        scales={"enig": AGREE},
        items={
            "q1": Item(text="Samarbeidet fungerer", scale="enig"),
            "anbefale": Item(text="Anbefale", kind="nps"),
            "fritekst": Item(text="Kommentar", kind="text"),
        },
        **survey,
    )
    spec = ProjectSpec(
        title="Test", owner="Statsforvalteren", language="nb", period={"start": 2024, "end": 2025}, survey=codebook
    )
    frame = pd.DataFrame(
        [
            {
                "respondent_id": f"r{i}",
                "wave": r["wave"],
                "group": r["group"],
                "unit": "",
                "q1": r.get("q1"),
                "anbefale": r.get("nps"),
                "fritekst": r.get("text"),
            }
            for i, r in enumerate(rows)
        ],
        columns=tables.SURVEY_COLUMNS + ["q1", "anbefale", "fritekst"],
    ).astype(object)
    frame = frame.where(frame.notna(), None)
    return Project(
        id="test",
        folder=Path("."),
        spec=spec,
        indicators=tables.empty_indicators(spec),
        survey=frame,
        milestones=tables.empty_milestones(spec),
        assessments=tables.empty_assessments(spec),
    )


def respondents(wave: str, group: str, count: int, q1: str = "Litt enig", **extra) -> list[dict]:
    return [{"wave": wave, "group": group, "q1": q1, **extra} for _ in range(count)]


def section_text(report: Report) -> str:
    html = report.survey_section().data
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def test_a_group_of_four_is_suppressed_together_with_its_complement():
    # 2025: kommune 12, partner 4 (too few), borger 6 (the smallest other group, hidden as the complement).
    rows = (
        respondents("2025", "kommune", 12)
        + respondents("2025", "partner", 4, "Helt uenig")
        + respondents("2025", "borger", 6)
    )
    report = Report(project(rows))
    html = report.survey_section().data
    groups = re.search(
        r"<table[^>]*><caption>Tabell \d+: Andel positive svar per respondentgruppe.*?</table>", html
    ).group(0)
    assert "Kommuner (n\xa0=\xa012)" in groups
    assert "Partnere (n" not in groups and "Innbyggere (n" not in groups
    # kommune all positive; nothing from the two hidden groups appears as a share, and each says why it is hidden:
    # the partners are too few, the residents (6) are withheld to protect them
    cells = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', groups)
    assert [plain(cell) for cell in cells] == ["100,0 %", "for få til å vises", "skjult for å beskytte små grupper"]


def test_a_single_respondent_gets_no_results_but_the_response_rate():
    report = Report(
        project(respondents("2025", "kommune", 1, text="Ring meg på 412 34 567"), invited={"2025": {"kommune": 10}})
    )
    text = section_text(report)
    assert "1 har svart på spørreskjemaet (høsten 2025)." in text
    assert "Det er for få svar (1) til å vise resultater; grensen er 5." in text
    assert "1 av 10 inviterte har besvart alle skalaspørsmålene (10,0 %)" in text
    assert "<figure>" not in report.survey_section().data and "412" not in text and "Ring meg" not in text


def test_the_section_states_a_change_only_when_it_is_certain():
    # 2024: 17 of 30 positive; 2025: 18 of 30 positive -> no certain change (interval includes zero).
    before = respondents("2024", "kommune", 17) + respondents("2024", "kommune", 13, "Litt uenig")
    after = respondents("2025", "kommune", 18) + respondents("2025", "kommune", 12, "Litt uenig")
    text = section_text(Report(project(before + after)))
    assert "Utvikling siden høsten 2024" in text
    assert "Samarbeidet fungerer : Ingen sikker endring (fra 57 % til 60 %)." in text
    low, high = newcombe(18, 30, 17, 30)
    assert f"{signed_points(Messages('nb'), low)} til {signed_points(Messages('nb'), high)}" in text  # −20,5 til +26,6
    assert "Ingen sikker endring" in text and "Sikker økning" not in text


def test_a_waves_label_keeps_the_capitals_its_user_wrote_in_every_sentence():
    # Issue 21: a report read "borgermødet i nakskov" for the wave "Borgermødet i Nakskov". Mid-sentence a label loses
    # only the capital that opened it ("borgermødet i Nakskov", as the issue asks); a place's capital stays.
    before = respondents("2024", "kommune", 17) + respondents("2024", "kommune", 13, "Litt uenig")
    after = respondents("2025", "kommune", 18) + respondents("2025", "kommune", 12, "Litt uenig")
    text = section_text(Report(project(before + after, labels=("Borgermødet i Nakskov", "Dialogmøde i Kolding"))))
    assert "Utvikling siden borgermødet i Nakskov" in text
    assert "30 har svart på spørreskjemaet (dialogmøde i Kolding)." in text
    found = set(re.findall(r"(?i)borgermødet i nakskov|dialogmøde i kolding", text))
    assert found <= {"borgermødet i Nakskov", "dialogmøde i Kolding", "Borgermødet i Nakskov", "Dialogmøde i Kolding"}


def test_one_wave_in_the_period_gives_no_comparison():
    rows = respondents("2024", "kommune", 10) + respondents("2025", "kommune", 10)
    text = section_text(Report(project(rows), period="2025"))
    assert "Utvikling siden" not in text


def test_net_promoter_score_with_counts_in_the_section():
    # 2025, one group of 10: scores 10, 10, 9 (promoters), 8 (passive), 6, 5, 0 (detractors), three blank.
    scores = [10, 10, 9, 8, 6, 5, 0, None, None, None]
    rows = [{"wave": "2025", "group": "kommune", "q1": "Litt enig", "nps": s} for s in scores]
    text = section_text(Report(project(rows)))
    # n = 7; NPS = 100 × (3 − 3) / 7 = 0; promoters 3/7 = 43 %, detractors 3/7 = 43 %
    assert "«Anbefale»: Net Promoter Score 0 (43 % ambassadører minus 43 % kritikere, n = 7)." in text
    assert "Totalt 7 3 (43 %) 1 (14 %) 3 (43 %) 0" in text


def test_quotes_come_only_from_groups_with_at_least_min_quote_group_respondents():
    rows = (
        respondents("2025", "kommune", 9, text=None)
        + respondents("2025", "kommune", 1, text="Nyttig <b>nettverk</b>, skriv til ola@re.kommune.no")
        + respondents("2025", "partner", 6, text="Vi er bare seks")
    )
    report = Report(project(rows))
    html = report.survey_section().data
    assert "Nyttig &lt;b&gt;nettverk&lt;/b&gt;, skriv til […]" in html  # redacted, then escaped
    assert "ola@re.kommune.no" not in html and "<b>nettverk" not in html
    assert "Vi er bare seks" not in html
    assert "6 kommentarer fra Partnere gjengis ikke, fordi gruppen har færre enn 10 respondenter." in section_text(
        report
    )


def test_the_likert_chart_labels_items_with_n_and_dont_know_and_ticks_without_sign():
    # 2025: 6 positive, 2 negative, 2 "don't know" -> n = 8 in the bar, 2 beside it.
    rows = (
        respondents("2025", "kommune", 6)
        + respondents("2025", "kommune", 2, "Helt uenig")
        + respondents("2025", "kommune", 2, "Vet ikke")
    )
    html = Report(project(rows)).survey_section().data
    alt = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', html)
    assert plain(alt.group(2)) == (
        "Diagram over svarfordelingen på 1 spørsmål, sortert etter andel positive svar: «Samarbeidet "
        "fungerer» 75 % positive. "
        "«Vet ikke» (2 svar totalt) inngår ikke i stolpene."
    )
    svg = base64.b64decode(alt.group(1)).decode("utf-8")
    assert "Samarbeidet fungerer (n\xa0=\xa08,\xa0vet\xa0ikke\xa02)" in svg
    assert "50\xa0%" in svg and "75\xa0%" in svg  # shares in the bars and ticks, through the Norwegian formatter
    assert not re.search(r"[−-]\d+\xa0%", svg), "ticks left of zero show a share, not a negative number"


def test_a_report_for_one_unit_shows_no_response_rate():
    # The numbers invited are per group for the whole project, so they are no denominator for one unit.
    whole = Report(load_project("bosetting-vestfold")).survey_section().data
    larvik = Report(load_project("bosetting-vestfold"), unit="0709").survey_section().data
    assert "Svarprosent per respondentgruppe" in whole and "RR1 = fullstendig besvarte" in whole
    assert "Svarprosent" not in larvik and "RR1" not in larvik


def test_a_question_everyone_answered_dont_know_shows_no_share_and_no_interval():
    rows = respondents("2025", "kommune", 6, "Vet ikke")
    html = Report(project(rows)).survey_section().data
    table = re.search(r"<table[^>]*><caption>Tabell \d+: Andel positive svar med.*?</table>", html).group(0)
    cells = [plain(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", table)]
    assert cells == ["Samarbeidet fungerer", "0", "6", "–", "–", "–"]  # n, don't know, share, interval, mean
    assert "Størst enighet" not in html
