"""Templates with slots: ads of one organiser that differ only by name, age, city, nationality.

Networks post several persons with one text, changing the slot values ("Nouvelle à Lens :
Monica, 22 ans" / "Nouvelle à Calais : Pamela, 25 ans"). Such a pair is evidence that the
two ads share an organiser (a network link) and, when the name, age or nationality
differs, evidence *against* merging them into one person.

How: each candidate pair (from :func:`adcount.lsh_pairs`) is aligned word by word (a
Levenshtein alignment of the two sequences of word hashes, compiled with numba). Runs of
replaced words of at most :data:`MAX_SLOT_WORDS` words on each side are slot candidates,
classified by content and context:

* ``age``: a number from 18 to 99;
* ``nationality``: a word from a lexicon of nationalities and origins;
* ``name``: a word right before an age, or after "suis", "est", "moi", "appelle", ...;
* ``city``: a word after "à", "sur", "de", "près", ...;
* ``other``: anything else (a synonym, a reworded phrase).

A pair is "same template" when at least half of the shorter text's words are aligned
equal (and at least :data:`MIN_EQUAL_WORDS`), at most 40% of them sit in differing
runs that are no slot (more is a rewording), and at least one slot of kind name, age, city
or nationality differs. Ages one year apart are not a differing slot (a person restating
her age). Runs of replaced words of equal length are split and classified word by word. :func:`compare_templates` gives this test for every pair (for
the linkage stage); :func:`find_templates` groups ads into templates (connected components
of same-template pairs) and lays out each template with its slots for a reviewer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numba import njit, prange
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from adcount.text.blocks import checked_texts, encode_block
from adcount.text.lsh import lsh_pairs
from adcount.text.minhash import minhash
from adcount.text.normalize import normalize_texts
from adcount.text.shingles import FNV_OFFSET, fmix64, fnv_step

SLOT_NAME, SLOT_AGE, SLOT_CITY, SLOT_NATIONALITY, SLOT_OTHER = 1, 2, 4, 8, 16
SLOT_KINDS = {SLOT_NAME: "name", SLOT_AGE: "age", SLOT_CITY: "city", SLOT_NATIONALITY: "nationality", SLOT_OTHER: "other"}
PERSON_SLOTS = SLOT_NAME | SLOT_AGE | SLOT_NATIONALITY  # differing: not one person
TEMPLATE_SLOTS = PERSON_SLOTS | SLOT_CITY
MAX_SLOT_WORDS = 3
MIN_EQUAL_WORDS = 8
MIN_EQUAL_SHARE = 0.5
MAX_OTHER_SHARE = 0.4  # more reworded words than this: a rewording, not a filled template
_NOT_A_NUMBER = -1
_SPACE = 32

_NAME_CUES = "suis est moi appelle appele prenom nom m".split()
_CITY_CUES = "a au aux sur de du en vers pres proche centre region secteur ville quartier dans".split()
_NATIONALITIES = """
francaise francais bresilienne bresilien roumaine roumain bulgare nigeriane nigerian espagnole
espagnol italienne italien russe ukrainienne polonaise chinoise japonaise thailandaise thai
vietnamienne colombienne colombien venezuelienne dominicaine cubaine africaine ivoirienne
camerounaise senegalaise marocaine marocain algerienne tunisienne libanaise portugaise
allemande anglaise belge suisse hongroise tcheque slovaque albanaise serbe croate moldave
lettone lituanienne asiatique latine latino metisse antillaise guadeloupeenne martiniquaise
reunionnaise malgache congolaise ghaneenne americaine canadienne mexicaine argentine
peruvienne chilienne equatorienne philippine indonesienne coreenne indienne turque grecque
orientale europeenne slave suedoise norvegienne danoise finlandaise irlandaise hollandaise
autrichienne arabe kabyle beurette
""".split()


@njit(cache=True, nogil=True)
def _block_words(cps, offsets):
    """Word hashes and numeric values of normalised texts, as CSR arrays (words split on spaces)."""
    hashes = np.empty(cps.size, dtype=np.uint64)
    numbers = np.empty(cps.size, dtype=np.int64)
    word_offsets = np.zeros(offsets.size, dtype=np.int64)
    w = 0
    for d in range(offsets.size - 1):
        i = offsets[d]
        end = offsets[d + 1] - 1
        while i < end:
            if cps[i] == _SPACE:
                i += 1
                continue
            h = FNV_OFFSET
            value = 0
            numeric = True
            while i < end and cps[i] != _SPACE:
                c = cps[i]
                h = fnv_step(h, c)
                if 48 <= c <= 57 and value < 10**9:
                    value = value * 10 + (c - 48)
                else:
                    numeric = False
                i += 1
            hashes[w] = fmix64(h)
            numbers[w] = value if numeric else _NOT_A_NUMBER
            w += 1
        word_offsets[d + 1] = w
    return hashes[:w], numbers[:w], word_offsets


@njit(cache=True, nogil=True)
def _is_age(value):
    return 18 <= value <= 99


@njit(cache=True, nogil=True)
def _in_sorted(values, x):
    k = np.searchsorted(values, x)
    return k < values.size and values[k] == x


@njit(cache=True, nogil=True)
def _first_age(numbers, start, end):
    for k in range(start, end):
        if _is_age(numbers[k]):
            return numbers[k]
    return _NOT_A_NUMBER


@njit(cache=True, nogil=True)
def _word_kind(a_hash, a_num, ia0, ia1, b_hash, b_num, jb0, jb1, name_cues, city_cues, nationalities):
    """Kind of the replaced run a[ia0:ia1] / b[jb0:jb1] (module docs)."""
    a_age = _first_age(a_num, ia0, ia1)
    b_age = _first_age(b_num, jb0, jb1)
    if a_age != _NOT_A_NUMBER or b_age != _NOT_A_NUMBER:
        # one year apart is one person restating her age (or a typo), not another person
        both = a_age != _NOT_A_NUMBER and b_age != _NOT_A_NUMBER
        return SLOT_OTHER if both and abs(a_age - b_age) <= 1 else SLOT_AGE
    for k in range(ia0, ia1):
        if _in_sorted(nationalities, a_hash[k]):
            return SLOT_NATIONALITY
    for k in range(jb0, jb1):
        if _in_sorted(nationalities, b_hash[k]):
            return SLOT_NATIONALITY
    if (ia1 < a_hash.size and _is_age(a_num[ia1])) or (ia0 > 0 and _in_sorted(name_cues, a_hash[ia0 - 1])):
        return SLOT_NAME  # "monica 22 ans", "je suis monica"
    if ia0 > 0 and _in_sorted(city_cues, a_hash[ia0 - 1]):
        return SLOT_CITY
    return SLOT_OTHER


@njit(cache=True, nogil=True)
def _slot_kinds(a_hash, a_num, ia0, ia1, b_hash, b_num, jb0, jb1, name_cues, city_cues, nationalities):
    """Kind of a replaced run: runs longer than :data:`MAX_SLOT_WORDS` words are "other"."""
    if not (1 <= ia1 - ia0 <= MAX_SLOT_WORDS and 1 <= jb1 - jb0 <= MAX_SLOT_WORDS):
        return SLOT_OTHER
    return _word_kind(a_hash, a_num, ia0, ia1, b_hash, b_num, jb0, jb1, name_cues, city_cues, nationalities)


@njit(cache=True, nogil=True)
def _close_span(spans, n_spans, a_start, a_end, b_start, b_end):
    spans[n_spans, 0] = a_start
    spans[n_spans, 1] = a_end
    spans[n_spans, 2] = b_start
    spans[n_spans, 3] = b_end
    spans[n_spans, 4] = 0
    return n_spans + 1


@njit(cache=True, nogil=True)
def _diff_spans(a_hash, a_num, b_hash, b_num, name_cues, city_cues, nationalities):
    """Align two word sequences; return (equal word count, spans) where each span row is
    (a start, a end, b start, b end, kind) for a maximal run of non-equal alignment steps;
    runs replacing as many words as they remove ("lens monica 22" / "calais pamela 27") are
    split word by word, each word its own slot."""
    la = a_hash.size
    lb = b_hash.size
    cost = np.empty((la + 1, lb + 1), dtype=np.int32)
    for i in range(la + 1):
        cost[i, 0] = i
    for j in range(lb + 1):
        cost[0, j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            substitute = cost[i - 1, j - 1] + (a_hash[i - 1] != b_hash[j - 1])
            cost[i, j] = min(substitute, cost[i - 1, j] + 1, cost[i, j - 1] + 1)
    spans = np.empty((la + lb + 1, 5), dtype=np.int64)
    n_spans = 0
    equal = 0
    i, j = la, lb
    span_open = False
    end_a = end_b = 0
    while i > 0 or j > 0:
        if i > 0 and j > 0 and a_hash[i - 1] == b_hash[j - 1] and cost[i, j] == cost[i - 1, j - 1]:
            if span_open:
                n_spans = _close_span(spans, n_spans, i, end_a, j, end_b)
                span_open = False
            equal += 1
            i -= 1
            j -= 1
            continue
        if not span_open:
            span_open = True
            end_a, end_b = i, j
        if i > 0 and j > 0 and cost[i, j] == cost[i - 1, j - 1] + 1:
            i -= 1
            j -= 1
        elif i > 0 and cost[i, j] == cost[i - 1, j] + 1:
            i -= 1
        else:
            j -= 1
    if span_open:
        n_spans = _close_span(spans, n_spans, 0, end_a, 0, end_b)
    runs = spans[:n_spans][::-1]
    out = np.empty_like(spans)  # word-by-word runs are split, so never more rows than la + lb
    m = 0
    for s in range(n_spans):
        a0, a1, b0, b1 = runs[s, 0], runs[s, 1], runs[s, 2], runs[s, 3]
        if a1 - a0 == b1 - b0 and 1 < a1 - a0 <= MAX_SLOT_WORDS:
            for k in range(a1 - a0):
                m = _close_span(out, m, a0 + k, a0 + k + 1, b0 + k, b0 + k + 1)
        else:
            m = _close_span(out, m, a0, a1, b0, b1)
    for s in range(m):
        out[s, 4] = _slot_kinds(a_hash, a_num, out[s, 0], out[s, 1], b_hash, b_num,
                                out[s, 2], out[s, 3], name_cues, city_cues, nationalities)
    return equal, out[:m]


@njit(cache=True, nogil=True, parallel=True)
def _compare_pairs(hashes, numbers, word_offsets, pairs, name_cues, city_cues, nationalities):
    n = pairs.shape[0]
    equal_share = np.empty(n, dtype=np.float64)
    kinds = np.zeros(n, dtype=np.uint8)
    equal_words = np.empty(n, dtype=np.int64)
    other_share = np.empty(n, dtype=np.float64)
    for t in prange(n):
        a0, a1 = word_offsets[pairs[t, 0]], word_offsets[pairs[t, 0] + 1]
        b0, b1 = word_offsets[pairs[t, 1]], word_offsets[pairs[t, 1] + 1]
        equal, spans = _diff_spans(hashes[a0:a1], numbers[a0:a1], hashes[b0:b1], numbers[b0:b1],
                                   name_cues, city_cues, nationalities)
        mask = 0
        other = 0
        for s in range(spans.shape[0]):
            mask |= spans[s, 4]
            if not spans[s, 4] & TEMPLATE_SLOTS:
                other += max(spans[s, 1] - spans[s, 0], spans[s, 3] - spans[s, 2])
        shorter = max(min(a1 - a0, b1 - b0), 1)
        kinds[t] = mask
        equal_words[t] = equal
        equal_share[t] = equal / shorter
        other_share[t] = other / shorter
    return equal_words, equal_share, other_share, kinds


def slot_label(mask: int) -> str:
    """Readable kinds of a slot bitmask: ``"name+age"``."""
    return "+".join(name for bit, name in SLOT_KINDS.items() if mask & bit)


def _word_hashes(words: list[str]) -> np.ndarray:
    """Sorted hashes of lexicon words (already in normalised form)."""
    cps, offsets = encode_block(words, nfkc=False)
    return np.sort(_block_words(cps, offsets)[0])


_LEXICONS = tuple(_word_hashes(words) for words in (_NAME_CUES, _CITY_CUES, _NATIONALITIES))


def _words_of(normalised: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return _block_words(*encode_block(normalised, nfkc=False))


@dataclass(frozen=True)
class TemplatePairs:
    """Per-pair template evidence, aligned with ``pairs``.

    ``same_template``: the pair shares one template with different slot values.
    ``different_person``: same template and a differing name, age or nationality (evidence
    against merging the two ads into one person). ``slot_kinds``: bitmask of the kinds of
    differing runs (``SLOT_*``). ``equal_share``: words aligned equal / words of the shorter
    ad; ``other_share``: words in differing runs that are no slot / words of the shorter ad.
    """

    pairs: np.ndarray
    same_template: np.ndarray
    different_person: np.ndarray
    slot_kinds: np.ndarray
    equal_share: np.ndarray
    other_share: np.ndarray


def _checked_pairs(pairs: np.ndarray, n: int) -> np.ndarray:
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if pairs.size and (pairs.min() < 0 or pairs.max() >= n):
        raise IndexError(f"pairs refer to rows outside 0..{n - 1}")
    return np.ascontiguousarray(pairs)


def compare_templates(texts: Iterable[str | None], pairs: np.ndarray, *, normalize: bool = True) -> TemplatePairs:
    """The "same template, different slot values" test for each pair of ``pairs``."""
    normalised = normalize_texts(texts) if normalize else checked_texts(texts)
    pairs = _checked_pairs(pairs, len(normalised))
    hashes, numbers, word_offsets = _words_of(normalised)
    equal_words, equal_share, other_share, kinds = _compare_pairs(hashes, numbers, word_offsets, pairs, *_LEXICONS)
    same = (
        (equal_share >= MIN_EQUAL_SHARE)
        & (equal_words >= MIN_EQUAL_WORDS)
        & (other_share <= MAX_OTHER_SHARE)
        & ((kinds & TEMPLATE_SLOTS) != 0)
    )
    return TemplatePairs(pairs, same, same & ((kinds & PERSON_SLOTS) != 0), kinds, equal_share, other_share)


@dataclass(frozen=True)
class Templates:
    """Templates found among ads.

    ``labels``: template id of each ad (-1: in no template). ``table``: one row per template
    (``template_id``, ``n_ads``, ``reference`` row, ``template`` text with ``{name}``/``{age}``/
    ``{city}``/``{nationality}`` slots, ``slots`` kinds). ``slots``: one row per ad and slot
    (``row``, ``template_id``, ``slot``, ``value``) for a reviewer.
    """

    labels: np.ndarray
    table: pd.DataFrame
    slots: pd.DataFrame


def _layout(template_id: int, rows: np.ndarray, normalised: list[str]) -> tuple[dict, list[dict]]:
    """Template text and slot values of one group, every ad aligned on the group's first ad."""
    reference = int(rows[0])
    ref_words = normalised[reference].split()
    hashes, numbers, offsets = _words_of([normalised[r] for r in rows])
    slot_at: dict[int, tuple[int, int]] = {}  # reference word -> (end word, kind)
    values: list[dict] = []
    for member in range(1, len(rows)):
        _, spans = _diff_spans(hashes[offsets[0] : offsets[1]], numbers[offsets[0] : offsets[1]],
                               hashes[offsets[member] : offsets[member + 1]],
                               numbers[offsets[member] : offsets[member + 1]], *_LEXICONS)
        words = normalised[rows[member]].split()
        for a0, a1, b0, b1, kind in spans.tolist():
            if kind & TEMPLATE_SLOTS:
                slot_at.setdefault(a0, (a1, kind))
                values.append({"row": int(rows[member]), "template_id": template_id, "slot": slot_label(kind),
                               "position": a0, "value": " ".join(words[b0:b1])})
    for a0, (a1, kind) in slot_at.items():
        values.append({"row": reference, "template_id": template_id, "slot": slot_label(kind),
                       "position": a0, "value": " ".join(ref_words[a0:a1])})
    shown: list[str] = []
    k = 0
    while k < len(ref_words):
        if k in slot_at:
            shown.append("{" + slot_label(slot_at[k][1]) + "}")
            k = max(slot_at[k][0], k + 1)
        else:
            shown.append(ref_words[k])
            k += 1
    row = {"template_id": template_id, "n_ads": len(rows), "reference": reference, "template": " ".join(shown),
           "slots": ",".join(sorted({slot_label(kind) for _, kind in slot_at.values()}))}
    return row, values


