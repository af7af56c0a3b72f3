"""Errors get a page in the reader's language with 911 and a way home, never a stack trace."""

from flask import request_started

from tests.conftest import make_app


def test_unknown_page_gets_the_localized_404(client):
    response = client.get("/en/no-such-page/")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert '<html lang="en" dir="ltr">' in html
    assert "Page not found" in html
    assert 'href="tel:911"' in html
    assert 'href="/en/">Go to the home page<' in html
    assert response.headers["Cache-Control"] == "no-store"


def test_unknown_or_malformed_language_codes_get_the_404_page(client):
    for path in ("/xx/", "/de/parents/", "/en-US/", "/EN/", "/fa_AF/", "/%00/", "/<script>/"):
        response = client.get(path, headers={"Accept-Language": "en"})
        assert response.status_code == 404, path
        assert "Page not found" in response.get_data(as_text=True)


def test_odd_accept_language_headers_never_break_the_404(client):
    for header in ("", "*", "zz-ZZ;q=0.9", ";;;", "en;q=abc", "x" * 2000):
        response = client.get("/nope/", headers={"Accept-Language": header})
        assert response.status_code == 404, header


def test_wrong_method_gets_405_with_allow(client):
    response = client.post("/en/report/")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert 'href="tel:911"' in response.get_data(as_text=True)


def test_an_unexpected_error_gets_the_500_page(tmp_path):
    from tests.conftest import make_app

    app = make_app(tmp_path)

    # A view that fails: the reader sees our page, not a traceback.
    @app.get("/__boom")
    def boom():
        raise RuntimeError("boom")

    app.config.update(TESTING=False, PROPAGATE_EXCEPTIONS=False)
    response = app.test_client().get("/__boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html and "RuntimeError" not in html
    assert 'href="tel:911"' in html


def test_a_bad_request_gets_the_localized_400_page_with_the_same_headers(tmp_path):
    from werkzeug.exceptions import BadRequest

    from tests.conftest import make_app

    app = make_app(tmp_path)

    @app.get("/__bad")
    def bad():
        raise BadRequest()

    response = app.test_client().get("/__bad", headers={"Accept-Language": "ar"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="tel:911"' in html and 'href="/ar/"' in html
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_repeated_404_is_answered_from_memory_like_a_page(tmp_path):
    """After the first 404 of a language, the next never reaches Flask: a flood of 404s costs what
    a flood of pages costs (the benchmark prints both figures)."""
    app = make_app(tmp_path)
    client = app.test_client()
    dispatched = []
    request_started.connect(lambda sender, **extra: dispatched.append(1), app, weak=False)
    first = client.get("/ar/no-such-page/")
    assert len(dispatched) == 1
    for path in ("/ar/no-such-page/", "/ar/another/", "/ar/deep/er/path/"):
        again = client.get(path)
        assert (again.status_code, again.data, again.headers["Cache-Control"]) == (404, first.data, "no-store"), path
    assert len(dispatched) == 1
    # A missing slash is still a redirect, from Flask.
    assert client.get("/ar/cards").status_code == 308 and len(dispatched) == 2
