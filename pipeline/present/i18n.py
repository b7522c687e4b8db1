"""Every word a report shows, in Danish, Norwegian bokmål and English, and numbers and dates through Babel."""

from __future__ import annotations

import math
from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES = {"da": "da_DK", "nb": "nb_NO", "en": "en_GB"}

# One entry per message: {language: text}. Sentences take named fields filled from computed results.
MESSAGES: dict[str, dict[str, str]] = {
    # Headings
    "summary": {"da": "Sammenfatning", "nb": "Sammendrag", "en": "Summary"},
    "criteria": {"da": "Succeskriterier", "nb": "Suksesskriterier", "en": "Success criteria"},
    "survey": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "milestones": {"da": "Milepæle", "nb": "Milepæler", "en": "Milestones"},
    "comments": {"da": "Kommentarer fra respondenterne", "nb": "Kommentarer fra respondentene", "en": "Respondents' comments"},
    "by_unit": {"da": "Opnåelse pr. {unit}", "nb": "Måloppnåelse per {unit}", "en": "Attainment by {unit}"},
    "about": {"da": "Om rapporten", "nb": "Om rapporten", "en": "About this report"},
    # Report kinds
    "end_report": {"da": "Slutrapport", "nb": "Sluttrapport", "en": "End report"},
    "survey_feedback": {"da": "Spørgeskemaundersøgelse", "nb": "Spørreundersøkelse", "en": "Survey feedback"},
    "success_criteria": {"da": "Succeskriterier", "nb": "Suksesskriterier", "en": "Success criteria"},
    # Cover
    "owner": {"da": "Ansvarlig", "nb": "Ansvarlig", "en": "Owner"},
    "period": {"da": "Periode", "nb": "Periode", "en": "Period"},
    "report_date": {"da": "Udarbejdet", "nb": "Utarbeidet", "en": "Prepared"},
    "page_of": {"da": "Side {page} af {pages}", "nb": "Side {page} av {pages}", "en": "Page {page} of {pages}"},
    "whole_project": {"da": "Hele projektet", "nb": "Hele prosjektet", "en": "Whole project"},
    # Statuses
    "met": {"da": "Opfyldt", "nb": "Nådd", "en": "Met"},
    "partly_met": {"da": "Delvist opfyldt", "nb": "Delvis nådd", "en": "Partly met"},
    "not_met": {"da": "Ikke opfyldt", "nb": "Ikke nådd", "en": "Not met"},
    "no_data": {"da": "Ingen data", "nb": "Ingen data", "en": "No data"},
    "not_applicable": {"da": "Ikke relevant", "nb": "Ikke aktuelt", "en": "Not applicable"},
    # Milestone outcomes
    "on_time": {"da": "Gennemført til tiden", "nb": "Gjennomført i tide", "en": "Done on time"},
    "late": {"da": "Gennemført forsinket", "nb": "Gjennomført forsinket", "en": "Done late"},
    "overdue": {"da": "Ikke gennemført, forsinket", "nb": "Ikke gjennomført, forsinket", "en": "Not done, overdue"},
    "open": {"da": "Ikke forfalden endnu", "nb": "Ikke forfalt ennå", "en": "Not yet due"},
    "cancelled": {"da": "Aflyst", "nb": "Avlyst", "en": "Cancelled"},
    # Table headings
    "criterion": {"da": "Succeskriterium", "nb": "Suksesskriterium", "en": "Success criterion"},
    "measured_by": {"da": "Målt ved", "nb": "Målt ved", "en": "Measured by"},
    "result": {"da": "Resultat", "nb": "Resultat", "en": "Result"},
    "target": {"da": "Mål", "nb": "Mål", "en": "Target"},
    "baseline": {"da": "Udgangspunkt", "nb": "Utgangspunkt", "en": "Baseline"},
    "attainment": {"da": "Opnåelsesgrad", "nb": "Måloppnåelse", "en": "Attainment"},
    "status": {"da": "Status", "nb": "Status", "en": "Status"},
    "ratio": {"da": "Andel", "nb": "Andel", "en": "Ratio"},
    "total": {"da": "I alt", "nb": "Totalt", "en": "Total"},
    "item": {"da": "Spørgsmål", "nb": "Spørsmål", "en": "Question"},
    "answers": {"da": "Svar (n)", "nb": "Svar (n)", "en": "Answers (n)"},
    "positive_share": {"da": "Andel positive", "nb": "Andel positive", "en": "Positive share"},
    "interval": {"da": "95 %-konfidensinterval", "nb": "95 %-konfidensintervall", "en": "95 % confidence interval"},
    "dont_know": {"da": "Ved ikke", "nb": "Vet ikke", "en": "Don't know"},
    "group": {"da": "Gruppe", "nb": "Gruppe", "en": "Group"},
    "respondents": {"da": "Respondenter", "nb": "Respondenter", "en": "Respondents"},
    "suppressed": {"da": "for få til at vise", "nb": "for få til å vises", "en": "too few to show"},
    "milestone": {"da": "Milepæl", "nb": "Milepæl", "en": "Milestone"},
    "phase": {"da": "Fase", "nb": "Fase", "en": "Phase"},
    "planned": {"da": "Planlagt", "nb": "Planlagt", "en": "Planned"},
    "actual": {"da": "Gennemført", "nb": "Gjennomført", "en": "Done"},
    "slippage": {"da": "Forsinkelse (dage)", "nb": "Forsinkelse (dager)", "en": "Slippage (days)"},
    "outcome": {"da": "Status", "nb": "Status", "en": "Status"},
    "count": {"da": "Antal", "nb": "Antall", "en": "Count"},
    "justification": {"da": "Begrundelse", "nb": "Begrunnelse", "en": "Justification"},
    "assessed_by": {"da": "Vurderet af {assessor}, {date}", "nb": "Vurdert av {assessor}, {date}", "en": "Assessed by {assessor}, {date}"},
    # What a criterion is measured by
    "kind_ratio": {"da": "{numerator} / {denominator}", "nb": "{numerator} / {denominator}", "en": "{numerator} / {denominator}"},
    "kind_indicator": {"da": "{indicator}", "nb": "{indicator}", "en": "{indicator}"},
    "kind_survey": {"da": "Andel positive svar: {item}", "nb": "Andel positive svar: {item}", "en": "Positive answers: {item}"},
    "kind_milestones": {"da": "Andel gennemførte milepæle", "nb": "Andel gjennomførte milepæler", "en": "Share of milestones done"},
    "kind_assessment": {"da": "Kvalitativ vurdering", "nb": "Kvalitativ vurdering", "en": "Qualitative assessment"},
    "lower_is_better": {"da": "lavere er bedre", "nb": "lavere er bedre", "en": "lower is better"},
    # Sentences
    "criteria_met": {
        "da": "{met} af {total} succeskriterier er opfyldt.",
        "nb": "{met} av {total} suksesskriterier er nådd.",
        "en": "{met} of {total} success criteria are met.",
    },
    "count_partly_met": {"da": "{count} er delvist opfyldt", "nb": "{count} er delvis nådd", "en": "{count} partly met"},
    "count_not_met": {"da": "{count} er ikke opfyldt", "nb": "{count} er ikke nådd", "en": "{count} not met"},
    "count_no_data": {"da": "{count} mangler data", "nb": "{count} mangler data", "en": "{count} without data"},
    "units_met": {
        "da": "Målet er nået i {met} af {total} {units}",
        "nb": "Målet er nådd i {met} av {total} {units}",
        "en": "The target is met in {met} of {total} {units}",
    },
    "units_met_names": {"da": ": {names}.", "nb": ": {names}.", "en": ": {names}."},
    "units_no_data": {
        "da": "{count} {units} mangler data ({names}) og indgår ikke i totalen.",
        "nb": "{count} {units} mangler data ({names}) og inngår ikke i totalen.",
        "en": "{count} {units} have no data ({names}) and are left out of the total.",
    },
    "units_not_applicable": {
        "da": "{count} {units} har intet at opfylde ({names}).",
        "nb": "{count} {units} hadde ingenting å oppfylle ({names}).",
        "en": "{count} {units} had nothing to attain ({names}).",
    },
    "ratio_total": {
        "da": "Samlet: {numerator} af {denominator} ({ratio}).",
        "nb": "Samlet: {numerator} av {denominator} ({ratio}).",
        "en": "In total: {numerator} of {denominator} ({ratio}).",
    },
    "survey_responses": {
        "da": "{n} har svaret i undersøgelsen {wave}.",
        "nb": "{n} har svart på undersøkelsen {wave}.",
        "en": "{n} responded to the survey {wave}.",
    },
    "survey_best": {
        "da": "Størst enighed: «{item}» ({share} positive).",
        "nb": "Størst enighet: «{item}» ({share} positive).",
        "en": "Most agreement: “{item}” ({share} positive).",
    },
    "survey_too_few": {
        "da": "Der er for få svar ({n}) til at vise resultater; grænsen er {min}.",
        "nb": "Det er for få svar ({n}) til å vise resultater; grensen er {min}.",
        "en": "Too few responses ({n}) to show results; the limit is {min}.",
    },
    "survey_none": {
        "da": "Der er ingen spørgeskemaundersøgelse i perioden.",
        "nb": "Det er ingen spørreundersøkelse i perioden.",
        "en": "There is no survey in this period.",
    },
    "milestones_done": {
        "da": "{done} af {due} milepæle, der skulle være nået, er gennemført ({share}); {on_time} til tiden.",
        "nb": "{done} av {due} milepæler som skulle vært nådd, er gjennomført ({share}); {on_time} i tide.",
        "en": "{done} of {due} milestones due have been done ({share}); {on_time} on time.",
    },
    "milestones_overdue": {
        "da": "{count} er forsinket og ikke gennemført.",
        "nb": "{count} er forsinket og ikke gjennomført.",
        "en": "{count} are overdue and not done.",
    },
    "milestones_none": {
        "da": "Der er ingen milepæle i perioden.",
        "nb": "Det er ingen milepæler i perioden.",
        "en": "There are no milestones in this period.",
    },
    "comments_hidden": {
        "da": "Kommentarer vises kun, når mindst {min} har svaret.",
        "nb": "Kommentarer vises bare når minst {min} har svart.",
        "en": "Comments are shown only when at least {min} have responded.",
    },
    "as_of": {"da": "Status pr. {date}.", "nb": "Status per {date}.", "en": "Status as of {date}."},
    # Captions
    "figure": {"da": "Figur {n}", "nb": "Figur {n}", "en": "Figure {n}"},
    "table": {"da": "Tabel {n}", "nb": "Tabell {n}", "en": "Table {n}"},
    "caption_criteria": {"da": "Succeskriterier og status", "nb": "Suksesskriterier og status", "en": "Success criteria and status"},
    "caption_units_chart": {
        "da": "{criterion}: opnåelsesgrad pr. {unit}; den lodrette linje er målet",
        "nb": "{criterion}: måloppnåelse per {unit}; den loddrette linjen er målet",
        "en": "{criterion}: attainment by {unit}; the vertical line is the target",
    },
    "caption_units_table": {"da": "{criterion} pr. {unit}", "nb": "{criterion} per {unit}", "en": "{criterion} by {unit}"},
    "caption_likert_chart": {
        "da": "Svarfordeling pr. spørgsmål, {wave} (n i parentes)",
        "nb": "Svarfordeling per spørsmål, {wave} (n i parentes)",
        "en": "Answers by question, {wave} (n in brackets)",
    },
    "caption_likert_table": {
        "da": "Andel positive svar med 95 %-konfidensinterval, {wave}",
        "nb": "Andel positive svar med 95 %-konfidensintervall, {wave}",
        "en": "Positive share with 95 % confidence interval, {wave}",
    },
    "caption_groups": {"da": "Andel positive svar pr. respondentgruppe", "nb": "Andel positive svar per respondentgruppe", "en": "Positive share by respondent group"},
    "caption_milestones_chart": {"da": "Milepæle efter status", "nb": "Milepæler etter status", "en": "Milestones by status"},
    "caption_milestones_table": {"da": "Milepæle i perioden", "nb": "Milepæler i perioden", "en": "Milestones in the period"},
    "alt_likert": {
        "da": "Søjlediagram: andelen positive svar ligger mellem {low} og {high} på tværs af {count} spørgsmål.",
        "nb": "Stolpediagram: andelen positive svar ligger mellom {low} og {high} på tvers av {count} spørsmål.",
        "en": "Bar chart: the positive share ranges from {low} to {high} across {count} questions.",
    },
    "alt_units": {
        "da": "Søjlediagram: målet er nået i {met} af {total} {units}.",
        "nb": "Stolpediagram: målet er nådd i {met} av {total} {units}.",
        "en": "Bar chart: the target is met in {met} of {total} {units}.",
    },
    "alt_milestones": {
        "da": "Søjlediagram: {done} af {total} milepæle er gennemført.",
        "nb": "Stolpediagram: {done} av {total} milepæler er gjennomført.",
        "en": "Bar chart: {done} of {total} milestones are done.",
    },
    "methods_note": {
        "da": "Andel positive svar regnes af dem, der har taget stilling (»ved ikke« og blanke svar indgår ikke), med et 95 %-konfidensinterval efter Wilson. Grupper med færre end {min} respondenter vises ikke. Opnåelsesgrad er resultat ÷ mål (med udgangspunkt: (resultat − udgangspunkt) ÷ (mål − udgangspunkt)); et kriterium er opfyldt ved {met} og delvist opfyldt ved {partly}. Tomme værdier betyder ingen data og tælles aldrig som nul.",
        "nb": "Andel positive svar regnes av dem som har tatt stilling («vet ikke» og blanke svar inngår ikke), med et 95 %-konfidensintervall etter Wilson. Grupper med færre enn {min} respondenter vises ikke. Måloppnåelse er resultat ÷ mål (med utgangspunkt: (resultat − utgangspunkt) ÷ (mål − utgangspunkt)); et kriterium er nådd ved {met} og delvis nådd ved {partly}. Tomme verdier betyr ingen data og telles aldri som null.",
        "en": "Positive shares are taken of those who gave an opinion (\"don't know\" and blanks are left out), with a Wilson 95 % confidence interval. Groups of fewer than {min} respondents are not shown. Attainment is result ÷ target (with a baseline: (result − baseline) ÷ (target − baseline)); a criterion is met at {met} and partly met at {partly}. Empty values mean no data and never count as zero.",
    },
    "generated_by": {"da": "Lavet med evalreport {version}", "nb": "Laget med evalreport {version}", "en": "Made with evalreport {version}"},
}


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
        pattern = self.locale.percent_formats[None].pattern.replace("#,##0", "#,##0." + "0" * digits if digits else "#,##0")
        return format_percent(value, format=pattern, locale=self.locale)

    def number(self, value: float | None, digits: int = 0) -> str:
        """1234.5 → '1.234,5' (da), '1 234,5' (nb); whole numbers without decimals."""
        if _missing(value):
            return "–"
        if digits == 0 and float(value).is_integer():
            return format_decimal(value, format="#,##0", locale=self.locale)
        return format_decimal(value, format="#,##0." + "0" * max(digits, 1), locale=self.locale)

    def date(self, value: date | None) -> str:
        """'20. august 2018' (da, nb), '20 August 2018' (en)."""
        return "–" if value is None else format_date(value, format="long", locale=self.locale)

    def join(self, names: list[str]) -> str:
        """'A, B og C' (da, nb) or 'A, B and C' (en)."""
        if len(names) <= 1:
            return "".join(names)
        word = {"da": "og", "nb": "og", "en": "and"}[self.language]
        return f"{', '.join(names[:-1])} {word} {names[-1]}"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
