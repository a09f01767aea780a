"""The edits re-posted ad photos go through, as one reproducible suite (`EDITS`).

Each edit takes an RGB image and a numpy Generator and returns the edited RGB image. The
robustness benchmark (benchmarks/bench_image_robustness.py) measures, per edit, how often the
edited photo is still found next to its original; the tests use the same edits on the bundled
photographs (`adcount.synth.photos.sample_photos`). The edits a synthetic set's sites and
re-uploads apply to its copies are `adcount.synth.edits`.

Two edits are the habits of the field that the first suite lacked: ``banner_band`` (a band of
colour with text across the top, bottom or middle, 8-25 % of the height, opaque or not) and
``screenshot`` (the photo re-posted as a phone screenshot, `adcount.synth.screenshots`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

from .lettering import draw_text
from .screenshots import screenshot

Edit = Callable[[Image.Image, np.random.Generator], Image.Image]

_SITE_NAMES = ("annonces-privees.fr", "rencontres-69.com", "vivastreet-like.net", "escort-nord.eu")
BAND_TEXTS = (
    "NEW", "NOUVELLE", "100% real", "100% RÉELLE", "VIP", "DISPO", "Available now", "New in town",
    "06 12 48 73 95", "07.61.22.90.14", "+33 6 58 14 27 03", "(514) 555-0187", "555-201-7730",
    "annonces-privees.fr", "escort-nord.eu", "rencontres-69.com", "Photos vérifiées", "Real photos")
"""What re-posters and sites write on a band: claims, site names, phone numbers (made up)."""
BAND_COLOURS = ((230, 20, 110), (20, 20, 20), (200, 30, 30), (120, 40, 160), (250, 210, 0),
                (255, 255, 255), (0, 90, 200), (0, 150, 80), (255, 120, 0))
"""Band colours seen on ad sites: pinks, black, red, purple, yellow, white, blue, green, orange."""


def reencode(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """JPEG re-encoding at a low quality (35 to 60)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=int(rng.integers(35, 61)))
    buffer.seek(0)
    with Image.open(buffer) as reread:
        return reread.convert("RGB")


