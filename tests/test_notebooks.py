"""The teaching notebooks: committed clean, well-formed, and running top to bottom without an error.

The fast tests read the notebook files; the slow ones execute each notebook headless with nbclient
(a python3 kernel from this environment, working directory ``notebooks/``, nothing uploaded).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import nbformat
import pytest

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


def test_loader_instructions_use_the_button_labels():
    from newskit import widgets

    loader = widgets.article_loader()
    text = "\n".join(c.source for c in _read(NOTEBOOK_DIR / "04-your-article.ipynb").cells if c.cell_type == "markdown")
    assert f"**{loader.button.description}**" in text
    assert f"**{loader.upload.description}**" in text
    assert "**Load**" not in text


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


async def _run(path: Path) -> list[str]:
    """Execute one notebook headless (working directory notebooks/, nothing uploaded); return its problems."""
    from nbclient import NotebookClient

    nb = _read(path)
    client = NotebookClient(nb, timeout=60, startup_timeout=60, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    await client.async_execute()
    problems = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if out.output_type == "error":
                problems.append(f"{out.ename}: {out.evalue}\n  in cell: {cell.source[:80]!r}")
            elif out.output_type == "stream" and out.name == "stderr" and "Traceback" in out.text:
                problems.append(f"traceback on stderr in cell {cell.source[:80]!r}:\n{out.text[-500:]}")
    return problems


@pytest.fixture(scope="session")
def executed(request: pytest.FixtureRequest) -> dict[str, list[str] | BaseException]:
    """Every selected notebook, executed concurrently (one kernel each), so the whole set takes the time of the slowest."""
    wanted = [item.callspec.params["path"] for item in request.session.items
              if getattr(item, "originalname", "") == "test_notebook_runs_top_to_bottom" and hasattr(item, "callspec")]

    async def run_all() -> list[list[str] | BaseException]:
        return await asyncio.gather(*(_run(p) for p in wanted), return_exceptions=True)

    return {p.name: r for p, r in zip(wanted, asyncio.run(run_all()), strict=True)}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_runs_top_to_bottom(path, executed):
    result = executed[path.name]
    if isinstance(result, BaseException):
        raise result
    assert not result, "\n".join(result)
