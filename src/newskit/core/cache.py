"""newskit's cache on disk: what newskit derives from NLTK's data, kept so a fresh process starts fast.

Reading NLTK's models is most of a fresh kernel's first analysis: the tagger's 5.7 MB of JSON
weights, Punkt's tables, the CMU dictionary, the Brown corpus. :mod:`newskit.core.resources`
derives what it needs from them once (a weights matrix, word counts, syllable counts, word
lists) and keeps it here, in a per-user folder:

* ``NEWSKIT_CACHE`` when set (``NEWSKIT_CACHE=off`` turns the cache off);
* else the platform's cache folder: ``~/.cache/newskit`` (``$XDG_CACHE_HOME/newskit``) on Linux,
  ``~/Library/Caches/newskit`` on macOS, ``%LOCALAPPDATA%\\newskit\\Cache`` on Windows.

Each entry is one file in a safe format, never a pickle: JSON (``NAME.json``), or for numeric
arrays a numpy ``NAME.npz`` read with ``allow_pickle=False`` whose ``json`` member holds the rest.
An entry records what it was made from — newskit's version, NLTK's version and the stamps of the
NLTK code it mirrors, where NLTK finds the data package (so another copy found first, say after
``NLTK_DATA`` changed, counts as a change), and the path, size and modification time of every
NLTK data file read — and is used only while all of that is unchanged; otherwise it is rebuilt.
A folder that cannot be written is no error: newskit then works without the cache.

>>> describe(["/no/such/file"])[0]
['/no/such/file', None, None]
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

__all__ = ["cache_dir", "describe", "load", "locate", "nltk_search_path", "store"]

#: Bump when the layout of an entry changes: older entries are then rebuilt.
FORMAT = 3

#: NLTK's code whose behaviour the cached data mirrors (patterns, rules, file formats).
_NLTK_CODE = ("VERSION", "tokenize/punkt.py", "tokenize/destructive.py", "tag/perceptron.py", "tag/mapping.py",
              "sentiment/vader.py", "redos.py", "tabdata.py")


def cache_dir() -> Path | None:
    """The cache folder (not necessarily existing yet), or None when ``NEWSKIT_CACHE=off``.

    >>> import os; os.environ.get("NEWSKIT_CACHE") == "off" or isinstance(cache_dir(), Path)
    True
    """
    env = os.environ.get("NEWSKIT_CACHE", "").strip()
    if env.lower() == "off":
        return None
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "newskit" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "newskit"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else home / ".cache") / "newskit"


def _stat(path: str) -> list[Any]:
    try:
        st = os.stat(path)
    except OSError:
        return [path, None, None]
    return [path, st.st_size, st.st_mtime_ns]


def describe(paths: list[str]) -> list[list[Any]]:
    """``[path, size, mtime_ns]`` of each file (None, None when it is missing), without repeats."""
    return [_stat(p) for p in dict.fromkeys(paths)]


@functools.cache
def _nltk_stamp() -> list[Any] | None:
    """NLTK's version and the size and time of the NLTK code the cache mirrors, found without importing NLTK."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("nltk")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    root = os.path.dirname(spec.origin)
    return [[rel, *_stat(os.path.join(root, rel))[1:]] for rel in _NLTK_CODE]


def nltk_search_path() -> list[str]:
    """The folders NLTK looks in for its data, in order: NLTK's live ``nltk.data.path`` once NLTK is loaded,
    else the list NLTK would make (``NLTK_DATA``, ``~/nltk_data``, then the system's folders), so a fresh
    process need not import NLTK to check the cache.

    >>> isinstance(nltk_search_path(), list)
    True
    """
    data = sys.modules.get("nltk.data")
    if data is not None and isinstance(getattr(data, "path", None), list):
        return [str(p) for p in data.path]
    found = [os.path.expanduser(d) for d in os.environ.get("NLTK_DATA", "").split(os.pathsep) if d]
    if "APPENGINE_RUNTIME" not in os.environ and os.path.expanduser("~/") != "~/":
        found.append(os.path.expanduser("~/nltk_data"))
    found += [os.path.join(sys.prefix, "nltk_data"), os.path.join(sys.prefix, "share", "nltk_data"),
              os.path.join(sys.prefix, "lib", "nltk_data")]
    if os.name == "nt":
        found += [os.path.join(os.environ.get("APPDATA", "C:\\"), "nltk_data"), r"C:\nltk_data", r"D:\nltk_data",
                  r"E:\nltk_data"]
    else:
        found += ["/usr/share/nltk_data", "/usr/local/share/nltk_data", "/usr/lib/nltk_data", "/usr/local/lib/nltk_data"]
    return found


