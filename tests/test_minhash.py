"""MinHash signatures: layout, sentinel rows, determinism and agreement with datasketch."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import MinHash

import adcount
from adcount.text.lsh import jaccard_estimate
from adcount.text.minhash import EMPTY_SLOT, is_empty_signature, permutations, to_datasketch
from adcount.text.shingles import shingle_hashes
from text_ads import ad, corpus, repost


def _exact_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    a, b = set(a.tolist()), set(b.tolist())
    return len(a & b) / len(a | b)


def test_shape_dtype_and_determinism():
    texts, _ = corpus(20, 1, seed=1)
    sig = adcount.minhash(texts, num_perm=64, seed=5)
    assert sig.shape == (40, 64) and sig.dtype == np.uint32
    np.testing.assert_array_equal(sig, adcount.minhash(texts, num_perm=64, seed=5))
    assert (sig != adcount.minhash(texts, num_perm=64, seed=6)).mean() > 0.9


def test_blocks_threads_and_duplicates_do_not_change_rows():
    texts, _ = corpus(15, 2, seed=2)
    texts = texts + texts[:7]  # exact re-posts
    reference = adcount.minhash(texts, n_threads=1, block_size=4096)
    np.testing.assert_array_equal(adcount.minhash(texts, n_threads=2, block_size=4), reference)
    np.testing.assert_array_equal(reference[-7:], reference[:7])


def test_short_and_missing_texts_get_the_sentinel_row():
    texts = [ad(random.Random(0)), "", None, float("nan"), "Lola 06 12 34 56 78", "Nouvelle 😘"]
    sig = adcount.minhash(texts)
    assert is_empty_signature(sig).tolist() == [False, True, True, True, True, True]
    assert (sig[1:] == EMPTY_SLOT).all()
    assert not is_empty_signature(adcount.minhash(["Nouvelle 😘"], min_shingles=3))[0]


@pytest.mark.parametrize(("shingle", "k"), [("char", 5), ("char", 3), ("word", 2), ("word", 3)])
def test_signatures_are_bit_for_bit_datasketch_affine32(shingle, k):
    texts, _ = corpus(4, 1, seed=3)
    sig = adcount.minhash(texts, num_perm=96, seed=11, shingle=shingle, k=k)
    for text_hashes, row in zip(shingle_hashes(texts, shingle=shingle, k=k), sig):
        reference = MinHash(num_perm=96, seed=11, hashfunc=int, scheme="affine32")
        reference.update_batch(text_hashes.tolist())
        np.testing.assert_array_equal(reference.hashvalues, row)


def test_permutations_are_datasketchs():
    a, b = permutations(32, seed=7)
    reference = MinHash(num_perm=32, seed=7, scheme="affine32").permutations
    np.testing.assert_array_equal(a, reference[0])
    np.testing.assert_array_equal(b, reference[1])


def test_export_to_datasketch_agrees_on_jaccard_estimates():
    texts, _ = corpus(6, 2, seed=4)
    sig = adcount.minhash(texts, num_perm=128, seed=3)
    lean = to_datasketch(sig, seed=3)
    pairs = np.array([(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))])
    ours = jaccard_estimate(sig, pairs)
    theirs = np.array([lean[i].jaccard(lean[j]) for i, j in pairs])
    np.testing.assert_allclose(ours, theirs)
    # and both estimate the true Jaccard of the shingle sets
    hashes = shingle_hashes(texts)
    exact = np.array([_exact_jaccard(hashes[i], hashes[j]) for i, j in pairs])
    assert np.abs(ours - exact).mean() < 0.03
    assert np.abs(ours - exact).max() < 0.15


def test_normalisation_makes_disguised_reposts_similar():
    rng = random.Random(8)
    original = ad(rng)
    texts = [original, repost(original, rng)]
    normalised = jaccard_estimate(adcount.minhash(texts), np.array([[0, 1]]))[0]
    raw = jaccard_estimate(adcount.minhash(texts, normalize=False), np.array([[0, 1]]))[0]
    assert normalised > 0.75
    assert raw < normalised - 0.15


def test_bad_options_are_named():
    with pytest.raises(ValueError, match="shingle"):
        adcount.minhash(["a"], shingle="letters")
    with pytest.raises(ValueError, match="k must be"):
        adcount.minhash(["a"], k=0)
    with pytest.raises(ValueError, match="num_perm"):
        adcount.minhash(["a"], num_perm=0)
    with pytest.raises(TypeError, match="position 1"):
        adcount.minhash(["a", b"bytes"])
    with pytest.raises(ValueError, match="2-d uint32"):
        to_datasketch(np.zeros(4, dtype=np.uint32))


def test_empty_input():
    assert adcount.minhash([], num_perm=16).shape == (0, 16)
