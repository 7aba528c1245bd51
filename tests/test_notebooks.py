"""The teaching notebooks: committed clean, well-formed, running top to bottom, and exported with every widget's static view.

The fast tests read the notebook files. The slow ones export a temporary copy of each notebook with
``jupyter nbconvert --to html --execute`` (a python3 kernel from this environment, nothing uploaded,
NLTK data from ``NLTK_DATA``), all notebooks at once, and read the HTML: every cell ran, and every
widget shows its static view where a browser without a kernel (nbviewer, an e-mailed export) shows it.
The repository's notebooks are never written.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import newskit
from newskit.exercises import EXERCISES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NAMES = ["00-start-here", "01-structure", "02-sources", "03-language", "04-your-article"]
NOTEBOOKS = [NOTEBOOK_DIR / f"{n}.ipynb" for n in NAMES]
CHECK_CALL = re.compile(r"""\bcheck\(\s*["']([0-9]{2}-[a-z0-9-]+)["']""")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _ids(nb: nbformat.NotebookNode) -> list[str]:
    return [m for c in nb.cells if c.cell_type == "code" for m in CHECK_CALL.findall(c.source)]


def test_all_notebooks_are_there():
    assert sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(p.name for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_committed_clean_with_kernelspec(path):
    nb = _read(path)
    nbformat.validate(nb)
    spec = nb.metadata.get("kernelspec", {})
    assert spec.get("name") == "python3"
    assert spec.get("display_name") == "Python 3 (ipykernel)"
    assert spec.get("language") == "python"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a code cell has outputs: {cell.source[:60]!r}"
            assert cell.execution_count is None, f"{path.name}: a code cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_exercises_questions_and_notes(path):
    nb = _read(path)
    ids = _ids(nb)
    assert len(ids) >= 2, f"{path.name}: needs at least 2 exercise checks"
    assert len(set(ids)) == len(ids), f"{path.name}: an exercise is checked twice"
    for exercise_id in ids:
        assert exercise_id in EXERCISES, f"{path.name}: unknown exercise {exercise_id!r}"
        assert exercise_id[:2] == path.name[:2], f"{path.name}: exercise {exercise_id!r} belongs to another notebook"
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert any("?" in m for m in markdown), f"{path.name}: no question for the reader"
    assert any("Discussion" in m for m in markdown), f"{path.name}: no discussion questions"
    notes = [c for c in nb.cells if "instructor-notes" in c.metadata.get("tags", [])]
    assert notes, f"{path.name}: no instructor notes"
    for c in notes:
        assert c.metadata.get("jupyter", {}).get("source_hidden") is True
    # exercise cells start unanswered, so Run All works
    for c in nb.cells:
        if c.cell_type == "code" and CHECK_CALL.search(c.source):
            assert re.search(r"^answer = \.\.\.$", c.source, re.M), c.source
    # small cells: logic belongs in the package
    for c in nb.cells:
        if c.cell_type == "code" and '"""' not in c.source:
            assert c.source.count("\n") < 8, f"{path.name}: a long code cell: {c.source[:60]!r}"


def test_notebooks_need_nothing_beside_them():
    """Handed out alone (the notebooks folder, or one notebook), they read no file of the repository."""
    for p in NOTEBOOKS:
        for c in _read(p).cells:
            if c.cell_type == "code":
                assert "../" not in c.source and "seeds/" not in c.source, f"{p.name}: {c.source[:80]!r}"


def test_the_structure_notebook_has_the_structure_explorer_after_a_question():
    nb = _read(NOTEBOOK_DIR / "01-structure.ipynb")
    before = _markdown_before(nb, "widgets.structure_explorer(article)")
    assert "❓" in before and "?" in before and "page furniture" in before
    assert "Before you tick the box" in before  # a guess first, then the widget
    from newskit import widgets

    explorer = widgets.structure_explorer(newskit.sample())
    assert f"**{explorer.furniture.description.split(' (')[0]}**" in before  # the box is named as it reads
    assert f"**{explorer.control.description.rstrip(':')}**" in before


def test_the_sources_notebook_has_the_source_explorer():
    nb = _read(NOTEBOOK_DIR / "02-sources.ipynb")
    assert any("widgets.source_explorer(article)" in c.source for c in nb.cells if c.cell_type == "code")


def test_every_notebook_exercise_is_used():
    used = {i for p in NOTEBOOKS for i in _ids(_read(p))}
    assert set(EXERCISES) <= used, sorted(set(EXERCISES) - used)


def _code_index(nb: nbformat.NotebookNode, needle: str) -> int:
    found = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and needle in c.source]
    assert found, f"no code cell with {needle!r}"
    return found[0]


def _markdown_before(nb: nbformat.NotebookNode, needle: str) -> str:
    """The markdown cell(s) right before the first code cell containing *needle*."""
    i = _code_index(nb, needle)
    text = []
    while i > 0 and nb.cells[i - 1].cell_type == "markdown":
        i -= 1
        text.append(nb.cells[i].source)
    return " ".join(" ".join(reversed(text)).split())  # one line: a term may wrap in the markdown


@pytest.mark.parametrize(("name", "exercise_id", "revealing"), [
    ("01-structure", "01-caption", "article.structure()"),
    ("01-structure", "01-subhead", "article.structure()"),
    ("01-structure", "01-caption", "article.paragraphs[6]"),
    ("01-structure", "01-subhead", "article.paragraphs[10]"),
    ("01-structure", "01-lede", "structure_explorer("),
    ("01-structure", "01-caption", "structure_explorer("),
    ("01-structure", "01-subhead", "structure_explorer("),
    ("02-sources", "02-speakers", "article.sources()"),
    ("02-sources", "02-top-speaker", "article.sources()"),
    ("02-sources", "02-outlets", "article.outlets()"),
    ("02-sources", "02-unattributed", "article.attributions()"),
    ("03-language", "03-flee", "concordance_explorer("),
    ("03-language", "03-accused-by", "article.passives()"),
])
def test_the_cell_that_shows_an_answer_comes_after_its_exercise(name, exercise_id, revealing):
    """Students answer first, then check with newskit: no table prints the answer right above the question."""
    nb = _read(NOTEBOOK_DIR / f"{name}.ipynb")
    assert _code_index(nb, f'check("{exercise_id}"') < _code_index(nb, revealing)


def test_no_markdown_gives_away_the_unattributed_claim():
    nb = _read(NOTEBOOK_DIR / "02-sources.ipynb")
    before = nb.cells[:_code_index(nb, 'check("02-unattributed"')]
    assert not any("has been accused" in c.source for c in before if c.cell_type == "markdown")


def test_loader_instructions_use_the_button_labels(tmp_path, monkeypatch):
    from newskit import widgets

    monkeypatch.chdir(tmp_path)  # the loader looks for a saved article in the current folder
    loader = widgets.article_loader()
    text = "\n".join(c.source for c in _read(NOTEBOOK_DIR / "04-your-article.ipynb").cells if c.cell_type == "markdown")
    assert f"**{loader.button.description}**" in text
    assert f"**{loader.upload.description}**" in text
    assert f"**{loader.url_button.description}**" in text
    assert "**Load**" not in text
    assert f"`{widgets.SAVED_NAME}`" in text  # where the article is kept, and how to go back to the example
    assert "Restart Kernel and Run All Cells" in text


def test_your_article_cells_follow_the_loaded_article_and_name_it():
    """The loader is made with the example, so ``loader.article`` is the student's article once loaded (saved
    beside the notebook, loaded again on a re-run) and the example only until then: no silent ``or example``."""
    nb = _read(NOTEBOOK_DIR / "04-your-article.ipynb")
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    joined = "\n".join(code)
    assert "widgets.article_loader(example)" in joined
    assert re.search(r"^mine = loader\.article$", joined, re.M)
    assert "or example" not in joined
    assert _code_index(nb, "example = newskit.from_text(") < _code_index(nb, "article_loader(") \
        < _code_index(nb, "mine = loader.article")
    # the article's name is shown at the top of each section's results
    for first in ("mine.structure()", "mine.sources()", "mine.frequencies()"):
        cell = nb.cells[_code_index(nb, first)].source
        assert "mine.name" in cell and "mine.headline" in cell, cell
    # every analysis after the loader is about `mine` (or compares it with the sample)
    for src in code[code.index(nb.cells[_code_index(nb, "mine = loader.article")].source) + 1:]:
        assert "example" not in src, src


def test_concordance_explorers_start_with_a_query():
    """A static copy (nbviewer, HTML export) shows the first search, not an empty 'Type a word above'."""
    calls = [c.source for p in NOTEBOOKS for c in _read(p).cells
             if c.cell_type == "code" and "concordance_explorer(" in c.source]
    assert calls
    for src in calls:
        assert re.search(r"concordance_explorer\(\s*\w+\s*,\s*(query\s*=\s*)?[\"'][^\"']+[\"']", src), src


@pytest.mark.parametrize(("name", "cell", "terms"), [
    ("03-language", "article.collocations()", ["PMI"]),
    ("03-language", "article.keywords()", ["here", "reference", "expected", "LL", "log ratio", "left out"]),
    ("03-language", "article.keywords(stopwords=True)", ["underused", "stopwords=True"]),
    ("03-language", "article.sentiment()", ["VADER compound", "+0.00", "–"]),
    ("04-your-article", "mine.keywords()", ["log ratio", "left out"]),
])
def test_table_jargon_is_explained_just_before_the_table(name, cell, terms):
    text = _markdown_before(_read(NOTEBOOK_DIR / f"{name}.ipynb"), cell)
    for term in terms:
        assert term in text, (cell, term)


def test_instructor_note_on_readability_says_what_newskit_does(seed):
    nb = _read(NOTEBOOK_DIR / "01-structure.ipynb")
    notes = "\n".join(c.source for c in nb.cells if "instructor-notes" in c.metadata.get("tags", []))
    assert "out of the readability" not in notes
    assert "Readability counts *every* paragraph" in notes
    # the fact behind the note: readability counts the caption's and subhead's sentences
    assert seed.readability().sentences == len(seed.sentences)



def _notes(nb: nbformat.NotebookNode) -> str:
    return " ".join("\n".join(c.source for c in nb.cells if "instructor-notes" in c.metadata.get("tags", [])).split())


def test_the_sources_notebook_describes_the_columns_it_shows(seed):
    """The text names the 'why' columns the tables show, and promises nothing they do not (the reviewer's finds)."""
    nb = _read(NOTEBOOK_DIR / "02-sources.ipynb")
    before_quotes = _markdown_before(nb, "article.quotes()")
    assert "start of the quote" not in before_quotes
    assert "**why this speaker**" in before_quotes and "do you agree" in before_quotes
    assert "why this speaker" in seed.quotes()._repr_html_()
    assert "**why this category**" in _markdown_before(nb, "article.sources()")
    assert "why this category" in seed.sources()._repr_html_()
    notes = _notes(nb)
    assert "is `unknown`" not in notes and "why this category" in notes


def test_the_language_notebook_says_what_the_cells_show(seed):
    nb = _read(NOTEBOOK_DIR / "03-language.ipynb")
    assert "headline included" in _markdown_before(nb, "article.frequencies()")
    assert "incl. headline" in str(seed.frequencies())  # what the table's first line says
    assert "**words that moved it**" in _markdown_before(nb, "article.sentiment()")
    assert "words that moved it" in seed.sentiment()._repr_html_()
    vader = [line for line in _notes(nb).split("* ") if "VADER" in line and "social media" in line]
    assert vader and "words that moved it" in vader[0] and "fleeing" not in vader[0]


def test_the_structure_explorer_text_warns_that_its_numbers_start_without_furniture(seed):
    from newskit.structure import readability

    nb = _read(NOTEBOOK_DIR / "01-structure.ipynb")
    before = _markdown_before(nb, "widgets.structure_explorer(article)")
    assert "`article.readability()`" in before and "unticked" in before and "differ" in before
    assert "go up or down" not in before and "which numbers" in before
    # the facts behind the text: the explorer starts without furniture, readability() counts it by default
    from newskit import widgets

    assert widgets.structure_explorer(seed).furniture.value is False
    assert readability(seed).words != readability(seed, include_furniture=False).words
    assert readability(seed).words == readability(seed, include_furniture=True).words


# --- executed: nbconvert --to html --execute, in a temporary copy --------------------------------------

EXPORT_TIMEOUT = 900  # seconds for all notebooks together (they run at once; the machine may be busy)
CELL_TIMEOUT = 300

#: The widget cells of each notebook (a piece of the cell's code) and what their static view must show: words of
#: its visible text (tags stripped), or IMAGE for a chart drawn as a picture. Every widget output of the export
#: must be one of these cells.
IMAGE = "<image>"
WIDGET_VIEWS: dict[str, list[tuple[str, list[str]]]] = {
    "00-start-here": [("widgets.article_viewer(article)", ["Mosul", "¶1", "Josh Earnest"])],
    "01-structure": [("widgets.structure_explorer(article)", ["¶1 is lede", "¶7 caption", "Flesch"])],
    "02-sources": [("widgets.source_explorer(article)", ["Mosul", "step up to the plate"])],
    "03-language": [("widgets.frequency_explorer(article)", [IMAGE]),
                    ('widgets.concordance_explorer(article, query="flee*")', ["fleeing", "¶3"]),
                    ("widgets.tone_explorer(article)", ["VADER", "furious", IMAGE])],
    "04-your-article": [("widgets.article_loader(", ["Eastbrook", "my-article.txt"]),
                        ("widgets.source_explorer(", ["Helen Marsh", "Eastbrook"]),
                        ("widgets.tone_explorer(", ["Eastbrook", IMAGE]),
                        ("widgets.compare(", ["Floods Force Hundreds", "Mosul"])],
}
#: The class of the element that holds a widget's static view (newskit.widgets).
STATIC_MARKER = "nk-static"
_CELL = re.compile(r'<div class="jp-Cell [^"]*" id="cell-id=([^"]+)">')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_STYLE = re.compile(r"<style\b.*?</style>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Export:
    """One notebook exported by nbconvert: its exit status, HTML, log and how long the whole batch took."""

    returncode: int
    html: str
    log: str
    seconds: float


def _copy_notebooks(dest: Path) -> Path:
    """The notebooks folder as a student gets it (the .ipynb files alone), in *dest*."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in NOTEBOOKS:
        shutil.copy2(p, dest / p.name)
    return dest


def _export_all(names: list[str], folder: Path) -> dict[str, Export]:
    """``jupyter nbconvert --to html --execute`` on each notebook in *folder*, all started at once."""
    env = dict(os.environ, NEWSKIT_NO_DOWNLOAD="1", PYTHONUNBUFFERED="1",
               JUPYTER_RUNTIME_DIR=str(folder / ".runtime"))
    start = time.monotonic()
    procs = {}
    for name in names:
        log = open(folder / f"{name}.log", "wb")  # noqa: SIM115 - closed below
        cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute",
               f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}", "--ExecutePreprocessor.startup_timeout=120",
               "--ExecutePreprocessor.kernel_name=python3", f"{name}.ipynb"]
        procs[name] = (subprocess.Popen(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT), log)
    out = {}
    for name, (proc, log) in procs.items():
        try:
            proc.wait(timeout=max(1.0, EXPORT_TIMEOUT - (time.monotonic() - start)))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        page = folder / f"{name}.html"
        out[name] = Export(proc.returncode, page.read_text(encoding="utf-8") if page.exists() else "",
                           (folder / f"{name}.log").read_text(encoding="utf-8", errors="replace"), 0.0)
    for e in out.values():
        e.seconds = time.monotonic() - start
    return out


@pytest.fixture(scope="session")
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Export]:
    """Every notebook a selected test needs, exported at once, so the set takes the time of the slowest."""
    users = {"test_notebook_runs_top_to_bottom", "test_widget_cells_show_their_static_view"}
    wanted = sorted({item.callspec.params["path"].stem for item in request.session.items
                     if getattr(item, "originalname", "") in users and hasattr(item, "callspec")})
    return _export_all(wanted, _copy_notebooks(tmp_path_factory.mktemp("notebooks")))


def _cells(page: str) -> dict[str, str]:
    """The HTML of each cell of an nbconvert (lab template) page, by cell id."""
    parts = _CELL.split(page)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _outputs(cell_html: str) -> str:
    """The output area of a cell's HTML ("" if it has none)."""
    _, found, rest = cell_html.partition('<div class="jp-Cell-outputWrapper">')
    return rest if found else ""


def _visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: scripts and styles dropped, tags stripped, entities decoded."""
    return " ".join(html.unescape(_TAG.sub(" ", _STYLE.sub(" ", _SCRIPT.sub(" ", fragment)))).split())


def _exported(exported: dict[str, Export], name: str) -> Export:
    e = exported[name]
    assert e.returncode == 0 and e.html, f"nbconvert failed on {name} (exit {e.returncode}):\n{e.log[-4000:]}"
    return e


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_runs_top_to_bottom(path, exported):
    """nbconvert stops at the first cell that raises, so a finished export means every cell ran; no traceback
    went to stderr either (a warning printed by a library is allowed, a traceback is not)."""
    e = _exported(exported, path.stem)
    for cell_id, cell in _cells(e.html).items():
        for block in re.findall(r'data-mime-type="application/vnd\.jupyter\.stderr".*?</pre>', _outputs(cell), re.S):
            assert "Traceback" not in block, f"{path.name}, cell {cell_id}: a traceback on stderr:\n{_visible(block)[:800]}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_widget_cells_show_their_static_view(path, exported):
    """Each widget cell's output shows its static view (marker and content) in the exported HTML, outside any
    script, so a reader without a kernel sees it; no cell shows a widget error."""
    e = _exported(exported, path.stem)
    nb = _read(path)
    cells = _cells(e.html)
    expected = WIDGET_VIEWS[path.stem]
    checked = set()
    for needle, words in expected:
        cell = nb.cells[_code_index(nb, needle)]
        assert cell.id in cells, f"{path.name}: no cell {cell.id} in the HTML"
        out = _outputs(cells[cell.id])
        shown = _SCRIPT.sub(" ", out)
        assert STATIC_MARKER in shown, f"{path.name}: {needle!r} shows no static view:\n{_visible(out)[:500]!r}"
        static = shown[shown.rfind("<", 0, shown.index(STATIC_MARKER)):]  # from the static view's element on
        text = _visible(static)
        assert len(text) > 40, f"{path.name}: {needle!r}: the static view is (nearly) empty: {text!r}"
        for word in words:
            if word == IMAGE:
                assert re.search(r"<img\b[^>]*\bsrc=[\"']data:image/|<svg\b", static), f"{path.name}: {needle!r}: no chart"
            else:
                assert word in text, f"{path.name}: {needle!r}: {word!r} is not in its static view: {text[:500]!r}"
        checked.add(cell.id)
    page = _SCRIPT.sub(" ", e.html)  # a style in widget state (a script) is not applied without the widget
    assert not re.search(r"\.nk-static[\w-]*\s*\{\s*display\s*:\s*none", page), f"{path.name}: a static view is hidden"
    for cell_id, cell in cells.items():
        out = _outputs(cell)
        assert "Error displaying widget" not in out and "model not found" not in out, f"{path.name}, cell {cell_id}"
        if "application/vnd.jupyter.widget-view+json" in out or "jupyter-widgets" in out:
            assert cell_id in checked, f"{path.name}, cell {cell_id}: a widget output this test does not check"
