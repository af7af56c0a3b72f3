"""Getting a language reviewed from the studio: the review sheet made (`translate review-sheet`),
opened from the studio (its Record buttons work there too: this computer's address is a secure
one), the filled-in CSV read back into the review records (`translate record-review`), and the
recordings its Record buttons saved filed (`translate record-audio`), by the very commands a
terminal runs.
"""

import re
import tempfile
from pathlib import Path

from webapp import create_app
from webapp.content_model.edition import EditionError
from webapp.studio.edition_files import FileRefused

SHEETS = "review-sheets"


def run_command(guide_app, *args):
    """A `flask` command of the guide, run on guide_app: in its own app context, or the command
    would find the studio's (a request of the studio is running)."""
    with guide_app.app_context():
        return guide_app.test_cli_runner().invoke(args=list(args))


def _guide_app(edition, work_dir):
    try:
        return create_app({"EDITION": str(edition), "BUILD_DIR": str(Path(work_dir) / "review-build")})
    except EditionError:
        raise FileRefused("the edition has problems: fix them (Files) before it is reviewed") from None


def make_sheet(edition, work_dir, code):
    """(the sheet's file name, what the command said) for one language."""
    result = run_command(_guide_app(edition, work_dir), "translate", "review-sheet", code)
    if result.exit_code != 0:
        raise FileRefused(result.output.strip().splitlines()[-1] if result.output.strip() else "no sheet was made")
    return f"review-sheet-{code}.html", result.output.strip()


def sheet_file(edition, name):
    """A review sheet of the edition, by its name; refused for anything else."""
    folder = (Path(edition) / SHEETS).resolve()
    path = (folder / name).resolve()
    if path.parent != folder or not path.name.startswith("review-sheet-") or path.suffix != ".html":
        raise FileRefused(f"{name!r} is not one of the edition's review sheets")
    if not path.is_file():
        raise FileRefused(f"{name} is not made yet: make it first")
    return path


def record_verdicts(edition, work_dir, code, csv_text):
    """(recorded, what the command said): the filled-in CSV's verdicts, as `record-review` reads them."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", dir=work_dir, delete=False) as fh:
        fh.write(csv_text)
    try:
        result = run_command(_guide_app(edition, work_dir), "translate", "record-review", code, fh.name)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    said = result.output.strip().replace(fh.name, "the sheet")
    return result.exit_code == 0, said


# What the sheet's Record button saves: the line's name and an audio extension, nothing else.
RECORDING_NAME = re.compile(r"[A-Za-z0-9_-]{1,120}\.[A-Za-z0-9]{2,5}")


def file_recording(edition, work_dir, code, name, audio):
    """(filed, what the command said) for one recording the review sheet saved, as `record-audio`
    checks and files it."""
    if not RECORDING_NAME.fullmatch(name):
        raise FileRefused(f"{name!r} is not a recording the review sheet saved (its name says which line it reads)")
    with tempfile.TemporaryDirectory(dir=work_dir) as folder:
        path = Path(folder) / name
        path.write_bytes(audio)
        result = run_command(_guide_app(edition, work_dir), "translate", "record-audio", code, str(path))
    said = re.sub(rf"\S*{re.escape(name)}", name, result.output.strip())
    return result.exit_code == 0, said.replace(f"{Path(edition).resolve()}/", "")  # as the edition's folder names it
