"""Helpers shared by tests: the pages the app says it has."""

import re

LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_paths(client):
    """Every path listed in /sitemap.xml, in order."""
    xml = client.get("/sitemap.xml").get_data(as_text=True)
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in LOC.findall(xml)]
