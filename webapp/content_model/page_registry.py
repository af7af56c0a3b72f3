"""The page registry: every kind of page the engine has, declared once.

Each page type says its view, its content file and that file's model, the content files its date
is made of, the views that come with it (a card's own page), the pages it needs, the crisis strings
it shows, and whether it is required, in the footer, among the installed app's shortcuts and searched
(whether its sections must name their sources is its model's to say). The edition's
page list, the routes' 404s, the footer, the sitemap, the shortcuts, search, the dates and the
content check all read it; nothing else lists pages.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from webapp.content_model.content_schema import (
    CardsFile,
    Contact,
    HomeFile,
    LockdownFile,
    OfflineFile,
    Page,
    ParentsLockdownFile,
    Protocol,
    Source,
    SourcedPage,
    WhoSpeaksFile,
)


@dataclass(frozen=True)
class Subpage:
    """A view that comes with a page type: served when the edition lists the page."""

    endpoint: str
    dated: tuple = ()  # content files whose newest change is its date
    per_card: bool = False  # one page for each card (its URL takes the card's id)
    is_page: bool = True  # False: data saved offline with the page (the search index), not in the sitemap
    shows: str | None = None  # the crisis strings it shows (CRISIS_SHOWN)


@dataclass(frozen=True)
class PageType:
    id: str  # as edition.yaml's pages list it
    endpoint: str
    content: str | None = None  # its content file, content/<content>.yaml
    model: type | None = None  # that file's model (content_schema)
    dated: tuple = ()  # content files whose newest change is the page's date
    subpages: tuple = ()
    needs: tuple = ()  # pages it links to from its template
    required: bool = False
    in_footer: bool = True
    shortcut: int | None = None  # its place among the installed app's shortcuts, the worst day first
    searched: bool = False  # its sections are in the search index
    label: object = None  # the interface's own name for an engine page; else the content's nav or title
    shows: str | None = None  # the crisis strings it shows (CRISIS_SHOWN)


# Which crisis strings a view shows, for the review status at its foot (webapp/translation/review_status.py).
CRISIS_SHOWN = {
    "all cards": "every card's title, tagline and lines",
    "its card": "the card its address names",
    "its text": "its own content file's crisis text",
    "its text and the protocol": "its own crisis text, then the school's emergency words",
}


PAGES = {
    page.id: page
    for page in (
        PageType("home", "pages.home", "home", HomeFile, dated=("home", "who_speaks"), required=True, label=_l("Home")),
        PageType(
            "cards",
            "pages.cards",
            "cards",
            CardsFile,
            dated=("cards",),
            shows="all cards",
            subpages=(
                Subpage("pages.wallet_cards", ("cards",), shows="all cards"),
                Subpage("pages.card", ("cards",), per_card=True, shows="its card"),
            ),
            shortcut=3,
            searched=True,
        ),
        PageType(
            "lockdown",
            "pages.lockdown",
            "lockdown",
            LockdownFile,
            dated=("lockdown", "cards"),
            subpages=(Subpage("pages.lockdown_card", ("cards",), per_card=True, shows="its card"),),
            shows="its text",
            needs=("cards",),
            in_footer=False,  # opened from the home page and the shortcuts
            shortcut=2,
        ),
        PageType(
            "parents_lockdown",
            "pages.parents_lockdown",
            "parents_lockdown",
            ParentsLockdownFile,
            dated=("parents_lockdown", "protocol"),
            shows="its text and the protocol",
            shortcut=1,
            searched=True,
        ),
        PageType("parents", "pages.parents", "parents", SourcedPage, dated=("parents", "contacts"), searched=True),
        PageType(
            "safety",
            "pages.safety",
            "safety",
            SourcedPage,
            dated=("safety", "protocol", "contacts"),
            searched=True,
        ),
        PageType("report", "pages.report", "report", SourcedPage, dated=("report", "contacts"), searched=True),
        PageType(
            "about",
            "pages.about",
            "about",
            Page,
            dated=("about", "sources", "who_speaks"),
            required=True,
            searched=True,
        ),
        PageType(
            "search",
            "pages.search",
            subpages=(Subpage("pages.search_index", is_page=False),),
            label=_l("Search the guide"),
        ),
    )
}

PAGE_IDS = tuple(PAGES)

# Content files every edition has, whatever its page list, with their models: the offline page's
# text, who speaks, and the school's protocol.
SHARED_CONTENT = {"offline": OfflineFile, "who_speaks": WhoSpeaksFile, "protocol": Protocol}

# Files of named entries, every edition has them: each top-level key is an entry's id (what an entry
# is called, for messages and the field reference).
ENTRY_FILES = {"sources": (Source, "source"), "contacts": (Contact, "contact")}

# Every view of every page type: the page it belongs to, the content files its date is made of,
# and the crisis strings it shows.
VIEWS = [(page.endpoint, page.id, page.dated, page.shows) for page in PAGES.values()] + [
    (sub.endpoint, page.id, sub.dated, sub.shows) for page in PAGES.values() for sub in page.subpages
]
PAGE_OF_ENDPOINT = {endpoint: page_id for endpoint, page_id, _dated, _shows in VIEWS}
DATED_FILES = {endpoint: dated for endpoint, _page_id, dated, _shows in VIEWS if dated}
CRISIS_OF_ENDPOINT = {endpoint: (page_id, shows) for endpoint, page_id, _dated, shows in VIEWS if shows}
assert all(shows in CRISIS_SHOWN for _page, shows in CRISIS_OF_ENDPOINT.values())


def content_models():
    """{content file: model} of every content file that has a model."""
    models = {page.content: page.model for page in PAGES.values() if page.model}
    return {**models, **{stem: model for stem, model in SHARED_CONTENT.items() if model}}


def shortcut_pages():
    """The page types offered as the installed app's shortcuts, the worst day first."""
    return [page.id for page in sorted(PAGES.values(), key=lambda p: p.shortcut or 0) if page.shortcut]
