"""Tick-box lists: which options are ticked."""

from __future__ import annotations

import re

from ..read.clean import EMPTY_BOX, TICKED_BOX

_OPTION = re.compile(r"([☐☒])\s*([^☐☒]*)")


def ticked_options(text: str) -> list[str] | None:
    """The words after each ticked box; None when the text has no tick boxes."""
    if TICKED_BOX not in text and EMPTY_BOX not in text:
        return None
    return [words.strip(" ,;:/") for box, words in _OPTION.findall(text) if box == TICKED_BOX]
