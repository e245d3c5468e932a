"""Prompt templates from prompts/, checked on load: a missing variable is a named error, never a
silent ${facts} in the text sent to the model."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template

from drafting.errors import ConfigError

PROMPTS_DIR = Path(str(files("prompts")))
"""The prompts package (installed with the project), wherever it lives."""
PLACEHOLDER = re.compile(r"\$\{([a-z_]+)\}")


class PromptVariableError(ConfigError):
    """A template names a variable the caller did not give."""


@cache
def load(name: str) -> Template:
    path = PROMPTS_DIR / f"{name}.txt"
    if not path.is_file():
        raise ConfigError(f"找不到提示词模板 prompts/{name}.txt。")
    return Template(path.read_text(encoding="utf-8"))


def variables(name: str) -> set[str]:
    return set(PLACEHOLDER.findall(load(name).template))


def render(name: str, **values) -> str:
    missing = variables(name) - set(values)
    if missing:
        raise PromptVariableError(f"提示词 {name} 缺少变量：{', '.join(sorted(missing))}")
    return load(name).substitute({k: str(v) for k, v in values.items()})
