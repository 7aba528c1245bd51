"""The Binder recipe (binder/): a fast lint of the files, and a slow end-to-end rehearsal.

The slow test does what repo2docker does, here: a FRESH virtual environment, ``pip install -r
binder/requirements.txt``, the real ``binder/postBuild`` run with bash from the repo root, then the
first notebook executed with a kernel from that environment. NLTK data comes from the shared folder
(no network); Python packages come from PyPI through the normal pip cache.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
POSTBUILD = BINDER / "postBuild"
REQUIREMENTS = BINDER / "requirements.txt"
START_NOTEBOOK = ROOT / "notebooks" / "00-start-here.ipynb"
URLPATH = "urlpath=lab/tree/notebooks/00-start-here.ipynb"

# The packages the Binder image must have, each with a version range.
REQUIRED = {"jupyterlab", "ipywidgets", "matplotlib", "nltk", "ipykernel"}


def _commands(script: str) -> list[str]:
    """The lines of a shell script that are commands (no blanks, no comments, no shebang)."""
    return [ln.strip() for ln in script.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def _requirements() -> dict[str, str]:
    """binder/requirements.txt as {name (lower case): version specifier}."""
    out = {}
    for line in _commands(REQUIREMENTS.read_text(encoding="utf-8")):
        line = line.split(" #", 1)[0].strip()
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$", line)
        assert m, f"cannot read requirement line {line!r}"
        out[m.group(1).lower().replace("_", "-")] = m.group(3).replace(" ", "")
    return out


# --- fast: lint the recipe ------------------------------------------------------------------------------------------


def test_postbuild_stops_on_errors():
    text = POSTBUILD.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n"), "postBuild must start with #!/bin/bash"
    first = _commands(text)[0]
    # repo2docker does not stop a postBuild on a failing step unless the script says so.
    words = first.split()
    flags = "".join(w[1:] for w in words[1:] if w.startswith("-"))
    ok = words[0] == "set" and "e" in flags and "u" in flags and "o" in flags and "pipefail" in words
    assert ok, f"the first command of postBuild must be `set -euo pipefail`, found {first!r}"


def test_postbuild_is_executable_and_valid_bash():
    mode = POSTBUILD.stat().st_mode
    assert mode & stat.S_IXUSR, "binder/postBuild must be executable (chmod +x); repo2docker runs it directly"
    bash = shutil.which("bash")
    if bash:
        res = subprocess.run([bash, "-n", str(POSTBUILD)], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr


def test_postbuild_installs_newskit_and_its_data():
    cmds = "\n".join(_commands(POSTBUILD.read_text(encoding="utf-8")))
    assert re.search(r"pip install .*--no-deps.*(\s\.|-e\s+\.)(\s|$)", cmds), "postBuild must pip install newskit from the repo"
    assert re.search(r"newskit setup", cmds), "postBuild must run `newskit setup` to bake the NLTK data into the image"
    assert "NB_PYTHON_PREFIX" in cmds and "nltk_data" in cmds, "NLTK data must go to $NB_PYTHON_PREFIX/nltk_data"


def test_requirements_use_ranges_not_pins():
    reqs = _requirements()
    assert REQUIRED <= set(reqs), f"binder/requirements.txt lacks {sorted(REQUIRED - set(reqs))}"
    for name, spec in reqs.items():
        assert "==" not in spec and "~=" not in spec, f"{name}: use a version range, not an exact pin ({spec})"
        assert ">" in spec, f"{name}: give a lower bound (a range like >=X,<Y), found {spec or 'nothing'}"
    # the ranges the brief fixes
    assert reqs["jupyterlab"] == ">=4.2,<5"
    assert reqs["ipywidgets"] == ">=8,<9"
    assert reqs["nltk"] == ">=3.9,<4"


def test_requirements_agree_with_pyproject():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = _requirements()
    for dep in project["dependencies"]:
        m = re.match(r"([A-Za-z0-9._-]+)\s*(.*)$", dep)
        name, spec = m.group(1).lower(), m.group(2).replace(" ", "")
        assert name in reqs, f"{name} is a newskit dependency but is missing from binder/requirements.txt"
        assert reqs[name] == spec, f"{name}: binder has {reqs[name]}, pyproject.toml has {spec}"


def test_readme_badge_opens_the_first_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https?://mybinder\.org/v2/[^\s)\"'>]+", readme)
    if not links:
        pytest.skip("README.md has no Binder badge yet")
    for url in links:
        decoded = url.replace("%2F", "/").replace("%2f", "/")
        assert URLPATH in decoded, f"the Binder link should end with ?{URLPATH}: {url}"


# --- slow: rehearse the Binder build in a fresh virtual environment -----------------------------------------------


def _nltk_data() -> Path:
    candidates = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    candidates.append(str(ROOT.parent / "shared" / "nltk_data"))
    for c in candidates:
        if Path(c, "tokenizers").is_dir():
            return Path(c).resolve()
    pytest.skip("NO NLTK DATA FOR THE BINDER REHEARSAL: set NLTK_DATA or provide ../shared/nltk_data "
                f"(looked in {candidates}); this test never downloads from the network")


_RUN_NOTEBOOK = textwrap.dedent("""
    import json, sys
    import nbformat
    from nbclient import NotebookClient

    src, dest, kernel, cwd = sys.argv[1:5]
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=300, allow_errors=True,
                            resources={"metadata": {"path": cwd}})
    client.execute()
    nbformat.write(nb, dest)
