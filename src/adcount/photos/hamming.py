"""Every pair of photos whose 64-bit perceptual hashes lie within a Hamming radius, exactly.

`image_pairs` uses multi-index hashing (Norouzi, Punjani & Fleet, "Fast search in Hamming space
with multi-index hashing", CVPR 2012): the 64 bits are cut into m chunks and each chunk k gets a
probe radius s_k with sum(s_k + 1) = r + 1. If two hashes are within r, then by the pigeonhole
principle some chunk k differs in at most s_k bits; so each query probes, in each chunk, the
buckets of the chunk values within s_k of its own (a counting-sort bucket table per chunk), and
verifies every candidate with a full 64-bit popcount in a numba kernel. m is chosen by a cost
model from the number of hashes and the radius, so the work stays near-linear at 1,000,000
photos and small inputs pay only for small tables. A pair met in several chunks is emitted from
the first chunk only. Probing goes block by block of the key space (one high part of the flip
masks against one block of queries), so the bucket table and index entries being read stay in
cache; blocks of masks run on threads (the kernel releases the GIL).

Photos with several hash columns (mirror image, zooms, corner crops: see `adcount.hash_images`)
pair when *some* view column of one is within the radius of a *base* column of the other. Every
view column goes into the index and the base columns are the queries (fewer queries means fewer
probes, the costly part; the relation is symmetric, so the pairs are the same). *Masked*
columns (the whole photo with one horizontal third hidden) are compared only with the same
masked column of the other photo, within `MASKED_MARGIN` bits less than the radius: one index
and one query per masked column. Identical hash rows (the same file re-posted) are searched
once and expanded to their row pairs at the end (all of them, or a star per group with
``identical="star"``).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from math import comb

import numba
import numpy as np

from adcount.photos.hashing import ImageHashes

DEFAULT_MAX_DISTANCE = 8
"""Default Hamming radius; docs/images.md gives the false-positive rate measured at it."""

MASKED_MARGIN = 4
"""Masked views are compared within the radius minus this: with a third of the photo hidden,
two different photos agree more often. Chosen on the robustness benchmark (seeds 0-2, radius 8):
at 4 bits every banner_band copy of a tile or face is still found by its masked view (100 %),
false pairs are 0.0022-0.0028 % (0.0029-0.0033 % at 6 bits, 0.0023 % without masked views), and
the masked columns' search costs a sixth of what it costs at 6 bits (docs/images.md)."""


MAX_CHUNK_BITS = 22
"""Widest chunk: its bucket table holds 2**22 + 1 offsets."""

BLOCK_BITS = 8
"""A chunk's key space is cut into 2**BLOCK_BITS blocks that are probed one at a time."""


def _as_hash_table(hashes: ImageHashes | np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[int, ...], tuple[int, ...]]:
    """(hash rows (n, v) uint64, usable-row mask (n,), base columns, masked columns) from either
    input form."""
    if isinstance(hashes, ImageHashes):
        return (hashes.hashes, np.asarray(hashes.ok, dtype=bool), tuple(hashes.base_columns),
                tuple(hashes.masked_columns))
    table = np.asarray(hashes)
    if table.dtype != np.uint64:
        raise TypeError(f"hashes must be an ImageHashes or a uint64 array, got dtype {table.dtype}")
    if table.ndim == 1:
        table = table[:, None]
    if table.ndim != 2:
        raise ValueError(f"hashes must have shape (n,) or (n, v), got {table.shape}")
    return table, np.ones(len(table), dtype=bool), (0,), ()


