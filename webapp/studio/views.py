"""The studio's pages and its small API: the edition's files as forms, checked as the person types,
saved on request, and the guide's own page beside them (the preview)."""

import re

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, url_for

from webapp.content_model.edition import EditionError
from webapp.content_model.page_registry import PAGES
from webapp.content_model.pictograms import edition_pictograms, engine_pictograms
from webapp.studio import edition_files, glossary, review, translations
from webapp.studio.forms import form_loc, from_form, studio_schema, to_form
from webapp.studio.publish import publish

bp = Blueprint("studio", __name__)


@bp.url_value_preprocessor
def _token(endpoint, values):
    if values:
        values.pop("token", None)  # checked by the guard before any view


@bp.context_processor
def _layout():
    """What the studio's layout shows and sends on every page: the edition, and the page's token."""
    return {"edition": _edition(), "csrf_token": current_app.config["CSRF_TOKEN"]}


@bp.url_defaults
def _add_token(endpoint, values):
    values.setdefault("token", current_app.config["STUDIO_TOKEN"])


def _edition():
    return current_app.config["EDITION"]


def _translated_languages():
    """The edition's translated languages; none while its edition.yaml cannot be read."""
    try:
        return translations.translated_languages(_edition())
    except EditionError:
        return []


def _drafts():
    return current_app.extensions["drafts"]


def _edition_setting(key):
    """A value of edition.yaml as written, or None (the file may be broken while it is edited)."""
    try:
        data = edition_files.read(_edition(), "edition.yaml")[0]
    except edition_files.FileRefused:
        return None
    return data.get(key) if isinstance(data, dict) else None


@bp.errorhandler(edition_files.FileRefused)
def _refused(error):
    return jsonify(error=str(error)), 400


@bp.app_errorhandler(413)
def _too_large(_error):
    return jsonify(error="What was sent is too large for one file of an edition: nothing was saved."), 413


@bp.get("/<token>/")
def home():
    """The studio: the edition's files, the form of the one open, its problems and its preview."""
    languages = _edition_setting("languages") or ["en"]
    listed = _listed_pages()
    needed = {f"content/{PAGES[page].content}.yaml" for page in listed if page in PAGES and PAGES[page].content}
    # The files the edition has, and those its page list needs: not every file an edition may have.
    files = [name for name in edition_files.editable_files() if (_edition() / name).is_file() or name in needed]
    pages_files = {f"content/{page.content}.yaml" for page in PAGES.values() if page.content}
    return render_template(
        "studio.html",
        files=files,
        unlisted={name for name in files if name in pages_files and name not in needed},
        languages=[str(code) for code in languages] if isinstance(languages, list) else ["en"],
    )


@bp.get("/<token>/api/files/<path:name>")
def read_file(name):
    try:
        data, version = edition_files.read(_edition(), name)
        form = to_form(name, data)
        if form is None:
            text, version = edition_files.read_text(_edition(), name)
            mistake = f"{name}: each entry must be a block of fields (its name, then its fields under it)"
            raise edition_files.BrokenFile(name, text, version, mistake)
    except edition_files.BrokenFile as broken:
        # Not a form until it is valid YAML: its text, to mend here, with the line that is wrong.
        return jsonify(broken=str(broken), text=broken.text, version=broken.version)
    return jsonify(data=form, version=version, schema=studio_schema(name, _choices(), data))


@bp.put("/<token>/api/files/<path:name>")
def save_file(name):
    body = _json_body()
    data, version = from_form(name, body.get("data")), str(body.get("version") or "")
    return _saved(name, lambda: edition_files.write(_edition(), name, data, version))


@bp.put("/<token>/api/text/<path:name>")
def save_text(name):
    """A broken file's text, mended in the studio: saved only once it is valid YAML."""
    body = _json_body()
    text, version = str(body.get("text") or ""), str(body.get("version"))
    return _saved(name, lambda: edition_files.write_text(_edition(), name, text, version))


