"""The NLTK resources layer: the fast tagger gives exactly NLTK's tags."""

from __future__ import annotations

from pathlib import Path

from newskit import resources

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_fast_tagger_matches_nltk(seed):
    from nltk.tag import PerceptronTagger

    slow = PerceptronTagger()
    fast = resources.pos_tagger()
    sentences = [[w.text for w in seed.words if w.sentence == s.index] for s in seed.sentences]
    sentences += [["", "Odd", "-", "1999", "42nd", "co-op", "\u201c", "e.g.", "ALL", "CAPS"], ["x"]]
    for path in sorted(CORPUS.glob("*.txt"))[:6]:  # real articles when the dev corpus is beside us
        words = path.read_text(encoding="utf-8").split()
        sentences += [words[i:i + 25] for i in range(0, len(words), 25)]
    for sent in sentences:
        assert fast.tag(sent) == slow.tag(sent), sent
