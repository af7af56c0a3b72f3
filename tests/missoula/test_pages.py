"""The Missoula edition's pages: their headings, the cards' school plan, its contacts and sources.
(What holds for any edition is in tests/test_pages.py.)"""

import html as html_lib
import re

import pytest

from tests.site_urls import sitemap_paths

ENGLISH_PAGES = {
    "/en/": "School Safety Guide",
    "/en/cards/": "If someone is attacking: Avoid, Deny, Defend",
    "/en/cards/avoid/": "Avoid",
    "/en/cards/deny/": "Deny",
    "/en/cards/defend/": "Defend",
    "/en/cards/police-arrive/": "When police arrive",
    "/en/cards/wallet/": "Wallet cards",
    "/en/lockdown/": "Lockdown",
    "/en/lockdown/avoid/": "Avoid",
    "/en/lockdown/deny/": "Deny",
    "/en/lockdown/defend/": "Defend",
    "/en/lockdown/police-arrive/": "When police arrive",
    "/en/parents/lockdown/": "My child's school is in lockdown",
    "/en/parents/": "Talk with your kids: words matter",
    "/en/safety/": "How schools and police prepare",
    "/en/report/": "Report a concern",
    "/en/about/": "About this guide",
    "/en/search/": "Search the guide",
}


@pytest.mark.parametrize(("path", "heading"), ENGLISH_PAGES.items())
def test_page_has_its_heading_language_and_911(client, path, heading):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in html
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert heading in html_lib.unescape(re.sub(r"<[^>]+>", "", h1))
    assert '<a href="tel:911">In an emergency, call 911</a>' in html


def test_sitemap_lists_exactly_the_guide_pages(client):
    english = [path for path in sitemap_paths(client) if path == "/" or path.startswith("/en/")]
    assert sorted(english) == sorted(["/", *ENGLISH_PAGES])


def test_home_offers_the_lockdown_pages_first_then_the_ways_in_and_reporting(client):
    html = client.get("/en/").get_data(as_text=True)
    urgent = html.split('<ul class="urgent-ways">', 1)[1].split("</ul>", 1)[0]
    assert 'href="/en/parents/lockdown/"' in urgent and 'href="/en/lockdown/"' in urgent
    assert html.index('class="urgent-ways"') < html.index('class="ways-in"')
    for href, title in [
        ("/en/parents/lockdown/", "My child&#39;s school is in lockdown"),
        ("/en/cards/", "If someone is attacking"),
        ("/en/parents/", "Talk with your kids"),
        ("/en/safety/", "How schools and police prepare"),
        ("/en/report/", "Report a concern"),
        ("/en/lockdown/", "Lockdown screen"),
    ]:
        assert re.search(rf'<a href="{href}"><span class="way__title">{title}</span>', html), title


def test_cards_overview_shows_all_four_cards_and_the_school_plan(client):
    html = client.get("/en/cards/").get_data(as_text=True)
    for card_id in ("avoid", "deny", "defend", "police-arrive"):
        assert f'href="/en/cards/{card_id}/"' in html
    assert "Hold, Secure, Lockdown, Evacuate and Shelter" in html
    assert "follow your school&#39;s plan" in html
    # Avoid, Deny, Defend is for an attack; other emergencies follow the school's actions.
    assert "For a fire, a storm or another emergency, follow the school&#39;s Evacuate or Shelter" in html


def test_report_page_lists_every_verified_contact_and_sends_nothing(client):
    html = client.get("/en/report/").get_data(as_text=True)
    assert 'href="tel:911"' in html
    assert 'href="tel:+14065526300"' in html and "(406) 552-6300" in html
    assert 'href="tel:+18002255324"' in html and "1-800-CALL-FBI" in html
    assert 'href="mailto:safeschools@mcpsmt.org"' in html
    assert "Safer Montana" in html
    assert "<form" not in html
    assert "does not take reports and sends nothing" in html


def test_about_page_has_who_speaks_sources_dates_version_and_privacy(client):
    html = client.get("/en/about/").get_data(as_text=True)
    assert "Missoula Police Department: statement to the community" in html
    assert "2022-05-27" in html
    assert "It is not an official publication of either." in html
    # No invented review date: the page shows when its content files last changed.
    assert "Last reviewed" not in html
    changed = r'<time datetime="[\d-]+">\w+ \d+, \d{4}</time>'
    assert re.search(rf'<p class="last-changed">Content of this page last changed on {changed}\.</p>', html)
    assert "Version 1.0.0" in html
    assert "No cookies and no accounts." in html
    assert "How the offline copy works" in html


def test_lockdown_is_a_checklist_of_the_srp_steps_locks_lights_out_of_sight_first(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    boxes = re.findall(r'<input type="checkbox" data-step="(\d+)">', html)
    assert boxes == [str(index) for index in range(12)]
    key = html.split('<ol class="crisis__key">', 1)[1].split("</ol>", 1)[0]
    assert re.findall(r"<span>([^<]*)</span>", key) == [
        "Lock the door.",
        "Turn off the lights.",
        "Get everyone out of sight.",
    ]
    assert "<span>If possible, bring students in from the hall first.</span>" in html
    assert "<span>When safe, call 911. Texting may not work.</span>" in html
