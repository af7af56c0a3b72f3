"""The app's icons: a white shield bearing the district's initials, on the edition's accent colour.

An edition may bring its own (an icons/ folder with icon.svg, icon-192.png, icon-512.png,
maskable-192.png and maskable-512.png); otherwise they are drawn at start-up, once per colour and
initials (the build folder keeps them), so that no district's colour or name is in the engine.
Pillow draws them, with the font it carries, so that no system font is needed.
"""

import hashlib
import io
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from webapp.offline.build_files import write_atomically

ICON_NAMES = ("icon.svg", "icon-192.png", "icon-512.png", "maskable-192.png", "maskable-512.png")
SUPERSAMPLE = 4  # drawn this many times larger, then scaled down: smooth edges
MAX_INITIALS = 4


def initials(short_name):
    """What the shield bears: a short name without spaces as it is ("MCPS"), else the first letter
    of each capitalised word ("Example Valley" gives "EV"), at most four."""
    short_name = short_name.strip()
    if " " not in short_name and len(short_name) <= MAX_INITIALS:
        return short_name
    letters = [word[0] for word in short_name.split() if word[:1].isupper()]
    return "".join(letters[:MAX_INITIALS]) or short_name[:1].upper()


def shield(scale):
    """The shield outline as a polygon in unit coordinates, scaled around the centre."""
    top = [(0.5, 0.14), (0.79, 0.24), (0.79, 0.47)]
    points = list(top)
    # Right side curving down to the point, then the mirror image back up.
    for i in range(1, 13):
        t = i / 12
        x = (1 - t) ** 2 * 0.79 + 2 * (1 - t) * t * 0.77 + t * t * 0.5
        y = (1 - t) ** 2 * 0.47 + 2 * (1 - t) * t * 0.74 + t * t * 0.88
        points.append((x, y))
    points += [(1 - x, y) for x, y in reversed(points[2:-1])] + [(0.21, 0.24)]
    return [(0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale) for x, y in points]


def _text_size(count):
    """Letter height as a share of the icon, smaller for more letters, so they fit the shield."""
    return {1: 0.3, 2: 0.24, 3: 0.18}.get(count, 0.14)


def png(size, accent, letters, *, maskable):
    """One PNG: "any" is a rounded square; "maskable" bleeds to the edge, its shield inside the
    80% safe zone."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=accent)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(0.18 * big), fill=accent)
    scale = 0.72 if maskable else 1.0
    draw.polygon([(x * big, y * big) for x, y in shield(scale)], fill="#ffffff")
    if letters:
        font = ImageFont.load_default(size=max(1, round(_text_size(len(letters)) * scale * big)))
        # Centred a little above the shield's middle, where it is widest.
        centre = (big / 2, big * (0.5 - 0.04 * scale))
        draw.text(centre, letters, font=font, fill=accent, anchor="mm")
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


def svg(accent, letters):
    points = " ".join(f"{x * 100:.1f},{y * 100:.1f}" for x, y in shield(1.0))
    text = ""
    if letters:
        text = (
            f'<text x="50" y="{46 + _text_size(len(letters)) * 35:.1f}" text-anchor="middle" '
            f'font-family="sans-serif" font-weight="bold" font-size="{_text_size(len(letters)) * 100:.0f}" '
            f'fill="{accent}">{escape(letters)}</text>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<rect width="100" height="100" rx="18" fill="' + accent + '"/>'
        f'<polygon points="{points}" fill="#fff"/>{text}</svg>\n'
    )


def draw_icons(accent, letters=""):
    """{file name: bytes} of every icon in this accent colour (#rrggbb), bearing these letters."""
    icons = {"icon.svg": svg(accent, letters).encode()}
    for size in (192, 512):
        icons[f"icon-{size}.png"] = png(size, accent, letters, maskable=False)
        icons[f"maskable-{size}.png"] = png(size, accent, letters, maskable=True)
    return icons


def edition_icons(edition_dir, accent, letters, build_dir):
    """The edition's own icons if it has them, else drawn in its colour with its initials (kept in
    the build folder, so that they are drawn once)."""
    own = Path(edition_dir) / "icons"
    if all((own / name).is_file() for name in ICON_NAMES):
        return {name: (own / name).read_bytes() for name in ICON_NAMES}
    key = hashlib.sha256(f"{accent.lower()} {letters}".encode()).hexdigest()[:16]
    drawn = Path(build_dir) / "icons" / key
    if not all((drawn / name).is_file() for name in ICON_NAMES):
        for name, data in draw_icons(accent, letters).items():
            write_atomically(drawn / name, data)
    return {name: (drawn / name).read_bytes() for name in ICON_NAMES}
