"""Publishing from the studio: the full check (`edition check`, then `translate check`), then the
static export as a folder and a zip, with the headers files for the host, and what to upload where,
in plain words. An edition with a problem is not published; translation problems are listed (an
untranslated string shows in English, marked so) and do not stop it.
"""

import shutil
from pathlib import Path

from webapp import create_app
from webapp.content_model.edition import EditionError
from webapp.content_model.edition_commands import checked_edition
from webapp.offline.export import export_site
from webapp.studio.edition_files import FileRefused
from webapp.studio.review import run_command

PUBLISHED = "published"  # in the edition's folder: site/ and site.zip, never part of the edition


def publish(edition, work_dir, base_url):
    """{problems, translation_problems, folder, zip, files, steps} of a publication of the edition."""
    base_url = (base_url or "").strip().rstrip("/")
    if not base_url.startswith(("https://", "http://")):
        raise FileRefused("Give the guide's public address, the one families will open (https://...)")
    try:
        found, _guide = checked_edition(edition)
    except EditionError as error:
        return {"problems": [str(problem) for problem in error.problems]}
    guide_app = create_app({"EDITION": str(edition), "BUILD_DIR": str(Path(work_dir) / "publish-build")})
    checked = run_command(guide_app, "translate", "check")
    if checked.exception is not None and not isinstance(checked.exception, SystemExit):
        raise checked.exception  # a fault of the engine's, not a problem of the edition: said as one
    translation_problems = [line for line in checked.output.splitlines() if line and checked.exit_code]
    out = Path(edition) / PUBLISHED
    site = out / "site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    (out / ".gitignore").write_text("*\n")  # what is published is made from the edition, not kept with it
    files = export_site(guide_app, site, base_url)
    archive = shutil.make_archive(str(out / "site"), "zip", site)
    return {
        "problems": [],
        "translation_problems": translation_problems,
        "folder": str(site),
        "zip": archive,
        "files": files,
        "steps": [
            f"Upload everything inside {site} (or unpack {archive}) to the web host that answers at {base_url}/, "
            "as it is: the folders, the .br and .gz files beside each file, and _headers.",
            "On Netlify or Cloudflare Pages, _headers gives the guide its security and caching headers. On "
            "nginx, include nginx-headers.conf, or start from nginx-site.conf.example. Any other host: ask it "
            "to send the headers written in _headers.",
            f"Then open {base_url}/ on a phone, wait for 'Ready offline', and open it again with the phone offline.",
        ],
        "guide": found.data.guide.name,
    }
