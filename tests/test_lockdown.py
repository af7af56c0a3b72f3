"""The lockdown screen's page: a checklist, the notes, the cards one tap away, nothing that calls out."""

import re


def test_lockdown_is_a_checklist_of_the_srp_steps(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    boxes = re.findall(r'<input type="checkbox" data-step="(\d)">', html)
    assert boxes == ["0", "1", "2", "3", "4", "5"]
    assert "<span>Lock the door. Block it.</span>" in html
    assert "<span>Bring students in from the hall.</span>" in html
    assert "Call 911 when safe. Texting may not work." in html


def test_lockdown_links_to_its_own_dark_copy_of_every_card_and_to_the_parents_page(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    for card_id in ("avoid", "deny", "defend", "police-arrive"):
        assert f'href="/en/lockdown/{card_id}/"' in html
        assert f'href="/en/cards/{card_id}/"' not in html
    assert 'href="/en/parents/lockdown/"' in html


def test_a_card_from_the_lockdown_screen_is_dark_silent_and_leads_back(client):
    for card_id in ("avoid", "deny", "defend", "police-arrive"):
        html = client.get(f"/en/lockdown/{card_id}/").get_data(as_text=True)
        assert '<body class="lockdown-screen card-page"' in html
        assert 'data-network="quiet"' in html
        # No reading tools: nothing speaks, shares or lights up the screen.
        for tool in ("listen__play", 'class="share"', 'class="text-size"'):
            assert tool not in html, (card_id, tool)
        assert 'href="/en/lockdown/">Back to the lockdown checklist<' in html
    deny = client.get("/en/lockdown/deny/").get_data(as_text=True)
    assert 'href="/en/lockdown/avoid/" rel="prev"' in deny and 'href="/en/lockdown/defend/" rel="next"' in deny
    assert client.get("/en/lockdown/run-and-hide/").status_code == 404


def test_lockdown_is_quiet_and_silent(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    assert 'data-network="quiet"' in html
    assert re.search(r"/static/js/lockdown\.[0-9a-f]{12}\.js", html)
    assert not re.search(r"<(audio|video|iframe)\b", html)


def test_home_opens_the_lockdown_screen_in_one_tap(client):
    assert 'href="/en/lockdown/"' in client.get("/en/").get_data(as_text=True)
