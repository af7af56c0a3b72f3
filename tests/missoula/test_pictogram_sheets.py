"""The pictograms' comprehension sheet exists for every language of the Missoula edition: each
pictogram in use, alone, with "What would you do?" in that language (translated, never English but
for English), and none of the lines it stands for."""

from flask_babel import force_locale, gettext

from tests.missoula import GUIDE, LANGUAGES, missoula_app
from webapp.translation.pictogram_tests import used_pictograms


def test_a_pictogram_sheet_in_every_language(tmp_path):
    app = missoula_app(tmp_path / "app")
    cli = app.test_cli_runner()
    used = used_pictograms(GUIDE)
    assert len(used) == 22  # 18 key messages (two share lock-door) and 5 protocol actions, minus repeats
    questions = set()
    for code in LANGUAGES:
        result = cli.invoke(args=["translate", "pictogram-sheet", code, "--out", str(tmp_path / "sheets")])
        assert result.exit_code == 0, result.output
        html = (tmp_path / "sheets" / f"pictogram-sheet-{code}.html").read_text(encoding="utf-8")
        assert html.count('<svg class="pictogram') == len(used), code
        assert not any(line in html for _id, line in used), code
        with app.app_context(), force_locale(app.extensions["languages"][code].locale):
            question = gettext("What would you do?")
        assert html.count(f'dir="{app.extensions["languages"][code].direction}">{question}</p>') == len(used), code
        questions.add(question)
    assert len(questions) == len(LANGUAGES)  # each in its own language
