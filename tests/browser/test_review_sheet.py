"""The review sheet in a real browser: it opens from a file with no network at all, and prints."""

import io

from pypdf import PdfReader

from tests.missoula import missoula_app


def test_the_tigrinya_review_sheet_opens_offline_and_prints(context, tmp_path):
    app = missoula_app(tmp_path / "app")
    result = app.test_cli_runner().invoke(args=["translate", "review-sheet", "ti", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    requests = []

    def only_the_file(route):
        # No network: any request other than the file itself is recorded and refused.
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    page.goto((tmp_path / "review-sheet-ti.html").as_uri())
    assert page.locator("h1").inner_text().startswith("Review sheet: Tigrinya")
    first = page.locator("tbody tr").first
    assert "crisis" in first.get_attribute("class")
    assert first.locator(".translation").get_attribute("lang") == "ti"
    assert page.locator("tbody tr.crisis").count() >= 40
    # Ethiopic text is rendered with a real font, not boxes: it takes up width.
    assert first.locator(".translation").bounding_box()["width"] > 20
    pages = len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    print(f"Tigrinya review sheet: {page.locator('tbody tr').count()} rows, {pages} printed pages")
    assert pages >= 2
    assert requests == []
