"""The highlighting view and the explorers: the plain view functions, their wiring, errors and escaping (no browser)."""

from __future__ import annotations

import re
from html import escape as esc
from html import unescape

import pytest

import newskit
from newskit import highlight, plots, widgets
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


def test_print_of_a_highlighted_article_is_plain_text_with_marks_and_legend(seed, capsys):
    """`print(art.show())` is for reading: no HTML, each marked span «in brackets»[with its label], the legend."""
    print(seed.show())
    out = capsys.readouterr().out
    assert "<" not in out.replace("<BLANK", "") and "&lt;" not in out and "style=" not in out
    assert out.startswith("Quotes by speaker: marked «like this»[label]\nLabels: ")
    assert "Labels: " + ", ".join(label for label, _ in highlight.quote_layer(seed).legend) in out
    assert f"\n{seed.headline}\n" in out and "\n¶15 " in out
    assert "»[Mahmud Nuri]" in out and "«The army forces threw away" in out
    shown = seed.show("hedges")
    assert str(shown) == shown.text and shown.html.startswith("<div") and "html" not in repr(shown)


def test_plain_text_highlights_split_overlaps_like_the_html():
    art = newskit.from_text("Head\n\nabcdefghij")
    base = art.paragraphs[0].start
    spans = [Span(base + 0, base + 6, "outer", "#0072B2", "outer span"),
             Span(base + 2, base + 4, "inner", "#E69F00", "inner span"),
             Span(base + 5, base + 9, "overlap", "#009E73", "overlapping span"),
             Span(-5, 0, "off", "#000000"), Span(base + 1, base + 1, "empty", "#000000")]
    text = highlight.highlight_text(art, spans)
    assert text.splitlines()[-1] == ("¶1 «ab»[outer]«cd»[inner, outer]«e»[outer]«f»[overlap, outer]«ghi»[overlap]j")
    assert "Labels: outer, inner, overlap" in text and "off" not in text and "empty" not in text


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
    (({"name": "photo.JPG", "content": b"\xff\xd8"},), "JPG file is not plain text"),
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
        assert v.view.value.endswith(v.html) and f"nk-static-{v.uid}" in v.view.value
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


def test_loader_widget_loads_saves_and_reports_errors(tmp_path):
    saved = tmp_path / "my-article.txt"
    loader = widgets.article_loader(path=saved)
    got = []
    loader.on_change(got.append)
    assert loader.article is None and "No article of yours loaded yet" in loader.html and not saved.exists()
    loader.load_upload(({"name": "bad.pdf", "content": b"%PDF"},))
    assert loader.article is None and "nk-error" in loader.html and "PDF" in loader.html
    loader.text.value = "Head\n\nBody of the pasted article."
    loader.button.click()
    assert loader.article is not None and loader.article.headline == "Head" and loader.name == "pasted text"
    assert got == [None, loader.article] and "Loaded" in loader.html and widgets.NEXT_STEP in unescape(loader.html)
    assert saved.read_text(encoding="utf-8") == loader.article.text
    assert widgets.current_article() is loader.article
    # a failed load changes nothing: the last good article stays in use, and the box says the load failed
    good = loader.article
    loader.text.value = ""
    loader.button.click()
    assert loader.article is good and got[-1] is good and widgets.current_article("example") is good
    assert "nk-error" in loader.html and "The new load failed" in loader.html and "Still in use" in loader.html
    assert "my-article.txt" in loader.html and "Body of the pasted article" in loader.html
    assert saved.read_text(encoding="utf-8").startswith("Head")
    # running the loader cell again (after a restart too) loads the saved article
    again = widgets.article_loader(path=saved)
    assert again.article is not None and again.article.headline == "Head" and "Loaded" in again.html
    assert widgets.current_article() is again.article


def test_loader_accepts_a_saved_web_page_and_explains_a_bad_link(tmp_path):
    page = (b"<html><head><title>Floods hit town | News</title></head><body><article><h1>Floods hit town</h1>"
            + b"".join(b"<p>The river rose again on day %d and %d families left their homes, officials said on Monday "
                       b"after the meeting.</p>" % (i, i * 7) for i in range(1, 9)) + b"</article></body></html>")
    loader = widgets.article_loader(path=tmp_path / "mine.txt")
    art = loader.load_upload(({"name": "page.html", "content": page},))
    assert art is not None and art.headline == "Floods hit town" and "<p>" not in art.text
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == art.text
    loader.url.value = "not a link"
    loader.url_button.click()
    assert loader.article is art and "is not a link" in loader.html and "still use your previous article" in loader.html
    loader.url.value = ""
    loader.url_button.click()
    assert "the link box is empty" in loader.html


