"""Naming: how an article names each actor ("ISIS", "militants", "Prime Minister Maliki", "Iraqi troops"),
one group per actor with every label and its count.

The mentions are found in :mod:`newskit.language._mentions` (generic labels, names, titles); here they are
grouped into actors (steps 4 and 5 of :func:`labels`). The word lists are documented here so that
students can criticise them.

>>> import newskit
>>> g = labels(newskit.from_text("Head\\n\\nThe National Liberation Front (NLF) attacked. The NLF fled.")).find("NLF")
>>> g.name, g.kind, g.texts
('NLF', 'organisation', ['NLF', 'National Liberation Front'])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import Html, esc, html_table, text_table
from ..core.text import Text
from ..core.words import fold
from ._common import _cached, _Token
from ._mentions import _CONNECTORS, _NAME_PREFIXES, _is_cap, _label_text, _Mention, _mentions, _Scan, _Titles

#: Generic labels for groups of people in the news, by category. Multi-word entries win over shorter ones.
#: A label may carry a qualifier ("Iraqi troops", "Iraq's army", "the government of Iraq") that tells
#: which side it belongs to; unqualified "security forces" join the article's dominant qualified group.
GROUP_LABELS: dict[str, tuple[str, ...]] = {
    "armed group": ("militant", "militants", "insurgent", "insurgents", "insurgency", "rebel", "rebels",
                    "extremist", "extremists", "terrorist", "terrorists", "terrorist group", "terrorist groups",
                    "terror group", "terror groups", "terrorist organisation", "terrorist organization",
                    "jihadist", "jihadists", "jihadi", "jihadis", "fighters", "gunman", "gunmen", "militia",
                    "militias", "militiamen", "guerrilla", "guerrillas", "islamist", "islamists", "radicals",
                    "armed group", "armed groups"),
    "state forces": ("troops", "forces", "army", "soldiers", "soldier", "military", "police", "policemen",
                     "police officers", "security forces", "government forces", "army forces", "armed forces",
                     "security personnel", "servicemen", "national guard"),
    "government": ("government", "officials", "authorities", "administration", "ministry", "cabinet",
                   "regime", "government officials"),
}

#: Titles of more than one word that may stand before a person's name (lower case; the longest match wins).
#: One-word titles ("Mr", "President", "Gen.") are :data:`newskit.core.words.PERSON_TITLES`.
TITLES: tuple[str, ...] = (
    "prime minister", "deputy prime minister", "foreign minister", "defence minister", "defense minister",
    "interior minister", "vice president", "secretary of state", "parliamentary speaker", "chief executive",
    "attorney general",
)

#: Well-known armed groups (lower case). A named group that matches one of these (or whose expansion
#: contains one) is the one generic labels like "militants" are tied to when it is the most mentioned.
ARMED_GROUP_NAMES: frozenset[str] = frozenset({
    "isis", "isil", "is", "islamic state", "daesh", "al-qaeda", "al-qaida", "al qaeda", "aqap", "aqim",
    "taliban", "the taliban", "hamas", "hezbollah", "hizbollah", "boko haram", "al-shabaab", "al-shabab",
    "houthis", "houthi", "pkk", "farc", "ira", "eta", "al-nusra", "nusra front", "jabhat al-nusra", "hts",
    "lashkar-e-taiba", "islamic jihad", "free syrian army", "ypg",
})

_HEADERS = ("actor", "kind", "mentions", "labels")


@dataclass(frozen=True)
class Label:
    """One way of naming an actor: the words (apostrophes made straight), how often, and where."""

    text: str
    count: int
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ActorGroup:
    """One actor and every label the article uses for it.

    ``kind``: "person", "organisation" (acronyms and their expansions, known groups), "group"
    (only generic labels such as "militants"), or "name" (other multi-word names). ``category``
    is the :data:`GROUP_LABELS` category of its generic labels, if any.
    """

    name: str
    kind: str
    category: str | None
    labels: tuple[Label, ...]

    @property
    def count(self) -> int:
        return sum(lb.count for lb in self.labels)

    @property
    def texts(self) -> list[str]:
        return [lb.text for lb in self.labels]

    def label(self, text: str) -> Label | None:
        """The label written exactly *text* (straight apostrophes), or None."""
        return next((lb for lb in self.labels if lb.text == text), None)


@dataclass(frozen=True)
class Labels:
    """How the article names each actor: one group per actor, most mentioned first."""

    groups: tuple[ActorGroup, ...]

    def __len__(self) -> int:
        return len(self.groups)

    def __iter__(self) -> Iterator[ActorGroup]:
        return iter(self.groups)

    def find(self, label: str) -> ActorGroup | None:
        """The group that has a label written *label* (case-insensitive), or None."""
        want = fold(label)
        return next((g for g in self.groups if any(fold(lb.text) == want for lb in g.labels)), None)

    def to_dict(self) -> dict[str, Any]:
        return {"groups": [{"name": g.name, "kind": g.kind, "category": g.category, "count": g.count,
                            "labels": [{"text": lb.text, "count": lb.count, "spans": [list(s) for s in lb.spans]}
                                       for lb in g.labels]} for g in self.groups]}

    def __str__(self) -> str:
        rows = [(g.name, g.kind + (f" ({g.category})" if g.category else ""), str(g.count),
                 ", ".join(f"{lb.text} ×{lb.count}" for lb in g.labels)) for g in self.groups]
        return text_table(_HEADERS, rows, "How the article names each actor", limit=30, width=90)

    def _repr_html_(self) -> str:
        rows = [(Html(f"<b>{esc(g.name)}</b>"), g.kind + (f" ({g.category})" if g.category else ""), g.count,
                 Html(", ".join(f"{esc(lb.text)}&nbsp;×{lb.count}" for lb in g.labels))) for g in self.groups]
        return html_table(_HEADERS, rows, numeric=[2], caption="How the article names each actor")


def _tables() -> tuple[_Titles, dict[str, list[tuple[str, ...]]]]:
    """The titles, and the lexicon of :data:`GROUP_LABELS` (first word -> [(words..., category)], longest first)."""
    store = _tables.__dict__
    if "t" not in store:
        lexicon: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for cat, ls in GROUP_LABELS.items():
            for label in ls:
                words = tuple(label.split())
                lexicon[words[0]].append(words + (cat,))
        for v in lexicon.values():
            v.sort(key=lambda x: -len(x))
        store["t"] = (_Titles(TITLES), dict(lexicon))
    return store["t"]


def labels(text: Text) -> Labels:
    """How the article names each actor, grouped into one entry per actor with every label and its count.

    Grouping rules (general, documented): an acronym joins the name it stands for when it follows
    it in brackets ("Islamic State of Iraq in Syria (ISIS ...)"), and other acronyms in the same
    brackets ("sometimes referred to ISIL") join too; a person's names and titles join on the
    surname ("Prime Minister Maliki", "al-Maliki"); generic labels from :data:`GROUP_LABELS`
    join by category: "armed group" labels ("militants", "extremists") go to the most mentioned
    named armed group (:data:`ARMED_GROUP_NAMES`), "state forces" and "government" labels group
    by their qualifier ("Iraqi troops", "Iraq's Army"; unqualified ones join the most mentioned
    qualifier). Single one-word names with a single form (places, mostly) are left out. Titles
    before a name are :data:`TITLES` and the one-word titles of :mod:`newskit.core.words`.

    >>> import newskit
    >>> sorted(newskit.sample().labels().find("ISIL").texts)[:3]
    ['ISIL', 'ISIS', 'Islamic State of Iraq in Syria']
    """
    return _cached(text, "labels", lambda: _build_labels(text))


def _build_labels(text: Text) -> Labels:
    """Steps 1-3 find the mentions (:mod:`._mentions`); step 4 joins them into actors; step 5 builds the groups."""
    titles, lexicon = _tables()
    scan, kept = _mentions(text, titles, lexicon)
    uf = _UnionFind()
    for m in kept:
        uf.find(m.key)
    _join_people(scan, kept, uf)
    _join_aliases(scan, kept, uf)
    armed_roots = _armed_roots(kept, uf)
    _join_generic_labels(kept, uf, armed_roots)
    return _groups(scan, kept, uf, armed_roots)


# ------------------------------------------------------------------------------------------------
# 4. Join the mentions of one actor (union-find over their keys)
# ------------------------------------------------------------------------------------------------


class _UnionFind:
    """Keys joined into sets; ``find`` gives a set's root (and registers a new key)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        parent = self.parent
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _join_people(scan: _Scan, kept: list[_Mention], uf: _UnionFind) -> None:
    """People: names sharing a surname join, unless their first names differ ("Bill Clinton", "Hillary Clinton")."""
    by_surname: dict[str, list[_Mention]] = defaultdict(list)
    for m in kept:
        if m.source in ("person", "name") and m.parts:
            by_surname[m.parts[0]].append(m)
    for sur, ms in by_surname.items():
        richer = [m for m in ms if m.source == "person" or m.tokens[1] > m.tokens[0]]
        if not richer:
            continue  # only one-word names: places, mostly
        firsts = Counter(m.parts[1] for m in ms if m.parts[1])  # type: ignore[index]
        top_first = firsts.most_common(1)[0][0] if firsts else None
        for m in ms:
            if m.tokens[0] == m.tokens[1] and m.source == "name" and scan.tag(m.tokens[0]) == "JJ" and \
                    not scan.toks[m.tokens[0]].lower.startswith(_NAME_PREFIXES):
                continue  # "African" after "South African" is an adjective, not a surname
            first = m.parts[1] if len(firsts) > 1 else None  # type: ignore[index]
            if len(firsts) > 1 and first is None:
                first = top_first
            m.key = f"pers:{sur}" + (f":{first}" if first else "")
            uf.find(m.key)


