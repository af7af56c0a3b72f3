"""The app's icons: a white shield on the edition's accent colour, drawn in pure Python.

An edition may bring its own (an icons/ folder with icon.svg, icon-192.png, icon-512.png,
maskable-192.png and maskable-512.png); otherwise they are drawn at start-up, once per colour (the
build folder keeps them), so that no district's colour is in the engine.
"""

import struct
import zlib
from pathlib import Path

from webapp.build_files import write_atomically

WHITE = (0xFF, 0xFF, 0xFF)
ICON_NAMES = ("icon.svg", "icon-192.png", "icon-512.png", "maskable-192.png", "maskable-512.png")


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


def coverage(size, polygon, rounded_corner=0.0):
    """Anti-aliased coverage (0..1) of the polygon, per pixel, by 4 sub-rows and exact spans."""
    sub = 4
    cover = [[0.0] * size for _ in range(size)]
    edges = list(zip(polygon, polygon[1:] + polygon[:1], strict=True))
    for row in range(size * sub):
        y = (row + 0.5) / (size * sub)
        xs = sorted(
            x0 + (y - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in edges if (y0 <= y < y1) or (y1 <= y < y0)
        )
        for start, end in zip(xs[::2], xs[1::2], strict=False):
            a, b = start * size, end * size
            for px in range(max(0, int(a)), min(size, int(b) + 1)):
                overlap = min(b, px + 1) - max(a, px)
                if overlap > 0:
                    cover[row // sub][px] += overlap / sub
    return cover


def rounded_square(size, radius):
    """Coverage of a square with rounded corners (radius in unit coordinates)."""
    cover = [[1.0] * size for _ in range(size)]
    r = radius * size
    for py in range(size):
        for px in range(size):
            cx = min(max(px + 0.5, r), size - r)
            cy = min(max(py + 0.5, r), size - r)
            d = ((px + 0.5 - cx) ** 2 + (py + 0.5 - cy) ** 2) ** 0.5
            cover[py][px] = max(0.0, min(1.0, r - d + 0.5)) if d > 0 else 1.0
    return cover


def png(size, background, shield_cover, colour):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            s = min(1.0, shield_cover[y][x])
            alpha = background[y][x]
            rgb = [round(colour[i] * (1 - s) + WHITE[i] * s) for i in range(3)]
            row += bytes(rgb + [round(255 * max(alpha, 0.0))])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def svg(accent):
    points = " ".join(f"{x * 100:.1f},{y * 100:.1f}" for x, y in shield(1.0))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<rect width="100" height="100" rx="18" fill="' + accent + '"/>'
        f'<polygon points="{points}" fill="#fff"/></svg>\n'
    )


def draw_icons(accent):
    """{file name: bytes} of every icon in this accent colour (#rrggbb)."""
    colour = tuple(int(accent[i : i + 2], 16) for i in (1, 3, 5))
    icons = {"icon.svg": svg(accent).encode()}
    for size in (192, 512):
        # "any": rounded square; "maskable": full bleed, shield inside the 80% safe zone.
        icons[f"icon-{size}.png"] = png(size, rounded_square(size, 0.18), coverage(size, shield(1.0)), colour)
        full = [[1.0] * size for _ in range(size)]
        icons[f"maskable-{size}.png"] = png(size, full, coverage(size, shield(0.72)), colour)
    return icons


def edition_icons(edition_dir, accent, build_dir):
    """The edition's own icons if it has them, else drawn in its colour (kept in the build folder)."""
    own = Path(edition_dir) / "icons"
    if all((own / name).is_file() for name in ICON_NAMES):
        return {name: (own / name).read_bytes() for name in ICON_NAMES}
    drawn = Path(build_dir) / "icons" / accent.lstrip("#").lower()
    if not all((drawn / name).is_file() for name in ICON_NAMES):
        for name, data in draw_icons(accent).items():
            write_atomically(drawn / name, data)
    return {name: (drawn / name).read_bytes() for name in ICON_NAMES}
