"""The highlighting view and the explorers: the plain view functions, their wiring, errors and escaping (no browser)."""

from __future__ import annotations

import re
from html import unescape

import pytest

import newskit
from newskit import highlight, widgets
from newskit.highlight import Span, highlight_html

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

HOSTILE = f"""Storm {XSS_SCRIPT} hits {XSS_IMG} coast

The storm hit the coast on Monday, officials said. Residents fled {XSS_SCRIPT} their homes.

"We lost everything {XSS_IMG} in one night," said Maria Lopez, a resident of the town.

"The {XSS_SCRIPT} damage is terrible," she told Reuters. The roads were closed by the police.

The mayor said the town would clearly rebuild. "It will take years," he said.
"""


@pytest.fixture(scope="module")
def hostile() -> newskit.Article:
    return newskit.from_text(HOSTILE, name=f"evil {XSS_IMG}.txt")


def assert_escaped(html: str) -> None:
    """No live markup from the article: the hostile strings appear only escaped."""
    assert "<script" not in html.lower()
    assert "<img src=x" not in html.lower()
    assert "onerror=alert(1)>" not in html


def marks(html: str) -> list[tuple[str, str]]:
    """(data-label, text) of each highlighted segment, unescaped."""
    return [(unescape(a), unescape(b)) for a, b in re.findall(r'<mark data-label="([^"]*)"[^>]*>([^<]*)</mark>', html)]


# --- highlight_html --------------------------------------------------------------------------


