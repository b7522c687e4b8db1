"""`<report>.results.json`: the results the notebook computed and published (`Report.publish_results`), as the index
and next year's status read them; their shape is docs/results.schema.json."""

from __future__ import annotations

import json

from pipeline.present.document import Document


def to_json(document: Document) -> bytes | None:
    """None for a report whose notebook published no results: it has no results.json."""
    if document.results is None:
        return None
    return (json.dumps(document.results, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
