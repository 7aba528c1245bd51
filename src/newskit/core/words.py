"""Word rules: the one place that says what a word, a clitic, a quote mark and a title are.

Every analysis and view uses these definitions, so a word count, a quote test or a
title check is the same everywhere.

>>> is_word("Iraq's"), is_word("--"), is_clitic("n't"), is_title("Mr.")
(True, False, True, True)
"""

from __future__ import annotations

import re

__all__ = ["CLITIC_TOKENS", "QUOTE_CHARS", "OPEN_QUOTES", "PERSON_TITLES", "ABBREVIATED_TITLES", "TITLE_MODIFIERS",
           "is_word", "is_clitic", "is_title", "fold", "is_quote_mark"]

_ALNUM = re.compile(r"[^\W_]")  # a letter or digit: the characters str.isalnum() accepts

#: Clitics the word tokenizer splits off ("Iraq's" -> "Iraq" + "'s", "don't" -> "do" + "n't"), in
#: lower case with straight apostrophes. A reader counts "Iraq's" as one word, so these never count as words.
CLITIC_TOKENS: frozenset[str] = frozenset({"'s", "'t", "n't", "'re", "'ve", "'ll", "'d", "'m", "s"})

#: The clitic endings the tokenizer leaves after a curly apostrophe (``Iraq’s`` -> ``Iraq`` ``’`` ``s``);
#: the text model joins them back as one token ``’s``.
CURLY_CLITIC_ENDINGS: frozenset[str] = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})

#: Every character newskit reads as a quote mark: straight, curly, low-9, guillemets (double and single),
#: and the backtick.
QUOTE_CHARS: str = "\"'`\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"

#: Quote marks that can open a quotation.
OPEN_QUOTES: str = "\"\u201c\u201e\u00ab\u2018\u2039\u201a"

#: Single-word titles that may stand before a person's name (lower case, without a final full stop):
#: courtesy titles, offices, ranks and roles. A title is never part of the name itself.
PERSON_TITLES: frozenset[str] = frozenset("""mr mrs ms miss dr prof professor sir lord lady dame rev reverend
president president-elect prime minister pm secretary senator sen rep representative gov governor gen general col
colonel capt captain lt sgt chancellor chief mayor judge justice king queen prince princess sheikh ayatollah pope
bishop archbishop ambassador director commissioner inspector detective officer deputy speaker chairman chairwoman
chair leader spokesman spokeswoman spokesperson vice vice-president under-secretary attorney former admiral commander
lieutenant sergeant congressman congresswoman imam cleric""".split())

#: Abbreviated ranks and honorifics written with a full stop before a name ("Cpl. Jennifer Clarke",
#: "Insp.", "Fr."): titles for the speaker rules, kept apart from :data:`PERSON_TITLES` because most are not
#: words on their own.
ABBREVIATED_TITLES: frozenset[str] = frozenset(
    "cpl const det insp supt cmdr pvt spc fr msgr atty hon ald coun amb brig mme".split())

#: Words of :data:`PERSON_TITLES` that qualify a title but are none on their own: "former Russian" or
#: "Vice Premier Liu" has no title before a name, while "former President X" has one ("President").
TITLE_MODIFIERS: frozenset[str] = frozenset({"former", "vice", "deputy", "prime"})


def fold(text: str) -> str:
    """Lower case with straight apostrophes: how newskit compares words.

    >>> fold("Iraq’s")
    "iraq's"
    """
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def is_word(token: str) -> bool:
    """True when *token* has a letter or digit in it (``any(c.isalnum() for c in token)``, faster).

    >>> is_word("2014"), is_word("”")
    (True, False)
    """
    return token.isalnum() or _ALNUM.search(token) is not None


def is_clitic(token: str) -> bool:
    """True for a split-off clitic (``'s``, ``n't`` ...), which a reader does not count as a word.

    >>> is_clitic("’s"), is_clitic("is")
    (True, False)
    """
    return fold(token) in CLITIC_TOKENS


def is_quote_mark(token: str) -> bool:
    """True when *token* is made only of quote marks.

    >>> is_quote_mark("“"), is_quote_mark("''"), is_quote_mark("a")
    (True, True, False)
    """
    return bool(token) and all(c in QUOTE_CHARS for c in token)


def is_title(token: str) -> bool:
    """True when *token* is a title that may stand before a name (``Mr.``, ``President``, ``Gen``).

    >>> is_title("Gen."), is_title("Smith")
    (True, False)
    """
    return fold(token).rstrip(".") in PERSON_TITLES
