"""Words of the committee case (udvalgssag / saksframlegg) and of the project's economy, in the form each country's
agenda systems use: Danish Indstilling with "at"-clauses, Norwegian Forslag til vedtak with numbered points."""

MESSAGES: dict[str, dict[str, str]] = {
    "committee_case": {"da": "Sag til udvalget", "nb": "Saksframlegg", "en": "Committee case"},
    "case_facts": {"da": "Om sagen", "nb": "Om saken", "en": "About the case"},
    "case_number": {"da": "Sagsnr.", "nb": "Saksnr.", "en": "Case no."},
    "case_committee": {"da": "Udvalg", "nb": "Utvalg", "en": "Committee"},
    "case_meeting": {"da": "Mødedato", "nb": "Møtedato", "en": "Meeting"},
    "case_as_of": {"da": "Status pr.", "nb": "Status per", "en": "Status as of"},
    # The parts, in the order the agenda systems print them.
    "case_proposal": {"da": "Indstilling", "nb": "Forslag til vedtak", "en": "Proposed resolution"},
    "case_case": {"da": "Sagsfremstilling", "nb": "Saksopplysninger", "en": "Background"},
    "case_assessment": {"da": "Forvaltningens vurdering", "nb": "Vurdering", "en": "Assessment"},
    "case_economy": {"da": "Økonomi", "nb": "Økonomiske konsekvenser", "en": "Financial implications"},
    "case_legal": {"da": "Retsgrundlag", "nb": "Lovgrunnlag", "en": "Legal basis"},
    "case_next": {"da": "Videre proces", "nb": "Videre oppfølging", "en": "Next steps"},
    "case_attachments": {"da": "Bilag", "nb": "Vedlegg", "en": "Attachments"},
    "case_decision": {"da": "Beslutning", "nb": "Vedtak", "en": "Decision"},
    # The proposal when the evaluator has not written one (text/status/<period>/proposal.md).
    "case_proposal_lead": {
        "da": "Forvaltningen indstiller,",
        "nb": "Administrasjonen legger saken fram med dette forslaget til vedtak:",
        "en": "The administration recommends",
    },
    "case_take_note": {
        "da": "at udvalget tager den årlige status for {project} til efterretning",
        "nb": "{committee} tar den årlige statusen for {project} til orientering.",
        "en": "that the committee takes note of the annual status of {project}",
    },
    "case_decide_recommendation": {
        "da": "at udvalget tager stilling til anbefaling {id}: {title}",
        "nb": "{committee} tar stilling til anbefaling {id}: {title}.",
        "en": "that the committee decides on recommendation {id}: {title}",
    },
    # The case when the evaluator has not written one (text/status/<period>/case.md).
    "case_opening": {
        "da": "Udvalget får hermed den årlige status for {project} for {period}, opgjort pr. {date}.",
        "nb": "{committee} får med dette den årlige statusen for {project} for {period}, per {date}.",
        "en": "The committee receives the annual status of {project} for {period}, as of {date}.",
    },
    "case_opening_nth": {
        "da": "Udvalget får hermed den {number}. årlige status for {project} for {period}, opgjort pr. {date}.",
        "nb": "{committee} får med dette den {number}. årlige statusen for {project} for {period}, per {date}.",
        "en": "The committee receives annual status no. {number} of {project} for {period}, as of {date}.",
    },
    "case_previous_decision": {
        "da": "Ved sidste status besluttede udvalget den {date}: »{decision}«",
        "nb": "Ved forrige status vedtok {committee} {date}: «{decision}»",
        "en": "At the last status, on {date}, the committee decided: “{decision}”",
    },
    "case_see_attachment": {
        "da": "Den fulde status med tal og tabeller er vedlagt som bilag 1.",
        "nb": "Den fullstendige statusen med tall og tabeller ligger ved som vedlegg 1.",
        "en": "The full status, with its figures and tables, is attached as attachment 1.",
    },
    "case_assessment_default": {
        "da": "Succeskriterierne står således ved denne status:",
        "nb": "Suksesskriteriene står slik ved denne statusen:",
        "en": "The success criteria stand as follows at this status:",
    },
    # Next steps when the evaluator has not written them (text/status/<period>/next.md).
    "case_next_milestones": {
        "da": "Planlagt i det kommende år:",
        "nb": "Planlagt det kommende året:",
        "en": "Planned for the year ahead:",
    },
    "case_next_recommendations": {
        "da": "Anbefalinger, der endnu ikke er gennemført:",
        "nb": "Anbefalinger som ennå ikke er gjennomført:",
        "en": "Recommendations not yet carried out:",
    },
    "case_next_status": {
        "da": "Næste årlige status forelægges udvalget i {month}.",
        "nb": "Neste årlige status legges fram for {committee} i {month}.",
        "en": "The next annual status goes to the committee in {month}.",
    },
    "case_nothing_next": {
        "da": "Der er ikke planlagt flere aktiviteter i projektet.",
        "nb": "Det er ikke planlagt flere aktiviteter i prosjektet.",
        "en": "No further activities are planned in the project.",
    },
    "case_attachment_status": {
        "da": "Bilag 1: Årlig status for {project}, {period} (PDF)",
        "nb": "Vedlegg 1: Årlig status for {project}, {period} (PDF)",
        "en": "Attachment 1: Annual status of {project}, {period} (PDF)",
    },
    "case_attachment_status_nth": {
        "da": "Bilag 1: Årlig status nr. {number} for {project}, {period} (PDF)",
        "nb": "Vedlegg 1: Årlig status nr. {number} for {project}, {period} (PDF)",
        "en": "Attachment 1: Annual status no. {number} of {project}, {period} (PDF)",
    },
    "case_decided_on": {"da": "{date}: {decision}", "nb": "{date}: {decision}", "en": "{date}: {decision}"},
    "case_not_decided": {
        "da": "Sagen er endnu ikke behandlet.",
        "nb": "Saken er ennå ikke behandlet.",
        "en": "The committee has not yet dealt with the case.",
    },
    "case_to_be_decided_on": {
        "da": "Sagen behandles på udvalgets møde {date}.",
        "nb": "Saken behandles i møtet {date}.",
        "en": "The committee deals with the case at its meeting on {date}.",
    },
    # The project's economy (budget.csv), in the case and the end report.
    "economy": {"da": "Økonomi", "nb": "Økonomi", "en": "Finances"},
    "economy_none": {
        "da": "Indstillingen har ingen økonomiske konsekvenser.",
        "nb": "Forslaget har ingen økonomiske konsekvenser.",
        "en": "The proposal has no financial implications.",
    },
    "economy_lead": {
        "da": "Projektets budget for {years} er på {budget}\u00a0kr.",
        "nb": "Prosjektets budsjett for {years} er på {budget}\u00a0kroner.",
        "en": "The project's budget for {years} is DKK {budget}.",
    },
    "economy_cofinanced": {
        "da": "Heraf er {amount}\u00a0kr. ({share}) medfinansieret af andre.",
        "nb": "Av dette er {amount}\u00a0kroner ({share}) medfinansiert av andre.",
        "en": "Of this, DKK {amount} ({share}) is co-financed by others.",
    },
    "economy_spent": {
        "da": "Der er brugt {amount}\u00a0kr. ({share} af budgettet) pr. {date}.",
        "nb": "Det er brukt {amount}\u00a0kroner ({share} av budsjettet) per {date}.",
        "en": "DKK {amount} ({share} of the budget) had been spent by {date}.",
    },
    "economy_year": {"da": "År", "nb": "År", "en": "Year"},
    "economy_post": {"da": "Post", "nb": "Post", "en": "Item"},
    "economy_source": {"da": "Finansiering", "nb": "Finansiering", "en": "Funded by"},
    "economy_budget": {"da": "Budget, kr.", "nb": "Budsjett (kr)", "en": "Budget, DKK"},
    "economy_spent_column": {"da": "Forbrug, kr.", "nb": "Forbruk (kr)", "en": "Spent, DKK"},
    "economy_cofinancing": {"da": "Medfinansiering, kr.", "nb": "Medfinansiering (kr)", "en": "Co-financing, DKK"},
    "economy_total": {"da": "I alt", "nb": "Totalt", "en": "Total"},
    "caption_budget": {
        "da": "Budget, forbrug og medfinansiering pr. år, {years}",
        "nb": "Budsjett, forbruk og medfinansiering per år, {years}",
        "en": "Budget, spending and co-financing by year, {years}",
    },
}
