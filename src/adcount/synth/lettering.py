"""Text drawn over synthetic photos and screens, in a few looks: a regular, a bold and a pixel font.

Only fonts that ship inside Pillow are used (its FreeType "Aileron" face and its bitmap font), so
the same seed draws the same pixels on every machine.
"""

from __future__ import annotations

import functools

import numpy as np
from PIL import Image, ImageDraw, ImageFont

STYLES = ("regular", "bold", "pixel")
TEXT_HEIGHT = (0.45, 0.75)
"""Letters take this share of the height of the box they are written in (drawn uniformly)."""
MARGIN = 0.04
"""Share of the box width kept free on each side of the text."""


@functools.lru_cache(maxsize=64)
def _face(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(6, size))


@functools.lru_cache(maxsize=1)
def _bitmap_font() -> ImageFont.ImageFont:
    return ImageFont.load_default_imagefont()


def _pixel_mask(text: str, height: int) -> Image.Image:
    """``text`` in Pillow's bitmap font blown up (nearest neighbour) to ``height`` pixels: the
    blocky letters of low-resolution stickers and old phone apps."""
    font = _bitmap_font()
    left, top, right, bottom = font.getbbox(text)
    small = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(small).text((-left, -top), text, font=font, fill=255)
    factor = max(1, round(height / small.height))
    return small.resize((small.width * factor, small.height * factor), Image.Resampling.NEAREST)


def _vector_mask(text: str, height: int, bold: bool) -> Image.Image:
    font = _face(height)
    stroke = max(1, height // 14) if bold else 0
    left, top, right, bottom = font.getbbox(text, stroke_width=stroke)
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, stroke_width=stroke,
                              stroke_fill=255)
    return mask


def text_mask(text: str, height: int, style: str) -> Image.Image:
    """An "L" mask of ``text`` about ``height`` pixels tall in one of `STYLES`."""
    if style == "pixel":
        return _pixel_mask(text, height)
    return _vector_mask(text, height, bold=style == "bold")


def draw_text(layer: Image.Image, text: str, box: tuple[int, int, int, int],
              ink: tuple[int, int, int], rng: np.random.Generator, style: str | None = None,
              align: str | None = None) -> None:
    """Write ``text`` opaque in ``ink`` inside ``box`` (left, top, right, bottom) of ``layer``
    (RGB or RGBA): a random size (`TEXT_HEIGHT`), style and alignment unless given, shrunk to fit
    the width, centred vertically."""
    left, top, right, bottom = box
    style = style or str(rng.choice(STYLES))
    align = align or str(rng.choice(["left", "centre", "right"]))
    height = max(4, round(float(rng.uniform(*TEXT_HEIGHT)) * (bottom - top)))
    mask = text_mask(text, height, style)
    room = max(1, round((right - left) * (1 - 2 * MARGIN)))
    if mask.width > room or mask.height > bottom - top:
        scale = min(room / mask.width, (bottom - top) / mask.height)
        mask = mask.resize((max(1, round(mask.width * scale)), max(1, round(mask.height * scale))),
                           Image.Resampling.BILINEAR)
    margin = round((right - left) * MARGIN)
    x = {"left": left + margin, "centre": (left + right - mask.width) // 2,
         "right": right - margin - mask.width}[align]
    y = (top + bottom - mask.height) // 2
    fill = (*ink, 255) if layer.mode == "RGBA" else ink
    layer.paste(Image.new(layer.mode, mask.size, fill), (x, y), mask)
