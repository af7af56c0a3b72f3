"""The per-language search index: every card and section, as the reader sees it, in their language.

Built by the server from the content (translated), served as JSON, precached with the language,
and searched in the browser, so search works offline. Normalising (case, accents, Arabic-script
letter variants) happens in the browser, on the index and the query alike.
"""

from flask import url_for

from webapp.content_model.content import translatable_strings
from webapp.content_model.crisis_text import crisis_texts, lines
from webapp.content_model.page_registry import PAGES
from webapp.serving.served_edition import guide
from webapp.translation.i18n import content_plain_text as plain


def _text(node):
    """All translatable text under a content node, translated, as one string."""
    return " ".join(plain(s) for s in translatable_strings(node))


def search_entries():
    """[{title, url, text}] for the current language: each crisis text (card, lockdown screen, parents'
    lockdown page), then each section."""
    entries = []
    for file, _, text in crisis_texts(guide()):
        url = url_for("pages.card", card_id=text["id"]) if file == "cards" else url_for(PAGES[file].endpoint)
        title = ": ".join(plain(text[name]) for name in ("title", "tagline") if name in text)
        entries.append({"title": title, "url": url, "text": " ".join(plain(line) for line in lines(text))})
    # Every section of every searched page the edition has (the cards' overview's too).
    pages = [
        (page.endpoint, guide().page_content(page.id))
        for page in PAGES.values()
        if page.searched and guide().has(page.id)
    ]
    for endpoint, page in pages:
        page_title = plain(page["title"])
        for section in page.get("sections", ()):
            blocks = section.get("blocks", ())
            text = _text(blocks)
            if any(block.get("protocol") for block in blocks):
                text += " " + _text(guide().protocol)
            contacts = [guide().contacts[c] for block in blocks for c in block.get("contacts", ())]
            text += " " + " ".join(_text(c) + " " + c.get("number", "") + " " + c.get("email", "") for c in contacts)
            entries.append(
                {
                    "title": f"{plain(section['heading'])} ({page_title})",
                    "url": url_for(endpoint) + "#" + section["id"],
                    "text": text.strip(),
                }
            )
    return entries
