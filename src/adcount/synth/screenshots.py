"""A photo re-posted as a phone screenshot: scaled into a portrait screen among app chrome.

What a re-poster's screenshot holds, drawn at random: a screen of a common phone width and a
height of 16/9 to 21/9 times it, a light or dark theme, a status bar (time, signal, battery) of
its own height and colour, often an app bar (back arrow, title, avatar), sometimes a caption of
a few lines above and/or below the photo, a row of action icons, a navigation bar (gesture pill
or three buttons). The photo fills the width (or nearly) unless it is too tall for the space
left, and sits just under the chrome, centred in the free space, or anywhere in it; the rest is
the theme's background (the letterbox). The screenshot is saved as a JPEG of random quality and
read back, as a re-post would be.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from .lettering import draw_text

SCREEN_WIDTHS = (720, 750, 828, 1080, 1170, 1242, 1284, 1440)
"""Screen widths in pixels of common phones (Android 720/1080/1440, iPhones 750-1284)."""
SCREEN_ASPECTS = (16 / 9, 21 / 9)
"""Screen height over width: 9:16 (older phones) to 9:21 (tall Android phones)."""
STATUS_BAR = (0.02, 0.045)
APP_BAR = (0.045, 0.08)
NAV_BAR = (0.025, 0.06)
ACTION_ROW = (0.035, 0.055)
"""Heights of the chrome as shares of the screen height (Android and iOS guidelines: 24-47 pt
status bars, 48-64 dp app bars, 34-48 dp navigation bars on 640-930 pt tall screens)."""
TEXT_LINE = (0.026, 0.04)
"""Height of a caption line as a share of the screen height."""
JPEG_QUALITY = (55, 93)

CAPTIONS = (
    "Sofia, 24 ans, nouvelle sur Lille", "Real pics, no fake, call or text me",
    "Dispo ce soir de 21h a 2h", "Incall / outcall, discretion assured", "Hello gentlemen, new in town",
    "Appelle-moi, bisous", "Photos 100% reelles, pas de mauvaise surprise", "Only serious men please",
    "Massage relaxant, douceur et discretion", "Text me on WhatsApp", "Available 24/7 this week",
    "Ce week-end seulement !", "Jessica 22yo, sweet and naughty", "Nouvelle photo, qu'en pensez-vous ?",
    "vu 1 245 fois", "12 commentaires", "Voir la traduction", "Liked by marco_75 and 87 others")
TITLES = ("Photos", "Annonce", "Messages", "Galerie", "Gallery", "Photo", "Profil", "escort-nord.eu",
          "annonces-privees.fr", "Telegram", "Chat", "Story")
ACCENTS = ((18, 140, 126), (0, 122, 255), (230, 20, 110), (60, 60, 60), (88, 86, 214), (255, 59, 48),
           (34, 34, 34), (245, 245, 245))
"""App bar colours: messaging greens and blues, pinks, greys, purples, reds, near-black and white."""


def _theme(rng: np.random.Generator) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(background, ink) of a light or a dark theme, slightly tinted."""
    tint = rng.integers(-6, 7, 3)
    if rng.random() < 0.5:
        base = int(rng.integers(0, 36))
        return tuple(int(v) for v in np.clip(base + tint, 0, 255)), (235, 235, 235)
    base = int(rng.integers(228, 256))
    return tuple(int(v) for v in np.clip(base + tint, 0, 255)), (20, 20, 20)


