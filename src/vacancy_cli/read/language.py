"""Is a document's text language at all? A text layer from a broken font map is not: its characters stand for other
letters (a shifted or scrambled alphabet), for glyph numbers or for private-use codes, and no extractor should read it.

The test is cheap and knows no language in particular. Over the words of three letters or more (acronyms aside),
text in any EU language has
- words of the project's vocabulary (the lexicons' terms and the CLDR month names of the 24 languages): a fifth
  of its words or more in every notice measured, a tenth or less in scrambled text;
- words shaped like words, vowels among consonants (Latin, Greek and Cyrillic vowels): nearly all of them;
- letters of such words for half of its visible characters or more.
`docs/reliability.md` gives the figures measured on real notices and on generated gibberish.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import lexicon, regex_cache
from ..document import Document
from ..errors import NoTextLayerError

MIN_WORDS = 30  # fewer words say too little: a short text is always read
MIN_CHARACTERS = 200  # fewer visible characters say too little about their kind
MIN_VOCABULARY_SHARE = 0.1  # real notices: 0.197 and more; scrambled letters: 0.037 and less
MIN_SHAPED_SHARE = 0.85  # real notices: 0.93 and more
MIN_LETTER_SHARE = 0.25  # real notices: 0.48 and more; glyph numbers shown as punctuation: 0.09 and less

# A run of letters that may be a word: three letters or more (a shorter run is no word, and is not counted)
_TOKEN = regex_cache.compile(r"[^\W\d_]{3,}")
_VOWELS = frozenset("aeiouyαεηιουωаеиоуъюяыэєіїѝ")
_ACRONYM = 5  # an upper-case token this long or shorter is an acronym (`DG`, `EPSO`), shaped like no word


@dataclass(frozen=True)
class Signals:
    """What tells language from gibberish (shares of 0 to 1)."""

    characters: int  # visible characters
    letters: float  # share of them that are letters of words
    words: int  # words of three letters or more, acronyms aside
    in_vocabulary: float  # share of the words that the vocabulary knows
    shaped: float  # share of the words shaped like words

    def is_language(self) -> bool:
        """False when the text is long enough to tell and is not made of words of any EU language."""
        if self.characters >= MIN_CHARACTERS and self.letters < MIN_LETTER_SHARE:
            return False
        return self.words < MIN_WORDS or (self.in_vocabulary >= MIN_VOCABULARY_SHARE and self.shaped >= MIN_SHAPED_SHARE)


def require_language(doc: Document, name: str) -> None:
    """Raise NoTextLayerError when a PDF's text layer is not language (text, HTML and Word files are text as
    written: they are read whatever they hold)."""
    if doc.format == "pdf" and not signals(doc.text).is_language():
        raise NoTextLayerError("text layer is not language (a font without a Unicode map?): run OCR, e.g. `ocrmypdf --force-ocr`", name)


def signals(text: str) -> Signals:
    """The signals of a text (composed first: a letter and its accent are one letter).

    Each distinct token is judged once and counted as often as it occurs (a notice repeats its words).
    """
    text = unicodedata.normalize("NFC", text)
    visible = sum(map(len, text.split()))  # `str.split` and the `\S` of `re` share one notion of white space
    words = letters = in_vocabulary = shaped = 0
    for token, times in Counter(_TOKEN.findall(text)).items():
        judged = _judged(token)
        if judged is not None:
            length, known, word_shaped = judged
            words += times
            letters += times * length
            in_vocabulary += times * known
            shaped += times * word_shaped
    count = max(words, 1)
    return Signals(
        characters=visible,
        letters=letters / max(visible, 1),
        words=words,
        in_vocabulary=in_vocabulary / count,
        shaped=shaped / count,
    )


@lru_cache(maxsize=1 << 16)  # notices share most of their words
def _judged(token: str) -> tuple[int, bool, bool] | None:
    """A token as a word: its length case-folded, whether the vocabulary knows it and whether it is shaped like
    a word; None for a token that counts as no word (an acronym)."""
    if len(token) <= _ACRONYM and token.isupper():
        return None
    word = token.casefold()
    return len(word), word in vocabulary(), _shaped(word)


def _shaped(word: str) -> bool:
    """Vowels among consonants: a fifth to four fifths of the letters (accents aside)."""
    vowels = sum(map(_VOWEL.__getitem__, word))
    return 0.2 * len(word) <= vowels <= 0.8 * len(word)


class _Vowels(dict[str, int]):
    """1 for a vowel, accent aside (`é`), 0 for any other character: each character's answer worked out once."""

    def __missing__(self, char: str) -> int:
        self[char] = int(unicodedata.normalize("NFD", char)[0] in _VOWELS)
        return self[char]


_VOWEL = _Vowels()


@cache
def vocabulary() -> frozenset[str]:
    """The words (three letters or more, case-folded) of every lexicon and the CLDR month names (kept between runs:
    `regex_cache.kept`)."""
    code = regex_cache.sources(__file__, lexicon.__file__, *lexicon.data_files())
    return regex_cache.kept("vocabulary", code, _lexicon_words) if code else _lexicon_words()


def _lexicon_words() -> frozenset[str]:
    text = "\n".join(_strings([lexicon.lexicons(), lexicon.cldr()["months"]])).casefold()
    return frozenset(_TOKEN.findall(text))


def _strings(value: Any) -> list[str]:
    """Every string of a JSON value, keys included (in no particular order)."""
    strings: list[str] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            strings.append(item)
        elif isinstance(item, dict):
            strings.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return strings
