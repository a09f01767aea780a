"""Throughput of adcount.hash_images against imagehash.phash on 800x600 JPEGs, same files, same run.

Files: the 20 bundled photographs of `adcount.synth.photos.sample_photos` (scikit-image, scikit-learn),
each as 4 pictures (whole, mirrored, centred 80 % crop, that crop mirrored) resized to 800x600
and saved as JPEG at --quality (default 75, Pillow's default) in a temporary folder; --copies
repeats the 80 files to make the batch longer. The baseline is the documented imagehash use,
``imagehash.phash(Image.open(path))`` in a loop. Each figure is the best of --repeat runs, the
file cache warm for every contender; wall time, and CPU time of the process (less sensitive to
other load on a shared machine; with two threads, CPU time close to twice the wall time shows
both threads busy).

The limit is JPEG decoding alone: ``Image.open(path)``, the same draft-mode request
hash_images makes (grey, 1/2 to 1/8 scale), ``load()``, on the same threads; the robust mode
is reported as a multiple of that time too (issue 17: within 1.3x).

    .venv/bin/python benchmarks/bench_images.py [--quality 75] [--copies 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import imagehash
from PIL import Image, ImageOps

from adcount import hash_images
from adcount.photos.decode import WORK_SIDE
from adcount.synth.photos import sample_photos, write_jpegs


def best_time(run, repeat: int) -> tuple[float, float]:
    """Best wall time and best process CPU time over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def decode_only(path: Path) -> None:
    """What hash_images cannot avoid: the draft-mode grey decode of one JPEG."""
    with Image.open(path) as image:
        image.draft("L", (WORK_SIDE, WORK_SIDE))
        image.load()


def decode_all(paths: list[Path], threads: int) -> None:
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(decode_only, paths))


def pictures() -> dict[str, Image.Image]:
    """80 distinct 800x600 pictures from the 20 bundled photographs."""
    out = {}
    for name, photo in sample_photos().items():
        width, height = photo.size
        crop = photo.crop((width // 10, height // 10, width - width // 10, height - height // 10))
        for label, picture in (("whole", photo), ("crop", crop)):
            resized = picture.resize((800, 600), Image.Resampling.LANCZOS)
            out[f"{name}-{label}"] = resized
            out[f"{name}-{label}-mirror"] = ImageOps.mirror(resized)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quality", type=int, default=75)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    photos = pictures()
    with tempfile.TemporaryDirectory() as tmp:
        paths: list[Path] = []
        for copy in range(args.copies):
            paths += write_jpegs(photos, Path(tmp) / f"set{copy}", quality=args.quality)
        n = len(paths)
        size = sum(path.stat().st_size for path in paths) / n / 1024
        hash_images(paths[:8], threads=1)  # warm-up: imports and first calls
        base_wall, base_cpu = best_time(lambda: [imagehash.phash(Image.open(p)) for p in paths], args.repeat)
        print(f"{n} JPEGs 800x600, quality {args.quality}, {size:.0f} kB on average")
        print(f"imagehash.phash loop           wall {base_wall:6.3f} s {n / base_wall:6.0f} img/s (1.00x)"
              f"   cpu {base_cpu:6.3f} s (1.00x)   load average {os.getloadavg()[0]:.1f}")
        decoding = {}
        for threads in (1, 2):
            decoding[threads] = best_time(lambda: decode_all(paths, threads), args.repeat)
            wall, cpu = decoding[threads]
            print(f"JPEG decoding alone {threads} thread{'s' if threads > 1 else ' '}  wall {wall:6.3f} s"
                  f" {n / wall:6.0f} img/s ({base_wall / wall:.2f}x)   cpu {cpu:6.3f} s ({base_cpu / cpu:.2f}x)")
        for mode in ("robust", "imagehash"):
            for threads in (1, 2):
                wall, cpu = best_time(lambda: hash_images(paths, threads=threads, mode=mode), args.repeat)
                limit = ""
                if mode == "robust":
                    limit = (f"   vs decoding alone: wall {wall / decoding[threads][0]:.2f}x"
                             f" cpu {cpu / decoding[threads][1]:.2f}x")
                print(f"hash_images {mode:9s} {threads} thread{'s' if threads > 1 else ' '} wall {wall:6.3f} s"
                      f" {n / wall:6.0f} img/s ({base_wall / wall:.2f}x)   cpu {cpu:6.3f} s ({base_cpu / cpu:.2f}x)"
                      + limit)


if __name__ == "__main__":
    main()