def _saved(what, write, answer=None, over=True):
    """answer() (or write()'s new version) once write() has saved, or why it did not: changed
    elsewhere since it was opened (409; over: the page offers to save over it), a full disk (507)."""
    try:
        version = write()
    except edition_files.VersionConflict as conflict:
        message = (
            f"{what} changed since you opened it (in another tab or program). Your changes are kept in "
            f"this browser: open it again to see the other version{', or save yours over it' if over else ''}."
        )
        return jsonify(error=message, version=conflict.current_version), 409
    except OSError as error:
        message = f"{what} could not be saved ({error.strerror or error}): your changes are kept in this browser."
        return jsonify(error=message), 507
    return answer() if answer else jsonify(version=version)


@bp.post("/<token>/api/check/<path:name>")
def check_file(name):
    """The same checks as `edition check`, on the edition with this draft, by field."""
    data = from_form(name, _json_body().get("data"))
    checked = _drafts().check(name, data)
    for found in checked["problems"] + checked["advice"]:
        found["loc"] = form_loc(name, data, found["loc"])
    return jsonify(checked)


def _json_body():
    if (request.content_length or 0) > current_app.config["MAX_CONTENT_LENGTH"]:
        abort(413)  # refused unread
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise edition_files.FileRefused("the studio sent something that is not a form's content: reload the page")
    return body


def _choices():
    """What the edition's fields pick from: its sources, contacts and pictograms, read as they are
    written (an edition still being filled in has them too)."""

    def entries(name):
        try:
            data = edition_files.read(_edition(), name)[0]
        except edition_files.FileRefused:
            return {}
        named = (
            (key, value.get("name") or value.get("label")) for key, value in data.items() if isinstance(value, dict)
        )
        return {key: str(title or key) for key, title in named}

    own, _refused = edition_pictograms(_edition())
    return {
        "sources": entries("content/sources.yaml"),
        "contacts": entries("content/contacts.yaml"),
        "pictograms": sorted({*engine_pictograms(), *own}),
        "pages": _listed_pages(),
    }


def _listed_pages():
    """The pages edition.yaml lists, as written (none while it is broken)."""
    pages = _edition_setting("pages")
    return [page for page in pages if isinstance(page, str)] if isinstance(pages, list) else []


# The guide's links, kept inside the preview: /en/cards/ becomes /<token>/preview/en/cards/.
PAGE_LINK = re.compile(r'(href|src|action)="/(?!static/)')
# The preview is the page as it reads: without its scripts, it saves nothing offline and says nothing.
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)


@bp.get("/<token>/preview/<path:rest>")
def preview(rest):
    """A page of the guide as the draft last checked without problems makes it."""
    guide_app = _drafts().guide_app
    if guide_app is None:
        return Response("The preview appears once the page has no problems.", mimetype="text/plain")
    answer = _from_guide(guide_app, "/" + rest)
    body = answer.get_data()
    if answer.mimetype == "text/html":
        prefix = url_for("studio.home").rstrip("/") + "/preview/"
        body = PAGE_LINK.sub(lambda m: f'{m[1]}="{prefix}', SCRIPT.sub("", body.decode("utf-8"))).encode("utf-8")
    return Response(body, status=answer.status_code, mimetype=answer.mimetype)


@bp.get("/static/<path:rest>")
def guide_static(rest):
    """The guide's own scripts and styles, for the preview (the same files the public guide serves)."""
    guide_app = _drafts().guide_app
    if guide_app is None:
        abort(404)
    answer = _from_guide(guide_app, "/static/" + rest)
    return Response(answer.get_data(), status=answer.status_code, mimetype=answer.mimetype)


def _from_guide(guide_app, path):
    """The guide's own answer for path, read whole and its file closed (a static file is an open file)."""
    answer = guide_app.test_client().get(path, headers={"Accept-Encoding": "identity"}, buffered=True)
    answer.close()
    return answer