def resize(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Down- or up-scaling by a factor of 0.4 to 1.6, aspect ratio kept."""
    factor = float(rng.choice([rng.uniform(0.4, 0.8), rng.uniform(1.2, 1.6)]))
    width, height = image.size
    return image.resize((max(8, round(width * factor)), max(8, round(height * factor))),
                        Image.Resampling.BICUBIC)


def brightness_contrast(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Brightness and contrast each changed by 15 to 30 %, up or down."""
    bright = 1 + rng.choice([-1, 1]) * rng.uniform(0.15, 0.30)
    contrast = 1 + rng.choice([-1, 1]) * rng.uniform(0.15, 0.30)
    return ImageEnhance.Contrast(ImageEnhance.Brightness(image).enhance(bright)).enhance(contrast)


def _font(height: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(8, height))


def watermark(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A site name in half-transparent white letters (8 % of the height) across the lower half."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = image.size
    text = str(rng.choice(_SITE_NAMES))
    x = int(rng.uniform(0.03, 0.3) * width)
    y = int(rng.uniform(0.5, 0.85) * height)
    draw.text((x, y), text, font=_font(int(0.08 * height)), fill=(255, 255, 255, 128))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def banner(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """An opaque strip (8 to 12 % of the height) with a site name over the top or bottom edge."""
    width, height = image.size
    strip = int(rng.uniform(0.08, 0.12) * height)
    edited = image.copy()
    draw = ImageDraw.Draw(edited)
    top = 0 if rng.random() < 0.5 else height - strip
    colour = tuple(int(c) for c in rng.integers(0, 256, 3))
    draw.rectangle((0, top, width, top + strip), fill=colour)
    draw.text((int(0.05 * width), top + strip // 6), str(rng.choice(_SITE_NAMES)),
              font=_font(int(strip * 0.6)), fill=(255 - colour[0], 255 - colour[1], 255 - colour[2]))
    return edited


def mirror(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Left-right mirror image."""
    return ImageOps.mirror(image)


def _crop(image: Image.Image, rng: np.random.Generator, removed: float) -> Image.Image:
    """Keep (1 - removed) of the width and of the height, at a random position."""
    width, height = image.size
    keep_w, keep_h = round(width * (1 - removed)), round(height * (1 - removed))
    x = int(rng.integers(0, width - keep_w + 1))
    y = int(rng.integers(0, height - keep_h + 1))
    return image.crop((x, y, x + keep_w, y + keep_h))


def crop5(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """5 % of the width and 5 % of the height cut off, split at random between the sides."""
    return _crop(image, rng, 0.05)


def crop10(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """10 % of the width and 10 % of the height cut off, split at random between the sides."""
    return _crop(image, rng, 0.10)


def border(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A uniform frame (3 to 8 % of the short side) in black, white or a random colour."""
    width = max(1, int(rng.uniform(0.03, 0.08) * min(image.size)))
    colours = [(0, 0, 0), (255, 255, 255), tuple(int(c) for c in rng.integers(0, 256, 3))]
    return ImageOps.expand(image, border=width, fill=colours[int(rng.integers(0, 3))])


def rotate3(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Rotation by 3 degrees either way, cropped to the largest upright rectangle of the same
    aspect ratio that holds no fill pixels (as a re-poster's editor would)."""
    angle = float(rng.choice([-3.0, 3.0]))
    width, height = image.size
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    sin, cos = abs(math.sin(math.radians(angle))), math.cos(math.radians(angle))
    # a centred w' x h' box with the same aspect ratio fits inside the rotated frame when
    # w' cos + h' sin <= w and w' sin + h' cos <= h
    scale = min(width / (width * cos + height * sin), height / (width * sin + height * cos))
    keep_w, keep_h = int(width * scale), int(height * scale)
    x, y = (width - keep_w) // 2, (height - keep_h) // 2
    return turned.crop((x, y, x + keep_w, y + keep_h))


def banner_band(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A band of colour across the whole width with a claim, a site name or a phone number on it.

    8 to 25 % of the height, at the top, the bottom or anywhere across the middle; opaque half
    of the time, else 45 to 85 % opaque (the photo shows through); text left, centred or right,
    in a regular, bold or pixel font, light or dark.
    """
    width, height = image.size
    band = max(4, round(float(rng.uniform(0.08, 0.25)) * height))
    place = int(rng.integers(3))
    top = (0, height - band, round(float(rng.uniform(0.2, 0.8)) * height - band / 2))[place]
    top = min(max(top, 0), height - band)
    colour = BAND_COLOURS[int(rng.integers(len(BAND_COLOURS)))]
    if rng.random() < 0.3:
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
    alpha = 255 if rng.random() < 0.5 else round(255 * float(rng.uniform(0.45, 0.85)))
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(layer).rectangle((0, top, width, top + band - 1), fill=(*colour, alpha))
    light = sum(colour) < 3 * 140
    ink = (255, 255, 255) if light else (15, 15, 15)
    if rng.random() < 0.25:
        ink = (255, 230, 40) if light else (200, 0, 60)
    draw_text(layer, str(rng.choice(BAND_TEXTS)), (0, top, width, top + band), ink, rng)
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


EDITS: dict[str, Edit] = {
    "reencode": reencode,
    "resize": resize,
    "brightness_contrast": brightness_contrast,
    "watermark": watermark,
    "banner": banner,
    "mirror": mirror,
    "crop5": crop5,
    "crop10": crop10,
    "border": border,
    "rotate3": rotate3,
    "banner_band": banner_band,
    "screenshot": screenshot,
}
"""The edit suite, in the order the benchmark draws and reports it (new edits go last, so a
seed gives the earlier edits the same random draws)."""
