"""A real browser drives JupyterLab: open notebooks/02-sources.ipynb, run every cell, use the source explorer.

Needs Debian's Chromium at /usr/bin/chromium (``make browser`` installs it) and Python Playwright.
The server runs on a free localhost port with a random token, with its settings, workspaces and
runtime files in the test's tmp_path, news and autosave switched off (so the repository's notebook
is never rewritten), and it is shut down in a ``finally`` whatever happens.
"""

from __future__ import annotations

import json
import os
import secrets
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
NOTEBOOK = "notebooks/02-sources.ipynb"
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


def _start_lab(tmp_path: Path) -> tuple[subprocess.Popen, str, str, Path]:
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
           f"--ServerApp.root_dir={ROOT}", "--LabApp.news_url=", "--LabServerApp.check_for_updates_class="
           "jupyterlab.handlers.announcements.NeverCheckForUpdate"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
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


def _menu(page, menu: str, item: str) -> None:  # noqa: ANN001
    """Click *menu* in the menu bar, then its *item*."""
    _dismiss_dialogs_and_toasts(page)
    page.keyboard.press("Escape")
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text=menu).first.click()
    page.locator(f"li.lm-Menu-item:has-text('{item}')").first.click()


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
    if not (ROOT / NOTEBOOK).exists():
        pytest.skip(f"{NOTEBOOK} does not exist yet")

    proc, base, token, log = _start_lab(tmp_path)
    try:
        _wait_for_server(f"{base}/api/status?token={token}", proc, log)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                page.set_default_timeout(60_000)
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", wait_until="domcontentloaded")
                page.wait_for_selector(".jp-Notebook", timeout=KERNEL_TIMEOUT)
                _wait_until(page, _KERNEL_IDLE, KERNEL_TIMEOUT, "the notebook's kernel to start and be idle")

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
