"""A photo re-posted as a phone screenshot: scaled into a portrait screen among app chrome.

What a re-poster's screenshot holds, drawn at random: a screen of a common phone width and a
height of 16/9 to 21/9 times it, a light or dark theme, a status bar (time, signal, battery) of
its own height and colour, a navigation bar (gesture pill or three buttons), and one of three
layouts (`LAYOUTS`):

* a feed post or ad page: often an app bar (back arrow, title, avatar), sometimes a caption of
  a few lines above and/or below the photo, a row of action icons; the photo fills the width
  (or nearly, sometimes with rounded corners) unless it is too tall for the space left, and
  sits just under the chrome, centred in the free space, or anywhere in it;
* a full-screen viewer: the photo centred on the background, the status bar drawn over it;
* a chat: app bar, message bubbles, the photo in a bubble of its own with the time under it.

The rest is the theme's background (the letterbox). The screenshot is sometimes scaled down,
then saved as a PNG (as phones save them) or a JPEG of random quality and read back, as a
re-post would be.
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


def _fitted(image: Image.Image, width: int, height: int) -> Image.Image:
    """``image`` scaled (aspect kept) to the largest size within width x height."""
    scale = min(width / image.width, height / image.height)
    return image.resize((max(8, round(image.width * scale)), max(8, round(image.height * scale))),
                        Image.Resampling.BICUBIC)


def _rounded(photo: Image.Image, canvas: Image.Image, corner: tuple[int, int], radius: int) -> None:
    """Paste ``photo`` at ``corner`` with its corners rounded (the background shows there)."""
    mask = Image.new("L", photo.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, photo.width - 1, photo.height - 1), radius=radius, fill=255)
    canvas.paste(photo, corner, mask)


def _feed(image, canvas, draw, background, ink, share, bar_colour, rng) -> None:
    """A post in a feed or an ad page: app bar, caption above and/or below, action icons."""
    width, height = canvas.size
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
    photo = _fitted(image, width - 2 * margin, free)
    slack = free - photo.height
    placement = rng.random()
    offset = 0 if placement < 0.5 else slack // 2 if placement < 0.8 else int(rng.integers(0, slack + 1))
    _caption(canvas, top + gap, width, line, above, ink, rng)
    photo_top = top + gap + above * line + offset
    radius = round(float(rng.uniform(0.01, 0.04)) * width) if rng.random() < 0.3 else 0
    _rounded(photo, canvas, ((width - photo.width) // 2, photo_top), radius)
    under = photo_top + photo.height + gap
    if action:
        _action_row(draw, under, width, action, ink)
    _caption(canvas, under + action, width, line, below, ink, rng)


def _viewer(image, canvas, draw, background, ink, share, bar_colour, rng) -> None:
    """A full-screen photo viewer: the photo across the width, centred; the status bar and a
    back arrow drawn over the screen (over the photo when it reaches the top)."""
    width, height = canvas.size
    nav = share(NAV_BAR)
    photo = _fitted(image, width, height - nav)
    photo_top = (height - nav - photo.height) // 2
    canvas.paste(photo, ((width - photo.width) // 2, photo_top))
    status = share(STATUS_BAR)
    clock = f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"
    draw_text(canvas, clock, (0, 0, width // 3, status), ink, rng, style="regular", align="left")
    unit = max(2, status // 8)
    draw.rectangle((width - 9 * unit, status // 2 - 2 * unit, width - 3 * unit, status // 2 + 2 * unit), outline=ink)
    if rng.random() < 0.6:
        middle = status + share(APP_BAR) // 2
        draw.line((6 * unit, middle - 2 * unit, 4 * unit, middle, 6 * unit, middle + 2 * unit), fill=ink,
                  width=max(1, unit // 2))
    _nav_bar(draw, height - nav, width, nav, background, rng)


def _chat(image, canvas, draw, background, ink, share, bar_colour, rng) -> None:
    """A chat: app bar, a message bubble or two, then the photo in a bubble of its own with
    the time under it, on the left (received) or the right (sent)."""
    width, height = canvas.size
    status = share(STATUS_BAR)
    _status_bar(draw, canvas, width, status, bar_colour(), rng)
    app = share(APP_BAR)
    _app_bar(draw, canvas, status, width, app, bar_colour(), rng)
    nav = share(NAV_BAR)
    _nav_bar(draw, height - nav, width, nav, bar_colour(), rng)
    bubble = tuple(int(c) for c in np.clip(np.array(background) + rng.integers(-40, 41, 3), 0, 255))
    line = share(TEXT_LINE)
    top = status + app + share((0.01, 0.03))
    for _ in range(int(rng.integers(0, 3))):  # text messages before the photo
        size = round(float(rng.uniform(0.4, 0.8)) * width)
        left = width // 30 if rng.random() < 0.5 else width - width // 30 - size
        draw.rounded_rectangle((left, top, left + size, top + line + line // 2), radius=line // 2, fill=bubble)
        draw_text(canvas, str(rng.choice(CAPTIONS)), (left, top, left + size, top + line + line // 2),
                  _ink_on(bubble), rng, style="regular", align="left")
        top += line * 2
    pad = round(float(rng.uniform(0.008, 0.02)) * width)
    box_width = round(float(rng.uniform(0.65, 0.85)) * width)
    photo = _fitted(image, box_width - 2 * pad, height - nav - top - line - 3 * pad)
    left = width // 30 if rng.random() < 0.5 else width - width // 30 - photo.width - 2 * pad
    draw.rounded_rectangle((left, top, left + photo.width + 2 * pad, top + photo.height + 2 * pad + line),
                           radius=2 * pad, fill=bubble)
    _rounded(photo, canvas, (left + pad, top + pad), pad)
    stamp = f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"
    draw_text(canvas, stamp, (left, top + photo.height + pad, left + photo.width + 2 * pad,
                              top + photo.height + pad + line), _ink_on(bubble), rng, style="regular",
              align="right")


LAYOUTS = {"feed": (0.55, _feed), "viewer": (0.2, _viewer), "chat": (0.25, _chat)}
"""Screens a photo is re-posted from, with how often each is drawn."""


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

    shares = np.array([weight for weight, _ in LAYOUTS.values()])
    _, layout = list(LAYOUTS.values())[int(rng.choice(len(LAYOUTS), p=shares / shares.sum()))]
    layout(image, canvas, draw, background, ink, share, bar_colour, rng)
    if rng.random() < 0.4:  # the site or the re-poster scales the screenshot down
        factor = float(rng.uniform(0.5, 0.9))
        canvas = canvas.resize((round(width * factor), round(height * factor)), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    if rng.random() < 0.2:
        canvas.save(buffer, "PNG")  # as the phone saved it
    else:
        canvas.save(buffer, "JPEG", quality=int(rng.integers(*JPEG_QUALITY)))
    buffer.seek(0)
    with Image.open(buffer) as reread:
        return reread.convert("RGB")
