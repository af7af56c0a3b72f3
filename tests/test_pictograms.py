"""The pictograms: the engine's set is drawn from its recipes (and current), an edition's own SVG is
read through an allow-list, and every key message and protocol action has one."""

import csv
import re

import pytest

from tests.conftest import make_app
from tests.fixture import FIXTURE
from webapp.content_model.content import load_guide
from webapp.content_model.pictograms import (
    ENGINE_DIR,
    PictogramError,
    checked_shapes,
    draw,
    engine_pictograms,
    recipes,
)
from webapp.settings import PROJECT_ROOT
from webapp.translation.pictogram_tests import used_pictograms

ICONS = PROJECT_ROOT / "node_modules" / "@mdi" / "svg" / "svg"


def test_the_engines_pictograms_are_drawn_from_their_recipes():
    assert ICONS.is_dir(), "node_modules/@mdi/svg is missing: run `npm ci` (the test command does)"
    for pictogram_id, text in draw(ICONS).items():
        drawn = (ENGINE_DIR / f"{pictogram_id}.svg").read_text(encoding="utf-8")
        assert drawn == text, f"{pictogram_id}.svg is out of date: run `flask --app webapp edition pictograms`"
    assert set(engine_pictograms()) == set(recipes()) and all(r["means"] for r in recipes().values())


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{}</svg>'


@pytest.mark.parametrize(
    "inner, refused",
    [
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ('<path d="M0 0" onclick="alert(1)"/>', "the attribute 'onclick' is not allowed"),
        ('<path d="M0 0" style="fill:red"/>', "the attribute 'style' is not allowed"),
        ('<path d="M0 0" fill="#ff0000"/>', "fill must be currentColor or none"),
        ('<image href="https://example.org/x.png"/>', "<image> is not allowed"),
        ("<g><foreignObject><p>x</p></foreignObject></g>", "<foreignObject> is not allowed"),
    ],
)
def test_an_editions_own_pictogram_may_hold_only_shapes_in_the_texts_colour(inner, refused):
    with pytest.raises(PictogramError, match=refused):
        checked_shapes(SVG.format(inner), "own.svg")


def test_an_editions_own_pictogram_of_shapes_is_taken_as_drawn():
    view_box, shapes = checked_shapes(SVG.format('<g><path d="M0 0H24V24Z" fill="currentColor"/></g>'), "own.svg")
    assert view_box == "0 0 24 24" and shapes == '<g><path d="M0 0H24V24Z" fill="currentColor"/></g>'
    with pytest.raises(PictogramError, match="viewBox"):
        checked_shapes('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>', "own.svg")


def test_the_comprehension_sheet_shows_each_pictogram_alone_and_its_counts_reach_the_about_page(tmp_path, edition_copy):
    app = make_app(tmp_path / "app", EDITION=str(edition_copy))
    cli = app.test_cli_runner()
    result = cli.invoke(args=["translate", "pictogram-sheet", "ar"])
    assert result.exit_code == 0, result.output
    html = (edition_copy / "review-sheets" / "pictogram-sheet-ar.html").read_text(encoding="utf-8")
    with app.app_context():
        used = used_pictograms(load_guide(edition_copy / "content", FIXTURE.data.pages))
    assert html.count('<svg class="pictogram') == len(used) == 12
    # The pictogram alone: none of the lines it stands for is on the sheet, only the question.
    assert not any(line in html for _id, line in used)
    assert html.count('<p class="question" lang="ar" dir="rtl">') == len(used)

    sheet = edition_copy / "review-sheets" / "pictogram-sheet-ar.csv"
    with open(sheet, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0].update(understood="7", partly="2", not_understood="1", tested_by="EVS interpreter", date="2030-02-01")
    rows[1].update(understood="4", partly="0", not_understood="6", tested_by="EVS interpreter", date="2030-02-01")
    rows[2].update(understood="5", pictogram_sha256="0" * 16, tested_by="EVS interpreter", date="2030-02-01")
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    result = cli.invoke(args=["translate", "record-pictograms", "ar", str(sheet)])
    assert result.exit_code == 1  # the row of a pictogram redrawn since is refused, the others kept
    assert f"{sheet}, line 4: the pictogram {rows[2]['pictogram']!r} changed since the sheet was made" in result.output
    assert "Recorded 2 pictogram test(s) for ar; refused 1 row(s)." in result.output

    client = make_app(tmp_path / "again", EDITION=str(edition_copy)).test_client()
    about = client.get("/ar/about/").get_data(as_text=True)
    assert "55" in re.search(r'<section id="pictograms".*?</section>', about, re.S).group(0)  # 11 of 20 answers
    english = client.get("/en/about/").get_data(as_text=True)
    assert "The pictograms have not yet been tested with readers of this language." in english