def chunk_plan(n_index: int, n_queries: int, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Chunk bit widths and probe radii (s_k, -1 = chunk not probed) minimising expected work.

    Work for m chunks ~ table sizes + probes + candidates, for hashes spread evenly over the
    chunk values: sum_k 2**w_k + n_queries * sum_k V(w_k, s_k) * (1 + n_index / 2**w_k), where
    V(w, s) is the number of w-bit values within s bits.
    """
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for m in range(-(-64 // MAX_CHUNK_BITS), 65):
        widths = np.full(m, 64 // m, dtype=np.int64)
        widths[: 64 % m] += 1
        budget = np.full(m, (radius + 1) // m, dtype=np.int64)
        budget[: (radius + 1) % m] += 1
        probes = budget - 1
        cost = 0.0
        for width, probe in zip(widths.tolist(), probes.tolist()):
            ball = sum(comb(width, k) for k in range(probe + 1))
            cost += 2.0**width + n_queries * ball * (1.0 + n_index / 2.0**width)
        if best is None or cost < best[0]:
            best = (cost, widths, probes)
        if m > radius + 1:
            break
    assert best is not None
    return best[1], best[2]


def _flip_masks(width: int, probe: int) -> np.ndarray:
    """All XOR masks of at most ``probe`` set bits among the low ``width`` bits, fewest bits first."""
    masks = [0]
    frontier = [(0, -1)]
    for _ in range(probe):
        frontier = [(mask | (1 << bit), bit) for mask, top in frontier for bit in range(top + 1, width)]
        masks.extend(mask for mask, _ in frontier)
    return np.array(masks, dtype=np.uint64)


@numba.njit(cache=True, nogil=True)
def _popcount(x: np.uint64) -> int:
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return int((x * np.uint64(0x0101010101010101)) >> np.uint64(56))


@numba.njit(cache=True, nogil=True)
def _bucket_offsets(sorted_keys: np.ndarray, width: int) -> np.ndarray:
    """Bucket table of sorted chunk keys: rows with key c are offsets[c]:offsets[c + 1]
    (int32: half the memory traffic of int64; callers keep fewer than 2**31 index entries)."""
    offsets = np.zeros((1 << width) + 1, dtype=np.int32)
    for key in sorted_keys:
        offsets[key + 1] += 1
    for c in range(1 << width):
        offsets[c + 1] += offsets[c]
    return offsets


@numba.njit(cache=True, nogil=True)
def _probe_chunk(query_keys, query_values, query_rows, block_starts, offsets, index_values,
                 index_rows, highs, low_starts, lows, low_bits, chunk, shifts, widths, probes,
                 radius):
    """Pairs (query row, index row) within ``radius`` whose first close chunk is ``chunk``.

    Queries and index are sorted by their key in this chunk, and the key space is cut into
    blocks of 2**low_bits buckets. A flip mask is split into its high part (which block it
    leads to) and low part (which bucket inside the block); for one high part and one block of
    queries, every probe lands in a single target block, so the bucket table and the index
    entries it reads stay in cache. ``highs[h]`` has the low parts ``lows[low_starts[h]:
    low_starts[h + 1]]``; ``block_starts`` delimits the queries of each block.
    """
    capacity = 1024
    found_a = np.empty(capacity, dtype=np.int64)
    found_b = np.empty(capacity, dtype=np.int64)
    count = 0
    low_mask = (1 << low_bits) - 1
    for h in range(len(highs)):
        for block in range(len(block_starts) - 1):
            target = (block ^ highs[h]) << low_bits
            for q in range(block_starts[block], block_starts[block + 1]):
                key_low = query_keys[q] & low_mask
                value = query_values[q]
                row = query_rows[q]
                for f in range(low_starts[h], low_starts[h + 1]):
                    bucket = target | (key_low ^ lows[f])
                    for slot in range(offsets[bucket], offsets[bucket + 1]):
                        diff = value ^ index_values[slot]
                        if _popcount(diff) > radius or index_rows[slot] == row:
                            continue
                        earlier = False  # met by an earlier chunk's probe already
                        for e in range(chunk):
                            if probes[e] >= 0:
                                e_mask = (np.uint64(1) << np.uint64(widths[e])) - np.uint64(1)
                                if _popcount((diff >> np.uint64(shifts[e])) & e_mask) <= probes[e]:
                                    earlier = True
                                    break
                        if earlier:
                            continue
                        if count == capacity:
                            capacity *= 2
                            grown_a = np.empty(capacity, dtype=np.int64)
                            grown_b = np.empty(capacity, dtype=np.int64)
                            grown_a[:count] = found_a[:count]
                            grown_b[:count] = found_b[:count]
                            found_a, found_b = grown_a, grown_b
                        found_a[count] = row
                        found_b[count] = index_rows[slot]
                        count += 1
    return found_a[:count], found_b[:count]


def _chunk_keys(values: np.ndarray, shift: int, width: int) -> np.ndarray:
    return ((values >> np.uint64(shift)) & np.uint64((1 << width) - 1)).astype(np.int64)


def _mask_groups(masks: np.ndarray, low_bits: int, parts: int) -> list[tuple[np.ndarray, ...]]:
    """Flip masks grouped by high part (mask >> low_bits), split into ``parts`` jobs:
    [(highs, low_starts, lows), ...]."""
    highs_all = masks >> low_bits
    order = np.argsort(highs_all, kind="stable")
    highs, starts = np.unique(highs_all[order], return_index=True)
    lows = masks[order] & ((1 << low_bits) - 1)
    bounds = np.append(starts, len(masks))
    jobs = []
    for part in np.array_split(np.arange(len(highs)), parts):
        if len(part):
            first, last = bounds[part[0]], bounds[part[-1] + 1]
            jobs.append((highs[part], bounds[part[0] : part[-1] + 2] - first, lows[first:last]))
    return jobs


def _search_jobs(index: np.ndarray, index_rows: np.ndarray, queries: np.ndarray, query_rows: np.ndarray,
                 radius: int, threads: int) -> list[tuple]:
    """`_probe_chunk` arguments for every (query, index entry) pair of different rows within
    ``radius``: one job per probed chunk and block of flip masks."""
    widths, probes = chunk_plan(len(index), len(queries), radius)
    shifts = (64 - np.cumsum(widths)).astype(np.int64)
    jobs = []
    for chunk in np.flatnonzero(probes >= 0):
        shift, width = int(shifts[chunk]), int(widths[chunk])
        low_bits = max(0, width - BLOCK_BITS)
        index_keys = _chunk_keys(index, shift, width)
        index_order = np.argsort(index_keys, kind="stable")
        offsets = _bucket_offsets(index_keys[index_order], width)
        query_keys = _chunk_keys(queries, shift, width)
        query_order = np.argsort(query_keys, kind="stable")
        sorted_keys = query_keys[query_order]
        block_starts = np.searchsorted(sorted_keys, np.arange((1 << (width - low_bits)) + 1) << low_bits)
        masks = _flip_masks(width, int(probes[chunk])).astype(np.int64)
        for highs, low_starts, lows in _mask_groups(masks, low_bits, threads):
            jobs.append((sorted_keys, queries[query_order], query_rows[query_order], block_starts,
                         offsets, index[index_order], index_rows[index_order], highs, low_starts,
                         lows, low_bits, int(chunk), shifts, widths, probes, radius))
    return jobs


def _near_pairs(table: np.ndarray, base_columns: tuple[int, ...], masked_columns: tuple[int, ...],
                radius: int, threads: int) -> np.ndarray:
    """Row pairs (i < j, unique) of distinct rows of ``table`` where some view column of one row
    is within ``radius`` of a base column of the other, or one masked column of both rows is
    within ``radius - MASKED_MARGIN``."""
    n, n_columns = table.shape
    rows = np.arange(n, dtype=np.int64)
    views = [c for c in range(n_columns) if c not in masked_columns]
    # index every view, query with the base columns: fewer probes (the costly part) than the
    # converse, for the same pairs since the relation is symmetric
    jobs = _search_jobs(np.ascontiguousarray(table[:, views]).reshape(-1), np.repeat(rows, len(views)),
                        np.ascontiguousarray(table[:, list(base_columns)]).reshape(-1),
                        np.repeat(rows, len(base_columns)), radius, threads)
    if radius >= MASKED_MARGIN:
        for column in masked_columns:
            values = np.ascontiguousarray(table[:, column])
            jobs += _search_jobs(values, rows, values, rows, radius - MASKED_MARGIN, threads)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        found = list(pool.map(lambda job: _probe_chunk(*job), jobs))
    a = np.concatenate([f[0] for f in found] + [np.zeros(0, np.int64)])
    b = np.concatenate([f[1] for f in found] + [np.zeros(0, np.int64)])
    return np.unique(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1), axis=0)


@numba.njit(cache=True, nogil=True)
def _expand(pairs, group_offsets, group_rows, every):
    """Row pairs from unique-row pairs and groups of identical rows.

    every=True: every row of one group with every row of the other, and all pairs inside each
    group. every=False: only the groups' first rows across groups, and each group's first row
    with each of its other rows (a star): the same connected components in linear size.
    """
    total = 0
    for g in range(len(group_offsets) - 1):
        size = group_offsets[g + 1] - group_offsets[g]
        total += size * (size - 1) // 2 if every else size - 1
    for p in range(len(pairs)):
        a, b = pairs[p, 0], pairs[p, 1]
        if every:
            total += (group_offsets[a + 1] - group_offsets[a]) * (group_offsets[b + 1] - group_offsets[b])
        else:
            total += 1
    out = np.empty((total, 2), dtype=np.int64)
    count = 0
    for g in range(len(group_offsets) - 1):
        first, stop = group_offsets[g], group_offsets[g + 1]
        for x in range(first, stop if every else first + 1):
            for y in range(x + 1, stop):
                out[count, 0] = min(group_rows[x], group_rows[y])
                out[count, 1] = max(group_rows[x], group_rows[y])
                count += 1
    for p in range(len(pairs)):
        a, b = pairs[p, 0], pairs[p, 1]
        stop_a = group_offsets[a + 1] if every else group_offsets[a] + 1
        stop_b = group_offsets[b + 1] if every else group_offsets[b] + 1
        for x in range(group_offsets[a], stop_a):
            for y in range(group_offsets[b], stop_b):
                out[count, 0] = min(group_rows[x], group_rows[y])
                out[count, 1] = max(group_rows[x], group_rows[y])
                count += 1
    return out


def image_pairs(
    hashes: ImageHashes | np.ndarray,
    max_distance: int | None = None,
    *,
    threads: int | None = None,
    identical: str = "all",
) -> np.ndarray:
    """All pairs of photos within ``max_distance`` bits, exactly: int64 array (m, 2), i < j,
    unique rows, sorted.

    hashes: an `ImageHashes` (rows not ``ok`` are never paired) or a uint64 array of shape (n,)
    or (n, v) (column 0 is the base column). Photos i and j pair when some view column of i is
    within the radius of a base column of j, or the other way round, or when one of their
    masked columns (`ImageHashes.masked_columns`) is within the radius minus `MASKED_MARGIN` in
    both. max_distance: the radius, default `DEFAULT_MAX_DISTANCE`. threads: search threads (None: one per CPU).
    identical: photos whose hash rows are identical (one file re-posted k times) give k(k-1)/2
    pairs with "all" (the default: every pair); "star" returns, for each such group, only its
    first row paired with its other rows and only first rows paired across groups: the same
    connected components in a size linear in k, for clustering very repeated photos.
    """
    if identical not in ("all", "star"):
        raise ValueError(f"identical must be 'all' or 'star', got {identical!r}")
    threads = (os.cpu_count() or 1) if threads is None else max(1, int(threads))
    radius = DEFAULT_MAX_DISTANCE if max_distance is None else int(max_distance)
    if not 0 <= radius < 64:
        raise ValueError(f"max_distance must be in 0..63, got {max_distance}")
    table, usable, base_columns, masked_columns = _as_hash_table(hashes)
    rows = np.flatnonzero(usable)
    if len(rows) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    unique, group_of = np.unique(table[rows], axis=0, return_inverse=True)
    group_of = group_of.reshape(-1)
    order = np.argsort(group_of, kind="stable")
    group_offsets = np.concatenate([[0], np.cumsum(np.bincount(group_of, minlength=len(unique)))])
    unique_pairs = _near_pairs(unique, base_columns, masked_columns, radius, threads)
    pairs = _expand(unique_pairs, group_offsets.astype(np.int64), rows[order].astype(np.int64),
                    identical == "all")
    if len(pairs) == 0:
        return pairs
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def pair_distances(hashes: ImageHashes, pairs: np.ndarray) -> np.ndarray:
    """The distance `image_pairs` thresholds, for each pair (int64): the smallest Hamming distance
    between a view of one photo and a base column of the other, both ways round, or between the
    same masked column of both plus `MASKED_MARGIN` (so a pair returned at radius r is within r)."""
    table = hashes.hashes
    base = list(hashes.base_columns)
    views = [c for c in range(table.shape[1]) if c not in hashes.masked_columns]
    a, b = table[pairs[:, 0]], table[pairs[:, 1]]
    forward = np.bitwise_count(a[:, views, None] ^ b[:, None, base]).min(axis=(1, 2))
    backward = np.bitwise_count(b[:, views, None] ^ a[:, None, base]).min(axis=(1, 2))
    distance = np.minimum(forward, backward).astype(np.int64)
    if hashes.masked_columns and len(pairs):
        masked = list(hashes.masked_columns)
        closest = np.bitwise_count(a[:, masked] ^ b[:, masked]).min(axis=1).astype(np.int64)
        distance = np.minimum(distance, closest + MASKED_MARGIN)
    return distance
