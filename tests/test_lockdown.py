"""The lockdown screen's page: a checklist, the notes, the cards one tap away, nothing that calls out."""

import re


def test_lockdown_is_a_checklist_of_the_srp_steps(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    boxes = re.findall(r'<input type="checkbox" data-step="(\d)">', html)
    assert boxes == ["0", "1", "2", "3", "4", "5"]
    assert "<span>Lock the door.</span>" in html
    assert "Call 911 when it is safe." in html


def test_lockdown_links_to_every_card(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    for card_id in ("avoid", "deny", "defend", "police-arrive"):
        assert f'href="/en/cards/{card_id}/"' in html


def test_lockdown_is_quiet_and_silent(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    assert 'data-network="quiet"' in html
    assert re.search(r"/static/js/lockdown\.[0-9a-f]{12}\.js", html)
    assert not re.search(r"<(audio|video|iframe)\b", html)


def test_home_opens_the_lockdown_screen_in_one_tap(client):
    assert 'href="/en/lockdown/"' in client.get("/en/").get_data(as_text=True)
