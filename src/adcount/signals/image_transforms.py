"""The edits re-posted ad photos go through, as a reproducible transform suite.

Each transform takes an RGB image and a numpy Generator and returns the edited RGB image. The
robustness benchmark measures, per transform, how often the edited photo is still found next to
its original; synthetic ad sets can use the same edits.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

Transform = Callable[[Image.Image, np.random.Generator], Image.Image]

_SITE_NAMES = ("annonces-privees.fr", "rencontres-69.com", "vivastreet-like.net", "escort-nord.eu")


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


TRANSFORMS: dict[str, Transform] = {
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
}
"""The transform suite, in the order the benchmark reports it."""
