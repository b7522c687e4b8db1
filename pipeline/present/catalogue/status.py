"""Words of the yearly status (årlig status): the comparison with the previous status, milestones reached and due,
and the survey's change. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    # The report kind, on the cover (keyed by the notebook's name).
    "status_report": {"da": "Årlig status", "nb": "Årlig status", "en": "Annual status"},
    # What is compared with what.
    "status_lead_numbered": {
        "da": "Årlig status nr. {number} pr. {date} for perioden {period}.",
        "nb": "Årlig status nr. {number} per {date} for perioden {period}.",
        "en": "Annual status no. {number} as of {date} for the period {period}.",
    },
    "status_presented": {
        "da": "Den forelægges {committee} den {date}.",
        "nb": "Den legges fram for {committee} {date}.",
        "en": "It goes to the {committee} on {date}.",
    },
    "status_lead": {
        "da": "Årlig status pr. {date} for perioden {period}.",
        "nb": "Årlig status per {date} for perioden {period}.",
        "en": "Annual status as of {date} for the period {period}.",
    },
    "status_compared_stored": {
        "da": "Den sammenlignes med sidste status, pr. {date} for perioden {period}, sådan som den blev gemt dengang.",
        "nb": "Den sammenlignes med forrige status, per {date} for perioden {period}, slik den ble lagret den gangen.",
        "en": (
            "It is compared with the last status, as of {date} for the period {period}, as it was stored at the time."
        ),
    },
    "status_compared_recomputed": {
        "da": (
            "Der findes ingen gemt forrige status; forrige periode ({period}, pr. {date}) er beregnet ud fra de "
            "nuværende data. Tal, der er rettet eller kommet til siden, indgår derfor, og sammenligningen kan "
            "afvige fra den status, der blev forelagt dengang."
        ),
        "nb": (
            "Det finnes ingen lagret forrige status; forrige periode ({period}, per {date}) er beregnet ut fra "
            "dagens data. Tall som er rettet eller kommet til siden, er derfor med, og sammenligningen kan "
            "avvike fra statusen som ble lagt fram den gangen."
        ),
        "en": (
            "No previous status is stored; the previous period ({period}, as of {date}) has been recomputed from "
            "the current data. Figures corrected or added since are therefore included, and the comparison may "
            "differ from the status presented at the time."
        ),
    },
    "status_nothing_to_compare": {
        "da": "Projektet havde intet år før {year}, så der er ingen forrige status at sammenligne med.",
        "nb": "Prosjektet hadde ikke noe år før {year}, så det er ingen forrige status å sammenligne med.",
        "en": "The project had no year before {year}, so there is no previous status to compare with.",
    },
    "status_data_changed": {
        "da": (
            "Bemærk: Tallene for forrige periode er ændret, siden sidste status blev lavet. Beregnet ud fra de "
            "nuværende data ville {criteria} få et andet resultat end dengang. Sammenligningen bygger på den "
            "gemte status."
        ),
        "nb": (
            "Merk: Tallene for forrige periode er endret siden forrige status ble laget. Beregnet ut fra dagens "
            "data ville {criteria} fått et annet resultat enn den gangen. Sammenligningen bygger på den lagrede "
            "statusen."
        ),
        "en": (
            "Note: the data for the previous period have changed since the last status was made. Recomputed from "
            "the current data, {criteria} would have a different result than then. The comparison uses the "
            "stored status."
        ),
    },
    "status_changes_headline": {
        "da": "Siden sidste status: {counts}.",
        "nb": "Siden forrige status: {counts}.",
        "en": "Since the last status: {counts}.",
    },
    "since_count_improved": {"da": "{count} forbedret", "nb": "{count} forbedret", "en": "{count} improved"},
    "since_count_unchanged": {"da": "{count} uændret", "nb": "{count} uendret", "en": "{count} unchanged"},
    "since_count_worse": {"da": "{count} forværret", "nb": "{count} forverret", "en": "{count} worse"},
    "since_count_not_measured": {
        "da": "{count} uden ny måling",
        "nb": "{count} uten ny måling",
        "en": "{count} not measured again",
    },
    "since_count_not_compared": {
        "da": "{count} kan ikke sammenlignes",
        "nb": "{count} kan ikke sammenlignes",
        "en": "{count} cannot be compared",
    },
    # One criterion since the last status: a verdict, then what moved.
    "since_last_status": {"da": "Siden sidste status", "nb": "Siden forrige status", "en": "Since the last status"},
    "since_improved": {"da": "Forbedret", "nb": "Forbedret", "en": "Improved"},
    "since_unchanged": {"da": "Uændret", "nb": "Uendret", "en": "Unchanged"},
    "since_worse": {"da": "Forværret", "nb": "Forverret", "en": "Worse"},
    "since_not_compared": {"da": "Kan ikke sammenlignes", "nb": "Kan ikke sammenlignes", "en": "Cannot be compared"},
    "since_not_measured": {"da": "Ingen ny måling", "nb": "Ingen ny måling", "en": "No new measurement"},
    "since_not_measured_sentence": {
        "da": "Ingen ny måling siden {since}; status er {now}.",
        "nb": "Ingen ny måling siden {since}; status er {now}.",
        "en": "No new measurement since {since}; the status is {now}.",
    },
    "since_not_judged_now": {
        "da": "tallet er foreløbigt og vurderes ikke endnu (sidst: {then}).",
        "nb": "tallet er foreløpig og vurderes ikke ennå (sist: {then}).",
        "en": "the figure is provisional and not judged yet (last time: {then}).",
    },
    "since_sentence": {"da": "{verdict}: {detail}", "nb": "{verdict}: {detail}", "en": "{verdict}: {detail}"},
    "since_moved": {
        "da": "status er gået fra {then} til {now}.",
        "nb": "status har gått fra {then} til {now}.",
        "en": "status moved from {then} to {now}.",
    },
    "since_moved_rose": {
        "da": (
            "status er gået fra {then} til {now}, og opnåelsesgraden er steget fra {attainment_then} til "
            "{attainment_now}."
        ),
        "nb": (
            "status har gått fra {then} til {now}, og måloppnåelsen har økt fra {attainment_then} til {attainment_now}."
        ),
        "en": "status moved from {then} to {now}, and attainment rose from {attainment_then} to {attainment_now}.",
    },
    "since_moved_fell": {
        "da": (
            "status er gået fra {then} til {now}, og opnåelsesgraden er faldet fra {attainment_then} til "
            "{attainment_now}."
        ),
        "nb": (
            "status har gått fra {then} til {now}, og måloppnåelsen har falt fra {attainment_then} til "
            "{attainment_now}."
        ),
        "en": "status moved from {then} to {now}, and attainment fell from {attainment_then} to {attainment_now}.",
    },
    "since_rose": {
        "da": "opnåelsesgraden er steget fra {attainment_then} til {attainment_now}; status er fortsat {now}.",
        "nb": "måloppnåelsen har økt fra {attainment_then} til {attainment_now}; status er fortsatt {now}.",
        "en": "attainment rose from {attainment_then} to {attainment_now}; the status is still {now}.",
    },
    "since_fell": {
        "da": "opnåelsesgraden er faldet fra {attainment_then} til {attainment_now}; status er fortsat {now}.",
        "nb": "måloppnåelsen har falt fra {attainment_then} til {attainment_now}; status er fortsatt {now}.",
        "en": "attainment fell from {attainment_then} to {attainment_now}; the status is still {now}.",
    },
    "since_same": {
        "da": "fortsat {now}, med en opnåelsesgrad på {attainment_now} ligesom sidst.",
        "nb": "fortsatt {now}, med en måloppnåelse på {attainment_now} som sist.",
        "en": "still {now}, at {attainment_now} attainment as last time.",
    },
    "since_same_about": {
        "da": "fortsat {now}, med en opnåelsesgrad på {attainment_now} mod {attainment_then} sidst.",
        "nb": "fortsatt {now}, med en måloppnåelse på {attainment_now} mot {attainment_then} sist.",
        "en": "still {now}, at {attainment_now} attainment against {attainment_then} last time.",
    },
    "since_same_status": {"da": "fortsat {now}.", "nb": "fortsatt {now}.", "en": "still {now}."},
    "since_no_data_now": {
        "da": "der er ingen data i denne periode (sidst: {then}).",
        "nb": "det er ingen data i denne perioden (sist: {then}).",
        "en": "there are no data for this period (last time: {then}).",
    },
    "since_no_data_then": {
        "da": "der var ingen data i forrige periode (nu: {now}).",
        "nb": "det var ingen data i forrige periode (nå: {now}).",
        "en": "there were no data for the previous period (now: {now}).",
    },
    "since_no_data_either": {
        "da": "der er ingen data, hverken i denne eller i forrige periode.",
        "nb": "det er ingen data, verken i denne eller i forrige periode.",
        "en": "there are no data, neither for this period nor for the previous one.",
    },
    "since_new": {
        "da": "kriteriet indgik ikke i sidste status.",
        "nb": "kriteriet var ikke med i forrige status.",
        "en": "the criterion was not part of the last status.",
    },
    "status_with_attainment": {
        "da": "{status}, {attainment}",
        "nb": "{status}, {attainment}",
        "en": "{status}, {attainment}",
    },
    # The criteria section.
    "status_criteria_heading": {
        "da": "Succeskriterier siden sidste status",
        "nb": "Suksesskriterier siden forrige status",
        "en": "Success criteria since the last status",
    },
    "status_column": {"da": "Status pr. {date}", "nb": "Status per {date}", "en": "Status as of {date}"},
    "result_against_target": {"da": "Resultat / mål", "nb": "Resultat / mål", "en": "Result / target"},
    "result_of_target": {"da": "{result} / {target}", "nb": "{result} / {target}", "en": "{result} / {target}"},
    "caption_status_criteria": {
        "da": "Succeskriterier pr. {now} sammenlignet med sidste status pr. {then}; opnåelsesgrad i parentes",
        "nb": "Suksesskriterier per {now} sammenlignet med forrige status per {then}; måloppnåelse i parentes",
        "en": "Success criteria as of {now} compared with the last status as of {then}; attainment in brackets",
    },
    "caption_status_criteria_alone": {
        "da": "Succeskriterier pr. {now}; opnåelsesgrad i parentes",
        "nb": "Suksesskriterier per {now}; måloppnåelse i parentes",
        "en": "Success criteria as of {now}; attainment in brackets",
    },
    "status_comparison_rule": {
        "da": (
            "Et kriterium er forbedret eller forværret, når dets status er gået op eller ned (ikke opfyldt, "
            "delvist opfyldt, opfyldt). Med samme status, eller når et kriterium er undervejs, afgør "
            "opnåelsesgraden: den skal have flyttet sig mere end {points} procentpoint, og over 100 % tæller som "
            "100 %. Et tal, der blev målt før sidste status, er ingen ny måling og kan ikke have ændret sig. Et "
            "kriterium uden data nu eller sidst sammenlignes ikke."
        ),
        "nb": (
            "Et kriterium er forbedret eller forverret når statusen har gått opp eller ned (ikke nådd, delvis "
            "nådd, nådd). Med samme status, eller når et kriterium er underveis, avgjør måloppnåelsen: den må ha "
            "flyttet seg mer enn {points} prosentpoeng, og over 100 % teller som 100 %. Et tall som ble målt før "
            "forrige status, er ingen ny måling og kan ikke ha endret seg. Et kriterium uten data nå eller sist "
            "sammenlignes ikke."
        ),
        "en": (
            "A criterion has improved or got worse when its status has moved up or down (not met, partly met, "
            "met). With the same status, or while a criterion is in progress, attainment decides: it must have "
            "moved by more than {points} percentage point, and anything over 100 % counts as 100 %. A figure "
            "measured before the last status is no new measurement and cannot have changed. A criterion without "
            "data now or last time is not compared."
        ),
    },
    # Milestones reached in the period and due in the year ahead.
    "status_milestones_reached_heading": {
        "da": "Nået i perioden",
        "nb": "Nådd i perioden",
        "en": "Reached in the period",
    },
    "status_milestones_reached": {
        "da": "{count} milepæle er nået fra {start} til {end}.",
        "nb": "{count} milepæler er nådd fra {start} til {end}.",
        "en": "{count} milestones were reached from {start} to {end}.",
    },
    "status_milestones_reached_one": {
        "da": "Én milepæl er nået fra {start} til {end}.",
        "nb": "Én milepæl er nådd fra {start} til {end}.",
        "en": "One milestone was reached from {start} to {end}.",
    },
    "status_milestones_reached_none": {
        "da": "Ingen milepæle er nået fra {start} til {end}.",
        "nb": "Ingen milepæler er nådd fra {start} til {end}.",
        "en": "No milestones were reached from {start} to {end}.",
    },
    "status_milestones_reached_since": {
        "da": "Heraf er {count} nået siden sidste status ({date}).",
        "nb": "Av disse er {count} nådd siden forrige status ({date}).",
        "en": "{count} of them since the last status ({date}).",
    },
    "status_milestones_kept": {
        "da": "{expected} milepæle var planlagt i de 12 måneder efter sidste status; {done} af dem er nået.",
        "nb": "{expected} milepæler var planlagt i de 12 månedene etter forrige status; {done} av dem er nådd.",
        "en": (
            "{expected} milestones were planned for the 12 months after the last status; {done} of them have "
            "been reached."
        ),
    },
    "status_milestones_kept_one_done": {
        "da": "Den ene milepæl, der var planlagt i de 12 måneder efter sidste status, er nået.",
        "nb": "Den ene milepælen som var planlagt i de 12 månedene etter forrige status, er nådd.",
        "en": "The one milestone planned for the 12 months after the last status has been reached.",
    },
    "status_milestones_kept_one_not_done": {
        "da": "Den ene milepæl, der var planlagt i de 12 måneder efter sidste status, er ikke nået.",
        "nb": "Den ene milepælen som var planlagt i de 12 månedene etter forrige status, er ikke nådd.",
        "en": "The one milestone planned for the 12 months after the last status has not been reached.",
    },
    "status_milestones_not_reached": {
        "da": "Ikke nået endnu: {names}.",
        "nb": "Ikke nådd ennå: {names}.",
        "en": "Not reached yet: {names}.",
    },
    "status_milestones_cancelled": {"da": "Aflyst: {names}.", "nb": "Avlyst: {names}.", "en": "Cancelled: {names}."},
    "status_milestones_due_heading": {
        "da": "Forventes i de kommende 12 måneder",
        "nb": "Ventes de neste 12 månedene",
        "en": "Due in the next 12 months",
    },
    "status_milestones_due": {
        "da": "{count} milepæle forventes før {end}.",
        "nb": "{count} milepæler ventes før {end}.",
        "en": "{count} milestones are due before {end}.",
    },
    "status_milestones_due_one": {
        "da": "Én milepæl forventes før {end}.",
        "nb": "Én milepæl ventes før {end}.",
        "en": "One milestone is due before {end}.",
    },
    "status_milestones_due_none": {
        "da": "Ingen milepæle forventes før {end}.",
        "nb": "Ingen milepæler ventes før {end}.",
        "en": "No milestones are due before {end}.",
    },
    "status_milestones_overdue": {
        "da": "Desuden er {count} forsinket uden en ny dato: {names}.",
        "nb": "I tillegg er {count} forsinket uten en ny dato: {names}.",
        "en": "In addition, {count} are overdue without a new date: {names}.",
    },
    "caption_reached": {
        "da": "Milepæle nået fra {start} til {end}, i den rækkefølge de blev nået",
        "nb": "Milepæler nådd fra {start} til {end}, i den rekkefølgen de ble nådd",
        "en": "Milestones reached from {start} to {end}, in the order they were reached",
    },
    "caption_due": {
        "da": "Milepæle, der forventes fra {start} til før {end}, efter forventet dato",
        "nb": "Milepæler som ventes fra {start} til før {end}, etter forventet dato",
        "en": "Milestones due from {start} to before {end}, by expected date",
    },
    "expected_date": {"da": "Forventet", "nb": "Ventet", "en": "Expected"},
    # The survey.
    "status_survey_none": {
        "da": "Der er ingen spørgeskemaundersøgelse frem til {date}.",
        "nb": "Det er ingen spørreundersøkelse fram til {date}.",
        "en": "There is no survey up to {date}.",
    },
    "status_survey_one_wave": {
        "da": "Der er kun én spørgeskemaundersøgelse frem til {date} ({wave}), så der er ingen udvikling at vise.",
        "nb": "Det er bare én spørreundersøkelse fram til {date} ({wave}), så det er ingen utvikling å vise.",
        "en": "There is only one survey up to {date} ({wave}), so there is no change to show.",
    },
    "status_survey_summary": {
        "da": "Spørgeskemaet, {latest} mod {previous}, andelen positive svar på de {total} spørgsmål: {parts}.",
        "nb": "Spørreskjemaet, {latest} mot {previous}, andelen positive svar på de {total} spørsmålene: {parts}.",
        "en": "The questionnaire, {latest} against {previous}, the positive share on the {total} questions: {parts}.",
    },
    "survey_part_up": {
        "da": "sikker stigning på {count}",
        "nb": "sikker økning på {count}",
        "en": "a significant rise on {count}",
    },
    "survey_part_down": {
        "da": "sikkert fald på {count}",
        "nb": "sikker nedgang på {count}",
        "en": "a significant fall on {count}",
    },
    "survey_part_none": {
        "da": "ingen sikker ændring på {count}",
        "nb": "ingen sikker endring på {count}",
        "en": "no significant change on {count}",
    },
    "status_survey_summary_none": {
        "da": (
            "Spørgeskemaet, {latest} mod {previous}: ingen sikker ændring i andelen positive svar på de {total} "
            "spørgsmål."
        ),
        "nb": (
            "Spørreskjemaet, {latest} mot {previous}: ingen sikker endring i andelen positive svar på de {total} "
            "spørsmålene."
        ),
        "en": (
            "The questionnaire, {latest} against {previous}: no significant change in the positive share on any "
            "of the {total} questions."
        ),
    },
}
