"""hash_images on real photographs (scikit-image / scikit-learn samples) and on hostile files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import imagehash
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageOps

from adcount import hash_images, image_pairs
from adcount.photos.hamming import DEFAULT_MAX_DISTANCE
from adcount.photos.frame import screen_photo_box
from adcount.synth.photos import distinct_photos, sample_photos
from adcount.photos.spread import photo_spread
from adcount.synth.photo_edits import EDITS


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(np.atleast_1d(np.asarray(values, dtype=np.uint64)))


@pytest.fixture(scope="module")
def photos() -> dict[str, Image.Image]:
    return sample_photos()


@pytest.fixture(scope="module")
def photo_files(photos, tmp_path_factory) -> list[Path]:
    """The sample photos as JPEG and PNG files, plus a few edited copies."""
    folder = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(0)
    paths = []
    for name, image in photos.items():
        paths.append(folder / f"{name}.jpg")
        image.save(paths[-1], quality=88)
        paths.append(folder / f"{name}.png")
        image.save(paths[-1], compress_level=1)
    for name in ("astronaut", "coffee", "china"):
        for transform in ("watermark", "crop10", "rotate3"):
            paths.append(folder / f"{name}-{transform}.jpg")
            EDITS[transform](photos[name], rng).save(paths[-1], quality=80)
    return paths


def test_imagehash_mode_is_bit_exact_on_real_photos(photo_files):
    hashes = hash_images(photo_files, mode="imagehash", threads=2)
    expected = [str(imagehash.phash(Image.open(path))) for path in photo_files]
    assert hashes.ok.all()
    assert hashes.columns == ("whole",)
    assert hashes.hex() == expected


def test_robust_mode_shape_and_sizes(photo_files, photos):
    hashes = hash_images(photo_files[:4])
    assert hashes.hashes.shape == (4, len(hashes.columns))
    assert hashes.hashes.dtype == np.uint64
    assert hashes.columns[0] == "whole" and "whole-mirror" in hashes.columns
    first = photos[photo_files[0].stem]
    assert (hashes.width[0], hashes.height[0]) == first.size
    assert hashes.errors == [""] * 4


def test_threads_do_not_change_hashes(photo_files):
    one = hash_images(photo_files, threads=1)
    two = hash_images(photo_files, threads=2)
    np.testing.assert_array_equal(one.hashes, two.hashes)


def test_jpeg_and_png_of_one_photo_pair_and_distinct_photos_do_not(photo_files, photos):
    files = photo_files[: 2 * len(photos)]
    hashes = hash_images(files)
    found = {tuple(pair) for pair in image_pairs(hashes).tolist()}
    assert found == {(i, i + 1) for i in range(0, len(files), 2)}
    plain = hashes.hashes[0::2, 0]
    i, j = np.triu_indices(len(plain), 1)
    assert np.median(_popcount(plain[i] ^ plain[j])) >= 24


def test_mirror_column_matches_mirrored_file(photos, tmp_path):
    image = photos["chelsea"]
    image.save(tmp_path / "a.jpg", quality=90)
    ImageOps.mirror(image).save(tmp_path / "b.jpg", quality=90)
    hashes = hash_images([tmp_path / "a.jpg", tmp_path / "b.jpg"])
    mirror = hashes.columns.index("whole-mirror")
    assert _popcount(hashes.hashes[0, 0] ^ hashes.hashes[1, 0])[0] > 16
    assert _popcount(hashes.hashes[0, mirror] ^ hashes.hashes[1, 0])[0] <= 4


def test_uniform_border_is_trimmed(photos, tmp_path):
    image = photos["astronaut"]
    image.save(tmp_path / "plain.png")
    ImageOps.expand(image, border=40, fill=(255, 255, 255)).save(tmp_path / "framed.png")
    files = [tmp_path / "plain.png", tmp_path / "framed.png"]
    hashes = hash_images(files)
    assert _popcount(hashes.hashes[0, 0] ^ hashes.hashes[1, 0])[0] <= DEFAULT_MAX_DISTANCE - 2
    untrimmed = hash_images(files, mode="imagehash").hashes[:, 0]
    assert _popcount(untrimmed[0] ^ untrimmed[1])[0] > DEFAULT_MAX_DISTANCE + 4


# --- hostile and unusual files -------------------------------------------------------------


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height pixels, with one tiny data chunk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.fixture()
def hostile_files(photos, tmp_path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    base = photos["coffee"]
    buffer = io.BytesIO()
    base.save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    files["truncated"] = tmp_path / "truncated.jpg"
    files["truncated"].write_bytes(data[: len(data) // 3])
    files["corrupt"] = tmp_path / "corrupt.jpg"
    files["corrupt"].write_bytes(data[:200] + bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8)))
    files["text"] = tmp_path / "notes.jpg"
    files["text"].write_text("Bonjour, ceci n'est pas une photo.\n", encoding="utf-8")
    files["empty"] = tmp_path / "empty.png"
    files["empty"].write_bytes(b"")
    files["bomb"] = tmp_path / "bomb.png"
    files["bomb"].write_bytes(_png_header_only(60_000, 60_000))
    files["missing"] = tmp_path / "missing.jpg"
    files["directory"] = tmp_path / "folder.jpg"
    files["directory"].mkdir()
    return files


def test_hostile_files_are_flagged_never_raised(hostile_files, photos, tmp_path):
    good = tmp_path / "good.jpg"
    photos["rocket"].save(good, quality=90)
    paths = [good, *hostile_files.values(), good]
    for mode in ("robust", "imagehash"):
        hashes = hash_images(paths, mode=mode, threads=2)
        assert len(hashes) == len(paths) == len(hashes.errors)
        assert hashes.ok.tolist() == [True] + [False] * len(hostile_files) + [True]
        reasons = dict(zip(hostile_files, hashes.errors[1:-1]))
        assert reasons["missing"] == "missing file"
        assert reasons["text"] == "not an image"
        assert reasons["empty"] == "not an image"
        assert reasons["bomb"].startswith("decompression bomb")
        assert reasons["truncated"].startswith("cannot decode")
        assert all(reason for reason in reasons.values())
        assert (hashes.hashes[~hashes.ok] == 0).all()
        assert hashes.hashes[0, 0] == hashes.hashes[-1, 0]


def test_pillow_bomb_limit_is_refused_locally_and_global_state_restored(tmp_path):
    path = tmp_path / "big.png"
    path.write_bytes(_png_header_only(10_000, 10_000))  # 1e8 pixels: over Pillow's warning limit
    before = (Image.MAX_IMAGE_PIXELS, list(__import__("warnings").filters))
    hashes = hash_images([path], max_pixels=10**9)
    assert not hashes.ok[0] and hashes.errors[0].startswith("decompression bomb")
    assert (Image.MAX_IMAGE_PIXELS, list(__import__("warnings").filters)) == before


def test_animated_gif_hashes_its_first_frame(photos, tmp_path):
    frames = [photos["astronaut"].resize((256, 256)), photos["moon"].resize((256, 256))]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=100)
    frames[0].save(tmp_path / "first.gif")
    hashes = hash_images([tmp_path / "anim.gif", tmp_path / "first.gif"])
    assert hashes.ok.all()
    assert _popcount(hashes.hashes[0] ^ hashes.hashes[1]).max() <= 2


def test_animated_webp_hashes_its_first_frame(photos, tmp_path):
    frames = [photos["chelsea"], photos["coins"].resize(photos["chelsea"].size)]
    frames[0].save(tmp_path / "anim.webp", save_all=True, append_images=frames[1:], duration=100, quality=90)
    frames[0].save(tmp_path / "first.webp", quality=90)
    hashes = hash_images([tmp_path / "anim.webp", tmp_path / "first.webp"])
    assert hashes.ok.all()
    assert _popcount(hashes.hashes[0, :1] ^ hashes.hashes[1, :1]).max() <= 4


def test_cmyk_palette_16bit_and_alpha_hash_like_the_rgb_photo(photos, tmp_path):
    image = photos["motorcycle_left"]
    image.save(tmp_path / "rgb.png")
    image.convert("CMYK").save(tmp_path / "cmyk.jpg", quality=95)
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(tmp_path / "palette.png")
    grey16 = (np.asarray(image.convert("L"), dtype=np.uint16) * 257)
    Image.fromarray(grey16).save(tmp_path / "grey16.png")
    rgba = image.convert("RGBA")
    rgba.putalpha(255)
    rgba.save(tmp_path / "rgba.png")
    names = ["rgb.png", "cmyk.jpg", "palette.png", "grey16.png", "rgba.png"]
    hashes = hash_images([tmp_path / name for name in names])
    assert hashes.ok.all(), hashes.errors
    assert Image.open(tmp_path / "grey16.png").mode.startswith("I")
    distances = _popcount(hashes.hashes[1:, 0] ^ hashes.hashes[0, 0])
    assert distances.max() <= 6, dict(zip(names[1:], distances))


def test_exif_orientation_is_applied_in_robust_mode_only(photos, tmp_path):
    upright = photos["rocket"]
    upright.save(tmp_path / "upright.jpg", quality=92)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a phone stores; tag 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(tmp_path / "tagged.jpg", quality=92, exif=exif.tobytes())
    robust = hash_images([tmp_path / "upright.jpg", tmp_path / "tagged.jpg"])
    assert _popcount(robust.hashes[0, :1] ^ robust.hashes[1, :1])[0] <= 4
    assert (robust.width[1], robust.height[1]) == upright.size
    raw = hash_images([tmp_path / "upright.jpg", tmp_path / "tagged.jpg"], mode="imagehash")
    assert raw.hex(0)[1] == str(imagehash.phash(Image.open(tmp_path / "tagged.jpg")))


def test_empty_batch_and_bad_arguments():
    empty = hash_images([])
    assert empty.hashes.shape == (0, len(empty.columns)) and empty.errors == []
    with pytest.raises(ValueError, match="mode"):
        hash_images([], mode="dhash")
    with pytest.raises(ValueError, match="threads"):
        hash_images([], threads=0)


# --- stock photos: how many contacts share a photo --------------------------------------------


def _spread_by_sets(pairs, labels):
    """Reference: set union over each image's closed neighbourhood."""
    neighbours = [{i} for i in range(len(labels))]
    for i, j in pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    return [len(set().union(*(labels[j] for j in group))) for group in neighbours]