def _join_aliases(scan: _Scan, kept: list[_Mention], uf: _UnionFind) -> None:
    """Acronyms in brackets after a name (or a name in brackets after an acronym), aliases in the same brackets,
    and "X, also known as Y"."""
    toks, lowers = scan.toks, scan.lowers
    by_first_tok = {m.tokens[0]: m for m in kept}
    for m in kept:
        if m.source not in ("name", "acronym", "person"):
            continue
        after = m.tokens[1] + 1
        if after < len(toks) and toks[after].text == "(" and toks[after].sentence == toks[m.tokens[0]].sentence:
            inside: list[_Mention] = []
            x = after + 1
            while x < len(toks) and toks[x].text != ")" and x - after < 15 and toks[x].sentence == toks[after].sentence:
                if x in by_first_tok and by_first_tok[x].source in ("acronym", "name"):
                    inside.append(by_first_tok[x])
                x += 1
            if inside and _expands(m, inside[0], toks):
                for other in inside:
                    uf.union(m.key, other.key)
        y = after + (1 if after < len(toks) and toks[after].text == "," else 0)
        if y >= len(toks) or lowers[y] not in ("also", "known", "referred", "aka"):
            continue  # no cue can match
        for cue in (("also", "known", "as"), ("known", "as"), ("referred", "to", "as"), ("aka",)):
            if tuple(toks[z].lower for z in range(y, min(len(toks), y + len(cue)))) == cue:
                nxt = by_first_tok.get(y + len(cue))
                if nxt is not None and nxt.source in ("acronym", "name"):
                    uf.union(m.key, nxt.key)
                break


