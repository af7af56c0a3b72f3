"""The edition's accent colour: checked for contrast (WCAG 2.2 AA), and turned into css/edition.css.

Light theme: the accent is the header, the buttons and the links, under white text and on white
paper. Dark theme: the accent is the header under light text; links and buttons use the accent
lightened just enough to read on the dark paper (computed, so no district's colour is in the CSS).
"""

AA_TEXT = 4.5  # WCAG 2.2 AA for text; controls need 3, so text is the stricter test
LIGHT_PAPER = "#ffffff"
DARK_PAPER = "#14181c"  # --paper of guide.css's dark theme
DARK_HEADER_INK = "#e6e9ec"  # --header-ink of guide.css's dark theme


def _channels(colour):
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def _hex(channels):
    return "#" + "".join(f"{round(c):02x}" for c in channels)


def luminance(colour):
    """WCAG relative luminance of #rrggbb."""

    def linear(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_problems(accent):
    """Why the accent cannot be used, or an empty list (it must carry text in both themes)."""
    problems = []
    for what, other in (
        ("white text on it, and it as text on white (light theme)", LIGHT_PAPER),
        ("the dark theme's header text on it", DARK_HEADER_INK),
    ):
        ratio = contrast(accent, other)
        if ratio < AA_TEXT:
            problems.append(f"contrast {ratio:.2f}:1 with {what}; WCAG AA needs {AA_TEXT}:1: choose a darker colour")
    return problems


def dark_contrast_problems(dark_accent):
    ratio = contrast(dark_accent, DARK_PAPER)
    if ratio < AA_TEXT:
        needs = f"WCAG AA needs {AA_TEXT}:1: choose a lighter colour"
        return [f"contrast {ratio:.2f}:1 as text on the dark theme's paper; {needs}"]
    return []


def lightened_for_dark(accent):
    """The accent mixed with white, just enough to read as text on the dark theme's paper."""
    start, white = _channels(accent), _channels(LIGHT_PAPER)
    for step in range(101):
        mixed = _hex([c + (w - c) * step / 100 for c, w in zip(start, white, strict=True)])
        if contrast(mixed, DARK_PAPER) >= AA_TEXT + 2:  # a margin: links are small text
            return mixed
    return LIGHT_PAPER


def edition_css(accent, dark_accent=None):
    """css/edition.css: the accent's custom properties, after guide.css."""
    return (
        "/* Made from the edition's accent colour (webapp/content_model/accent.py). */\n"
        f":root {{ --brand: {accent}; --header: {accent}; }}\n"
        "@media (prefers-color-scheme: dark) {\n"
        f"  :root {{ --brand: {dark_accent or lightened_for_dark(accent)}; --header: {accent}; }}\n"
        "}\n"
    )
