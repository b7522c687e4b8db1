"""Message catalogues, one per part of a report, in Danish, Norwegian bokmål and English."""

from pipeline.present.catalogue import (
    case,
    common,
    criteria,
    exports,
    followup,
    milestones,
    narrative,
    portfolio,
    status,
    survey,
)

MESSAGES: dict[str, dict[str, str]] = {
    **common.MESSAGES,
    **criteria.MESSAGES,
    **survey.MESSAGES,
    **milestones.MESSAGES,
    **status.MESSAGES,
    **portfolio.MESSAGES,
    **followup.MESSAGES,
    **exports.MESSAGES,
    **case.MESSAGES,
    **narrative.MESSAGES,
}
