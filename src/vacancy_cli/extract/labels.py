"""Header labels per field, from every language's lexicon (regex fragments, case-insensitive)."""

from __future__ import annotations

from functools import cache

from .. import lexicon


@cache
def label_pattern(field_name: str) -> str:
    """The labels of one field in every language, as a regex alternation."""
    return lexicon.alternation("labels", field_name)


def any_label(suffix: str) -> lexicon.Leading:
    """Any label of any field and language then `suffix`, matched at a position (one set of patterns per suffix)."""
    return lexicon.leading("labels", suffix)


def label_then(suffix: str) -> lexicon.Followed:
    """Is any label of any field and language at a position, then `suffix`? (All suffixes share one set of patterns.)"""
    return lexicon.followed("labels", suffix)
