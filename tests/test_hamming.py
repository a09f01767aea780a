"""image_pairs: exact Hamming-radius pairs, checked against brute force and on real photos."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ImageOps
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from adcount import hash_images, image_pairs
from adcount.photos.hamming import DEFAULT_MAX_DISTANCE, MASKED_MARGIN, chunk_plan, pair_distances
from adcount.synth.photos import sample_photos
from adcount.photos.hashing import ImageHashes


def _distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.bitwise_count(np.bitwise_xor(a, b))


def _brute_pairs(table: np.ndarray, radius: int, base_columns=(0,), usable=None, masked_columns=()) -> np.ndarray:
    """Reference: every ordered comparison of every view column with every base column, and of
    each masked column with the same column at the radius minus MASKED_MARGIN."""
    n = len(table)
    close = np.zeros((n, n), dtype=bool)
    views = [c for c in range(table.shape[1]) if c not in masked_columns]
    for base in base_columns:
        close |= (_distances(table[:, None, views], table[None, :, base, None]) <= radius).any(-1)
    for column in masked_columns:
        close |= _distances(table[:, None, column], table[None, :, column]) <= radius - MASKED_MARGIN
    close |= close.T
    if usable is not None:
        close &= usable[:, None] & usable[None, :]
    i, j = np.nonzero(np.triu(close, 1))
    return np.stack([i, j], axis=1).astype(np.int64)


def _clustered_hashes(rng: np.random.Generator, n: int, columns: int, noise: float) -> np.ndarray:
    """Hashes near a few centres (so many pairs fall inside small radii), some exact repeats."""
    centres = rng.integers(0, 2**64 - 1, size=6, dtype=np.uint64, endpoint=True)
    table = centres[rng.integers(0, len(centres), size=(n, columns))]
    flips = rng.random((n, columns, 64)) < noise
    table ^= (flips.astype(np.uint64) << np.arange(64, dtype=np.uint64)).sum(-1, dtype=np.uint64)
    if n:
        table[rng.random(n) < 0.15] = table[0]
    return table


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 90), columns=st.integers(1, 4),
       radius=st.integers(0, 24), noise=st.floats(0.0, 0.25))
def test_pairs_equal_brute_force(seed, n, columns, radius, noise):
    table = _clustered_hashes(np.random.default_rng(seed), n, columns, noise)
    got = image_pairs(table if columns > 1 else table[:, 0], radius)
    np.testing.assert_array_equal(got, _brute_pairs(table, radius))


def test_medium_input_exact_and_sorted():
    rng = np.random.default_rng(7)
    table = _clustered_hashes(rng, 1500, 3, 0.06)
    got = image_pairs(table, 10, threads=2)
    assert got.dtype == np.int64 and got.shape[1] == 2
    assert (got[:, 0] < got[:, 1]).all()
    assert len(np.unique(got, axis=0)) == len(got)
    assert np.array_equal(got, got[np.lexsort((got[:, 1], got[:, 0]))])
    np.testing.assert_array_equal(got, _brute_pairs(table, 10))


def test_several_base_columns_and_unusable_rows():
    rng = np.random.default_rng(3)
    table = _clustered_hashes(rng, 60, 3, 0.08)
    usable = rng.random(60) < 0.8
    hashes = ImageHashes(hashes=table, columns=("a", "b", "c"), ok=usable, errors=[""] * 60,
                         width=np.zeros(60, np.int32), height=np.zeros(60, np.int32), mode="robust",
                         base_columns=(0, 2))
    np.testing.assert_array_equal(image_pairs(hashes, 9), _brute_pairs(table, 9, (0, 2), usable))


def _with_masks(table: np.ndarray, usable: np.ndarray) -> ImageHashes:
    n, v = table.shape
    return ImageHashes(hashes=table, columns=tuple(f"c{k}" for k in range(v)), ok=usable, errors=[""] * n,
                       width=np.zeros(n, np.int32), height=np.zeros(n, np.int32), mode="robust",
                       base_columns=(0, 1), masked_columns=(3, 4))


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 80), radius=st.integers(0, 20),
       noise=st.floats(0.0, 0.25))
def test_masked_columns_pair_only_with_the_same_column(seed, n, radius, noise):
    rng = np.random.default_rng(seed)
    table = _clustered_hashes(rng, n, 5, noise)
    usable = rng.random(n) < 0.9
    hashes = _with_masks(table, usable)
    got = image_pairs(hashes, radius)
    np.testing.assert_array_equal(got, _brute_pairs(table, radius, (0, 1), usable, masked_columns=(3, 4)))
    assert (pair_distances(hashes, got) <= radius).all()


def test_a_masked_column_matches_the_same_column_only():
    rng = np.random.default_rng(21)
    table = rng.integers(0, 2**64 - 1, size=(4, 5), dtype=np.uint64, endpoint=True)  # far apart
    shared = table[0, 3]
    table[1, 3] = shared  # rows 0 and 1: the same masked column 3, nothing else
    table[2, 4] = shared  # row 2: that value in the other masked column
    table[3, 2] = shared  # row 3: that value in a view column
    hashes = _with_masks(table, np.ones(4, bool))
    assert image_pairs(hashes, 8).tolist() == [[0, 1]]
    assert pair_distances(hashes, np.array([[0, 1]])).tolist() == [MASKED_MARGIN]
    assert image_pairs(hashes, MASKED_MARGIN - 1).tolist() == []


def test_identical_groups_give_every_pair():
    value = np.uint64(0xDEADBEEF12345678)
    table = np.array([value] * 5 + [value ^ np.uint64(0b111)] + [~value], dtype=np.uint64)
    got = image_pairs(table, 3)
    expected = [(i, j) for i in range(6) for j in range(i + 1, 6)]
    assert got.tolist() == [list(pair) for pair in expected]
    assert image_pairs(table, 2).tolist() == [[i, j] for i in range(5) for j in range(i + 1, 5)]


@pytest.mark.parametrize("radius", range(0, 40))
def test_chunk_plan_satisfies_pigeonhole(radius):
    for n in (10, 10_000, 1_000_000):
        widths, probes = chunk_plan(n, 3 * n, radius)
        assert widths.sum() == 64 and widths.max() <= 22
        assert (probes + 1).sum() == radius + 1 and probes.min() >= -1


def test_bad_input_is_refused():
    with pytest.raises(TypeError, match="uint64"):
        image_pairs(np.arange(4))
    with pytest.raises(ValueError, match="max_distance"):
        image_pairs(np.zeros(3, np.uint64), 64)
    with pytest.raises(ValueError, match="shape"):
        image_pairs(np.zeros((2, 2, 2), np.uint64))
    assert image_pairs(np.zeros(1, np.uint64)).shape == (0, 2)


def test_real_photos_pair_with_their_edits_only(tmp_path):
    photos = sample_photos()
    paths = []
    for name, image in photos.items():
        paths.append(tmp_path / f"{name}.jpg")
        image.save(paths[-1], quality=90)
    edited = {"astronaut": ImageOps.mirror, "chelsea": lambda im: im.resize((300, 200)),
              "coffee": lambda im: ImageOps.expand(im, border=20, fill=(0, 0, 0))}
    for name, edit in edited.items():
        paths.append(tmp_path / f"{name}-edited.jpg")
        edit(photos[name]).save(paths[-1], quality=70)
    pairs = image_pairs(hash_images(paths), DEFAULT_MAX_DISTANCE)
    names = [p.stem for p in paths]
    found = {(names[i], names[j]) for i, j in pairs}
    assert found == {(name, f"{name}-edited") for name in edited}


def test_identical_star_keeps_components_in_linear_size():
    rng = np.random.default_rng(11)
    table = rng.integers(0, 2**64 - 1, size=(400, 2), dtype=np.uint64, endpoint=True)
    table[rng.random(400) < 0.5] = table[1]  # one photo re-posted ~200 times
    table[2:6] = table[1] ^ np.uint64(0b1010)  # and a few near copies of it, re-posted too
    table[6:8] = table[9]
    full = image_pairs(table, 6)
    star = image_pairs(table, 6, identical="star")
    assert len(star) < len(full) / 10
    assert {tuple(p) for p in star.tolist()} <= {tuple(p) for p in full.tolist()}
    assert (star[:, 0] < star[:, 1]).all() and len(np.unique(star, axis=0)) == len(star)
    n = len(table)
    same_components = [
        connected_components(coo_matrix((np.ones(len(p)), (p[:, 0], p[:, 1])), shape=(n, n)), directed=False)[1]
        for p in (full, star)
    ]
    first, second = same_components
    assert len(set(zip(first, second))) == len(set(first)) == len(set(second))  # same partition
    with pytest.raises(ValueError, match="identical"):
        image_pairs(table, 6, identical="some")
