"""The quotes of a made-up article and who newskit says spoke them, for the tests of newskit.sources."""

import newskit


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker's name or None) for each quote of the article whose body is *text*."""
    art = newskit.from_text(text, headline="Test")
    return [(x.text, x.speaker.name if x.speaker else None) for x in newskit.quotes(art)]


def last_speaker(text: str) -> str | None:
    """The speaker of the last quote of the article whose body is *text*."""
    return speakers(text)[-1][1]