def test_photo_spread_matches_set_reference():
    rng = np.random.default_rng(5)
    n = 300
    pairs = np.unique(np.sort(rng.integers(0, n, size=(900, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    labels = [set(f"+3361234{k:04d}" for k in rng.integers(0, 40, size=rng.integers(0, 3))) for _ in range(n)]
    np.testing.assert_array_equal(photo_spread(pairs, labels), _spread_by_sets(pairs, labels))
    single = rng.integers(-1, 25, size=n)
    as_sets = [set() if value < 0 else {int(value)} for value in single]
    np.testing.assert_array_equal(photo_spread(pairs, single), _spread_by_sets(pairs, as_sets))


def test_stock_photo_is_seen_with_many_contacts(photos, tmp_path):
    rng = np.random.default_rng(2)
    files, contacts = [], []
    for k, phone in enumerate(["tok-a", "tok-b", "tok-c", "tok-d"]):  # one stock photo, 4 phones
        files.append(tmp_path / f"stock-{k}.jpg")
        EDITS["reencode"](photos["astronaut"], rng).save(files[-1], quality=85)
        contacts.append([phone])
    for k in range(3):  # one person's own photo on three ads with the same phone
        files.append(tmp_path / f"own-{k}.jpg")
        EDITS["resize"](photos["chelsea"], rng).save(files[-1], quality=85)
        contacts.append(["tok-e"])
    files.append(tmp_path / "alone.jpg")
    photos["coffee"].save(files[-1], quality=85)
    contacts.append(None)
    spread = photo_spread(image_pairs(hash_images(files)), contacts)
    assert spread.tolist() == [4, 4, 4, 4, 1, 1, 1, 0]


def test_photo_spread_rejects_bad_input():
    with pytest.raises(ValueError, match="outside"):
        photo_spread(np.array([[0, 5]]), ["a", "b"])
    with pytest.raises(ValueError, match="1-D"):
        photo_spread(np.zeros((0, 2), np.int64), np.zeros((2, 2), np.int64))


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edit_suite_edits_are_real_and_reproducible(photos, name):
    photo = photos["coffee"]
    first = EDITS[name](photo, np.random.default_rng(4))
    again = EDITS[name](photo, np.random.default_rng(4))
    assert first.mode == "RGB"
    assert np.array_equal(np.asarray(first), np.asarray(again))
    if name == "screenshot":  # a portrait phone screen, 9:16 to 9:21
        assert 16 / 9 - 0.01 <= first.height / first.width <= 21 / 9 + 0.01
    elif first.size == photo.size:
        assert np.abs(np.asarray(first, dtype=np.int16) - np.asarray(photo, dtype=np.int16)).mean() > 0.5
    else:
        assert 0.3 < first.width / photo.width < 1.7


def test_distinct_photos_are_tiles_and_faces():
    photos = distinct_photos()
    assert len(photos) == 380
    assert sum(name.startswith("lfw-") for name in photos) == 200


# --- photos re-posted as phone screenshots or under a banner ---------------------------------

SCREENSHOT_PHOTOS = ("astronaut", "chelsea", "coffee", "motorcycle_left", "rocket", "china", "flower")


def _save(image: Image.Image, path: Path) -> Path:
    image.save(path, quality=88)
    return path


def _pairs_between(paths: list[Path], first: int) -> set[tuple[str, str]]:
    """Found pairs (as file stems) between paths[:first] and paths[first:]."""
    pairs = image_pairs(hash_images(paths, threads=2))
    return {(paths[i].stem, paths[j].stem) for i, j in pairs.tolist() if i < first <= j}


def test_screenshots_of_photos_are_found_next_to_their_originals(photos, tmp_path):
    originals = [_save(photos[name], tmp_path / f"{name}.jpg") for name in SCREENSHOT_PHOTOS]
    shots = []
    for seed in range(3):  # three screens each: layouts, themes, sizes, captions differ
        rng = np.random.default_rng(seed)
        shots += [_save(EDITS["screenshot"](photos[name], rng), tmp_path / f"{name}-shot{seed}.jpg")
                  for name in SCREENSHOT_PHOTOS]
    found = _pairs_between(originals + shots, len(originals))
    expected = {(name, f"{name}-shot{seed}") for seed in range(3) for name in SCREENSHOT_PHOTOS}
    assert len(found & expected) >= 0.8 * len(expected), sorted(expected - found)
    assert found <= expected  # a screenshot is found with its own photo only


def test_bannered_photos_are_found_next_to_their_originals(photos, tmp_path):
    originals = [_save(photos[name], tmp_path / f"{name}.jpg") for name in SCREENSHOT_PHOTOS]
    copies = []
    for seed in range(3):
        rng = np.random.default_rng(seed)
        copies += [_save(EDITS["banner_band"](photos[name], rng), tmp_path / f"{name}-band{seed}.jpg")
                   for name in SCREENSHOT_PHOTOS]
    for name in SCREENSHOT_PHOTOS:  # the hardest band: a quarter of the height, opaque, across the middle
        image = photos[name].copy()
        height = image.height
        ImageDraw.Draw(image).rectangle((0, int(0.4 * height), image.width, int(0.65 * height)), fill=(230, 20, 110))
        copies.append(_save(image, tmp_path / f"{name}-band-middle.jpg"))
    found = _pairs_between(originals + copies, len(originals))
    expected = {(name, f"{name}-band{seed}") for seed in range(3) for name in SCREENSHOT_PHOTOS}
    expected |= {(name, f"{name}-band-middle") for name in SCREENSHOT_PHOTOS}
    assert found == expected


def test_different_photos_in_identical_chrome_are_not_paired(photos, tmp_path):
    names = [name for name in photos if name not in ("page", "text")]
    for seed in range(3):  # one screen (same draws) around each photo
        shots = [_save(EDITS["screenshot"](photos[name], np.random.default_rng([seed, 9])),
                       tmp_path / f"{name}-{seed}.jpg") for name in names]
        hashes = hash_images(shots, threads=2)
        assert image_pairs(hashes).tolist() == []
        whole = hash_images(shots, mode="imagehash")  # the chrome alone is near: found uncropped
        assert len(image_pairs(whole, 12)) > 0


def test_different_photos_under_one_banner_are_not_paired(photos, tmp_path):
    names = [name for name in photos if name not in ("page", "text")]
    for seed in range(3):
        copies = [_save(EDITS["banner_band"](photos[name], np.random.default_rng([seed, 7])),
                        tmp_path / f"{name}-{seed}.jpg") for name in names]
        assert image_pairs(hash_images(copies, threads=2)).tolist() == []


def _chrome(height: int, width: int) -> np.ndarray:
    """A light screen: flat background, a status bar and caption lines of dark strokes."""
    screen = np.full((height, width), 236, np.uint8)
    screen[:8] = 30
    screen[3:6, 4:40:3] = 220  # the clock's digits on the dark status bar
    for top in (20, 214, 224):
        screen[top:top + 4, 6:110:4] = 40  # letters of a caption line
        screen[top:top + 4, 7:110:4] = 40
    return screen


def test_screen_photo_box_cuts_the_photo_out_of_the_chrome(photos):
    photo = np.asarray(photos["chelsea"].convert("L").resize((128, 85), Image.Resampling.BOX))
    screen = _chrome(280, 128)
    screen[90:175] = photo
    left, top, right, bottom = screen_photo_box(screen)
    assert (left, right) == (0, 128)
    assert 90 <= top <= 92 and 173 <= bottom <= 175
    framed = _chrome(280, 128)
    framed[90:175, 20:108] = photo[:, 20:108]  # narrower than the screen: flat margins cut too
    assert screen_photo_box(framed)[0] == 20 and screen_photo_box(framed)[2] == 108


def test_screen_photo_box_leaves_photos_alone(photos):
    tall = np.asarray(photos["astronaut"].convert("L").resize((128, 228)))  # a 9:16 phone photo
    assert screen_photo_box(tall) == (0, 0, 128, 228)
    wide = np.asarray(photos["chelsea"].convert("L"))  # not shaped like a screen
    assert screen_photo_box(wide) == (0, 0, wide.shape[1], wide.shape[0])
    stripes = _chrome(280, 128)
    stripes[90:175] = np.linspace(0, 255, 128).astype(np.uint8)  # no column with any contrast
    assert screen_photo_box(stripes) == (0, 0, 128, 280)


def test_masked_views_are_columns_of_their_own(photo_files):
    hashes = hash_images(photo_files[:2])
    assert hashes.masked_columns and not set(hashes.masked_columns) & set(hashes.base_columns)
    assert all(hashes.columns[c].startswith("whole-masked") for c in hashes.masked_columns)
    assert hash_images(photo_files[:2], mode="imagehash").masked_columns == ()
