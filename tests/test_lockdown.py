"""The lockdown screen's page: a checklist, key messages first, the cards one tap away, nothing that calls out."""

import re

from markupsafe import escape


def card_ids(guide):
    return [card["id"] for card in guide.cards]


def test_lockdown_is_a_checklist_of_the_editions_lines_key_messages_first(client, guide):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    lockdown = guide.pages["lockdown"]
    lines = [line["text"] for line in lockdown["key_messages"] + lockdown["further"]]
    boxes = re.findall(r'<input type="checkbox" data-step="(\d+)">', html)
    assert boxes == [str(index) for index in range(len(lines))]
    key, further = html.split('<ol class="crisis__key">', 1)[1].split('<ul class="crisis__further">', 1)
    for line in lockdown["key_messages"]:
        assert f"<span>{escape(line['text'])}</span>" in key
    for line in lockdown["further"]:
        assert f"<span>{escape(line['text'])}</span>" in further


def test_lockdown_links_to_its_own_dark_copy_of_every_card_and_to_the_parents_page(client, guide):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    for card_id in card_ids(guide):
        assert f'href="/en/lockdown/{card_id}/"' in html
        assert f'href="/en/cards/{card_id}/"' not in html
    assert 'href="/en/parents/lockdown/"' in html


def test_a_card_from_the_lockdown_screen_is_dark_silent_and_leads_back(client, guide):
    ids = card_ids(guide)
    for card_id in ids:
        html = client.get(f"/en/lockdown/{card_id}/").get_data(as_text=True)
        assert '<body class="lockdown-screen card-page"' in html
        assert 'data-network="quiet"' in html
        # Nothing shares or lights up the screen; read aloud is there, says it makes sound, and
        # speaks only when pressed (tests/browser/test_listen.py).
        for tool in ('class="share"', 'class="text-size"', 'id="speak-language"'):
            assert tool not in html, (card_id, tool)
        assert "listen__play" in html and "listen__sound" in html
        assert 'href="/en/lockdown/">Back to the lockdown checklist<' in html
    middle = client.get(f"/en/lockdown/{ids[1]}/").get_data(as_text=True)
    assert (
        f'href="/en/lockdown/{ids[0]}/" rel="prev"' in middle and f'href="/en/lockdown/{ids[2]}/" rel="next"' in middle
    )
    assert client.get("/en/lockdown/run-and-hide/").status_code == 404


def test_lockdown_is_quiet_and_silent(client):
    html = client.get("/en/lockdown/").get_data(as_text=True)
    assert 'data-network="quiet"' in html
    assert re.search(r"/static/js/lockdown\.[0-9a-f]{12}\.js", html)
    assert not re.search(r"<(audio|video|iframe)\b", html)


def test_home_opens_the_lockdown_screen_in_one_tap(client):
    assert 'href="/en/lockdown/"' in client.get("/en/").get_data(as_text=True)