""")


@pytest.mark.slow
def test_binder_build_and_first_notebook(tmp_path):
    nltk_data = _nltk_data()
    if not START_NOTEBOOK.exists():
        pytest.skip("notebooks/00-start-here.ipynb not written yet")
    timings = {}

    venv = tmp_path / "venv"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"

    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(
        PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}",
        VIRTUAL_ENV=str(venv),
        NB_PYTHON_PREFIX=str(venv),  # what repo2docker sets: the notebook environment's prefix
        NLTK_DATA=str(nltk_data),  # instead of the network
        NEWSKIT_NO_DOWNLOAD="1",  # so a missing package fails the build instead of trying the network
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # keep Jupyter away from this machine's own config and kernels
        JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter-config"),
        JUPYTER_DATA_DIR=str(tmp_path / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter-runtime"),
        JUPYTER_PATH=str(tmp_path / "jupyter-path"),
        MPLBACKEND="agg",
    )

    def run(cmd: list[str], what: str, timeout: float = 900) -> None:
        start = time.perf_counter()
        res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        timings[what] = time.perf_counter() - start
        assert res.returncode == 0, f"{what} failed (exit {res.returncode}):\n{res.stdout[-4000:]}\n{res.stderr[-4000:]}"

    # 1. what repo2docker does with binder/requirements.txt (+ what we need to execute a notebook)
    run([str(py), "-m", "pip", "install", "--quiet", "--no-compile", "-r", str(REQUIREMENTS), "nbclient>=0.10", "nbformat>=5.10"],
        "pip install -r binder/requirements.txt")

    # 2. the real postBuild, with bash, from the repo root
    run(["bash", str(POSTBUILD)], "binder/postBuild")
    assert (venv / "nltk_data").is_dir(), "postBuild should create $NB_PYTHON_PREFIX/nltk_data"
    probe = subprocess.run([str(py), "-c", "import newskit, sys; print(newskit.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert probe.returncode == 0 and str(venv) in probe.stdout, f"newskit not installed in the venv: {probe}"

    # 3. a kernel spec that runs exactly this venv's python
    kdir = tmp_path / "jupyter-path" / "kernels" / "binder-venv"
    kdir.mkdir(parents=True)
    (kdir / "kernel.json").write_text(json.dumps({
        "argv": [str(py), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Binder rehearsal venv", "language": "python",
    }))
    runner = tmp_path / "run_notebook.py"
    runner.write_text(_RUN_NOTEBOOK)
    executed = tmp_path / "executed.ipynb"
    run([str(py), str(runner), str(START_NOTEBOOK), str(executed), "binder-venv", str(START_NOTEBOOK.parent)],
        "execute notebooks/00-start-here.ipynb", timeout=900)
    timings["total"] = time.perf_counter() - t0
    print("binder rehearsal timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))

    nb = json.loads(executed.read_text(encoding="utf-8"))
    problems = []
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr" and "Traceback" in "".join(out["text"]):
                problems.append(f"cell {i}: traceback on stderr: {''.join(out['text'])[-500:]}")
    assert not problems, "errors in the executed notebook:\n" + "\n".join(problems)
    code_cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code_cells if "".join(c["source"]).strip()), "some cells did not run"