def test_loader_with_an_example_uses_it_until_the_students_article_loads(tmp_path, seed):
    loader = widgets.article_loader(seed, tmp_path / "mine.txt")
    assert loader.article is seed and loader.own is None
    assert "No article of yours loaded yet" in loader.html and "Iraq" in loader.html and "example" in loader.html
    loader.load_text("Own story\n\nMy own words, she said.")
    assert loader.article.headline == "Own story" and loader.own is loader.article and "Iraq" not in loader.html
    own = loader.article
    loader.load_upload(({"name": "x.pdf", "content": b"%PDF"},))
    assert loader.article is own and "Could not load" in loader.html and "the example article" not in loader.html
    assert widgets.current_article() is own and "Own story" in loader.html
    # a new loader (a restart) picks up the saved article, not the example; a failed load there keeps it too
    again = widgets.article_loader(seed, tmp_path / "mine.txt")
    assert again.article.headline == "Own story" and "kept in mine.txt" in again.html
    again.load_text("   ")
    assert again.article.headline == "Own story" and "The new load failed" in again.html
    # only "Forget my article" goes back to the example; a failed load after it says the example is in use
    again.forget.click()
    assert again.article is seed and not (tmp_path / "mine.txt").exists() and "Forgotten." in again.html
    again.load_upload(({"name": "x.pdf", "content": b"%PDF"},))
    assert again.article is seed and "the example article" in again.html and "Still in use" not in again.html


def test_a_failed_load_keeps_the_article_saved_a_moment_before(tmp_path, seed):
    """The reviewer's case: the student's good article is in my-article.txt (here written by a second loader)."""
    first = widgets.article_loader(seed, tmp_path / "my-article.txt")
    assert first.article is seed
    widgets.article_loader(seed, tmp_path / "my-article.txt").load_text("Mine\n\nMy good article, she said.")
    assert first.load_text("") is None
    assert first.article.headline == "Mine" and first.own is first.article
    assert "The new load failed" in first.html and "Mine" in first.html


def test_current_article_without_a_loader_reads_the_saved_file(tmp_path, monkeypatch):
    from newskit.widgets import loader as loader_module

    monkeypatch.setattr(loader_module, "_LATEST", [])
    assert widgets.current_article("example", path=tmp_path / "none.txt") == "example"
    (tmp_path / "a.txt").write_text("Saved\n\nThe saved body.", encoding="utf-8")
    assert widgets.current_article(None, path=tmp_path / "a.txt").headline == "Saved"


# --- the live widget and its static twin -----------------------------------------------------


def test_explorer_shows_a_static_twin_then_the_live_widget(seed):
    ex = widgets.source_explorer(seed)
    (twin, twin_id), (live, live_id) = ex.outputs()
    assert twin_id == ex.display_id and live_id is None
    # the twin: the current view, a caption, and the rule hiding an empty widget output after it
    assert f"nk-static-{ex.uid}" in twin["text/html"] and "nk-source-view" in twin["text/html"]
    assert "snapshot" in twin["text/html"] and ":not(:has(.jp-OutputArea-output *))" in twin["text/html"]
    assert "application/vnd.jupyter.widget-view+json" not in twin
    # the live widget: only the widget reference (the twin says the rest); its view hides the twin
    assert "application/vnd.jupyter.widget-view+json" in live and live["text/plain"] == ""
    assert "text/html" not in live
    assert ex.view.value.startswith(f"<style>.nk-static-{ex.uid}{{display:none")


