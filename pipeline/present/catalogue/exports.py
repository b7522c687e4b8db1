"""Words of the files that carry a report's figures out: the workbook's "About" sheet and the bounds of an interval.
One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "export_about": {"da": "Om rapporten", "nb": "Om rapporten", "en": "About"},
    # The workbook's sheets of the recommendations and the activities, as the results list them.
    "export_recommendations": {"da": "Anbefalinger", "nb": "Anbefalinger", "en": "Recommendations"},
    "export_activities": {"da": "Aktiviteter", "nb": "Aktiviteter", "en": "Activities"},
    "export_project": {"da": "Projekt", "nb": "Prosjekt", "en": "Project"},
    "export_report": {"da": "Rapport", "nb": "Rapport", "en": "Report"},
    "export_unit": {"da": "Enhed", "nb": "Enhet", "en": "Unit"},
    "export_made": {"da": "Dannet (UTC)", "nb": "Laget (UTC)", "en": "Made (UTC)"},
    "export_inputs": {"da": "Inddata (SHA-256)", "nb": "Inndata (SHA-256)", "en": "Input (SHA-256)"},
    "export_version": {"da": "Version", "nb": "Versjon", "en": "Version"},
    "export_sheet": {"da": "Ark", "nb": "Ark", "en": "Sheet"},
    "export_table": {"da": "Tabel", "nb": "Tabell", "en": "Table"},
    "export_section": {"da": "Afsnit", "nb": "Del", "en": "Section"},
    "export_sheets": {
        "da": (
            "Et ark pr. tabel i rapporten, med rapportens tal som tal. En tom celle med en note er et tal, som "
            "ikke vises; noten siger hvorfor."
        ),
        "nb": (
            "Ett ark per tabell i rapporten, med rapportens tall som tall. En tom celle med en merknad er et "
            "tall som ikke vises; merknaden sier hvorfor."
        ),
        "en": (
            "One sheet per table in the report, its figures as numbers. An empty cell with a note is a figure "
            "that is not shown; the note says why."
        ),
    },
    "export_interval_low": {
        "da": "{heading}, nedre grænse",
        "nb": "{heading}, nedre grense",
        "en": "{heading}, lower bound",
    },
    "export_interval_high": {
        "da": "{heading}, øvre grænse",
        "nb": "{heading}, øvre grense",
        "en": "{heading}, upper bound",
    },
}
