"""Words of reports/index.html, the portfolio's front page. One entry per message: {language: text}."""

MESSAGES: dict[str, dict[str, str]] = {
    "portfolio": {"da": "Projekter og rapporter", "nb": "Prosjekter og rapporter", "en": "Projects and reports"},
    "portfolio_lead": {
        "da": "For hvert projekt: hvad der kræver opmærksomhed, udvalgets næste møde og de seneste rapporter.",
        "nb": "For hvert prosjekt: hva som krever oppmerksomhet, utvalgets neste møte og de siste rapportene.",
        "en": "For each project: what needs attention, the committee's next meeting and the latest reports.",
    },
    # What a lead looks at first (pipeline/run/index.py `Lead`).
    "figures_as_of": {"da": "Tal pr. {date}", "nb": "Tall per {date}", "en": "Figures as of {date}"},
    "period_open": {
        "da": "Periode {period}, i gang",
        "nb": "Periode {period}, pågår",
        "en": "Period {period}, ongoing",
    },
    "period_closed": {
        "da": "Periode {period}, afsluttet",
        "nb": "Periode {period}, avsluttet",
        "en": "Period {period}, ended",
    },
    "next_meeting": {
        "da": "Næste udvalgsmøde: {date}, {committee}",
        "nb": "Neste møte i utvalget: {date}, {committee}",
        "en": "Next committee meeting: {date}, {committee}",
    },
    "no_meeting": {
        "da": "Intet udvalgsmøde er planlagt.",
        "nb": "Ingen møter i utvalget er planlagt.",
        "en": "No committee meeting is planned.",
    },
    "attention": {"da": "Det skal du se på", "nb": "Dette bør du se på", "en": "What to look at"},
    "calm": {
        "da": "Intet kræver opmærksomhed lige nu: intet kriterium står som ikke opfyldt eller forværret, "
        "ingen milepæl er overskredet, og ingen beslutning venter.",
        "nb": "Ingenting krever oppmerksomhet nå: ingen kriterier står som ikke nådd eller forverret, "
        "ingen milepæler er forsinket, og ingen vedtak venter.",
        "en": "Nothing needs attention now: no criterion is not met or worse, no milestone is overdue "
        "and no decision is waiting.",
    },
    "criterion_failing": {
        "da": "Kriterium {id} »{title}«: {status}",
        "nb": "Kriterium {id} «{title}»: {status}",
        "en": "Criterion {id} “{title}”: {status}",
    },
    "criterion_worse": {
        "da": "forværret siden sidste status",
        "nb": "forverret siden forrige status",
        "en": "worse than at the last status",
    },
    "milestone_overdue": {
        "da": "Milepælen »{title}«{unit} skulle være nået {date} og er det ikke.",
        "nb": "Milepælen «{title}»{unit} skulle vært nådd {date} og er det ikke.",
        "en": "The milestone “{title}”{unit} was due on {date} and is not reached.",
    },
    "milestone_unit": {"da": " ({unit})", "nb": " ({unit})", "en": " ({unit})"},
    "recommendation_waiting": {
        "da": "Anbefaling {id} »{title}« venter på en beslutning{by}{since}.",
        "nb": "Anbefaling {id} «{title}» venter på et vedtak{by}{since}.",
        "en": "Recommendation {id} “{title}” is waiting for a decision{by}{since}.",
    },
    "waiting_by": {"da": " i {to}", "nb": " i {to}", "en": " by {to}"},
    "waiting_since": {
        "da": "; den blev givet {date} og har ventet i {duration}",
        "nb": "; den ble gitt {date} og har ventet i {duration}",
        "en": "; it was given on {date} and has waited {duration}",
    },
    "case_waiting": {
        "da": "Sagen til {committee} om status {period} venter på en beslutning; {when}.",
        "nb": "Saksframlegget til {committee} om status {period} venter på vedtak; {when}.",
        "en": "The case to {committee} on the status {period} is waiting for a decision; {when}.",
    },
    "case_on_meeting": {
        "da": "den skal behandles på mødet {date}",
        "nb": "det skal behandles i møtet {date}",
        "en": "it is on the agenda of the meeting on {date}",
    },
    "case_was_on_meeting": {
        "da": "den var på mødet {date}, men beslutningen er ikke registreret endnu",
        "nb": "det var oppe i møtet {date}, men vedtaket er ikke registrert ennå",
        "en": "it was on the agenda on {date}, but the decision is not recorded yet",
    },
    "case_no_meeting": {
        "da": "der er ikke planlagt et møde",
        "nb": "det er ikke planlagt noe møte",
        "en": "no meeting is planned",
    },
    "latest_documents": {"da": "Seneste dokumenter", "nb": "Siste dokumenter", "en": "Latest documents"},
    "web_page": {"da": "Webside", "nb": "Nettside", "en": "Web page"},
    "filter": {
        "da": "Søg i projekter, rapporter og enheder",
        "nb": "Søk i prosjekter, rapporter og enheter",
        "en": "Search projects, reports and units",
    },
    "sort": {"da": "Sortér", "nb": "Sorter", "en": "Sort"},
    "sort_newest": {"da": "Nyeste rapport først", "nb": "Nyeste rapport først", "en": "Newest report first"},
    "sort_title": {"da": "Titel", "nb": "Tittel", "en": "Title"},
    "sort_not_met": {"da": "Flest ikke opfyldt", "nb": "Flest ikke nådd", "en": "Most not met"},
    "nothing_found": {
        "da": "Ingen projekter passer til søgningen.",
        "nb": "Ingen prosjekter passer til søket.",
        "en": "No project matches the search.",
    },
    "status_of": {
        "da": "Status – {report} {period}",
        "nb": "Status – {report} {period}",
        "en": "Status – {report} {period}",
    },
    "change_since": {
        "da": "Ændring siden sidste status",
        "nb": "Endring siden forrige status",
        "en": "Change since the last status",
    },
    "reports": {"da": "Rapporter", "nb": "Rapporter", "en": "Reports"},
    "report": {"da": "Rapport", "nb": "Rapport", "en": "Report"},
    "as_of_column": {"da": "Tal pr.", "nb": "Tall per", "en": "Figures as of"},
    "files": {"da": "Åbn", "nb": "Åpne", "en": "Open"},
    "run_failed": {
        "da": "Den seneste opdatering {date} mislykkedes",
        "nb": "Den siste oppdateringen {date} mislyktes",
        "en": "The last update on {date} failed",
    },
    "last_good": {
        "da": "rapporten her er fra {date}",
        "nb": "rapporten her er fra {date}",
        "en": "the report here is from {date}",
    },
    "no_good_report": {"da": "ingen rapport endnu", "nb": "ingen rapport ennå", "en": "no report yet"},
    "in_language": {"da": "på {language}", "nb": "på {language}", "en": "in {language}"},
    "per_unit": {
        "da": "{report} pr. {unit}, {period}",
        "nb": "{report} per {unit}, {period}",
        "en": "{report} per {unit}, {period}",
    },
    "per_unit_hint": {
        "da": "Hvert symbol fører til enhedens rapport.",
        "nb": "Hvert symbol fører til enhetens rapport.",
        "en": "Each symbol leads to the unit's report.",
    },
    "unit": {"da": "Enhed", "nb": "Enhet", "en": "Unit"},
    "no_reports": {
        "da": "Ingen rapporter endnu: kør evalreport run --all.",
        "nb": "Ingen rapporter ennå: kjør evalreport run --all.",
        "en": "No reports yet: run evalreport run --all.",
    },
    "updated": {
        "da": "Siden er opdateret {date}.",
        "nb": "Siden er oppdatert {date}.",
        "en": "Page updated on {date}.",
    },
}
