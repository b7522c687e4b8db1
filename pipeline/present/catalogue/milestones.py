"""Words of the milestones section. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "milestones": {"da": "Milepæle", "nb": "Milepæler", "en": "Milestones"},
    # Outcomes
    "on_time": {"da": "Gennemført til tiden", "nb": "Gjennomført i tide", "en": "Done on time"},
    "late": {"da": "Gennemført forsinket", "nb": "Gjennomført forsinket", "en": "Done late"},
    "overdue": {"da": "Ikke gennemført, forsinket", "nb": "Ikke gjennomført, forsinket", "en": "Not done, overdue"},
    "open": {"da": "Fristen er ikke nået", "nb": "Fristen er ikke passert", "en": "Not yet due"},
    "cancelled": {"da": "Aflyst", "nb": "Avlyst", "en": "Cancelled"},
    # Column headings
    "milestone": {"da": "Milepæl", "nb": "Milepæl", "en": "Milestone"},
    "phase": {"da": "Fase", "nb": "Fase", "en": "Phase"},
    "planned": {"da": "Planlagt", "nb": "Planlagt", "en": "Planned"},
    "actual": {"da": "Gennemført", "nb": "Gjennomført", "en": "Done"},
    "forecast": {"da": "Prognose", "nb": "Prognose", "en": "Forecast"},
    "slippage": {"da": "Forsinkelse (dage)", "nb": "Forsinkelse (dager)", "en": "Slippage (days)"},
    "expected_slippage": {
        "da": "Forventet forsinkelse (dage)",
        "nb": "Forventet forsinkelse (dager)",
        "en": "Expected slippage (days)",
    },
    "forecast_after_plan": {
        "da": "{date} ({days} dage efter planen)",
        "nb": "{date} ({days} dager etter planen)",
        "en": "{date} ({days} days after plan)",
    },
    "forecast_as_planned": {"da": "{date} (som planlagt)", "nb": "{date} (som planlagt)", "en": "{date} (as planned)"},
    "forecast_before_plan": {
        "da": "{date} ({days} dage før planen)",
        "nb": "{date} ({days} dager før planen)",
        "en": "{date} ({days} days before plan)",
    },
    "days_overdue": {"da": "Dage forsinket", "nb": "Dager forsinket", "en": "Days overdue"},
    "outcome": {"da": "Status", "nb": "Status", "en": "Status"},
    "milestones_total": {"da": "Milepæle", "nb": "Milepæler", "en": "Milestones"},
    "milestones_done_of_due": {
        "da": "Gennemført af dem med passeret frist",
        "nb": "Gjennomført av dem med passert frist",
        "en": "Done of those due",
    },
    "done_of_due": {"da": "{done} af {due}", "nb": "{done} av {due}", "en": "{done} of {due}"},
    "milestones_done_share": {"da": "Andel gennemført", "nb": "Andel gjennomført", "en": "Share done"},
    "milestones_on_time_count": {"da": "Heraf til tiden", "nb": "Herav i tide", "en": "Of which on time"},
    "milestones_all_phases": {"da": "Alle faser", "nb": "Alle faser", "en": "All phases"},
    "no_phase": {"da": "Uden fase", "nb": "Uten fase", "en": "No phase"},
    "kind_milestones": {
        "da": "Andel gennemførte milepæle",
        "nb": "Andel gjennomførte milepæler",
        "en": "Share of milestones done",
    },
    # Sentences
    "as_of": {"da": "Status pr. {date}.", "nb": "Status per {date}.", "en": "Status as of {date}."},
    "milestones_done": {
        "da": (
            "{done} af {due} milepæle, der skulle være nået, er gennemført ({share}). {on_time} af de {due} blev "
            "gennemført til tiden ({on_time_share})."
        ),
        "nb": (
            "{done} av {due} milepæler som skulle vært nådd, er gjennomført ({share}). {on_time} av de {due} ble "
            "gjennomført i tide ({on_time_share})."
        ),
        "en": (
            "{done} of {due} milestones due have been done ({share}). {on_time} of the {due} were done on time "
            "({on_time_share})."
        ),
    },
    "milestones_overdue": {
        "da": "{count} er forsinket og ikke gennemført.",
        "nb": "{count} er forsinket og ikke gjennomført.",
        "en": "{count} are overdue and not done.",
    },
    "milestones_overdue_one": {
        "da": "Én er forsinket og ikke gennemført.",
        "nb": "Én er forsinket og ikke gjennomført.",
        "en": "One is overdue and not done.",
    },
    "milestones_late_one": {
        "da": "Den, der blev gennemført forsinket, kom {days} dage for sent.",
        "nb": "Den som ble gjennomført forsinket, kom {days} dager for sent.",
        "en": "The one done late was {days} days late.",
    },
    "milestones_forecast_late_one": {
        "da": "Ifølge prognosen bliver én milepæl, der ikke er gennemført endnu, {days} dage forsinket.",
        "nb": "Etter prognosen blir én milepæl som ikke er gjennomført ennå, {days} dager forsinket.",
        "en": "By its forecast, 1 milestone not yet done will be {days} days late.",
    },
    "milestones_late_mean": {
        "da": "De {count}, der blev gennemført forsinket, kom i gennemsnit {days} dage for sent.",
        "nb": "De {count} som ble gjennomført forsinket, kom i snitt {days} dager for sent.",
        "en": "The {count} done late were on average {days} days late.",
    },
    "milestones_forecast_late": {
        "da": (
            "Ifølge prognoserne bliver {count} milepæle, der ikke er gennemført endnu, i gennemsnit {days} dage "
            "forsinket."
        ),
        "nb": "Etter prognosene blir {count} milepæler som ikke er gjennomført ennå, i snitt {days} dager forsinket.",
        "en": "By their forecasts, {count} milestones not yet done will be on average {days} days late.",
    },
    "milestones_none": {
        "da": "Der er ingen milepæle i perioden.",
        "nb": "Det er ingen milepæler i perioden.",
        "en": "There are no milestones in this period.",
    },
    # Headings, captions and the chart
    "milestones_overdue_heading": {
        "da": "Forsinkede milepæle",
        "nb": "Forsinkede milepæler",
        "en": "Overdue milestones",
    },
    "milestones_by_phase": {"da": "Milepæle efter fase", "nb": "Milepæler etter fase", "en": "Milestones by phase"},
    "caption_overdue": {
        "da": "Milepæle, der ikke er gennemført, selv om de skulle være nået pr. {date}",
        "nb": "Milepæler som ikke er gjennomført, selv om de skulle vært nådd per {date}",
        "en": "Milestones not done although due by {date}",
    },
    "caption_timeline": {
        "da": "Milepæle efter fase: planlagt dato mod gennemført dato eller prognose",
        "nb": "Milepæler etter fase: planlagt dato mot gjennomført dato eller prognose",
        "en": "Milestones by phase: planned date against date done or forecast",
    },
    "caption_phases": {
        "da": "Gennemførte milepæle efter fase, pr. {date}",
        "nb": "Gjennomførte milepæler etter fase, per {date}",
        "en": "Milestones done by phase, as of {date}",
    },
    "caption_phase_table": {
        "da": "Milepæle i fasen {phase}",
        "nb": "Milepæler i fasen {phase}",
        "en": "Milestones of the phase {phase}",
    },
    "timeline_as_of": {"da": "Status pr. {date}", "nb": "Status per {date}", "en": "Status as of {date}"},
    "alt_timeline": {
        "da": (
            "Tidslinje over {total} milepæle i {phases} faser, planlagt fra {start} til {end}, hver med planlagt "
            "dato og gennemført dato eller prognose. {counts}."
        ),
        "nb": (
            "Tidslinje over {total} milepæler i {phases} faser, planlagt fra {start} til {end}, hver med "
            "planlagt dato og gjennomført dato eller prognose. {counts}."
        ),
        "en": (
            "Timeline of {total} milestones in {phases} phases, planned from {start} to {end}, each with its "
            "planned date and the date done or forecast. {counts}."
        ),
    },
    "alt_timeline_most_late": {
        "da": "Mest forsinket: {title} ({days} dage).",
        "nb": "Mest forsinket: {title} ({days} dager).",
        "en": "Most delayed: {title} ({days} days).",
    },
}