def _armed_roots(kept: list[_Mention], uf: _UnionFind) -> set[str]:
    """The roots of the actors named as a known armed group (:data:`ARMED_GROUP_NAMES`)."""
    long_names = [g for g in ARMED_GROUP_NAMES if len(g) > 4]
    roots: set[str] = set()
    armed_text: dict[str, bool] = {}  # worked out once per distinct label text
    for x in kept:
        if x.source != "lexicon":
            is_armed = armed_text.get(x.text)
            if is_armed is None:
                low = fold(x.text)
                is_armed = armed_text[x.text] = low in ARMED_GROUP_NAMES or any(g in low for g in long_names)
            if is_armed:
                roots.add(uf.find(x.key))
    return roots


def _same_nation(a: str, b: str) -> bool:
    """True when two qualifiers name the same nation ("Iraq", "Iraqi")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1] if short.endswith("a") else short)


def _join_generic_labels(kept: list[_Mention], uf: _UnionFind, armed_roots: set[str]) -> None:
    """Generic labels: armed-group ones go to the most mentioned armed group; state forces and government
    ones group by their qualifier's nation, unqualified ones join the most mentioned qualifier."""
    root_counts = Counter(uf.find(m.key) for m in kept if m.source != "lexicon")
    lex = [m for m in kept if m.source == "lexicon"]
    armed_lex = [m for m in lex if m.category == "armed group"]
    if armed_lex:
        candidates = [r for r, _ in root_counts.most_common() if r in armed_roots]
        target = candidates[0] if candidates else "lex:armed group"
        for m in armed_lex:
            m.key = target
            uf.find(target)
    for cat in ("state forces", "government"):
        ms = [m for m in lex if m.category == cat]
        nations: list[str] = []
        # a qualifier's nation is the first of the nations so far that it names, or itself: a nation added later
        # comes after that one, so the answer for a qualifier never changes (worked out once per qualifier)
        nation_of: dict[str, str] = {}
        for m in ms:
            if m.qualifier:
                q = m.qualifier
                match = nation_of.get(q)
                if match is None:
                    match = next((n for n in nations if _same_nation(n, q)), None)
                    if match is None:
                        nations.append(q)
                        match = q
                    nation_of[q] = match
                m.key = f"lex:{cat}:{match.lower()}"
        counts = Counter(m.key for m in ms if m.qualifier)
        default = counts.most_common(1)[0][0] if counts else f"lex:{cat}"
        for m in ms:
            if not m.qualifier:
                m.key = default
            uf.find(m.key)