def find_templates(
    texts: Iterable[str | None],
    pairs: np.ndarray | None = None,
    *,
    min_ads: int = 2,
    threshold: float = 0.5,
) -> Templates:
    """Group ads sharing one template with different slot values (module docs).

    ``pairs``: candidate pairs (default: :func:`adcount.lsh_pairs` on word 2-gram MinHash at
    ``threshold``, which tolerates the changed slot words). Groups smaller than ``min_ads``
    are dropped.
    """
    normalised = normalize_texts(texts)
    n = len(normalised)
    if pairs is None:
        pairs = lsh_pairs(minhash(normalised, shingle="word", k=2, normalize=False), threshold=threshold)
    evidence = compare_templates(normalised, pairs, normalize=False)
    linked = evidence.pairs[evidence.same_template]
    graph = coo_matrix((np.ones(len(linked)), (linked[:, 0], linked[:, 1])), shape=(n, n))
    _, components = connected_components(graph, directed=False)
    sizes = np.bincount(components, minlength=n)
    keep = (sizes[components] >= max(min_ads, 2))
    labels = np.full(n, -1, dtype=np.int64)
    kept_components = np.unique(components[keep]) if keep.any() else np.zeros(0, dtype=np.int64)
    labels[keep] = np.searchsorted(kept_components, components[keep])
    rows_of = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[rows_of], np.arange(len(kept_components) + 1))
    table_rows, slot_rows = [], []
    for template_id in range(len(kept_components)):
        row, values = _layout(template_id, rows_of[bounds[template_id] : bounds[template_id + 1]], normalised)
        table_rows.append(row)
        slot_rows.extend(values)
    table = pd.DataFrame(table_rows, columns=["template_id", "n_ads", "reference", "template", "slots"])
    slots = pd.DataFrame(slot_rows, columns=["row", "template_id", "slot", "position", "value"])
    return Templates(labels, table, slots.sort_values(["template_id", "row", "position"], ignore_index=True))
