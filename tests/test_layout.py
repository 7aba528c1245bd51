"""The package's shape: layers that only import downward, no import cycle, rooms a newcomer can read.

Imports are read from the source (module level and inside functions; ``if TYPE_CHECKING:`` blocks
do not count), so a lazy import cannot hide a loop. See docs/architecture.md.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newskit"

#: Each layer may import its own layer (without cycles) and the layers below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("newskit.errors", "newskit.core"),                                            # 0 core
    ("newskit.sources", "newskit.structure", "newskit.language", "newskit.highlight",
     "newskit.analysis"),                                                          # 1 analyses
    ("newskit.article", "newskit.loaders", "newskit.web", "newskit.corpus"),       # 2 Article, loaders, corpus
    ("newskit.plots", "newskit.widgets", "newskit.report"),                        # 3 views
    ("newskit.exercises", "newskit.cli", "newskit.__main__", "newskit"),           # 4 on top
)
MAX_MODULE_LINES = 1000
MAX_FUNCTION_LINES = 120


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _layer(module: str) -> int:
    best, rank = -1, None
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    assert rank is not None, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
    return rank


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(module: str, path: Path) -> set[str]:
    """The newskit modules *module* imports, at any depth of its code, outside ``if TYPE_CHECKING:``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def resolve(level: int, name: str | None) -> str:
        base = package.split(".")
        if level > 1:
            base = base[: len(base) - (level - 1)]
        return ".".join(base + ([name] if name else []))

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "newskit")
        elif isinstance(node, ast.ImportFrom):
            target = resolve(node.level, node.module) if node.level else (node.module or "")
            if target.split(".")[0] == "newskit":
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if sub in MODULES else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return {m for m in found if m in MODULES}


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_the_checker_sees_function_level_imports_and_cycles() -> None:
    """The checks below can fail: a lazy import is an edge, and a loop is found."""
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert _cycles(graph) == [["a", "b"]]
    assert "newskit.core.resources" in GRAPH["newskit.core.text"]


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []


def test_layers_only_import_downward() -> None:
    upward = [f"{m} (layer {_layer(m)}) imports {t} (layer {_layer(t)})"
              for m, targets in GRAPH.items() for t in targets
              if _layer(t) > _layer(m) and not (m == "newskit" or m.startswith("newskit.__main__"))]
    assert upward == []


def test_package_init_imports_lightly() -> None:
    """``import newskit`` loads the text model and loaders only; analyses and views load when first used."""
    code = "import sys, newskit; print(sorted(m for m in sys.modules if m.startswith(('newskit', 'nltk'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(ast.literal_eval(out))
    assert not {m for m in loaded if m in MODULES and _layer(m) in (1, 3)}, loaded
    assert "nltk" not in loaded


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rooms_a_newcomer_can_read(module: str) -> None:
    source = MODULES[module].read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{module} has {source.count(chr(10))} lines"
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(source))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []
