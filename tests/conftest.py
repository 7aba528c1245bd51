"""Shared fixtures. Tests never touch the network: automatic NLTK downloads are switched off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["NEWSKIT_NO_DOWNLOAD"] = "1"

from samples import OTHER, SMALL  # noqa: E402

import newskit  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_6622d1a6154394f2.txt"


@pytest.fixture(scope="session")
def seed() -> newskit.Article:
    """The seed article, loaded once for the whole test run (its caches warm up once)."""
    return newskit.load(SEED_PATH)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Three good articles and, in the middle, an empty file and a binary file."""
    files = [
        ("a-bridge.txt", SMALL.encode("utf-8")),
        ("b-empty.txt", b"   \n\n  "),
        ("c-library.txt", OTHER.encode("utf-8")),
        ("d-binary.txt", b"%PDF-1.4\x00\x01\x02binary"),
        ("e-bridge-again.txt", SMALL.replace("Friday", "Monday").encode("cp1252")),
    ]
    out = []
    for name, data in files:
        p = tmp_path / name
        p.write_bytes(data)
        out.append(p)
    return out