def test_the_twin_follows_the_controls_once_displayed(seed, monkeypatch):
    from newskit.widgets import live

    sent = []
    monkeypatch.setattr(live, "_display", lambda bundle, display_id=None, update=False: sent.append(
        (bundle, display_id, update)))
    v = widgets.article_viewer(seed)
    v.control.value = "roles"
    assert sent == []  # not displayed yet: nothing to update
    v._ipython_display_()
    assert [(d, u) for _, d, u in sent] == [(v.display_id, False), (None, False)]
    v.control.value = "passives"
    bundle, display_id, update = sent[-1]
    assert update and display_id == v.display_id
    assert "Passives" in bundle["text/html"] and v.html in bundle["text/html"]


def test_every_explorer_is_a_displayable_object(seed, tmp_path):
    made = [widgets.article_viewer(seed), widgets.source_explorer(seed), widgets.structure_explorer(seed),
            widgets.concordance_explorer(seed, "army"), widgets.frequency_explorer(seed), widgets.tone_explorer(seed),
            widgets.compare(seed, seed), widgets.article_loader(path=tmp_path / "a.txt")]
    for ex in made:
        assert isinstance(ex, widgets.Explorer) and callable(ex._ipython_display_)
        assert ex.static_html().startswith(f"<div class='nk-static nk-static-{ex.uid}'>")
        assert ex._repr_html_() == ex.static_html()


# --- the structure explorer ------------------------------------------------------------------


def test_structure_view_role_reason_quote_share_and_furniture(seed):
    sub = widgets.structure_view(seed, 11)
    assert "subhead" in sub and "no finite verb" in sub and "(page furniture)" in sub
    quoted = widgets.structure_view(seed, 3)
    assert "quote-led" in quoted and "opens with a quote mark" in quoted and "61%" in quoted and "<mark" in quoted
    left_out = widgets.structure_view(seed, 1, include_furniture=False)
    counted = widgets.structure_view(seed, 1, include_furniture=True)
    assert "Page furniture left out" in left_out and "Page furniture counted as running text" in counted
    words = [re.search(r"words counted</span></td><td[^>]*>(\d+)<", x).group(1) for x in (left_out, counted)]
    assert int(words[0]) < int(words[1])
    for bad in (0, len(seed.paragraphs) + 1, "2"):
        with pytest.raises(newskit.QueryError, match="choose a paragraph"):
            widgets.structure_view(seed, bad)


def test_structure_explorer_dropdown_and_furniture_box(seed):
    ex = widgets.structure_explorer(seed)
    labels = [label for label, _ in ex.control.options]
    assert len(labels) == len(seed.paragraphs) and labels[0].startswith("¶1 lede: ")
    assert labels[10].startswith("¶11 subhead")
    ex.control.value = 11
    assert "no finite verb" in ex.html
    before = ex.html
    ex.furniture.value = True
    assert ex.html != before and "counted as running text" in ex.html and "nk-error" not in ex.html
    assert "¶11, page furniture counted" in ex.static_html()


# --- the classroom: projector-sized, readable, capped ----------------------------------------


PX_FONT = re.compile(r"font-size:\s*\d+(\.\d+)?px")


def test_no_pixel_font_sizes_in_any_view_or_widget(seed, hostile, tmp_path):
    views = [widgets.article_view_html(seed, key) for key in highlight.LAYERS]
    views += [widgets.source_view_html(seed, "Mahmud Nuri"), widgets.concordance_view(seed, "army"),
              widgets.frequency_view(seed, 10), widgets.tone_view(seed), widgets.structure_view(seed, 3),
              widgets.compare_view(seed, hostile), widgets.compare_view(seed, hostile, "sources"),
              widgets.article_summary_html(seed), highlight.error_html("x"), seed.show().html]
    loader = widgets.article_loader(seed, tmp_path / "a.txt")
    loader.load_text("")
    made = [widgets.article_viewer(seed), widgets.source_explorer(seed), widgets.structure_explorer(seed),
            widgets.concordance_explorer(seed), widgets.frequency_explorer(seed), widgets.tone_explorer(seed),
            widgets.compare(seed, hostile), loader]
    views += [ex.static_html() for ex in made] + [ex.view.value for ex in made]
    for out in views:
        assert not PX_FONT.search(out), PX_FONT.search(out).group(0)
        assert "max-width: 48em" not in out


