"""Babel extractors for an edition's YAML files, so its strings land in its catalogs.

Registered as the `content` and `edition` methods (webapp/translation/translate_commands.py). They read the
YAML node tree (not the loaded data) so that every message keeps its line number for translators.
"""

from pathlib import Path

import yaml

from webapp.content_model.content import TRANSLATABLE_KEYS
from webapp.content_model.page_registry import PAGES


def extract_content(fileobj, keywords, comment_tags, options):
    """Yield (lineno, funcname, message, comments) for every translatable string in a YAML file,
    unless it is the content of a page the edition does not list (nobody reads it: it is not
    translated)."""
    if not _of_a_listed_page(getattr(fileobj, "name", "")):
        return
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if root is not None:
        yield from _extract(root, translatable=False)


def _extract(node, translatable):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _extract(value_node, translatable or key_node.value in TRANSLATABLE_KEYS)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            # A mapping in a list is read afresh: its own keys say what is text (a crisis line's
            # "text", not its "voice" or "sources").
            yield from _extract(item, translatable and not isinstance(item, yaml.MappingNode))
    elif isinstance(node, yaml.ScalarNode) and translatable and node.value.strip():
        yield node.start_mark.line + 1, "gettext", node.value, []


def extract_edition_names(fileobj, keywords, comment_tags, options):
    """The guide's name and short name from edition.yaml (the only strings it has to translate)."""
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    for key_node, value_node in root.value if isinstance(root, yaml.MappingNode) else ():
        if key_node.value == "guide" and isinstance(value_node, yaml.MappingNode):
            for name_node, text_node in value_node.value:
                if name_node.value in ("name", "short_name") and isinstance(text_node, yaml.ScalarNode):
                    yield text_node.start_mark.line + 1, "gettext", text_node.value, []


def _of_a_listed_page(path):
    """Whether a content file is read by the edition: any file but a page's whose page edition.yaml
    does not list (all, while edition.yaml cannot be read)."""
    path = Path(path).resolve()
    try:
        listed = yaml.safe_load((path.parent.parent / "edition.yaml").read_text(encoding="utf-8"))["pages"]
        shown = {PAGES[page].content for page in listed if page in PAGES}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return True
    pages_files = {page.content for page in PAGES.values() if page.content}
    return path.stem not in pages_files or path.stem in shown
