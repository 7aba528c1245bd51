"""A real browser drives JupyterLab: the source explorer of 02-sources, and a pasted article in 04-your-article
that survives "Restart Kernel and Run All Cells" and a save, a shut-down kernel and reopening (static views).

Needs Debian's Chromium at /usr/bin/chromium (``make browser`` installs it) and Python Playwright.
The server runs on a free localhost port with a random token, in a temporary copy of the notebooks
folder (the repository's notebooks are never opened, run or saved), with its settings, workspaces
and runtime files in the test's tmp_path, news and autosave switched off, and it is shut down in a
``finally`` whatever happens.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK = "02-sources.ipynb"
YOUR_ARTICLE = "04-your-article.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

SERVER_START_TIMEOUT = 90  # seconds
KERNEL_TIMEOUT = 120_000   # milliseconds, for Playwright waits
RUN_TIMEOUT = 180_000

# JupyterLab user settings: no news or update toasts, no autosave (the repo's notebook must stay as it is),
# start the notebook's kernel without asking, and keep every cell in the page (no virtual scrolling).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True,
                                                                   "windowingMode": "none"},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab exited with status {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT}s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop_server(proc: subprocess.Popen, base: str, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then make sure its process group is gone."""
    if proc.poll() is None:
        try:
            req = urllib.request.Request(f"{base}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(req, timeout=5).close()
        except (urllib.error.URLError, OSError):
            pass
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


def _notebooks_copy(tmp_path: Path) -> Path:
    """The notebooks folder as a student gets it (the .ipynb files alone), in tmp_path: the server's root."""
    root = tmp_path / "notebooks"
    root.mkdir()
    for p in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy2(p, root / p.name)
    return root


def _start_lab(tmp_path: Path, root: Path) -> tuple[subprocess.Popen, str, str, Path]:
    port = _free_port()
    token = secrets.token_hex(24)
    settings = tmp_path / "lab-settings"
    for rel, value in LAB_SETTINGS.items():
        f = settings / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value))
    env = dict(os.environ)
    env.update({
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-workspaces"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data"),  # the notebook-signing key goes here, not in $HOME
        "NEWSKIT_NO_DOWNLOAD": "1",
        "PYTHONUNBUFFERED": "1",
    })
    log = tmp_path / "jupyterlab.log"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--allow-root", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={root}", "--LabApp.news_url=", "--LabServerApp.check_for_updates_class="
           "jupyterlab.handlers.announcements.NeverCheckForUpdate"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return proc, f"http://127.0.0.1:{port}", token, log


def _dismiss_dialogs_and_toasts(page) -> None:  # noqa: ANN001
    """Accept a kernel-choice dialog (the default, Python 3) and close any toast; both can appear at any time.

    Only the kernel dialog is answered: any other dialog (say "file changed on disk") is left alone, so the
    test can never overwrite a file.
    """
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel') .jp-Dialog-button.jp-mod-accept")
    try:
        if dialog.count() and dialog.first.is_visible():
            dialog.first.click(timeout=2000)
    except Exception:  # noqa: BLE001 - the dialog may close by itself
        pass
    for close in page.locator(".Toastify__toast .Toastify__close-button").all():
        try:
            close.click(timeout=1000)
        except Exception:  # noqa: BLE001 - a toast may vanish by itself
            pass


def _wait_until(page, condition: str, timeout_ms: int, what: str, arg=None) -> None:  # noqa: ANN001
    """Poll a JavaScript *condition*, clearing dialogs and toasts between polls; fail with *what* on timeout."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        _dismiss_dialogs_and_toasts(page)
        if page.evaluate(condition, arg):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"timed out after {timeout_ms / 1000:.0f}s waiting for {what}")


_KERNEL_IDLE = """() => {
    const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
    const bar = document.querySelector('.jp-StatusBar-Widget, #jp-main-statusbar');
    return ind && ind.getAttribute('data-status') === 'idle' && bar && /Idle/.test(bar.textContent || '')
        && !/No Kernel/.test(bar.textContent || '');
}"""
_ALL_RUN = r"""() => {
    const prompts = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
    return prompts.length > 0 && prompts.every(p => /\[\d+\]/.test(p.textContent || ''));
}"""


_STARTED = r"""() => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .some(p => /\[(\*|\d+)\]/.test(p.textContent || ''))"""


_CLEARED = r"""() => {
    const prompts = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
    return prompts.length > 0 && prompts.every(p => !/\d|\*/.test(p.textContent || ''))
        && document.querySelectorAll('.jp-OutputArea-output').length === 0;
}"""


def _open_notebook(page, base: str, token: str, name: str) -> list[str]:  # noqa: ANN001
    """Open notebook *name* in JupyterLab and wait for its kernel; the list collects the page's script errors."""
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/lab/tree/{name}?token={token}", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook", timeout=KERNEL_TIMEOUT)
    _wait_until(page, _KERNEL_IDLE, KERNEL_TIMEOUT, "the notebook's kernel to start and be idle")
    return errors


