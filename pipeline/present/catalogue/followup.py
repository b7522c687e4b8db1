"""Words of the evaluator's own parts of a report: their texts' default headings, recommendations and their follow-up,
activities and participation. One entry per message: {language: text}; sentences take named fields."""

MESSAGES: dict[str, dict[str, str]] = {
    # The evaluator's texts, when a text does not begin with a heading of its own.
    "text_introduction": {"da": "Indledning", "nb": "Innledning", "en": "Introduction"},
    "text_conclusion": {"da": "Konklusion", "nb": "Konklusjon", "en": "Conclusion"},
    "text_lessons": {"da": "Erfaringer", "nb": "Erfaringer", "en": "Lessons learned"},
    # Recommendations and their follow-up.
    "recommendations": {
        "da": "Anbefalinger og opfølgning",
        "nb": "Anbefalinger og oppfølging",
        "en": "Recommendations and follow-up",
    },
    "recommendation": {"da": "Anbefaling", "nb": "Anbefaling", "en": "Recommendation"},
    "rec_given_by": {"da": "Givet af", "nb": "Gitt av", "en": "Given by"},
    "rec_given": {"da": "Givet", "nb": "Gitt", "en": "Given"},
    "rec_decided": {"da": "Besluttet", "nb": "Vedtatt", "en": "Decided"},
    "rec_updated": {"da": "Opdateret", "nb": "Oppdatert", "en": "Updated"},
    "rec_sent_to": {"da": "Sendt til", "nb": "Sendt til", "en": "Sent to"},
    "rec_decision_follow_up": {
        "da": "Beslutning og opfølgning",
        "nb": "Vedtak og oppfølging",
        "en": "Decision and follow-up",
    },
    "rec_decided_on": {
        "da": "Besluttet {date}: {decision}",
        "nb": "Vedtatt {date}: {decision}",
        "en": "Decided {date}: {decision}",
    },
    "rec_followed_up_on": {
        "da": "Opfølgning {date}: {note}",
        "nb": "Oppfølging {date}: {note}",
        "en": "Follow-up {date}: {note}",
    },
    "rec_proposed": {"da": "Foreslået", "nb": "Foreslått", "en": "Proposed"},
    "rec_adopted": {"da": "Vedtaget", "nb": "Vedtatt", "en": "Adopted"},
    "rec_in_progress": {"da": "I gang", "nb": "Under arbeid", "en": "In progress"},
    "rec_implemented": {"da": "Gennemført", "nb": "Gjennomført", "en": "Implemented"},
    "rec_rejected": {"da": "Afvist", "nb": "Avvist", "en": "Rejected"},
    "rec_dropped": {"da": "Opgivet", "nb": "Frafalt", "en": "Dropped"},
    "rec_count_proposed": {
        "da": "{count} afventer beslutning",
        "nb": "{count} venter på vedtak",
        "en": "{count} await a decision",
    },
    "rec_count_adopted": {"da": "{count} er vedtaget", "nb": "{count} er vedtatt", "en": "{count} adopted"},
    "rec_count_in_progress": {"da": "{count} er i gang", "nb": "{count} er under arbeid", "en": "{count} in progress"},
    "rec_count_implemented": {
        "da": "{count} er gennemført",
        "nb": "{count} er gjennomført",
        "en": "{count} implemented",
    },
    "rec_count_rejected": {"da": "{count} er afvist", "nb": "{count} er avvist", "en": "{count} rejected"},
    "rec_count_dropped": {"da": "{count} er opgivet", "nb": "{count} er frafalt", "en": "{count} dropped"},
    "rec_lead": {
        "da": "Der er givet {total} anbefalinger: {counts}.",
        "nb": "Det er gitt {total} anbefalinger: {counts}.",
        "en": "{total} recommendations have been given: {counts}.",
    },
    "rec_lead_one": {
        "da": "Der er givet én anbefaling: {counts}.",
        "nb": "Det er gitt én anbefaling: {counts}.",
        "en": "One recommendation has been given: {counts}.",
    },
    "rec_none": {
        "da": "Der er ikke givet nogen anbefalinger i perioden.",
        "nb": "Det er ikke gitt noen anbefalinger i perioden.",
        "en": "No recommendations have been given in this period.",
    },
    "rec_since_heading": {"da": "Siden sidste status", "nb": "Siden forrige status", "en": "Since the last status"},
    "rec_since_new": {
        "da": "Nye anbefalinger: {items}.",
        "nb": "Nye anbefalinger: {items}.",
        "en": "New recommendations: {items}.",
    },
    "rec_since_adopted": {"da": "Vedtaget: {items}.", "nb": "Vedtatt: {items}.", "en": "Adopted: {items}."},
    "rec_since_implemented": {
        "da": "Gennemført: {items}.",
        "nb": "Gjennomført: {items}.",
        "en": "Implemented: {items}.",
    },
    "rec_since_rejected": {"da": "Afvist: {items}.", "nb": "Avvist: {items}.", "en": "Rejected: {items}."},
    "rec_since_dropped": {"da": "Opgivet: {items}.", "nb": "Frafalt: {items}.", "en": "Dropped: {items}."},
    "rec_since_nothing": {
        "da": "Ingen anbefalinger har skiftet status siden sidste status.",
        "nb": "Ingen anbefalinger har endret status siden forrige status.",
        "en": "No recommendation has changed its status since the last status.",
    },
    "rec_open_for": {
        "da": "Stadig åbne et år eller mere efter, de blev givet: {items}.",
        "nb": "Fortsatt åpne et år eller mer etter at de ble gitt: {items}.",
        "en": "Still open a year or more after they were given: {items}.",
    },
    "rec_years_open": {"da": "{id} ({years} år)", "nb": "{id} ({years} år)", "en": "{id} ({years} years)"},
    "rec_years_open_one": {"da": "{id} (1 år)", "nb": "{id} (1 år)", "en": "{id} (1 year)"},
    "caption_recommendations": {
        "da": "Anbefalinger, beslutninger og opfølgning pr. {date}",
        "nb": "Anbefalinger, vedtak og oppfølging per {date}",
        "en": "Recommendations, decisions and follow-up as of {date}",
    },
    "rec_as_known": {
        "da": "Status, beslutninger og opfølgning er, som de var kendt pr. {date}.",
        "nb": "Status, vedtak og oppfølging er slik de var kjent per {date}.",
        "en": "Statuses, decisions and follow-up are as known on {date}.",
    },
    # Activities and participation.
    "activities": {
        "da": "Aktiviteter og deltagelse",
        "nb": "Aktiviteter og deltakelse",
        "en": "Activities and participation",
    },
    "activity": {"da": "Aktivitet", "nb": "Aktivitet", "en": "Activity"},
    "activity_date": {"da": "Dato", "nb": "Dato", "en": "Date"},
    "activity_kind": {"da": "Type", "nb": "Type", "en": "Kind"},
    "participants": {"da": "Deltagere", "nb": "Deltakere", "en": "Participants"},
    "year": {"da": "År", "nb": "År", "en": "Year"},
    "not_counted": {"da": "ikke talt", "nb": "ikke telt", "en": "not counted"},
    "not_by_group": {"da": "Ikke opgjort på grupper", "nb": "Ikke fordelt på grupper", "en": "Not counted by group"},
    "act_lead": {
        "da": "I perioden {period} er der holdt {count} aktiviteter med i alt {participants} deltagere.",
        "nb": "I perioden {period} er det holdt {count} aktiviteter med til sammen {participants} deltakere.",
        "en": "In {period}, {count} activities were held, with {participants} participants in all.",
    },
    "act_lead_uncounted": {
        "da": "I perioden {period} er der holdt {count} aktiviteter; deltagerne er ikke talt.",
        "nb": "I perioden {period} er det holdt {count} aktiviteter; deltakerne er ikke telt.",
        "en": "In {period}, {count} activities were held; their participants were not counted.",
    },
    "act_none": {
        "da": "Der er ikke holdt nogen aktiviteter i perioden.",
        "nb": "Det er ikke holdt noen aktiviteter i perioden.",
        "en": "No activities were held in this period.",
    },
    "act_twice": {
        "da": "En person, der deltog i flere aktiviteter, tælles én gang pr. aktivitet.",
        "nb": "En person som deltok i flere aktiviteter, telles én gang per aktivitet.",
        "en": "Someone who took part in several activities is counted once for each.",
    },
    "caption_activities_per_year": {
        "da": "Aktiviteter pr. år og type, og deres deltagere",
        "nb": "Aktiviteter per år og type, og deltakerne deres",
        "en": "Activities per year and kind, and their participants",
    },
    "caption_activities_chart": {
        "da": "Deltagere pr. aktivitet over tid, farvet efter type",
        "nb": "Deltakere per aktivitet over tid, farget etter type",
        "en": "Participants per activity over time, coloured by kind",
    },
    "alt_activities": {
        "da": (
            "Søjlediagram over deltagerne ved {count} aktiviteter fra {first} til {last}. Flest deltog i {most} "
            "({most_n})."
        ),
        "nb": (
            "Stolpediagram over deltakerne ved {count} aktiviteter fra {first} til {last}. Flest deltok i {most} "
            "({most_n})."
        ),
        "en": (
            "Bar chart of the participants at {count} activities from {first} to {last}. Most took part in "
            "{most} ({most_n})."
        ),
    },
    "participants_by_group": {
        "da": "Deltagere efter gruppe",
        "nb": "Deltakere etter gruppe",
        "en": "Participants by group",
    },
    "caption_participants_by_group": {
        "da": "Deltagere pr. år efter gruppe",
        "nb": "Deltakere per år etter gruppe",
        "en": "Participants per year by group",
    },
    "act_suppressed_note": {
        "da": "Grupper med færre end {min} deltagere vises ikke, og heller ikke de tal, de kunne regnes ud fra.",
        "nb": "Grupper med færre enn {min} deltakere vises ikke, og heller ikke tallene de kunne regnes ut fra.",
        "en": "Groups of fewer than {min} participants are not shown, nor the figures they could be worked out from.",
    },
    "themes": {"da": "Temaer", "nb": "Temaer", "en": "Themes"},
    "theme_taken_up": {"da": "{theme}: {activities}", "nb": "{theme}: {activities}", "en": "{theme}: {activities}"},
    "activities_held": {"da": "Aktiviteterne", "nb": "Aktivitetene", "en": "The activities"},
    "caption_activities": {
        "da": "Aktiviteter i perioden {period}",
        "nb": "Aktiviteter i perioden {period}",
        "en": "Activities in {period}",
    },
    "feedback_from": {
        "da": "Tilbagemeldinger fra {activity}",
        "nb": "Tilbakemeldinger fra {activity}",
        "en": "Feedback from {activity}",
    },
    "feedback_respondents": {
        "da": "{n} svarede på spørgeskemaet efter aktiviteten ({wave}).",
        "nb": "{n} svarte på spørreskjemaet etter aktiviteten ({wave}).",
        "en": "{n} answered the questionnaire after the activity ({wave}).",
    },
    "caption_feedback": {
        "da": "Andel positive svar efter {activity}",
        "nb": "Andel positive svar etter {activity}",
        "en": "Positive answers after {activity}",
    },
}
