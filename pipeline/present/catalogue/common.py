"""Words every report uses: headings, the cover, report kinds, the closing note. One entry per message: {language:
text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    "contents": {"da": "Indhold", "nb": "Innhold", "en": "Contents"},
    "summary": {"da": "Sammenfatning", "nb": "Sammendrag", "en": "Summary"},
    "about": {"da": "Om rapporten", "nb": "Om rapporten", "en": "About this report"},
    "end_report": {"da": "Slutrapport", "nb": "Sluttrapport", "en": "End report"},
    "owner": {"da": "Ansvarlig", "nb": "Ansvarlig", "en": "Owner"},
    "period": {"da": "Periode", "nb": "Periode", "en": "Period"},
    "report_date": {"da": "Udarbejdet", "nb": "Utarbeidet", "en": "Prepared"},
    "page_of": {"da": "Side {page} af {pages}", "nb": "Side {page} av {pages}", "en": "Page {page} of {pages}"},
    "figure": {"da": "Figur {n}", "nb": "Figur {n}", "en": "Figure {n}"},
    "table": {"da": "Tabel {n}", "nb": "Tabell {n}", "en": "Table {n}"},
    "methods_note": {
        "da": (
            "Andel positive svar regnes af dem, der har taget stilling (»ved ikke« og blanke svar indgår ikke), "
            "med et 95 %-konfidensinterval efter Wilson. Grupper med færre end {min} respondenter vises ikke. "
            "Opnåelsesgrad er resultat ÷ mål (med udgangspunkt: (resultat − udgangspunkt) ÷ (mål − "
            "udgangspunkt)); et kriterium er opfyldt ved {met} og delvist opfyldt ved {partly}. Tomme værdier "
            "betyder ingen data og tælles aldrig som nul."
        ),
        "nb": (
            "Andel positive svar regnes av dem som har tatt stilling («vet ikke» og blanke svar inngår ikke), "
            "med et 95 %-konfidensintervall etter Wilson. Grupper med færre enn {min} respondenter vises ikke. "
            "Måloppnåelse er resultat ÷ mål (med utgangspunkt: (resultat − utgangspunkt) ÷ (mål − "
            "utgangspunkt)); et kriterium er nådd ved {met} og delvis nådd ved {partly}. Tomme verdier betyr "
            "ingen data og telles aldri som null."
        ),
        "en": (
            'Positive shares are taken of those who gave an opinion ("don\'t know" and blanks are left out), '
            "with a Wilson 95 % confidence interval. Groups of fewer than {min} respondents are not shown. "
            "Attainment is result ÷ target (with a baseline: (result − baseline) ÷ (target − baseline)); a "
            "criterion is met at {met} and partly met at {partly}. Empty values mean no data and never count as "
            "zero."
        ),
    },
    "provenance": {
        "da": "Udarbejdet {date} kl. {time} (UTC) ud fra projektets data, som de var da.",
        "nb": "Utarbeidet {date} kl. {time} (UTC) ut fra prosjektets data slik de var da.",
        "en": "Made on {date} at {time} (UTC) from the project's data as they were then.",
    },
    "generated_by": {
        "da": "Lavet med evalreport {version}",
        "nb": "Laget med evalreport {version}",
        "en": "Made with evalreport {version}",
    },
    # What a report shows where its inputs gave nothing to draw (pipeline/render/safe.py).
    "untitled": {"da": "Uden titel", "nb": "Uten tittel", "en": "Untitled"},
    "table_empty": {"da": "Tabellen er tom.", "nb": "Tabellen er tom.", "en": "The table is empty."},
    "table_without_rows": {
        "da": "Tabellen har ingen rækker.",
        "nb": "Tabellen har ingen rader.",
        "en": "The table has no rows.",
    },
    "figure_not_drawn": {
        "da": "Figuren kan ikke vises: {alt}",
        "nb": "Figuren kan ikke vises: {alt}",
        "en": "The figure cannot be shown: {alt}",
    },
}
