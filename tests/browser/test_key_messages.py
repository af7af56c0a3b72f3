"""Every crisis text opens, on a 360x640 phone, with its three key messages: on the first screen
without scrolling, in the largest type, the further lines smaller below them; in every language,
the lockdown screen dark."""

from pathlib import Path

import pytest

from tests.browser.conftest import wait_until_saved_offline
from tests.missoula import GUIDE, LANGUAGES

SCREEN_HEIGHT = 640
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"
CRISIS_PAGES = [f"cards/{card['id']}/" for card in GUIDE.cards] + ["lockdown/", "parents/lockdown/"]

# Where the key messages end, and the type sizes: the key messages', the further lines', the
# largest of every other visible text in main (headings apart), and the main heading's.
MEASURE = """() => {
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const key = document.querySelector('main .crisis__key');
  const further = document.querySelector('main .crisis__further li');
  const texts = Array.from(document.querySelectorAll('main *')).filter((el) =>
    !el.closest('h1, h2, h3, .crisis__key') && el.getClientRects().length > 0
    && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
  return {
    keyCount: key.querySelectorAll(':scope > li').length,
    bottom: key.getBoundingClientRect().bottom,
    key: Math.min(...Array.from(key.querySelectorAll('li')).map(size)),
    further: further ? size(further) : 0,
    other: Math.max(0, ...texts.map(size)),
    heading: size(document.querySelector('main h1')),
    background: getComputedStyle(document.body).backgroundColor,
  };
}"""


def test_the_key_messages_come_first_on_one_screen_in_every_language(context, live_server):
    page = context.new_page()
    bottoms = {}
    for code in LANGUAGES:
        # As a reader meets it: the language already saved, so no status line above it.
        page.goto(f"{live_server.url}/{code}/")
        wait_until_saved_offline(page)
        for path in CRISIS_PAGES:
            page.goto(f"{live_server.url}/{code}/{path}")
            assert page.locator("#offline-status").is_hidden()
            measured = page.evaluate(MEASURE)
            assert measured["keyCount"] == 3, (code, path)
            bottoms[f"/{code}/{path}"] = measured["bottom"]
    tallest = max(bottoms, key=bottoms.get)
    print(f"lowest key message: {tallest} ends at {bottoms[tallest]:.0f} of {SCREEN_HEIGHT} CSS pixels")
    assert bottoms[tallest] <= SCREEN_HEIGHT


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_the_key_messages_are_the_largest_type_and_the_rest_is_smaller(context, live_server, code):
    page = context.new_page()
    SCREENSHOTS.mkdir(exist_ok=True)
    for path in CRISIS_PAGES:
        page.goto(f"{live_server.url}/{code}/{path}")
        page.screenshot(path=str(SCREENSHOTS / f"key-messages-{code}-{path.strip('/').replace('/', '-')}.png"))
        measured = page.evaluate(MEASURE)
        print(f"/{code}/{path}: key {measured['key']}px, further {measured['further']}px, other {measured['other']}px")
        assert measured["key"] > measured["further"] > 0, path
        assert measured["key"] >= measured["other"], path
        if not path.startswith("cards/"):
            # A card's name is its action; on the lockdown screen and the parents' page the key
            # messages are larger than the page's title too.
            assert measured["key"] >= measured["heading"], path
    page.goto(f"{live_server.url}/{code}/lockdown/")
    assert page.evaluate(MEASURE)["background"] == "rgb(5, 5, 5)", "the lockdown screen is dark"


# Each key message's pictogram: its size, where it ends, its text alternative and colour, and
# whether it is mirrored.
PICTOGRAMS = """() => Array.from(document.querySelectorAll('main .crisis__key > li')).map((li) => {
  const svgs = li.querySelectorAll('svg.pictogram');
  const svg = svgs[0];
  const box = svg ? svg.getBoundingClientRect() : null;
  const style = svg ? getComputedStyle(svg) : null;
  return {
    count: svgs.length,
    width: box && box.width, height: box && box.height, bottom: box && box.bottom,
    role: svg && svg.getAttribute('role'),
    label: svg && svg.getAttribute('aria-label'),
    text: (li.querySelector('.crisis__text') || li.querySelector('label span')).textContent.trim(),
    colour: style && style.color,
    mirrored: Boolean(svg && svg.classList.contains('pictogram--mirror')),
    transform: style && style.transform,
  };
})"""


def lightness(css_colour):
    red, green, blue = (int(part) for part in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_each_key_message_shows_its_pictogram_on_the_first_screen(context, live_server, code):
    """For those who cannot read it: a pictogram beside every key message, 48 px, with the line as
    its text alternative, light on the dark lockdown screen, mirrored on a right-to-left page only
    where direction carries meaning."""
    page = context.new_page()
    mirrored = []
    for path in CRISIS_PAGES:
        page.goto(f"{live_server.url}/{code}/{path}")
        for line in page.evaluate(PICTOGRAMS):
            assert line["count"] == 1, (path, line)
            assert line["width"] >= 47.5 and line["height"] >= 47.5, (path, line)
            assert line["bottom"] <= SCREEN_HEIGHT, (path, line)
            assert (line["role"], line["label"]) == ("img", line["text"]), (path, line)
            if path == "lockdown/":
                assert lightness(line["colour"]) > 0.6, line  # on the dark screen
            if line["mirrored"]:
                mirrored.append(line["transform"])
    assert mirrored, "the pictograms whose direction carries meaning (get away) are marked"
    flipped = {transform.startswith("matrix(-1") for transform in mirrored}
    assert flipped == ({True} if code == "ar" else {False}), mirrored
