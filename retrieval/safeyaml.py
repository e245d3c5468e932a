"""YAML read as plain data, for case files and the corpus manifest.

Anchors and aliases are refused while the document is composed, before anything is expanded: a
few hundred bytes of `*ref` can stand for gigabytes. Dates stay text (`2024-13-45` is then a
message from our own date check, not a crash inside the YAML library).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

TIMESTAMP = "tag:yaml.org,2002:timestamp"


class DataLoader(yaml.SafeLoader):
    """SafeLoader without anchors, aliases or implicit timestamps."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(None, None, "不支持 YAML 锚点和别名（&名称、*名称），请把内容直接写出",
                                event.start_mark)
        return super().compose_node(parent, index)


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_data(text: str) -> Any:
    """The document as dicts, lists and scalars. Raises yaml.YAMLError (aliases, syntax),
    ValueError (an explicit tag with a bad value) or RecursionError (absurd nesting)."""
    return yaml.load(text, Loader=DataLoader)  # noqa: S506 - DataLoader is a SafeLoader
