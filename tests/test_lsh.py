"""LSH candidate pairs: banding, recall against exact Jaccard, giant buckets, sentinels."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import MinHashLSH
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

import adcount
from adcount.text.lsh import jaccard_estimate, optimal_bands
from adcount.text.minhash import EMPTY_SLOT
from adcount.text.shingles import shingle_hashes
from text_ads import ad, corpus


def _exact_pairs(texts: list[str], minimum: float) -> set[tuple[int, int]]:
    sets = [set(h.tolist()) for h in shingle_hashes(texts)]
    return {
        (i, j)
        for i in range(len(sets))
        for j in range(i + 1, len(sets))
        if sets[i] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= minimum
    }


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
@pytest.mark.parametrize("num_perm", [64, 128, 256])
def test_optimal_bands_match_datasketch(threshold, num_perm):
    reference = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert optimal_bands(threshold, num_perm) == (reference.b, reference.r)


def test_weights_move_the_banding():
    bands, rows = optimal_bands(0.5, 128)
    recall_first = optimal_bands(0.5, 128, false_positive_weight=0.1, false_negative_weight=0.9)
    assert recall_first[0] / recall_first[1] > bands / rows  # more bands, fewer rows


def test_recall_of_similar_pairs_against_exact_jaccard():
    texts, _ = corpus(50, 3, seed=5)
    rng = random.Random(6)
    texts += [ad(rng) for _ in range(60)]  # decoys: same vocabulary, other ads
    sig = adcount.minhash(texts)
    pairs = adcount.lsh_pairs(sig, threshold=0.5)
    found = set(map(tuple, pairs.tolist()))
    truth = _exact_pairs(texts, 0.7)
    assert len(truth) >= 250
    assert len(truth & found) / len(truth) >= 0.98
    assert (jaccard_estimate(sig, pairs) >= 0.5).all()


def test_output_layout_is_sorted_unique_and_i_before_j():
    texts, _ = corpus(30, 3, seed=7)
    pairs = adcount.lsh_pairs(adcount.minhash(texts))
    assert pairs.dtype == np.int64 and pairs.ndim == 2 and pairs.shape[1] == 2
    assert (pairs[:, 0] < pairs[:, 1]).all()
    assert len(np.unique(pairs, axis=0)) == len(pairs)
    np.testing.assert_array_equal(pairs, pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))])


def test_sentinel_rows_are_never_paired():
    texts = ["Lola 😘", "Lola 😘", "", "", ad(random.Random(1))]
    sig = adcount.minhash(texts)
    assert (sig[:4] == EMPTY_SLOT).all()
    assert adcount.lsh_pairs(sig, verify_threshold=0).shape == (0, 2)
    assert np.isnan(jaccard_estimate(sig, np.array([[0, 1], [0, 4]]))).all()


def test_giant_bucket_is_chained_not_expanded():
    rng = random.Random(2)
    boilerplate = ad(rng)
    texts = [boilerplate] * 1500 + [ad(rng) for _ in range(40)]
    sig = adcount.minhash(texts)
    pairs = adcount.lsh_pairs(sig, max_bucket=100, window=4)
    inside = pairs[(pairs < 1500).all(axis=1)]
    assert len(inside) <= 1500 * 4  # not 1500 * 1499 / 2
    graph = coo_matrix((np.ones(len(inside)), (inside[:, 0], inside[:, 1])), shape=(1500, 1500))
    assert connected_components(graph, directed=False)[0] == 1
    small = adcount.lsh_pairs(sig[:120], max_bucket=200)
    assert len(small) == 120 * 119 // 2  # under the cap, every pair


def test_verification_and_band_overrides():
    texts, _ = corpus(30, 2, seed=9)
    sig = adcount.minhash(texts)
    verified = set(map(tuple, adcount.lsh_pairs(sig, threshold=0.5).tolist()))
    raw = set(map(tuple, adcount.lsh_pairs(sig, threshold=0.5, verify_threshold=0.0).tolist()))
    assert verified <= raw
    strict = adcount.lsh_pairs(sig, threshold=0.5, verify_threshold=0.9)
    assert (jaccard_estimate(sig, strict) >= 0.9).all() and len(strict) < len(verified)
    assert len(adcount.lsh_pairs(sig, bands=32, rows=4)) >= len(adcount.lsh_pairs(sig, bands=8, rows=16))
    with pytest.raises(ValueError, match="bands \\* rows"):
        adcount.lsh_pairs(sig, bands=64, rows=4)
    with pytest.raises(ValueError, match="threshold"):
        adcount.lsh_pairs(sig, threshold=1.5)
    with pytest.raises(ValueError, match="unsigned"):
        adcount.lsh_pairs(np.zeros((3, 8), dtype=np.float64))


def test_jaccard_estimate_is_the_share_of_equal_slots():
    sig = np.array([[1, 2, 3, 4], [1, 2, 0, 0], [9, 9, 9, 9]], dtype=np.uint32)
    np.testing.assert_allclose(jaccard_estimate(sig, np.array([[0, 1], [0, 2], [1, 1]])), [0.5, 0.0, 1.0])
    with pytest.raises(IndexError):
        jaccard_estimate(sig, np.array([[0, 3]]))


def test_empty_input():
    assert adcount.lsh_pairs(np.zeros((0, 128), dtype=np.uint32)).shape == (0, 2)
