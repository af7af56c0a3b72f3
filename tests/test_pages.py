"""Every page of the edition's list answers with its real content, the emergency link and the right
language; the home page, the cards and the report page are built from the edition's data."""

import html as html_lib
import re

import pytest

from tests.fixture import FIXTURE
from tests.site_urls import sitemap_paths
from webapp.content_model.content import load_guide

# The engine's addresses of each page of an edition's list (English).
PAGE_PATHS = {
    "home": "/en/",
    "cards": "/en/cards/",
    "lockdown": "/en/lockdown/",
    "parents_lockdown": "/en/parents/lockdown/",
    "parents": "/en/parents/",
    "safety": "/en/safety/",
    "report": "/en/report/",
    "about": "/en/about/",
    "search": "/en/search/",
}


def english_headings(guide):
    """{path: the heading it must show} for every English page of the edition's list."""
    headings = {}
    for page_id in guide.page_list:
        path = PAGE_PATHS[page_id]
        if page_id == "search":
            headings[path] = "Search the guide"
        elif page_id == "cards":
            headings[path] = guide.pages["cards"]["overview"]["title"]
            headings["/en/cards/wallet/"] = "Wallet cards"
            headings |= {f"/en/cards/{card['id']}/": card["title"] for card in guide.cards}
        elif page_id == "lockdown":
            headings[path] = guide.pages["lockdown"]["title"]
            headings |= {f"/en/lockdown/{card['id']}/": card["title"] for card in guide.cards}
        else:
            headings[path] = guide.pages[page_id]["title"]
    return headings


HEADINGS = english_headings(load_guide(FIXTURE.content_dir, FIXTURE.data.pages))


def heading_of(html):
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", h1))


@pytest.mark.parametrize(("path", "heading"), HEADINGS.items())
def test_page_has_its_heading_language_and_emergency_number(client, edition, path, heading):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in html
    assert heading in heading_of(html)
    number = edition.emergency_number
    assert f'<a href="tel:{number}">In an emergency, call {number}</a>' in html


def test_sitemap_lists_exactly_the_editions_pages(client):
    english = [path for path in sitemap_paths(client) if path == "/" or path.startswith("/en/")]
    assert sorted(english) == sorted(["/", *HEADINGS])


def test_a_page_the_edition_does_not_list_is_not_found(client, guide):
    for page_id, path in PAGE_PATHS.items():
        if page_id not in guide.page_list:
            assert client.get(path).status_code == 404, path


def test_home_offers_the_urgent_pages_first_then_the_ways_in(client, guide):
    html = client.get("/en/").get_data(as_text=True)
    home = guide.pages["home"]
    urgent = html.split('<ul class="urgent-ways">', 1)[1].split("</ul>", 1)[0]
    for way in home["urgent"]:
        assert f'href="{PAGE_PATHS[way["page"]]}"' in urgent
    assert html.index('class="urgent-ways"') < html.index('class="ways-in"')
    for way in [*home["urgent"], *home["ways"], *home["more"]]:
        title = re.escape(str(html_lib.escape(way["title"])).replace("&#x27;", "&#39;"))
        assert re.search(rf'<a href="{PAGE_PATHS[way["page"]]}"><span class="way__title">{title}</span>', html), way


def test_root_is_a_language_chooser_not_a_redirect(client, edition):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-language="en"' in html and ">English<" in html
    assert "choose-language" in html  # the forwarding script
    assert f"tel:{edition.emergency_number}" in html


def test_cards_overview_links_every_card(client, guide):
    html = client.get("/en/cards/").get_data(as_text=True)
    for card in guide.cards:
        assert f'href="/en/cards/{card["id"]}/"' in html
    for section in guide.pages["cards"]["overview"]["sections"]:
        assert str(html_lib.escape(section["heading"])).replace("&#x27;", "&#39;") in html


def test_each_card_links_to_its_neighbours_and_the_overview(client, guide):
    ids = [card["id"] for card in guide.cards]
    html = client.get(f"/en/cards/{ids[1]}/").get_data(as_text=True)
    assert f'href="/en/cards/{ids[0]}/" rel="prev"' in html
    assert f'href="/en/cards/{ids[2]}/" rel="next"' in html
    assert 'href="/en/cards/">All cards<' in html
    first = client.get(f"/en/cards/{ids[0]}/").get_data(as_text=True)
    assert 'rel="prev"' not in first


def test_report_page_lists_every_contact_it_names_and_sends_nothing(client, guide):
    html = client.get("/en/report/").get_data(as_text=True)
    named = [c for s in guide.pages["report"]["sections"] for b in s["blocks"] for c in b.get("contacts", ())]
    assert named
    for contact_id in named:
        contact = guide.contacts[contact_id]
        if contact.get("tel"):
            assert f'href="tel:{contact["tel"]}"' in html and contact["number"] in html, contact_id
        if contact.get("email"):
            assert f'href="mailto:{contact["email"]}"' in html, contact_id
    assert "<form" not in html


def test_about_page_lists_the_sources_and_says_who_speaks(client, guide):
    html = html_lib.unescape(client.get("/en/about/").get_data(as_text=True))
    for source in guide.sources.values():
        assert source["name"] in html
    assert "It is not an official publication of either." in html
    # No invented review date: the page shows when its content files last changed.
    assert "Last reviewed" not in html
    changed = r'<time datetime="[\d-]+">\w+ \d+, \d{4}</time>'
    assert re.search(rf'<p class="last-changed">Content of this page last changed on {changed}\.</p>', html)
    assert "Version 1.0.0" in html


def test_unknown_card_is_a_404_in_the_page_language(client):
    response = client.get("/en/cards/run-and-hide/")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_language_prefix_without_slash_redirects_to_the_page(client):
    response = client.get("/en")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/en/")


def test_pages_name_their_other_languages_with_absolute_addresses_when_the_address_is_known(tmp_path):
    from tests.conftest import make_app

    html = make_app(tmp_path, PUBLIC_BASE_URL="https://safety.example.org/").test_client().get("/en/report/")
    text = html.get_data(as_text=True)
    assert '<link rel="alternate" hreflang="ar" href="https://safety.example.org/ar/report/">' in text


def test_pages_do_not_depend_on_the_host_they_are_served_from(client):
    one = client.get("/ar/report/", base_url="http://a.example").data
    other = client.get("/ar/report/", base_url="https://b.example:8443").data
    assert one == other
