"""Charts: each takes an analysis result and returns a titled, labelled Figure that shows itself in a notebook."""

from __future__ import annotations

import pytest

import newskit
from newskit import highlight, language, plots
from newskit.sources import SourceTable


def assert_chart(fig, title_part: str) -> None:
    from matplotlib.figure import Figure

    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert title_part.lower() in ax.get_title().lower()
    assert ax.get_xlabel() and ax.get_ylabel()
    png = fig._repr_png_()  # what Jupyter shows when the figure ends a cell
    assert png[:4] == b"\x89PNG"


def test_structure_map(seed):
    st = seed.structure()
    fig = plots.structure_map(st)
    assert_chart(fig, "structure map")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "¶1" and len(labels) == len(seed.paragraphs)
    # one role-coloured bar per paragraph; the lede's bar has the lede colour
    bars = ax.containers[0]
    assert len(bars) == len(seed.paragraphs)
    import matplotlib.colors as mc

    assert mc.to_hex(bars[0].get_facecolor()).upper() == highlight.role_colour("lede").upper()
    # the structure-map records (plain dicts) work too
    assert_chart(plots.structure_map(st.records()), "structure map")


def test_source_share_coloured_by_category(seed):
    import matplotlib.colors as mc

    table = seed.sources()
    fig = plots.source_share(table)
    assert_chart(fig, "quoted")
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[0] == "Josh Earnest"  # the most quoted source comes first
    bar = ax.containers[0][0]
    assert mc.to_hex(bar.get_facecolor()).upper() == highlight.category_colour("official or government").upper()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "official or government" in legend


def test_speaker_timeline(seed):
    fig = plots.speaker_timeline(seed.quotes(), len(seed.paragraphs))
    assert_chart(fig, "who is quoted where")
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert "Mahmud Nuri" in rows and "Josh Earnest" in rows
    assert ax.get_xlim()[1] >= len(seed.paragraphs)


def test_frequency_and_keyness_bars(seed):
    freq = seed.frequencies(top=10)
    fig = plots.frequency_bars(freq)
    assert_chart(fig, "frequent")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == freq.rows[0].word
    assert_chart(plots.keyness_bars(seed.keywords(top=10)), "key words")


def test_dispersion_plot(seed):
    d = [language.dispersion(seed, q) for q in ("Mosul", "army")]
    fig = plots.dispersion_plot(d)
    assert_chart(fig, "dispersion")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Mosul (10)", "army (3)"]
    assert_chart(plots.dispersion_plot(d[0]), "dispersion")


@pytest.mark.parametrize("which", ["both", "reporter", "quoted"])
def test_sentiment_arc(seed, which):
    fig = plots.sentiment_arc(seed.sentiment(), which=which)
    assert_chart(fig, "tone")
    assert len(fig.axes[0].get_lines()) == (3 if which == "both" else 2)  # series + the zero line


def test_empty_results_still_give_a_labelled_chart():
    art = newskit.from_text("Quiet day\n\nNothing happened in the town today.")
    assert_chart(plots.source_share(SourceTable()), "quoted")
    assert_chart(plots.speaker_timeline([], 1), "who is quoted where")
    assert_chart(plots.sentiment_arc(art.sentiment(), "quoted"), "tone")
    assert_chart(plots.dispersion_plot([]), "dispersion")


def test_figures_do_not_leak_into_pyplot(seed):
    from matplotlib._pylab_helpers import Gcf

    before = Gcf.get_num_fig_managers()
    plots.source_share(seed.sources())
    plots.structure_map(seed.structure())
    assert Gcf.get_num_fig_managers() == before


def test_palette_is_okabe_ito():
    assert set(highlight.PALETTE) <= set(highlight.OKABE_ITO.values())
    from newskit.core.palette import OKABE_ITO_DARK

    allowed = set(highlight.OKABE_ITO.values()) | set(OKABE_ITO_DARK.values()) | {highlight.GREY}
    assert set(highlight.CATEGORY_COLOURS.values()) <= allowed
    assert len(set(highlight.CATEGORY_COLOURS.values())) == len(highlight.CATEGORY_COLOURS)  # each category its own
    assert set(highlight.ROLE_COLOURS.values()) <= set(highlight.OKABE_ITO.values())


def test_figure_html_is_an_inline_image(seed):
    out = plots.figure_html(plots.source_share(seed.sources()))
    assert out.startswith("<img src='data:image/png;base64,")
    assert 'alt="Who gets quoted' in out


@pytest.mark.parametrize(("share", "shown"), [
    (0.0, "0%"), (1 / 270, "<1%"), (0.0049, "<1%"), (0.006, "1%"), (0.25, "25%"),
    (0.99, "99%"), (0.995, ">99%"), (0.999, ">99%"), (1.0, "100%"), (None, "–"),
])
def test_percent_never_rounds_a_real_share_to_zero_or_all(share, shown):
    assert plots.percent(share) == shown


def test_source_share_labels_a_tiny_share_as_below_one_percent(seed):
    fig = plots.source_share(seed.sources())
    notes = [t.get_text() for t in fig.axes[0].texts]
    # the militants' one word ("liberating") of all the quoted words is a real share, not "0%"
    assert any(n.startswith("<1% (1 quote)") for n in notes), notes
    assert not any(n.startswith("0%") for n in notes), notes


def test_tall_charts_are_capped_and_two_charts_share_a_scale(seed):
    fig = plots.frequency_bars(seed.frequencies(top=50))
    assert fig.get_figheight() <= plots.MAX_HEIGHT
    assert len(fig.axes[0].get_yticklabels()) == 50  # every bar is still drawn
    small = newskit.from_text("Head\n\nThe mayor said the town would rebuild. \"It will take years,\" said Ann Lee.")
    figs = [plots.source_share(seed.sources()), plots.source_share(small.sources())]
    plots.same_scale(figs)
    assert figs[0].axes[0].get_xlim() == figs[1].axes[0].get_xlim()
    arcs = [plots.sentiment_arc(seed.sentiment()), plots.sentiment_arc(small.sentiment())]
    plots.same_scale(arcs, y=True)
    assert arcs[0].axes[0].get_xlim() == arcs[1].axes[0].get_xlim()
    assert arcs[0].axes[0].get_ylim() == arcs[1].axes[0].get_ylim()


def test_no_colour_is_defined_outside_the_palette():
    """Views take every colour from newskit.core.palette: no hex colour in their code (docstring examples aside)."""
    import ast
    import re
    from pathlib import Path

    src = Path(plots.__file__).parent
    files = [src / "plots.py", src / "highlight.py", src / "core" / "markup.py", *sorted((src / "widgets").glob("*.py"))]
    hex_colour = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and id(n) not in docstrings and hex_colour.search(n.value)]
        assert found == [], f"{path.name}: {found}"
