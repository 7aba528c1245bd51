"""The one palette: colours of paragraph roles, source categories, speakers and highlight layers.

Tables, plots, the article viewer, widgets and the report all take their colours from here, so
the lede is the same colour in every view. Colours are the Okabe–Ito colour-blind-safe set.

>>> role_colour("lede") == ROLE_COLOURS["lede"]
True
"""

from __future__ import annotations

import re

__all__ = ["OKABE_ITO", "OKABE_ITO_DARK", "PALETTE", "GREY", "CATEGORY_COLOURS", "ROLE_COLOURS", "LOADED_COLOURS",
           "HEDGE_COLOURS", "HIGHLIGHT_ALPHA", "colour_for", "category_colour", "role_colour", "tint", "safe_colour"]

#: The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), by name.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

#: Darker shades of four Okabe–Ito hues, for categories once the seven base colours are used.
OKABE_ITO_DARK: dict[str, str] = {
    "blue": "#00507D",
    "yellow": "#A38D00",
    "orange": "#A36F00",
    "reddish purple": "#8F4F75",
}

#: The colours used for categorical data, in order (black left out: it hides text).
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

#: Grey for "other", "unknown" and "no speaker".
GREY = "#999999"

#: Colour of each source category of :data:`newskit.sources.CATEGORY_RULES` (and "unknown").
CATEGORY_COLOURS: dict[str, str] = {
    "official or government": "#0072B2",
    "politician": "#56B4E9",
    "expert": "#009E73",
    "civilian or witness": "#E69F00",
    "militant or armed group": "#D55E00",
    "media": "#CC79A7",
    "organisation": "#F0E442",
    # the seven Okabe–Ito colours are taken: the newer categories take a darker shade of a related one's hue
    "police or military": OKABE_ITO_DARK["blue"],             # officials carry arms
    "business": OKABE_ITO_DARK["yellow"],                     # a company is a body
    "advocacy or NGO": OKABE_ITO_DARK["orange"],              # citizens organised
    "sports": OKABE_ITO_DARK["reddish purple"],
    "unknown": GREY,
}

#: Colour of each paragraph role of :data:`newskit.structure.ROLES`; unknown roles get a stable palette colour.
ROLE_COLOURS: dict[str, str] = {
    "lede": "#D55E00",
    "body": "#56B4E9",
    "quote-led": "#0072B2",
    "caption": "#E69F00",
    "subhead": "#009E73",
    "pull-quote": "#CC79A7",
    "related": "#F0E442",
}

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def colour_for(i: int) -> str:
    """The *i*-th categorical colour (cycling through :data:`PALETTE`).

    >>> colour_for(0), colour_for(7)
    ('#0072B2', '#0072B2')
    """
    return PALETTE[i % len(PALETTE)]


def category_colour(category: str) -> str:
    """Colour of a source category (grey for an unknown one).

    >>> category_colour("expert")
    '#009E73'
    """
    return CATEGORY_COLOURS.get(category, GREY)


def role_colour(role: str, _others: dict[str, str] | None = None) -> str:
    """Colour of a paragraph role (from :data:`ROLE_COLOURS`; unknown roles get a stable palette colour).

    >>> role_colour("lede")
    '#D55E00'
    """
    key = role.lower().strip()
    if key in ROLE_COLOURS:
        return ROLE_COLOURS[key]
    return PALETTE[sum(map(ord, key)) % len(PALETTE)]


def safe_colour(colour: str) -> str:
    """*colour* when it is a hex colour, else grey: what may go into a style attribute.

    >>> safe_colour("#fff"), safe_colour("red;x")
    ('#fff', '#999999')
    """
    return colour if isinstance(colour, str) and _HEX.fullmatch(colour) else GREY


def tint(colour: str, alpha: float = 0.3) -> str:
    """A translucent CSS ``rgba()`` of a hex colour, readable under black text and in a dark theme.

    >>> tint("#0072B2", 0.5)
    'rgba(0, 114, 178, 0.5)'
    """
    c = safe_colour(colour).lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    return f"rgba({r}, {g}, {b}, {alpha:g})"


#: Colours of the loaded-words layer, by kind of word.
LOADED_COLOURS: dict[str, str] = {"negative": "#D55E00", "positive": "#0072B2", "emotive": "#CC79A7",
                                  "intensifier": "#E69F00"}

#: Colours of the hedges layer, by kind.
HEDGE_COLOURS: dict[str, str] = {"hedge": "#56B4E9", "booster": "#E69F00", "modal": "#CC79A7"}

#: How strongly highlights are tinted behind text: strong enough to read on a projector.
HIGHLIGHT_ALPHA = 0.45