def _expands(name: _Mention, other: _Mention, toks: list[_Token]) -> bool:
    """True when one of the two is an acronym of the other (initials of the capitalised words)."""
    if name.source == "acronym" and other.source in ("name", "person"):
        name, other = other, name
    if other.source != "acronym" or name.source == "acronym":
        return False
    acr = other.text.replace(".", "").upper()
    words = [toks[i].text for i in range(name.tokens[0], name.tokens[1] + 1) if toks[i].is_word]
    caps = "".join(w[0].upper() for w in words if _is_cap(w) and w.lower() not in _CONNECTORS)
    every = "".join(w[0].upper() for w in words)
    return acr in (caps, every) or (len(acr) >= 2 and acr[0] == caps[:1] and _subsequence(acr, caps))


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


# ------------------------------------------------------------------------------------------------
# 5. Build the groups
# ------------------------------------------------------------------------------------------------


def _groups(scan: _Scan, kept: list[_Mention], uf: _UnionFind, armed_roots: set[str]) -> Labels:
    """One :class:`ActorGroup` per set of joined mentions, most mentioned first (one-word single-form names left out)."""
    members: dict[str, list[_Mention]] = defaultdict(list)
    for m in kept:
        members[uf.find(m.key)].append(m)
    result: list[tuple[int, int, ActorGroup]] = []
    for root, ms in members.items():
        sources_ = {m.source for m in ms}
        label_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in ms:
            label_spans[m.text].append((m.start, m.end))
        armed = root in armed_roots
        if sources_ == {"name"} and len(label_spans) == 1:
            only = ms[0]
            if only.tokens[0] == only.tokens[1] and not armed:
                continue  # a one-word name with one form: nothing to compare
        cats = [m.category for m in ms if m.category]
        category = Counter(cats).most_common(1)[0][0] if cats else None
        if "acronym" in sources_ or armed:
            kind = "organisation"
        elif "person" in sources_ or (root.startswith("pers:") and len(label_spans) > 1):
            kind = "person"
        elif sources_ == {"lexicon"}:
            kind = "group"
        else:
            kind = "name"
        first_pos = {t: min(sp)[0] for t, sp in label_spans.items()}
        lab = tuple(sorted((Label(t, len(sp), tuple(sorted(sp))) for t, sp in label_spans.items()),
                           key=lambda lb: (-lb.count, first_pos[lb.text])))
        name = _group_name(kind, ms, lab, first_pos, scan.toks, scan.titles)
        total = sum(lb.count for lb in lab)
        result.append((total, min(first_pos.values()), ActorGroup(name, kind, category, lab)))
    result.sort(key=lambda x: (-x[0], x[1]))
    return Labels(tuple(g for _, _, g in result))


def _group_name(kind: str, ms: list[_Mention], lab: tuple[Label, ...], first_pos: dict[str, int], toks: list[_Token],
                titles: _Titles) -> str:
    """The name a group is shown under: a person's most used full name without titles, else its most used
    proper label (for an organisation, one that is a name rather than a generic label)."""
    if kind == "person":
        forms: Counter[str] = Counter()
        for m in ms:
            words = [toks[i].text for i in range(m.tokens[0], m.tokens[1] + 1)]
            cut = titles.leading([w.lower() for w in words], len(words))
            forms[_label_text(" ".join(words[cut:]))] += 1
        multi = [f for f in forms if " " in f]
        if multi:
            return max(multi, key=lambda f: (forms[f], len(f)))
        return max(forms, key=lambda f: (forms[f], -len(f)))
    proper = [lb for lb in lab if any(_is_cap(w) for w in lb.text.split())]
    if kind == "organisation":
        proper = [lb for lb in lab if any(m.text == lb.text and m.source != "lexicon" for m in ms)] or proper
    pool = proper or list(lab)
    return min(pool, key=lambda lb: (-lb.count, first_pos[lb.text])).text
