"""Work gradio does in our process that the app never uses, switched off before gradio is imported
(`before_gradio()`, called by app.py, also sets the offline switches). Nothing the page or the API
does changes.

- Type stubs, at every start (about a second of CPU): each of gradio's ~70 component classes, as it
  is defined, calls `create_or_modify_pyi`, which reads the class's source file again, parses it,
  renders a Jinja template and compares it with the `.pyi` file beside it in site-packages,
  rewriting it if it differs — a tool for gradio's own developers; nothing at run time reads them. An
  import hook replaces that one function with one that does nothing as soon as its module is loaded.
  If a gradio release renames it, nothing is replaced and the start is only slower
  (tests/test_gradio_lean.py then says so).
- A monitoring summary, after every event: the queue keeps the last 10,000 events and, after each,
  summarises them all with pandas (a DataFrame, a group-by, percentiles per function) for a
  monitoring page the app does not offer. Its own settings keep one event and never recompute.
- Signatures, per component and per output: building a component (`updateable`), its config
  (`Block.get_config`) and applying an update (`postprocess_data`) each ask `inspect` for the
  parameters of a class's `__init__`, every time — about a tenth of the app's busy time when the
  cards are built. Those functions never change, so gradio.blocks and gradio.component_meta see an
  `inspect` whose `signature` and `getfullargspec` remember their answer.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import inspect
import os
import sys
from types import SimpleNamespace

from .settings import apply_offline_env

STUB_WRITER_MODULE, STUB_WRITER = "gradio.component_meta", "create_or_modify_pyi"
NO_MONITORING_SUMMARY = {"GRADIO_ANALYTICS_MAX_EVENTS": "1", "GRADIO_ANALYTICS_CACHE_FREQUENCY": str(10**12)}


def no_type_stubs(*_args, **_kwargs) -> None:
    """Stands in for gradio's type-stub writer (see the module docstring)."""


def _remembered(ask):
    """`ask` (inspect.signature or getfullargspec) answering each function once; anything unhashable as before."""
    cached = functools.lru_cache(maxsize=4096)(ask)

    def answer(fn, *args, **kwargs):
        if args or kwargs:
            return ask(fn, *args, **kwargs)
        try:
            return cached(fn)
        except TypeError:  # unhashable
            return ask(fn)
    return answer


REMEMBERING_INSPECT = SimpleNamespace(**{name: getattr(inspect, name) for name in dir(inspect)
                                         if not name.startswith("__")})
REMEMBERING_INSPECT.signature = _remembered(inspect.signature)
REMEMBERING_INSPECT.getfullargspec = _remembered(inspect.getfullargspec)


def _lean_meta(module) -> None:
    if hasattr(module, STUB_WRITER):
        setattr(module, STUB_WRITER, no_type_stubs)
    module.inspect = REMEMBERING_INSPECT


def _lean_blocks(module) -> None:
    module.inspect = REMEMBERING_INSPECT


LEAN = {STUB_WRITER_MODULE: _lean_meta, "gradio.blocks": _lean_blocks}
"""gradio's module → what changes in it, as soon as it is loaded."""


class _LeanLoader(importlib.abc.MetaPathFinder):
    """Finds the modules of LEAN as usual, and changes each once it has run."""

    def __init__(self) -> None:
        self.waiting = set(LEAN)

    def find_spec(self, name, path, target=None):
        if name not in self.waiting:
            return None
        self.waiting.discard(name)
        if not self.waiting:
            sys.meta_path.remove(self)  # once is enough
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module) -> None:
            run(module)
            LEAN[name](module)
        spec.loader.exec_module = exec_module
        return spec


def lean_gradio() -> None:
    """Before `import gradio`: no type stubs written at start, no monitoring summary after each event
    (unless the environment sets those GRADIO_ANALYTICS_* variables itself), signatures remembered."""
    for key, value in NO_MONITORING_SUMMARY.items():
        os.environ.setdefault(key, value)
    if STUB_WRITER_MODULE not in sys.modules and not any(isinstance(f, _LeanLoader) for f in sys.meta_path):
        sys.meta_path.insert(0, _LeanLoader())


def before_gradio() -> None:
    """What app.py does before `import gradio`: the offline switches, then the lean ones above."""
    apply_offline_env()
    lean_gradio()
