"""Publishing from the studio: the full check (`edition check`, then `translate check`), then the
static export as a folder and a zip, with the headers files for the host, and what to upload where,
in plain words. An edition with a problem is not published; translation problems are listed (an
untranslated string shows in English, marked so) and do not stop it.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from webapp import create_app
from webapp.content_model.edition import EditionError
from webapp.content_model.edition_commands import checked_edition
from webapp.offline.export import export_site
from webapp.studio import translations
from webapp.studio.edition_files import FileRefused
from webapp.studio.review import run_command
from webapp.translation.review_status import language_status

# Addresses that are nobody's (RFC 2606's examples): this computer's stay allowed, to try the guide on it.
NOBODYS = re.compile(r"(^|\.)(example\.(org|com|net)|[^.]+\.(example|invalid))$")
# What translate check says of a string not translated yet, and its counts: said per language instead.
UNTRANSLATED = re.compile(r"missing translation|missing from the catalog|^\S+: \d+ problems?$|^\d+ problems? in ")

PUBLISHED = "published"  # in the edition's folder: site/ and site.zip, never part of the edition


def publish(edition, work_dir, base_url):
    """{problems, translation_problems, folder, zip, files, steps} of a publication of the edition."""
    base_url = (base_url or "").strip().rstrip("/")
    if not base_url.startswith(("https://", "http://")):
        raise FileRefused("Give the guide's public address, the one families will open (https://...)")
    if NOBODYS.search(urlsplit(base_url).hostname or ""):
        raise FileRefused(
            f"{base_url} is an example address, not the guide's: give the address families will open "
            "(your web team knows it), or it goes into the poster's QR code"
        )
    try:
        found, _guide = checked_edition(edition)
    except EditionError as error:
        return {"problems": [str(problem) for problem in error.problems]}
    translations.write_template(edition)  # translate check then knows every string the content has
    guide_app = create_app({"EDITION": str(edition), "BUILD_DIR": str(Path(work_dir) / "publish-build")})
    checked = run_command(guide_app, "translate", "check")
    if checked.exception is not None and not isinstance(checked.exception, SystemExit):
        raise checked.exception  # a fault of the engine's, not a problem of the edition: said as one
    said = checked.output.splitlines() if checked.exit_code else []
    translation_problems = [line.replace(f"{Path(edition).resolve()}/", "") for line in said if line]
    translation_problems = [line for line in translation_problems if not UNTRANSLATED.search(line)]
    out = Path(edition) / PUBLISHED
    site = out / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    (out / ".gitignore").write_text("*\n")  # what is published is made from the edition, not kept with it
    files = export_site(guide_app, site, base_url)
    archive = shutil.make_archive(str(out / "site"), "zip", site)
    here = (urlsplit(base_url).hostname or "") in ("localhost", "::1") or base_url.split("//")[1].startswith("127.")
    return {
        "warnings": [
            f"{base_url} opens only on this computer: the poster's QR code and the sitemap point there, and no "
            "family's phone can open it. Publish again with the guide's own address before you upload."
        ]
        if here
        else [],
        "problems": [],
        "translation_problems": translation_problems,
        "languages": _languages_said(edition, guide_app),
        "folder": str(site),
        "zip": archive,
        "files": files,
        "steps": [
            f"Give your web team (or your host's upload page) everything inside {site}, or the one file "
            f"{archive}, to put online so that it opens at {base_url}/. Keep every file as it is: the .br and "
            ".gz files are smaller copies of the same pages, and _headers says what each file needs.",
            "Netlify and Cloudflare Pages read _headers by themselves. A web team that runs its own server "
            "(nginx) includes nginx-headers.conf from the same folder. Any other host: give your web team "
            "_headers, which lists what each file must be sent with.",
            f"Then open {base_url}/ on a phone, wait until it says it is ready offline, turn on airplane mode, "
            "and open it again: it must still open.",
        ],
        "guide": found.data.guide.name,
    }


def _languages_said(edition, guide_app):
    """A line for each translated language: what is not translated yet, and whether its crisis steps
    are reviewed (each page tells its readers the same)."""
    said = []
    for language in translations.translated_languages(edition):
        missing = translations.untranslated(edition, language)
        with guide_app.test_request_context("/"):
            reviewed = language_status(language).reviewed
        said.append(
            f"{language.english_name}: "
            + (f"{missing} string{'s' if missing != 1 else ''} not translated yet " if missing else "")
            + (f"({'they show' if missing != 1 else 'it shows'} in English, marked so); " if missing else "")
            + (
                "its crisis steps are reviewed."
                if reviewed
                else "its crisis steps are not reviewed by a native speaker yet: each page says so to its readers."
            )
        )
    return said
