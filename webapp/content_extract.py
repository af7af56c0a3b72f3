"""Babel extractor for the YAML content files, so content strings land in the catalogs.

Registered in babel.cfg as the `content` method. It reads the YAML node tree (not the loaded data)
so that every message keeps its line number for translators.
"""

import yaml

from webapp.content import TRANSLATABLE_KEYS


def extract_content(fileobj, keywords, comment_tags, options):
    """Yield (lineno, funcname, message, comments) for every translatable string in a YAML file."""
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if root is not None:
        yield from _extract(root, translatable=False)


def _extract(node, translatable):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _extract(value_node, translatable or key_node.value in TRANSLATABLE_KEYS)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _extract(item, translatable)
    elif isinstance(node, yaml.ScalarNode) and translatable and node.value.strip():
        yield node.start_mark.line + 1, "gettext", node.value, []
