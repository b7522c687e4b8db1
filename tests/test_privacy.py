"""Suppression of small groups (redaction of personal identifiers is tested in test_redaction.py)."""

import pandas as pd

from pipeline.analysis.privacy import suppress_small_groups


def test_a_lone_small_group_takes_the_next_smallest_with_it():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 8}), 5)
    assert hidden.to_dict() == {"a": False, "b": True, "c": True}


def test_two_small_groups_protect_each_other():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 4}), 5)
    assert hidden.to_dict() == {"a": False, "b": True, "c": True}


def test_without_a_total_only_small_groups_are_hidden():
    hidden = suppress_small_groups(pd.Series({"a": 12, "b": 3, "c": 8}), 5, total_shown=False)
    assert hidden.to_dict() == {"a": False, "b": True, "c": False}