def _menu(page, menu: str, item: str | re.Pattern[str]) -> None:  # noqa: ANN001
    """Click *menu* in the menu bar, then its *item* (text it contains, or a pattern its whole label must match)."""
    _dismiss_dialogs_and_toasts(page)
    page.keyboard.press("Escape")
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text=menu).first.click()
    if isinstance(item, str):
        page.locator(f"li.lm-Menu-item:has-text('{item}')").first.click()
    else:
        page.locator("li.lm-Menu-item .lm-Menu-itemLabel", has_text=item).first.click()


def _run_all(page) -> None:  # noqa: ANN001
    """Run > Run All Cells, from the menu bar."""
    _menu(page, "Run", "Run All Cells")


def _marked_labels(page) -> list[str]:  # noqa: ANN001
    """data-label of each highlighted quote inside the source explorer (other speakers left out)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.nk-source-view mark[data-label]'))
        .map(m => m.getAttribute('data-label')).filter(l => l !== 'other speakers')""")


def test_source_explorer_runs_in_jupyterlab(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("!!! /usr/bin/chromium is missing: the real-browser test cannot run. "
                    "Install it with `make browser` (apt-get install chromium) !!!")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Python Playwright is not installed (pip install playwright)")
    if not (NOTEBOOKS / NOTEBOOK).exists():
        pytest.skip(f"{NOTEBOOK} does not exist yet")

    proc, base, token, log = _start_lab(tmp_path, _notebooks_copy(tmp_path))
    try:
        _wait_for_server(f"{base}/api/status?token={token}", proc, log)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                errors = _open_notebook(page, base, token, NOTEBOOK)

                # outputs saved in the file would fake a finished run: clear them (in the page only; nothing is saved)
                _menu(page, "Edit", "Clear Outputs of All Cells")
                _wait_until(page, _CLEARED, 30_000, "saved outputs and execution counts to be cleared")
                for attempt in range(3):  # a click swallowed while the page settles: open the menu again
                    _run_all(page)
                    try:
                        _wait_until(page, _STARTED, 20_000, "Run All Cells to start")
                        break
                    except AssertionError:
                        if attempt == 2:
                            raise
                _wait_until(page, _ALL_RUN, RUN_TIMEOUT, "every code cell to run (an execution count in each prompt)")
                _wait_until(page, _KERNEL_IDLE, RUN_TIMEOUT, "the kernel to be idle after Run All")
                select = page.locator(".widget-dropdown select").first
                select.wait_for(state="visible", timeout=30_000)

                # the explorer shows the first source's quotes highlighted
                _wait_until(page, "() => document.querySelectorAll('.nk-source-view mark[data-label]').length > 0",
                            30_000, "the source explorer to show highlighted quotes")
                options = select.locator("option").evaluate_all("os => os.map(o => o.value)")  # labels use &nbsp;
                assert len(options) >= 2, options
                current = select.input_value()
                before = _marked_labels(page)
                assert before and set(before) == {current}, (current, before)
                before_text = page.locator(".nk-source-view").first.inner_text()

                # choose another source: the highlighted quotes follow
                other = next(o for o in options if o != current and o in ("Josh Earnest", "Mahmud Nuri")) \
                    if {"Josh Earnest", "Mahmud Nuri"} & set(options) - {current} else next(o for o in options if o != current)
                select.select_option(value=other)
                page.wait_for_function(
                    """(name) => { const m = Array.from(document.querySelectorAll('.nk-source-view mark[data-label]'))
                        .map(x => x.getAttribute('data-label')).filter(l => l !== 'other speakers');
                        return m.length > 0 && m.every(l => l === name); }""", arg=other, timeout=30_000)
                after = _marked_labels(page)
                assert set(after) == {other}
                assert page.locator(".nk-source-view").first.inner_text() != before_text

                # no error output anywhere in the notebook, and no JavaScript error
                stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
                tracebacks = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'], "
                                          ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
                widget_errors = page.locator(".nk-error, .jupyter-widgets .text-error")
                problems = [t[:500] for t in stderr.all_inner_texts() + tracebacks.all_inner_texts()
                            + widget_errors.all_inner_texts()]
                assert not problems, problems
                assert not errors, errors
            finally:
                try:  # the screenshot is kept under tmp_path, pass or fail
                    if page.locator(".nk-source-view").count():
                        page.locator(".widget-dropdown select").first.scroll_into_view_if_needed(timeout=5000)
                    page.screenshot(path=str(tmp_path / "02-sources.png"), full_page=True)
                except Exception:  # noqa: BLE001
                    pass
                browser.close()
    finally:
        _stop_server(proc, base, token)


# --- 04-your-article: a pasted article, Restart and Run All, save, reopen ------------------------------

#: An article of our own words, with names found nowhere else (not in the example, not in the Mosul sample).
PASTED = """Ferry Strike Ends After Three Weeks In Kelso Bay

Ferry workers in the port town of Kelso Bay voted on Thursday to end a three-week strike over pay.

"We did not win everything, but we won respect," said Ines Okonkwo, who led the union branch.

The ferry company said services would start again on Saturday. "Passengers were patient," said Piet Vandermolen.

Shop owners said the strike had cost them a month of summer trade.
"""
PASTED_WORDS = ("Kelso Bay", "Okonkwo")  # what the analysis outputs must be about
EXAMPLE_WORD = "Eastbrook"                # the notebook's example article: never in an output once one is loaded

_OUTPUT_TEXT = """() => Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell .jp-OutputArea-output'))
    .map(o => o.innerText || '').join('\\n')"""
_CELL_OUTPUT_TEXT = """(i) => { const c = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
    const o = c && c.querySelector('.jp-Cell-outputArea'); return o ? (o.innerText || '') : ''; }"""
_FRESH_RUN = r"""() => {
    const ns = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
        .map(p => ((p.textContent || '').match(/\[(\d+)\]/) || [])[1]);
    return ns.length > 0 && ns.every(n => n) && Math.max(...ns.map(Number)) === ns.length
        && new Set(ns).size === ns.length;
}"""
_NOT_DIRTY = "() => document.querySelector('.lm-TabBar-tab.jp-mod-dirty') === null"


def _accept_dialog(page, title: str, timeout_ms: int = 15_000) -> None:  # noqa: ANN001
    """Click the accept button of the dialog whose text has *title* (a restart or shut-down confirmation)."""
    button = page.locator(f".jp-Dialog:has-text('{title}') .jp-Dialog-button.jp-mod-accept")
    try:
        button.first.wait_for(state="visible", timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - some versions do not ask
        return
    button.first.click()


def _problems(page) -> list[str]:  # noqa: ANN001
    """Error outputs, tracebacks on stderr and widget error boxes shown in the notebook."""
    stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'], "
                              ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
    widget_errors = page.locator(".nk-error, .jupyter-widgets .text-error")
    return [t[:500] for t in [t for t in stderr.all_inner_texts() if "Traceback" in t]
            + tracebacks.all_inner_texts() + widget_errors.all_inner_texts()]


def _outputs_are_about_the_pasted_article(page, when: str) -> None:  # noqa: ANN001
    text = page.evaluate(_OUTPUT_TEXT)
    for word in PASTED_WORDS:
        assert word in text, f"{when}: no output mentions {word!r} of the pasted article"
    assert EXAMPLE_WORD not in text, f"{when}: an output is about the example article, not the pasted one"


def _loader_parts() -> tuple[str, str]:
    """The paste box's placeholder and the paste button's label, read from newskit (as the notebook shows them)."""
    from newskit import widgets

    loader = widgets.article_loader()
    return loader.text.placeholder, loader.button.description


def test_a_pasted_article_survives_restart_save_and_reopening(tmp_path):
    """Paste an article into 04's loader and use it; Kernel > Restart Kernel and Run All Cells: every output is
    about the pasted article (never the example); save, shut the kernel down, reopen: each widget shows its
    static view about that article, and "model not found" is nowhere."""
    if not CHROMIUM.exists():
        pytest.skip("!!! /usr/bin/chromium is missing: the real-browser test cannot run. "
                    "Install it with `make browser` (apt-get install chromium) !!!")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Python Playwright is not installed (pip install playwright)")
    import nbformat

    placeholder, paste_label = _loader_parts()
    root = _notebooks_copy(tmp_path)
    saved = root / YOUR_ARTICLE
    nb = nbformat.read(saved, as_version=4)
    loader_cell = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "article_loader(" in c.source)
    proc, base, token, log = _start_lab(tmp_path, root)
    try:
        _wait_for_server(f"{base}/api/status?token={token}", proc, log)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                errors = _open_notebook(page, base, token, YOUR_ARTICLE)

                # 1. run everything once (the example), then paste an article into the loader and load it
                for attempt in range(3):
                    _run_all(page)
                    try:
                        _wait_until(page, _STARTED, 20_000, "Run All Cells to start")
                        break
                    except AssertionError:
                        if attempt == 2:
                            raise
                _wait_until(page, _ALL_RUN, RUN_TIMEOUT, "every code cell to run")
                _wait_until(page, _KERNEL_IDLE, RUN_TIMEOUT, "the kernel to be idle after Run All")
                box = page.get_by_placeholder(placeholder[:40])
                box.first.fill(PASTED)
                box.first.press("Tab")
                page.locator("button.widget-button", has_text=re.compile(rf"^\s*{re.escape(paste_label)}\s*$")).first.click()
                _wait_until(page, f"() => ({_CELL_OUTPUT_TEXT})({loader_cell}).includes('Kelso Bay')", 60_000,
                            "the loader to show the pasted article")

                # 2. use it: the cells after the loader (as the notebook says: Run Selected Cell and All Below)
                page.locator(".jp-Notebook .jp-Cell").nth(loader_cell + 1).locator(".jp-InputPrompt").click()
                _menu(page, "Run", "Run Selected Cell and All Below")
                _wait_until(page, f"() => ({_OUTPUT_TEXT})().includes('Okonkwo')", RUN_TIMEOUT,
                            "the analysis cells to show the pasted article")
                _wait_until(page, _KERNEL_IDLE, RUN_TIMEOUT, "the kernel to be idle after running the cells below")
                _outputs_are_about_the_pasted_article(page, "after loading it")

                # 3. Kernel > Restart Kernel and Run All Cells: the article is still the pasted one
                _menu(page, "Kernel", "Restart Kernel and Run All Cells")
                _accept_dialog(page, "Restart")
                _wait_until(page, _FRESH_RUN, RUN_TIMEOUT, "every cell to run again after the restart")
                _wait_until(page, _KERNEL_IDLE, RUN_TIMEOUT, "the kernel to be idle after Restart and Run All")
                _outputs_are_about_the_pasted_article(page, "after Restart Kernel and Run All Cells")
                assert not _problems(page), _problems(page)

                # 4. save, shut the kernel down, close the notebook
                _menu(page, "File", re.compile(r"^\s*Save Notebook\s*$"))
                _wait_until(page, _NOT_DIRTY, 30_000, "the notebook to be saved")
                _menu(page, "Kernel", re.compile(r"^\s*Shut Down Kernel\s*$"))
                _accept_dialog(page, "Shut Down")
                _wait_until(page, "() => /No Kernel|Unknown|Shut/i.test(document.querySelector('#jp-main-statusbar')"
                            "?.textContent || '')", 30_000, "the kernel to shut down")
                _menu(page, "File", "Close Tab")
                page.wait_for_selector(".jp-Notebook", state="detached", timeout=30_000)

                # the saved file is about the pasted article, and its widget cells are known
                saved_nb = nbformat.read(saved, as_version=4)
                widget_cells = [i for i, c in enumerate(saved_nb.cells) if c.cell_type == "code"
                                and any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c.outputs)]
                assert len(widget_cells) >= 3, widget_cells
                saved_text = json.dumps([c.outputs for c in saved_nb.cells if c.cell_type == "code"])
                assert "Okonkwo" in saved_text and EXAMPLE_WORD not in saved_text

                # 5. open it again: nothing runs; every widget shows its static view, no "model not found"
                page.goto(f"{base}/lab/tree/{YOUR_ARTICLE}?token={token}", wait_until="domcontentloaded")
                page.wait_for_selector(".jp-Notebook .jp-OutputArea-output", timeout=KERNEL_TIMEOUT)
                _wait_until(page, "(n) => document.querySelectorAll('.jp-Notebook .nk-static').length >= n",
                            60_000, "the static views to be drawn", arg=len(widget_cells))
                page.wait_for_timeout(5000)  # give the widget manager time to try (and fail) to find its models
                _dismiss_dialogs_and_toasts(page)
                body = page.evaluate("() => document.body.innerText")
                assert "model not found" not in body and "Error displaying widget" not in body
                for i in widget_cells:
                    cell = page.locator(".jp-Notebook .jp-Cell").nth(i)
                    static = cell.locator(".nk-static")
                    assert static.count() >= 1, f"cell {i}: no static view after reopening"
                    static.first.scroll_into_view_if_needed()
                    assert static.first.is_visible(), f"cell {i}: the static view is hidden"
                    assert len(static.first.inner_text().strip()) > 40, f"cell {i}: the static view is empty"
                statics = "\n".join(page.locator(".jp-Notebook .nk-static").all_inner_texts())
                assert "Okonkwo" in statics and EXAMPLE_WORD not in statics, statics[:1000]
                assert not errors, errors
            finally:
                try:  # the screenshot is kept under tmp_path, pass or fail
                    page.screenshot(path=str(tmp_path / "04-your-article.png"), full_page=True)
                except Exception:  # noqa: BLE001
                    pass
                browser.close()
    finally:
        _stop_server(proc, base, token)
