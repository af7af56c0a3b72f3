"""A property of every edition: `edition check` either names each problem's file and field, or the
edition serves every page of every language. Random changes to the fixture edition (a field
dropped, renamed or of the wrong type, a page dropped from the list, a list emptied, a placeholder
or a phone number typed into the text) never give a traceback or a 5xx.

Deterministic in CI (derandomize): the same editions are tried on every run.
"""

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_app
from tests.fixture import FIXTURE_EDITION
from tests.site_urls import sitemap_paths
from webapp.content_model.edition import EditionError
from webapp.content_model.edition_commands import checked_edition

EDITIONS_TRIED = 300
FILES = ["edition.yaml", *sorted(f"content/{p.name}" for p in (FIXTURE_EDITION / "content").glob("*.yaml"))]
# Files of the pages' text, where a placeholder or a phone number must be refused.
TEXT_FILES = [
    f for f in FILES if f.startswith("content/") and f not in ("content/sources.yaml", "content/changes.yaml")
]
CHANGES = ["drop", "rename", "retype", "empty a list", "drop a page", "placeholder", "phone number"]
OTHER_VALUES = [7, True, None, "", "some text", [], ["a"], {}, {"x": 1}]
tally = {"refused": 0, "served": 0}


def places(node, loc=()):
    """Every place in a file's data, as paths of keys and indexes."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*loc, key)
            yield from places(value, (*loc, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield (*loc, index)
            yield from places(item, (*loc, index))


def parent_of(data, loc):
    for part in loc[:-1]:
        data = data[part]
    return data


def changed(data, change, draw):
    """data with one change drawn (the file's data is a fresh copy)."""
    every = list(places(data))
    texts = [loc for loc in every if isinstance(parent_of(data, loc)[loc[-1]], str)]
    lists = [loc for loc in every if isinstance(parent_of(data, loc)[loc[-1]], list)]
    if change == "placeholder" and texts:
        loc = draw(st.sampled_from(texts))
        parent_of(data, loc)[loc[-1]] += " FILL IN: the real fact."
    elif change == "phone number" and texts:
        loc = draw(st.sampled_from(texts))
        parent_of(data, loc)[loc[-1]] += " Call (555) 010-7788."
    elif change == "empty a list" and lists:
        loc = draw(st.sampled_from(lists))
        parent_of(data, loc)[loc[-1]] = []
    elif change in ("drop", "rename", "retype") and every:
        loc = draw(st.sampled_from(every))
        parent = parent_of(data, loc)
        if change == "retype":
            parent[loc[-1]] = draw(st.sampled_from(OTHER_VALUES))
        elif isinstance(parent, list) or change == "drop":
            del parent[loc[-1]]
        else:
            parent[f"{loc[-1]}z"] = parent.pop(loc[-1])
    else:
        return None
    return data


@st.composite
def edition_changes(draw):
    change = draw(st.sampled_from(CHANGES))
    if change == "drop a page":
        data = yaml.safe_load((FIXTURE_EDITION / "edition.yaml").read_text(encoding="utf-8"))
        data["pages"].remove(draw(st.sampled_from(data["pages"])))
        return change, "edition.yaml", data
    file = draw(st.sampled_from(TEXT_FILES if change in ("placeholder", "phone number") else FILES))
    data = yaml.safe_load((FIXTURE_EDITION / file).read_text(encoding="utf-8"))
    data = changed(data, change, draw)
    return None if data is None else (change, file, data)


@settings(
    max_examples=EDITIONS_TRIED,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(edition_changes())
def test_a_changed_edition_is_refused_with_its_file_named_or_serves_every_page(tmp_path_factory, change_made):
    if change_made is None:
        return
    change, file, data = change_made
    edition = tmp_path_factory.mktemp("edition")
    shutil.rmtree(edition)
    shutil.copytree(FIXTURE_EDITION, edition)
    (edition / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    try:
        checked_edition(edition)
    except EditionError as error:
        tally["refused"] += 1
        for problem in error.problems:
            assert problem.startswith(str(edition)) and ": " in problem, (change, file, problem)
        return
    assert change not in ("placeholder", "phone number"), f"{change} in {file} passed the check"
    tally["served"] += 1
    client = make_app(Path(edition) / "app", EDITION=str(edition)).test_client()
    assert client.get("/sw.js").status_code == 200  # every page of every language, rendered for the worker
    for path in sitemap_paths(client):
        assert client.get(path).status_code == 200, (change, file, path)
    for language in ("en", "ar"):
        assert client.get(f"/{language}/no-such-page/").status_code == 404


def test_the_property_tried_the_editions_it_says(request):
    """Run after the property: how many editions it tried, printed for the record."""
    tried = tally["refused"] + tally["served"]
    print(f"\nedition property: {tried} changed editions tried, {tally['refused']} refused, {tally['served']} served")
    if tried:
        assert tried >= EDITIONS_TRIED // 2