def test_highlight_escapes_text_labels_and_titles():
    art = newskit.from_text(f'Head {XSS_IMG}\n\nSay "{XSS_SCRIPT}" now.')
    s = art.text.index(XSS_SCRIPT)
    out = highlight_html(art, [(s, s + len(XSS_SCRIPT), XSS_IMG, "#E69F00", 'x" onmouseover="alert(1)')])
    assert_escaped(out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'onmouseover="alert' not in out and "x&quot; onmouseover=&quot;alert(1)" in out
    assert out.count("<mark") == 1


def test_highlight_rejects_a_style_injection_through_the_colour():
    art = newskit.from_text("Head\n\nSome words here.")
    out = highlight_html(art, [(0, 4, "a", "red; background:url(javascript:alert(1))", "t")])
    assert "javascript" not in out
    assert highlight.GREY in out


def test_highlight_headline_paragraph_numbers_and_legend(seed):
    out = highlight_html(seed, highlight.quote_layer(seed))
    assert "<h3" in out and "Iraq&#x27;s Army Abandoned Mosul" in out
    for p in seed.paragraphs:
        assert f"¶{p.number}</span>" in out
    assert "nk-legend" in out and "Mahmud Nuri" in out
    # the quote of Mahmud Nuri is one mark, whose hover text says who and how
    nuri = [m for m in marks(out) if m[0] == "Mahmud Nuri"]
    assert len(nuri) == 1 and nuri[0][1].startswith("The army forces threw away their weapons")
    assert "told" in out and "via AFP" in out


def test_overlapping_and_nested_spans_are_split_into_flat_segments():
    art = newskit.from_text("Head\n\nabcdefghij")
    base = art.paragraphs[0].start
    spans = [Span(base + 0, base + 6, "outer", "#0072B2", "outer span"),
             Span(base + 2, base + 4, "inner", "#E69F00", "inner span"),
             Span(base + 5, base + 9, "overlap", "#009E73", "overlapping span")]
    out = highlight_html(art, spans)
    segs = marks(out)
    assert "".join(t for _, t in segs) + "j" == "abcdefghij"
    assert segs == [("outer", "ab"), ("inner", "cd"), ("outer", "e"), ("overlap", "f"), ("overlap", "ghi")]
    # the nested segment's hover names both spans, outer first
    assert 'title="outer span | inner span"' in out
    assert "<mark" not in out.split("ghi</mark>")[1]  # "j" is plain text


def test_spans_outside_the_text_or_empty_are_ignored(seed):
    out = highlight_html(seed, [(-5, 0, "x", "#000000", "t"), (10, 10, "y", "#000000", "t"),
                                (len(seed.text) - 3, len(seed.text) + 100, "z", "#0072B2", "end")])
    assert [m[0] for m in marks(out)] == ["z"]


def test_a_span_across_paragraphs_is_marked_in_each(seed):
    p0, p1 = seed.paragraphs[0], seed.paragraphs[1]
    out = highlight_html(seed, [(p0.end - 5, p1.start + 5, "x", "#0072B2", "t")])
    assert [t for _, t in marks(out)] == [seed.text[p0.end - 5:p0.end], seed.text[p1.start:p1.start + 5]]


@pytest.mark.parametrize("name", list(highlight.LAYERS))
def test_every_layer_builds_on_the_seed(seed, name):
    lay = highlight.layer(seed, name)
    assert lay.spans, name
    assert lay.legend
    for s in lay.spans:
        assert 0 <= s.start < s.end <= len(seed.text)
        assert s.title
    assert lay.to_dict()["name"] == lay.name


def test_quote_layer_colours_by_speaker_and_can_focus_on_one(seed):
    lay = highlight.quote_layer(seed)
    colours = {s.label: s.colour for s in lay.spans}
    assert len(set(colours.values())) == len(colours)  # one colour per speaker
    focus = highlight.quote_layer(seed, speaker="Josh Earnest")
    labels = {s.label for s in focus.spans}
    assert labels == {"Josh Earnest", "other speakers"}
    earnest = [q for q in seed.quotes() if q.speaker and q.speaker.name == "Josh Earnest"]
    assert len(earnest) == 4
    assert sum(1 for s in focus.spans if s.label == "Josh Earnest") == sum(len(q.pieces) for q in earnest)


def test_role_layer_matches_the_structure(seed):
    lay = highlight.role_layer(seed)
    assert [s.label for s in lay.spans] == [r.role for r in seed.structure().roles]
    assert lay.spans[0].label == "lede"


def test_unknown_layer_is_a_query_error(seed):
    with pytest.raises(newskit.QueryError, match="unknown highlight layer"):
        highlight.layer(seed, "nope")


# --- the plain view functions ----------------------------------------------------------------


def test_source_view_shows_figures_channel_and_only_that_sources_quotes(seed):
    out = widgets.source_view_html(seed, "Mahmud Nuri")
    assert "a resident fleeing Mosul" in out and "AFP" in out and "civilian or witness" in out
    coloured = {label for label, _ in marks(out)}
    assert coloured == {"Mahmud Nuri", "other speakers"}
    other = widgets.source_view_html(seed, "Josh Earnest")
    assert "White House spokesman" in other
    assert [t for lab, t in marks(other) if lab == "Josh Earnest"] != [t for lab, t in marks(out) if lab == "Mahmud Nuri"]


def test_source_view_unknown_name_is_a_readable_query_error(seed):
    with pytest.raises(newskit.QueryError, match="not one of the quoted sources"):
        widgets.source_view_html(seed, "Nobody")


def test_concordance_view_kwic_and_strip(seed):
    out = widgets.concordance_view(seed, "prime minister", 30)
    assert "<b>4</b> occurrences" in out
    assert out.count("<tr>") == 4
    assert out.count("stroke='#D55E00'") == 4  # one tick per hit in the dispersion strip
    assert "<svg" in out
    none = widgets.concordance_view(seed, "zebra")
    assert "No occurrences" in none


@pytest.mark.parametrize("query", ["", "   ", None])
def test_concordance_view_empty_query_raises_query_error(seed, query):
    with pytest.raises(newskit.QueryError):
        widgets.concordance_view(seed, query, 40)


def test_frequency_and_tone_views(seed):
    assert widgets.frequency_view(seed, 10).count("<img") == 1
    assert widgets.frequency_view(seed, 10, stopwords=True, keyness=False).count("<img") == 1
    assert widgets.frequency_view(seed, 10, keyness=True).count("<img") == 1
    with pytest.raises(newskit.QueryError):
        widgets.frequency_view(seed, 0)
    for which in ("both", "reporter", "quoted"):
        assert widgets.tone_view(seed, which).count("<img") == 1
    with pytest.raises(newskit.QueryError):
        widgets.tone_view(seed, "everyone")


@pytest.mark.parametrize("measure", list(widgets.COMPARE_MEASURES))
def test_compare_view_every_measure(seed, hostile, measure):
    out = widgets.compare_view(seed, hostile, measure)
    assert "nk-error" not in out
    assert_escaped(out)
    if measure == "overview":
        assert "most quoted source" in out and "Josh Earnest" in out and "Maria Lopez" in out
    else:
        assert out.count("<img") == 2


def test_compare_view_unknown_measure(seed):
    with pytest.raises(newskit.QueryError):
        widgets.compare_view(seed, seed, "height")


def test_safe_view_turns_errors_into_readable_messages():
    def boom() -> str:
        raise newskit.QueryError("empty <query>")

    def bug() -> str:
        raise KeyError("x")

    out = widgets.safe_view(boom)
    assert "nk-error" in out and "empty &lt;query&gt;" in out
    assert "KeyError" in widgets.safe_view(bug)


# --- loading ---------------------------------------------------------------------------------


def test_article_from_upload_and_paste():
    art = widgets.article_from_upload(({"name": "a.txt", "content": memoryview(b"Title\n\nBody text.")},))
    assert art.headline == "Title" and art.name == "a.txt"
    assert widgets.article_from_paste("Head\n\nBody one.\n\nBody two.").paragraphs[1].text == "Body two."


@pytest.mark.parametrize(("value", "message"), [
    ((), "no file uploaded"),
    (({"name": "a.txt", "content": b"x"}, {"name": "b.txt", "content": b"y"}), "one article at a time"),
    (({"name": "paper.pdf", "content": b"%PDF-1.4"},), "PDF file is not plain text"),
    (({"name": "page.html", "content": b"<html>"},), "web page"),
    (({"name": "a.txt", "content": b"abc\x00def"},), "not a text file"),
    (({"name": "a.txt", "content": b"   \n"},), "empty"),
])
def test_article_from_upload_errors_are_readable(value, message):
    with pytest.raises(newskit.NewskitError, match=message):
        widgets.article_from_upload(value)


def test_article_from_paste_empty():
    with pytest.raises(newskit.NewskitError, match="empty"):
        widgets.article_from_paste("  \n ")


# --- the widgets (wiring only; no browser) ---------------------------------------------------


def test_article_viewer_switches_layers(seed):
    v = widgets.article_viewer(seed)
    first = v.html
    assert "<mark" in first
    for key in highlight.LAYERS:
        v.control.value = key
        assert "nk-error" not in v.html, key
        assert v.view.value == v.html
    assert v.html != first


def test_source_explorer_dropdown_changes_highlights(seed):
    ex = widgets.source_explorer(seed)
    assert list(ex.control.options) == widgets.source_names(seed)
    ex.control.value = "Mahmud Nuri"
    nuri = {lab for lab, _ in marks(ex.html)}
    ex.control.value = "Josh Earnest"
    earnest = {lab for lab, _ in marks(ex.html)}
    assert "Mahmud Nuri" in nuri and "Josh Earnest" in earnest and nuri != earnest


def test_source_explorer_without_sources_says_so():
    ex = widgets.source_explorer(newskit.from_text("Quiet\n\nNothing was said by anyone today."))
    assert ex.control.disabled
    assert "no quoted sources" in ex.html


def test_concordance_explorer_shows_errors_instead_of_dying(seed):
    ex = widgets.concordance_explorer(seed)
    assert "Type a word" in ex.html
    ex.query.value = "army"
    assert "<b>3</b> occurrences" in ex.html
    ex.width.value = 20
    assert "<b>3</b> occurrences" in ex.html
    ex.query.value = "*"
    assert "nk-error" in ex.html and "at least one letter" in ex.html
    ex.query.value = "Mosul"
    assert "nk-error" not in ex.html


def test_frequency_and_tone_explorers(seed):
    fx = widgets.frequency_explorer(seed, top=8)
    plain = fx.html
    fx.keyness.value = True
    assert fx.html != plain and fx.stopwords.disabled
    tx = widgets.tone_explorer(seed)
    tx.control.value = "quoted"
    assert "<img" in tx.html and "nk-error" not in tx.html


def test_compare_widget(seed, hostile):
    c = widgets.compare(seed, hostile)
    assert "most quoted source" in c.html
    c.control.value = "sources"
    assert c.html.count("<img") == 2


def test_loader_widget_loads_and_reports_errors():
    loader = widgets.article_loader()
    got = []
    loader.on_load(got.append)
    assert loader.article is None and "No article loaded yet" in loader.html
    loader.load_upload(({"name": "bad.pdf", "content": b"%PDF"},))
    assert loader.article is None and "nk-error" in loader.html and "PDF" in loader.html
    loader.text.value = "Head\n\nBody of the pasted article."
    loader.button.click()
    assert loader.article is not None and loader.article.headline == "Head"
    assert got == [loader.article] and "Loaded" in loader.html
    loader.text.value = ""
    loader.button.click()
    assert "nk-error" in loader.html and loader.article.headline == "Head"  # the last good article stays


def test_widgets_have_a_static_html_fallback(seed):
    ex = widgets.source_explorer(seed)
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "text/html" in bundle and "nk-source-view" in bundle["text/html"]
    assert "static copy" in ex._repr_html_()


# --- escaping in every view ------------------------------------------------------------------


def test_hostile_article_is_escaped_in_every_view(hostile):
    views = [widgets.article_view_html(hostile, key) for key in highlight.LAYERS]
    views += [widgets.source_view_html(hostile, n) for n in widgets.source_names(hostile)]
    views += [widgets.concordance_view(hostile, q) for q in ("script", "alert", "img", "onerror*", "storm")]
    views += [widgets.frequency_view(hostile, 10), widgets.frequency_view(hostile, 10, keyness=True),
              widgets.tone_view(hostile), widgets.article_summary_html(hostile)]
    views += [highlight_html(hostile, highlight.quote_layer(hostile))]
    for out in views:
        assert_escaped(out)
    joined = "".join(views)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined
    assert "evil &lt;img" in widgets.article_summary_html(hostile)


def test_hostile_article_is_escaped_in_every_widget(hostile, seed):
    made = [widgets.article_viewer(hostile), widgets.source_explorer(hostile),
            widgets.concordance_explorer(hostile, "script"), widgets.frequency_explorer(hostile),
            widgets.tone_explorer(hostile), widgets.compare(hostile, seed)]
    loader = widgets.article_loader()
    loader.load_text(HOSTILE)
    made.append(loader)
    for w in made:
        assert_escaped(w.html)
        assert_escaped(w._repr_mimebundle_()["text/html"])


def test_source_view_says_plainly_when_no_outlet_is_named_and_never_rounds_to_zero(seed):
    nuri = widgets.source_view_html(seed, "Mahmud Nuri")
    assert widgets.NO_OUTLET not in nuri  # his words came through AFP
    earnest = widgets.source_view_html(seed, "Josh Earnest")
    assert widgets.NO_OUTLET in earnest and "none credited" not in earnest
    militants = widgets.source_view_html(seed, "militants")  # 1 quoted word of about 270
    assert "&lt;1%" in militants and ">0%<" not in militants


def test_concordance_explorer_with_a_query_has_hits_in_its_static_copy(seed):
    ex = widgets.concordance_explorer(seed, query="flee*")
    static = ex._repr_mimebundle_()["text/html"]
    assert "Type a word" not in static and "occurrences of" in static
    assert static.count("<tr>") >= 2
