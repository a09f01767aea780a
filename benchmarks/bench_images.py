"""Throughput of adcount.hash_images against imagehash.phash on 800x600 JPEGs, same files, same run.

Files: the 380 distinct photos of `image_samples.distinct_photos` (bundled scikit-image and
scikit-learn photographs cut into tiles, plus the LFW subset), each resized to 800x600 and saved
as JPEG quality 90 in a temporary folder (--copies repeats the set to make the batch longer).
The baseline is the documented imagehash use, ``imagehash.phash(Image.open(path))`` in a loop.
Each timing is the best of --repeat runs; the file cache is warm for every contender.

    .venv/bin/python benchmarks/bench_images.py [--copies 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import imagehash
from PIL import Image

from adcount import hash_images
from adcount.signals.image_samples import distinct_photos, write_jpegs


def best_time(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    photos = {name: image.resize((800, 600), Image.Resampling.BICUBIC) for name, image in distinct_photos().items()}
    with tempfile.TemporaryDirectory() as tmp:
        paths: list[Path] = []
        for copy in range(args.copies):
            paths += write_jpegs(photos, Path(tmp) / f"set{copy}")
        n = len(paths)
        hash_images(paths[:8], threads=1)  # warm-up: imports and first calls
        baseline = best_time(lambda: [imagehash.phash(Image.open(p)) for p in paths], args.repeat)
        print(f"{n} JPEGs 800x600")
        print(f"imagehash.phash loop          : {baseline:7.3f} s  {n / baseline:8.0f} img/s  (1.00x)")
        for mode in ("robust", "imagehash"):
            for threads in (1, 2):
                took = best_time(lambda: hash_images(paths, threads=threads, mode=mode), args.repeat)
                print(f"hash_images {mode:9s} {threads} thread{'s' if threads > 1 else ' '}: {took:7.3f} s"
                      f"  {n / took:8.0f} img/s  ({baseline / took:.2f}x)")


if __name__ == "__main__":
    main()
