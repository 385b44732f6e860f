"""Contact e-mail addresses for applications or questions."""

from __future__ import annotations

import re

from .. import lexicon, regex_cache
from .base import Context, Found

_EMAIL = regex_cache.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# The mailbox's own name says what it is for: `data-protection@...`, `dpo@...`, `complaints@...`.
_NOT_CONTACT_BOX = regex_cache.compile(r"data-?protection|\bdpo\b|privacy|edps|ombudsman|complaint", re.I)
_SENTENCE_BREAK = regex_cache.compile(r"(?<=[.;])\s+")  # the spaces after a `.` or `;`


def extract_contacts(ctx: Context) -> list[Found[str]]:
    """Every e-mail address in order, lower case, once; data-protection and complaint mailboxes left out."""
    found: dict[str, Found[str]] = {}
    for line in ctx.doc.lines:
        if "@" not in line.text:
            continue
        for sentence in _SENTENCE_BREAK.split(line.text):
            # data protection and complaints (words in any language), read around the addresses, not in them
            if lexicon.pattern("contacts", "not_contact").search(_EMAIL.sub(" ", sentence)):
                continue
            for m in _EMAIL.finditer(sentence):
                email = m.group(0).rstrip(".").lower()
                if _NOT_CONTACT_BOX.search(email.split("@")[0]):
                    continue
                found.setdefault(email, Found(email, line, "high", m.group(0)))
    return list(found.values())
