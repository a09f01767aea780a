"""Edits that a photo goes through between two ads: what the image engine must see through.

A site processes every upload its own way (size, JPEG quality, watermark of its name, a
banner); a person re-uploading a photo may crop it by 5-10%, mirror it, tilt it by 1-3 degrees,
change brightness and contrast, or add a border. Each distinct edited copy is described by one
frozen ``PhotoEdit`` and rendered once; JPEG parameters are fixed so files are byte-stable.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

COPY_WIDTHS = (480, 560, 640, 720, 800)  # copies keep 4:3 (or 3:4) between 480x360 and 800x600
BANNER_TEXTS = ("NOUVELLE", "100% RÉELLE", "DISPO", "NEW", "VIP")
BANNER_COLOURS = ((230, 20, 110), (20, 20, 20), (200, 30, 30), (120, 40, 160))


@dataclass(frozen=True)
class SiteStyle:
    """How one site processes uploads."""

    width: int
    quality: int
    watermark: bool
    banner: bool


@dataclass(frozen=True)
class PhotoEdit:
    """One edited copy of an original."""

    width: int
    quality: int
    crop: tuple[float, float, float, float]  # fractions cut from left, top, right, bottom
    mirror: bool
    angle: float
    brightness: float
    contrast: float
    border: int  # pixels, 0 for none
    border_colour: tuple[int, int, int]
    watermark: str  # "" for none
    watermark_at_centre: bool
    banner: str  # "" for none
    banner_colour: tuple[int, int, int]
    banner_on_top: bool

    def describe(self) -> str:
        """Compact list of the edits applied (for the image truth file)."""
        parts = [f"w{self.width}", f"q{self.quality}"]
        if any(self.crop):
            parts.append(f"crop{sum(self.crop[::2]) * 100:.0f}x{sum(self.crop[1::2]) * 100:.0f}")
        parts += ["mirror"] * self.mirror + [f"rot{self.angle:+.1f}"] * bool(self.angle)
        if (self.brightness, self.contrast) != (1.0, 1.0):
            parts.append(f"bc{self.brightness:.2f}/{self.contrast:.2f}")
        parts += ["border"] * bool(self.border) + ["watermark"] * bool(self.watermark)
        parts += ["banner"] * bool(self.banner)
        return " ".join(parts)


def site_styles(n_sites: int, rng: np.random.Generator) -> list[SiteStyle]:
    return [SiteStyle(width=int(rng.choice(COPY_WIDTHS)), quality=int(rng.integers(68, 91)),
                      watermark=bool(rng.random() < 0.3), banner=bool(rng.random() < 0.1))
            for _ in range(n_sites)]


def draw_edit(rng: np.random.Generator, site: SiteStyle, site_name: str,
              reupload: bool) -> PhotoEdit:
    """The copy a site shows; a re-upload also carries the person's own edits."""
    u = rng.random(7)
    crop = (0.0, 0.0, 0.0, 0.0)
    if reupload and u[0] < 0.4:
        total = rng.uniform(0.05, 0.10)
        share = rng.uniform(0.2, 0.8, 2)
        crop = (float(total * share[0]), float(total * share[1]), float(total * (1 - share[0])),
                float(total * (1 - share[1])))
    bright = reupload and u[3] < 0.35
    return PhotoEdit(
        width=site.width if not reupload else int(rng.choice(COPY_WIDTHS)),
        quality=site.quality if not reupload else int(rng.integers(60, 93)),
        crop=crop,
        mirror=bool(reupload and u[1] < 0.25),
        angle=float(rng.choice([-1, 1]) * rng.uniform(1, 3)) if reupload and u[2] < 0.12 else 0.0,
        brightness=float(rng.uniform(0.8, 1.2)) if bright else 1.0,
        contrast=float(rng.uniform(0.8, 1.2)) if bright else 1.0,
        border=int(rng.integers(8, 25)) if reupload and u[4] < 0.1 else 0,
        border_colour=tuple(int(c) for c in rng.choice([0, 255], 3)),
        watermark=site_name if site.watermark or (reupload and u[5] < 0.1) else "",
        watermark_at_centre=bool(rng.random() < 0.3),
        banner=str(rng.choice(BANNER_TEXTS)) if site.banner or (reupload and u[6] < 0.08) else "",
        banner_colour=BANNER_COLOURS[int(rng.integers(len(BANNER_COLOURS)))],
        banner_on_top=bool(rng.random() < 0.5),
    )


@functools.lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _overlay_text(image: Image.Image, edit: PhotoEdit) -> Image.Image:
    w, h = image.size
    if edit.banner:
        band = max(int(h * 0.1), 24)
        draw = ImageDraw.Draw(image)
        y0 = 0 if edit.banner_on_top else h - band
        draw.rectangle((0, y0, w, y0 + band), fill=edit.banner_colour)
        draw.text((w // 2, y0 + band // 2), edit.banner, fill=(255, 255, 255),
                  font=_font(int(band * 0.6)), anchor="mm")
    if edit.watermark:
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        size = max(w // 16, 14)
        where = (w // 2, h // 2) if edit.watermark_at_centre else (w - 10, h - 10 - size)
        anchor = "mm" if edit.watermark_at_centre else "rs"
        draw.text(where, edit.watermark, fill=(255, 255, 255, 150), font=_font(size),
                  anchor=anchor)
        image = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    return image


def apply_edit(original: Image.Image, edit: PhotoEdit) -> Image.Image:
    """The edited copy of ``original``."""
    image = original
    w, h = image.size
    if any(edit.crop):
        l, t, r, b = edit.crop
        image = image.crop((int(l * w), int(t * h), w - int(r * w), h - int(b * h)))
    if edit.mirror:
        image = ImageOps.mirror(image)
    if edit.angle:
        image = image.rotate(edit.angle, resample=Image.Resampling.BILINEAR,
                             fillcolor=(255, 255, 255))
    if edit.brightness != 1.0:
        image = ImageEnhance.Brightness(image).enhance(edit.brightness)
        image = ImageEnhance.Contrast(image).enhance(edit.contrast)
    if edit.border:
        image = ImageOps.expand(image, border=edit.border, fill=edit.border_colour)
    landscape = original.size[0] >= original.size[1]
    size = (edit.width, edit.width * 3 // 4) if landscape else (edit.width * 3 // 4, edit.width)
    image = image.resize(size, Image.Resampling.BILINEAR)
    return _overlay_text(image, edit)


def save_jpeg(image: Image.Image, path: str, quality: int) -> None:
    """Byte-stable JPEG: fixed quality, 4:2:0 subsampling, no optimisation, no metadata."""
    image.save(path, format="JPEG", quality=quality, subsampling=2, optimize=False,
               progressive=False)