def _ink_on(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    return (20, 20, 20) if sum(colour) > 3 * 150 else (240, 240, 240)


def _status_bar(draw: ImageDraw.ImageDraw, canvas: Image.Image, width: int, height: int,
                colour, rng: np.random.Generator) -> None:
    """Time on the left, signal bars and a battery on the right."""
    draw.rectangle((0, 0, width, height), fill=colour)
    ink = _ink_on(colour)
    clock = f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"
    draw_text(canvas, clock, (0, 0, width // 3, height), ink, rng, style="regular", align="left")
    unit = max(2, height // 8)
    right = width - 3 * unit
    battery = (right - 6 * unit, height // 2 - 2 * unit, right, height // 2 + 2 * unit)
    draw.rectangle(battery, outline=ink, width=max(1, unit // 2))
    level = battery[0] + round((battery[2] - battery[0]) * float(rng.uniform(0.2, 1.0)))
    draw.rectangle((battery[0], battery[1], level, battery[3]), fill=ink)
    for k in range(4):  # signal bars of increasing height
        x = battery[0] - (9 - 2 * k) * unit
        draw.rectangle((x, height // 2 + 2 * unit - (k + 1) * unit, x + unit, height // 2 + 2 * unit), fill=ink)


def _app_bar(draw: ImageDraw.ImageDraw, canvas: Image.Image, top: int, width: int, height: int,
             colour, rng: np.random.Generator) -> None:
    """Back arrow, optional avatar, title, menu dots."""
    draw.rectangle((0, top, width, top + height), fill=colour)
    ink = _ink_on(colour)
    middle, unit = top + height // 2, max(2, height // 10)
    draw.line((6 * unit, middle - 2 * unit, 4 * unit, middle, 6 * unit, middle + 2 * unit), fill=ink,
              width=max(1, unit // 2))
    left = 9 * unit
    if rng.random() < 0.5:
        avatar = tuple(int(c) for c in rng.integers(40, 220, 3))
        draw.ellipse((left, middle - 3 * unit, left + 6 * unit, middle + 3 * unit), fill=avatar)
        left += 8 * unit
    draw_text(canvas, str(rng.choice(TITLES)), (left, top, width * 3 // 4, top + height), ink, rng,
              style="regular", align="left")
    for k in (-2, 0, 2):
        x = width - 4 * unit
        draw.ellipse((x - unit // 2, middle + k * unit - unit // 2, x + unit // 2, middle + k * unit + unit // 2),
                     fill=ink)


def _caption(canvas: Image.Image, top: int, width: int, line: int, lines: int, ink,
             rng: np.random.Generator) -> None:
    for k in range(lines):
        text = str(rng.choice(CAPTIONS))
        draw_text(canvas, text, (0, top + k * line, width, top + (k + 1) * line), ink, rng,
                  style="regular", align="left")


def _action_row(draw: ImageDraw.ImageDraw, top: int, width: int, height: int, ink) -> None:
    """Four outline icons on the left (like, comment, share, save), as photo apps show."""
    unit = height // 2
    for k in range(3):
        x = width // 30 + k * 3 * unit
        draw.ellipse((x, top + unit // 2, x + unit, top + unit // 2 + unit), outline=ink, width=max(1, unit // 8))
    draw.rectangle((width - width // 30 - unit, top + unit // 2, width - width // 30, top + unit // 2 + unit),
                   outline=ink, width=max(1, unit // 8))


def _nav_bar(draw: ImageDraw.ImageDraw, top: int, width: int, height: int, colour,
             rng: np.random.Generator) -> None:
    """A gesture pill or the three buttons (back, home, recent)."""
    draw.rectangle((0, top, width, top + height), fill=colour)
    ink = _ink_on(colour)
    middle, unit = top + height // 2, max(2, height // 6)
    if rng.random() < 0.5:
        draw.rounded_rectangle((width * 3 // 8, middle - unit // 3, width * 5 // 8, middle + unit // 3),
                               radius=unit // 3, fill=ink)
        return
    for k, x in enumerate((width // 4, width // 2, 3 * width // 4)):
        box = (x - unit, middle - unit, x + unit, middle + unit)
        if k == 0:
            draw.polygon([(x + unit, middle - unit), (x + unit, middle + unit), (x - unit, middle)], outline=ink)
        elif k == 1:
            draw.ellipse(box, outline=ink, width=max(1, unit // 4))
        else:
            draw.rectangle(box, outline=ink, width=max(1, unit // 4))


def screenshot(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """``image`` re-posted as a phone screenshot (see the module docstring)."""
    width = int(rng.choice(SCREEN_WIDTHS))
    height = round(width * float(rng.uniform(*SCREEN_ASPECTS)))
    background, ink = _theme(rng)
    canvas = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(canvas)

    def share(bounds: tuple[float, float]) -> int:
        return round(float(rng.uniform(*bounds)) * height)

    def bar_colour() -> tuple[int, int, int]:
        pick = rng.random()
        return background if pick < 0.5 else (0, 0, 0) if pick < 0.75 else ACCENTS[int(rng.integers(len(ACCENTS)))]

    status = share(STATUS_BAR)
    _status_bar(draw, canvas, width, status, bar_colour(), rng)
    top = status
    if rng.random() < 0.75:
        app = share(APP_BAR)
        _app_bar(draw, canvas, top, width, app, bar_colour(), rng)
        top += app
    nav = share(NAV_BAR)
    bottom = height - nav
    _nav_bar(draw, bottom, width, nav, bar_colour(), rng)
    line = share(TEXT_LINE)
    above = int(rng.integers(1, 4)) if rng.random() < 0.35 else 0
    below = int(rng.integers(1, 5)) if rng.random() < 0.55 else 0
    action = share(ACTION_ROW) if rng.random() < 0.5 else 0
    gap = 0 if rng.random() < 0.3 else share((0.005, 0.03))

    margin = 0 if rng.random() < 0.6 else round(float(rng.uniform(0.02, 0.06)) * width)
    free = bottom - top - (above + below) * line - action - 2 * gap
    scale = min((width - 2 * margin) / image.width, free / image.height)
    photo = image.resize((max(8, round(image.width * scale)), max(8, round(image.height * scale))),
                         Image.Resampling.BICUBIC)
    slack = free - photo.height
    placement = rng.random()
    offset = 0 if placement < 0.5 else slack // 2 if placement < 0.8 else int(rng.integers(0, slack + 1))
    _caption(canvas, top + gap, width, line, above, ink, rng)
    photo_top = top + gap + above * line + offset
    canvas.paste(photo, ((width - photo.width) // 2, photo_top))
    under = photo_top + photo.height + gap
    if action:
        _action_row(draw, under, width, action, ink)
    _caption(canvas, under + action, width, line, below, ink, rng)

    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=int(rng.integers(*JPEG_QUALITY)))
    buffer.seek(0)
    with Image.open(buffer) as reread:
        return reread.convert("RGB")
