"""Shared fixtures. Tests never touch the network: automatic NLTK downloads are switched off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["NEWSKIT_NO_DOWNLOAD"] = "1"

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