def locate(resource: str) -> str | None:
    """Where NLTK would find *resource* (``"corpora/stopwords/english"``): the file or folder, or the zip file
    holding it (``corpora/stopwords.zip``), in the first folder of :func:`nltk_search_path` that has it; None
    if none has it. Like ``nltk.data.find`` (the plain path in every folder first, then the zipped forms),
    looking only at which files exist."""
    rel = resource.rstrip("/")
    parts = rel.split("/")
    zipped = [i for i, p in enumerate(parts) if p.endswith(".zip")]
    folders = nltk_search_path()
    if zipped:
        tries = ["/".join(parts[: zipped[0] + 1])]
    else:
        for folder in folders:
            if os.path.exists(os.path.join(folder, *parts)):
                return os.path.join(folder, *parts)
        tries = ["/".join(parts[:i]) + ".zip" for i in range(1, len(parts) + 1)]
    for folder in folders:
        for zip_path in tries:
            if os.path.isfile(os.path.join(folder, *zip_path.split("/"))):
                return os.path.join(folder, *zip_path.split("/"))
    return None


def _meta(sources: list[str], lookups: list[str]) -> dict[str, Any]:
    return {"format": FORMAT, "newskit": __version__, "nltk": _nltk_stamp(),
            "found": {r: locate(r) for r in lookups}, "sources": describe(sources)}


def _fresh(meta: Any) -> bool:
    return (isinstance(meta, dict) and meta.get("format") == FORMAT and meta.get("newskit") == __version__
            and meta.get("nltk") == _nltk_stamp()
            and isinstance(meta.get("found"), dict) and all(locate(r) == at for r, at in meta["found"].items())
            and isinstance(meta.get("sources"), list)
            and all(isinstance(s, list) and s and s == _stat(s[0]) for s in meta["sources"]))


def load(name: str, *, arrays: bool = False) -> tuple[Any, dict[str, Any]] | None:
    """The cached data of entry *name* and its arrays (``{}`` unless *arrays*), or None when absent or stale."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / (name + (".npz" if arrays else ".json"))
    found: dict[str, Any] = {}
    try:
        if arrays:
            import numpy as np

            with np.load(path, allow_pickle=False) as z:
                doc = json.loads(z["json"].tobytes())
                if not _fresh(doc.get("meta")):
                    return None
                found = {k: z[k] for k in z.files if k != "json"}
        else:
            doc = json.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: build it again
        return None
    if not isinstance(doc, dict) or not _fresh(doc.get("meta")):
        return None
    return doc.get("data"), found


def store(name: str, data: Any, *, sources: list[str], lookups: list[str] | None = None,
          arrays: dict[str, Any] | None = None) -> bool:
    """Keep *data* (JSON-able) and *arrays* (numeric numpy arrays) as entry *name*, made from the NLTK files
    *sources* and valid while NLTK finds each resource of *lookups* (``"corpora/brown/cats.txt"`` ...) where it
    does now; True when written. Written to a temporary file and renamed, so a reader never sees half a file."""
    folder = cache_dir()
    if folder is None:
        return False
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"meta": _meta(sources, lookups or []), "data": data}, ensure_ascii=False, separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            if arrays is None:
                f.write(text.encode("utf-8"))
            else:
                import numpy as np

                if any(a.dtype.hasobject for a in arrays.values()):
                    raise ValueError("object arrays would need a pickle")
                np.savez(f, json=np.frombuffer(text.encode("utf-8"), dtype=np.uint8), **arrays)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache holds nothing secret (a shared NEWSKIT_CACHE)
        os.replace(tmp, folder / (name + (".json" if arrays is None else ".npz")))
        tmp = None
    except (OSError, ValueError, TypeError, UnicodeError):
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return True