def test_highlights_are_tinted_strongly_enough_for_a_projector(seed):
    from newskit.core.palette import HIGHLIGHT_ALPHA

    out = widgets.article_view_html(seed, "quotes")
    alphas = {float(a) for a in re.findall(r"<mark[^>]*background: rgba\(\d+, \d+, \d+, ([\d.]+)\)", out)}
    assert alphas and min(alphas) >= HIGHLIGHT_ALPHA >= 0.45


def test_short_table_cells_do_not_wrap(seed):
    out = widgets.source_view_html(seed, "Mahmud Nuri")
    assert "<span style='white-space:nowrap'>civilian or witness</span>" in out
    assert "text-align:left" in out


def test_keyness_mode_ignores_and_disables_the_common_words_box(seed):
    assert widgets.frequency_view(seed, 10, stopwords=True, keyness=True) == widgets.frequency_view(seed, 10, keyness=True)
    fx = widgets.frequency_explorer(seed, top=10)
    fx.keyness.value = True
    keyed = fx.html
    assert fx.stopwords.disabled
    fx.stopwords.value = True
    assert fx.html == keyed


def test_many_bars_scroll_in_a_capped_area(seed):
    few = widgets.frequency_view(seed, 10)
    many = widgets.frequency_view(seed, 50)
    assert "nk-scroll" not in few and "nk-scroll" in many and "max-height" in many
    fig = plots.frequency_bars(seed.frequencies(top=50))
    assert fig.get_figheight() <= plots.MAX_HEIGHT


def test_concordance_context_is_capped_and_the_keyword_centred(seed):
    out = widgets.concordance_view(seed, "army", 500)
    lefts = re.findall(r"text-align: right'>([^<]*)</td>", out)
    assert lefts and max(len(unescape(x)) for x in lefts) <= widgets.MAX_CONTEXT
    assert f"width: {widgets.MAX_CONTEXT}ch" in out
    ex = widgets.concordance_explorer(seed, "army", width=500)
    assert ex.width.max == widgets.MAX_CONTEXT and ex.width.value == widgets.MAX_CONTEXT


def test_tone_view_shows_the_words_that_pushed_each_score(seed):
    out = widgets.tone_view(seed)
    assert "words that pushed it" in out
    first = seed.sentiment().sentences
    driven = next(s for s in first if s.drivers)
    word, value = driven.drivers[0]
    assert f"{esc(word)} {value:+.1f}" in out
    quoted_only = widgets.tone_view(seed, "quoted")
    assert ">reporter<" not in quoted_only


def test_compare_draws_both_charts_full_width_on_the_same_scale(seed, hostile):
    out = widgets.compare_view(seed, hostile, "sources")
    assert out.count("<img") == 2 and "width:50%" not in out.replace(" ", "") and "same scale" in out
    figs = [plots.source_share(seed.sources()), plots.source_share(hostile.sources())]
    plots.same_scale(figs)
    assert figs[0].axes[0].get_xlim() == figs[1].axes[0].get_xlim()


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


def test_hostile_article_is_escaped_in_every_widget(hostile, seed, tmp_path):
    made = [widgets.article_viewer(hostile), widgets.source_explorer(hostile),
            widgets.concordance_explorer(hostile, "script"), widgets.frequency_explorer(hostile),
            widgets.tone_explorer(hostile), widgets.compare(hostile, seed)]
    loader = widgets.article_loader(path=tmp_path / "a.txt")
    loader.load_text(HOSTILE)
    made.append(loader)
    for w in made:
        assert_escaped(w.html)
        assert_escaped(w.static_html())


def test_source_view_says_plainly_when_no_outlet_is_named_and_never_rounds_to_zero(seed):
    nuri = widgets.source_view_html(seed, "Mahmud Nuri")
    assert widgets.NO_OUTLET not in nuri  # his words came through AFP
    earnest = widgets.source_view_html(seed, "Josh Earnest")
    assert widgets.NO_OUTLET in earnest and "none credited" not in earnest
    militants = widgets.source_view_html(seed, "militants")  # 1 quoted word of about 270
    assert "&lt;1%" in militants and ">0%<" not in militants


def test_concordance_explorer_with_a_query_has_hits_in_its_static_copy(seed):
    ex = widgets.concordance_explorer(seed, query="flee*")
    static = ex.static_html()
    assert "Type a word" not in static and "occurrences of" in static
    assert static.count("<tr>") >= 2
