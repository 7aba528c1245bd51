"""The ``newskit`` command line as a user runs it (a subprocess): one-line errors, odd files, odd terminals, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newskit import cli

ROOT = Path(__file__).resolve().parents[1]

STORY = ("Ελληνικά νέα ✓ from the café\n\n"
         "The council met on Monday, officials said.\n\n"
         "\u201cΓεια σας, it works \u2713,\u201d said Kim Lee, a clerk.\n")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["NEWSKIT_NO_DOWNLOAD"] = "1"
    env.setdefault("NLTK_DATA", "/work/shared/nltk_data")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONIOENCODING", None)
    env.update(extra)
    return env


def run(*args: str, timeout: float = 180, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newskit", *args], capture_output=True, env=_env(**env),
                          timeout=timeout, encoding="utf-8", errors="replace")


def assert_one_line_error(out: subprocess.CompletedProcess[str], *words: str) -> None:
    assert out.returncode == 1, (out.returncode, out.stderr[-2000:])
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newskit: error: "), out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])


def _unreadable(tmp_path: Path) -> Path:
    """A file this process may see but not read: mode 000, or (as root, who reads anything) a write-only /proc file."""
    if os.geteuid() != 0:
        p = tmp_path / "locked.txt"
        p.write_text(STORY, encoding="utf-8")
        p.chmod(0)
        return p
    for cand in ("/proc/sys/vm/compact_memory", "/proc/sysrq-trigger", "/proc/sys/vm/drop_caches"):
        try:
            with open(cand, "rb"):
                pass
        except PermissionError:
            return Path(cand)
        except OSError:
            continue
    pytest.skip("running as root and no unreadable file found")


@pytest.mark.parametrize("command", ["analyze", "quotes", "report"])
def test_permission_denied_is_one_line(tmp_path: Path, command: str):
    path = _unreadable(tmp_path)
    out = run(command, str(path), *(["-o", str(tmp_path / "r.html")] if command == "report" else []))
    assert_one_line_error(out, "Permission denied", path.name)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="no /proc/self/mem here")
def test_io_error_is_one_line():
    out = run("analyze", "/proc/self/mem")
    assert_one_line_error(out, "/proc/self/mem")


@pytest.mark.parametrize("command", ["analyze", "quotes", "report"])
def test_name_too_long_is_one_line(tmp_path: Path, command: str):
    long = str(tmp_path / ("a" * 300 + ".txt"))
    out = run(command, long)
    assert_one_line_error(out)


def test_a_stdout_that_cannot_encode_the_text(tmp_path: Path):
    p = tmp_path / "greek.txt"
    p.write_text(STORY, encoding="utf-8")
    out = run("analyze", str(p), PYTHONIOENCODING="cp1252")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "\\u0395" in out.stdout and "caf" in out.stdout  # escaped, not a crash
    out = run("quotes", str(p), "--json", PYTHONIOENCODING="cp1252")
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout)[0]["text"].startswith("Γεια σας")  # JSON escapes are still the same JSON
    out = run("analyze", str(p), "--json", PYTHONIOENCODING="ascii")
    assert out.returncode == 0 and json.loads(out.stdout)["article"]["headline"].startswith("Ελληνικά")


def test_ctrl_c_exits_130_quietly(tmp_path: Path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(STORY.replace("Monday", f"day {i}"), encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "newskit", "analyze", str(folder)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), start_new_session=True, encoding="utf-8", errors="replace")
    try:
        first = p.stdout.readline() if p.stdout else ""
        assert first.startswith("00.txt"), first
        os.killpg(p.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group, pool workers included
        _, err = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-2000:]


def test_keyboard_interrupt_in_any_command_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    def interrupted(args):  # noqa: ANN001, ANN202
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_setup", interrupted)
    assert cli.main(["setup", "--check"]) == 130
    assert capsys.readouterr().err == ""


def _with_terminal_stderr(args: list[str]) -> tuple[int, str]:
    """Run newskit with stderr on a pseudo-terminal (where progress bars are drawn); return (status, stderr)."""
    import pty

    leader, follower = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "newskit", *args], stdout=subprocess.DEVNULL, stderr=follower,
                         env=_env(COLUMNS="100"))
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return p.wait(timeout=180), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_quiet(tmp_path: Path):
    pytest.importorskip("tqdm")
    folder = tmp_path / "few"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(STORY, encoding="utf-8")
    status, err = _with_terminal_stderr(["analyze", str(folder)])
    assert status == 0 and "analysing" in err and "/3 [" in err
    for args in (["--quiet", "analyze", str(folder)], ["analyze", str(folder), "-q"]):
        status, err = _with_terminal_stderr(args)
        assert status == 0 and "analysing" not in err, err
