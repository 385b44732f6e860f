"""Header labels per field, from every language's lexicon (regex fragments, case-insensitive)."""

from __future__ import annotations

from functools import cache

from .. import lexicon

# The fields whose labels introduce a value; `other` labels only end one (`Domain:`, `Reporting to:`).
FIELDS = ("reference", "sysper", "dg", "unit", "job_title", "contract", "secondment", "function_group",
          "deadline", "place", "posts")


@cache
def label_pattern(field_name: str) -> str:
    """The labels of one field in every language, as a regex alternation."""
    return lexicon.alternation("labels", field_name)


@cache
def all_labels() -> str:
    """Every label of every field and language, as a regex alternation (longest first)."""
    return lexicon.alternation("labels")
