"""The QR code on the printable poster, drawn by segno as inline SVG: no image service, no network."""

import segno
from markupsafe import Markup


def qr_code_svg(address, title):
    """An SVG QR code for address; medium error correction survives a scuffed printout.

    It scales with CSS (a viewBox, no fixed size) and is named for screen readers by its title.
    """
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(
        scale=6,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="poster__qr",
        lineclass=None,
        omitsize=True,
        title=title,
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
