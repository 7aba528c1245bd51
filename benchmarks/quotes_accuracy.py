"""Score `newskit quotes` against gold quote annotations (quote F1 and speaker accuracy).

usage: python benchmarks/quotes_accuracy.py [GOLD_DIR ...]

GOLD_DIR defaults to ../shared/corpus/gold beside the repository; benchmarks/madeup/*/gold are the
made-up articles of this repository (see benchmarks/madeup/README.md). It holds NAME.json files
(schema: {"quotes": [{"text", "speaker", "partial"}, ...]}) whose texts sit beside them (NAME.txt
in the parent folder). A predicted quote matches a gold quote when their word sets overlap by
Jaccard >= 0.8; a speaker is right when the last name token (titles dropped) agrees. This mirrors
the scoring of the held-out check.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import newskit
from newskit import sources

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "president", "prime", "minister", "pm",
          "secretary", "senator", "sen", "rep", "gen", "general", "chancellor", "chief", "the", "a", "an"}


def _toks(s: str) -> set[str]:
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'").lower()
    return set(re.findall(r"\w+", s))


def _name(s: str | None) -> list[str]:
    s = (s or "").replace("\u2019", "'").lower().replace("'s", "")
    return [w for w in re.findall(r"\w+", s) if w not in TITLES]


def score(gold_dir: Path) -> dict[str, float]:
    tg = tp = tm = ts = tsm = 0
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        txt = gpath.parent.parent / (gpath.stem + ".txt")
        if not txt.exists():
            continue
        pred = sources.quote_records(newskit.load(txt))
        used: set[int] = set()
        ok = matched = 0
        for g in gold["quotes"]:
            best, bj = None, 0.0
            for j, p in enumerate(pred):
                if j in used:
                    continue
                a, b = _toks(g["text"]), _toks(p["text"])
                jj = len(a & b) / max(1, len(a | b))
                if jj > bj:
                    best, bj = j, jj
            if best is not None and bj >= 0.8:
                used.add(best)
                matched += 1
                if g.get("speaker"):
                    tsm += 1
                    gn, pn = _name(g["speaker"]), _name(pred[best]["speaker"])
                    ok += bool(gn and pn and gn[-1] == pn[-1])
        ts += ok
        tg += len(gold["quotes"])
        tp += len(pred)
        tm += matched
        print(f"{gpath.stem:20} gold={len(gold['quotes']):3} pred={len(pred):3} matched={matched:3} speaker_ok={ok:3}")
    p = tm / tp if tp else 0.0
    r = tm / tg if tg else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = ts / tsm if tsm else 0.0
    print(f"quotes P={p:.3f} R={r:.3f} F1={f1:.3f} speaker_acc={acc:.3f} (n_gold={tg}, n_pred={tp})")
    return {"precision": p, "recall": r, "f1": f1, "speaker_accuracy": acc}


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "gold"
    for gold_dir in [Path(a) for a in argv] or [default]:
        if not gold_dir.is_dir():
            print(f"no gold corpus at {gold_dir}; pass a folder of gold JSON files")
            continue
        print(f"== {gold_dir}")
        score(gold_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
