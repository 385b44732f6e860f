"""Tick-box lists: which options are ticked."""

from __future__ import annotations

from .. import regex_cache
from ..read.clean import EMPTY_BOX, TICKED_BOX

_OPTION = regex_cache.compile(r"([☐☒])\s*([^☐☒]*)")
# A font-substituted tick left as a letter beside real boxes: `X Brussels ☐ Luxembourg`, `S ☐ Luxembourg`.
_LETTER_TICK = regex_cache.compile(r"(?:(?<=\s)|^)[SXx©](?=\s+(?:[☐☒]|[^\W\d_]))")
_BOXES_FIRST = regex_cache.compile(r"^\s*((?:[☐☒]\s*){2,})([^☐☒]+)$")
_BOX = regex_cache.compile(r"[☐☒]")


def ticked_options(text: str) -> list[str] | None:
    """The words of each ticked box; None when the text has no tick boxes.

    Handles `☐ A ☒ B`, boxes printed before all their words (`☐ ☒ ☐ A B C`, one word each),
    a tick printed after its word (`☐ With allowances Cost-free ☒`) and a tick left as a letter
    beside real boxes (`X A ☐ B`).
    """
    if TICKED_BOX not in text and EMPTY_BOX not in text:
        return None
    text = _LETTER_TICK.sub(TICKED_BOX, text)
    start = min(i for i in (text.find(TICKED_BOX), text.find(EMPTY_BOX)) if i >= 0)
    text = text[start:]
    first = _BOXES_FIRST.match(text)
    if first:
        boxes = _BOX.findall(first.group(1))
        words = first.group(2).split()
        if len(words) == len(boxes):
            return [word.strip(" ,;:/") for box, word in zip(boxes, words, strict=True) if box == TICKED_BOX]
    ticked = []
    previous_words = ""
    for box, words in _OPTION.findall(text):
        words = words.strip(" ,;:/")
        if box == TICKED_BOX:
            ticked.append(words or (previous_words.split()[-1] if previous_words.split() else ""))
        previous_words = words
    return ticked
