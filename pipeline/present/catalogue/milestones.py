"""Words of the milestones section. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "milestones": {"da": "Milepæle", "nb": "Milepæler", "en": "Milestones"},
    "on_time": {"da": "Gennemført til tiden", "nb": "Gjennomført i tide", "en": "Done on time"},
    "late": {"da": "Gennemført forsinket", "nb": "Gjennomført forsinket", "en": "Done late"},
    "overdue": {"da": "Ikke gennemført, forsinket", "nb": "Ikke gjennomført, forsinket", "en": "Not done, overdue"},
    "open": {"da": "Ikke forfalden endnu", "nb": "Ikke forfalt ennå", "en": "Not yet due"},
    "cancelled": {"da": "Aflyst", "nb": "Avlyst", "en": "Cancelled"},
    "milestone": {"da": "Milepæl", "nb": "Milepæl", "en": "Milestone"},
    "phase": {"da": "Fase", "nb": "Fase", "en": "Phase"},
    "planned": {"da": "Planlagt", "nb": "Planlagt", "en": "Planned"},
    "actual": {"da": "Gennemført", "nb": "Gjennomført", "en": "Done"},
    "slippage": {"da": "Forsinkelse (dage)", "nb": "Forsinkelse (dager)", "en": "Slippage (days)"},
    "outcome": {"da": "Status", "nb": "Status", "en": "Status"},
    "count": {"da": "Antal", "nb": "Antall", "en": "Count"},
    "kind_milestones": {"da": "Andel gennemførte milepæle", "nb": "Andel gjennomførte milepæler", "en": "Share of milestones done"},
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
    "as_of": {"da": "Status pr. {date}.", "nb": "Status per {date}.", "en": "Status as of {date}."},
    "caption_milestones_chart": {"da": "Milepæle efter status", "nb": "Milepæler etter status", "en": "Milestones by status"},
    "caption_milestones_table": {"da": "Milepæle i perioden", "nb": "Milepæler i perioden", "en": "Milestones in the period"},
    "alt_milestones": {
        "da": "Søjlediagram: {done} af {total} milepæle er gennemført.",
        "nb": "Stolpediagram: {done} av {total} milepæler er gjennomført.",
        "en": "Bar chart: {done} of {total} milestones are done.",
    },
}
