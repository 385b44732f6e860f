"""Characters that are never content: control characters, terminal escape sequences, invisible format characters.

A notice's text loses them before anything reads it (`strip_invisible`), so that a reference split by a
zero-width joiner reads whole and no escape sequence reaches JSON, CSV, a terminal or `explain`. A file
name cannot lose characters (it names the file), so names are shown in a printable, one-line form
(`printable_name`).
"""

from __future__ import annotations

import re

# Terminal escape sequences, removed whole: CSI (`ESC [ 2 J`, or C1 CSI), OSC, DCS, SOS, PM and APC strings up to
# their terminator (BEL or ST) or the end of the line, and the two-character escapes (`ESC c`, `ESC 7`).
_ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab, line feed, vertical tab, form feed and carriage return (white space, left to the readers),
# DEL and C1 controls.
_CONTROL = r"[\x00-\x08\x0e-\x1f\x7f-\x9f]"
# Invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space,
# non-joiner and joiner, LRM and RLM, bidi embeddings, overrides and isolates, word joiner and invisible
# operators, and a byte-order mark inside the text.
_INVISIBLE = r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
_NOT_CONTENT = re.compile(f"{_ESCAPE_SEQUENCE}|{_CONTROL}|{_INVISIBLE}")
_FIRST = re.compile(f"{_CONTROL}|{_INVISIBLE}")  # what every match starts with (ESC and C1 CSI are controls)

# What a file name shows escaped: control characters (line breaks included) and invisible format characters
# (a bidi override would reorder the line it is printed in); bytes that are not UTF-8 come as surrogates
# (`os.fsdecode`) and show as `\xe9`.
_UNPRINTABLE_NAME = re.compile(f"{_CONTROL}|[\t-\r]|{_INVISIBLE}|[\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def strip_invisible(text: str) -> str:
    """`text` without control characters (but white space), escape sequences and invisible format characters."""
    return _NOT_CONTENT.sub("", text) if _FIRST.search(text) else text  # a search is much faster than `sub`


def printable_name(name: str) -> str:
    """A file name as one printable line of valid UTF-8: `caf\\xe9.txt` for a byte that is not UTF-8, `a\\nb.txt`
    for a line feed, `\\u202e` for a bidi override. Any other name is returned as it is."""
    return _UNPRINTABLE_NAME.sub(_escaped, name)


def _escaped(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