@bp.get("/<token>/translate/")
def translate():
    """Each language's strings of the edition: crisis and untranslated first, glossary beside them."""
    return render_template("translate.html", languages=_translated_languages())


@bp.get("/<token>/api/translations/<code>")
def read_translations(code):
    found = translations.rows(_edition(), translations.language_of(_edition(), code))
    return jsonify(**found, pages=_drafts().pages_for_preview())


@bp.put("/<token>/api/translations/<code>")
def save_translations(code):
    language = translations.language_of(_edition(), code)
    body = _json_body()
    strings, version = body.get("strings"), str(body.get("version") or "")
    return _saved(
        f"The {code} catalog",
        lambda: translations.save(_edition(), language, strings, version),
        lambda: jsonify(**translations.rows(_edition(), language), pages=_drafts().pages_for_preview()),
        over=False,
    )


@bp.get("/<token>/api/glossary/<code>")
def read_glossary(code):
    return jsonify(glossary.words(_edition(), translations.language_of(_edition(), code)))


@bp.put("/<token>/api/glossary/<code>")
def save_glossary(code):
    """A language's approved crisis words (and a crisis word added to the edition's protocol)."""
    language = translations.language_of(_edition(), code)
    body = _json_body()
    return _saved(
        f"The crisis words of {code}",
        lambda: glossary.save(_edition(), language, body),
        lambda: jsonify(glossary.words(_edition(), language)),
        over=False,
    )


@bp.get("/<token>/publish/")
def publish_page():
    """Check everything, then write the static export, and say what to upload where."""
    address = _edition_setting("public_base_url") or ""
    return render_template("publish.html", address=address)


@bp.post("/<token>/api/publish")
def publish_now():
    body = _json_body()
    return jsonify(publish(_edition(), _drafts().build_dir.parent, str(body.get("base_url") or "")))


@bp.get("/<token>/review/")
def review_page():
    """Get a language reviewed: its review sheet, its filled-in CSV read back, its recordings filed."""
    return render_template("review.html", languages=_translated_languages())


@bp.post("/<token>/api/review-sheet/<code>")
def make_review_sheet(code):
    translations.language_of(_edition(), code)
    name, said = review.make_sheet(_edition(), _drafts().build_dir.parent, code)
    return jsonify(sheet=url_for("studio.open_review_sheet", name=name), said=said)


# The sheet's own policy (its <meta>): no request at all, its one script by its hash.
SHEET_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@bp.get("/<token>/review-sheets/<name>")
def open_review_sheet(name):
    """A review sheet, opened from the studio: under its own policy, so that its Record buttons run."""
    html = review.sheet_file(_edition(), name).read_text(encoding="utf-8")
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = SHEET_POLICY.search(html)[1]
    return response


@bp.put("/<token>/api/verdicts/<code>")
def record_verdicts(code):
    translations.language_of(_edition(), code)
    if (request.content_length or 0) > current_app.config["MAX_CONTENT_LENGTH"]:
        abort(413)
    try:
        text = request.get_data().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise edition_files.FileRefused("that file is not the review sheet's CSV (it is not text)") from None
    recorded, said = review.record_verdicts(_edition(), _drafts().build_dir.parent, code, text)
    return jsonify(recorded=recorded, said=said), 200 if recorded else 400


@bp.put("/<token>/api/recordings/<code>")
def file_recording(code):
    """One recording the review sheet's Record button saved, checked and filed for the language."""
    translations.language_of(_edition(), code)
    if (request.content_length or 0) > current_app.config["MAX_CONTENT_LENGTH"]:
        return jsonify(error="That file is too large for one recorded line (20 seconds at most): not filed."), 413
    name = request.args.get("name", "")
    filed, said = review.file_recording(_edition(), _drafts().build_dir.parent, code, name, request.get_data())
    return jsonify(filed=filed, said=said), 200 if filed else 400
