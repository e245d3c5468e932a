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
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys

from .settings import apply_offline_env

STUB_WRITER_MODULE, STUB_WRITER = "gradio.component_meta", "create_or_modify_pyi"
NO_MONITORING_SUMMARY = {"GRADIO_ANALYTICS_MAX_EVENTS": "1", "GRADIO_ANALYTICS_CACHE_FREQUENCY": str(10**12)}


def no_type_stubs(*_args, **_kwargs) -> None:
    """Stands in for gradio's type-stub writer (see the module docstring)."""


class _SkipStubWriter(importlib.abc.MetaPathFinder):
    """Finds gradio's component_meta module as usual, and swaps the writer out once it has run."""

    def find_spec(self, name, path, target=None):
        if name != STUB_WRITER_MODULE:
            return None
        sys.meta_path.remove(self)  # once is enough
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module) -> None:
            run(module)
            if hasattr(module, STUB_WRITER):
                setattr(module, STUB_WRITER, no_type_stubs)
        spec.loader.exec_module = exec_module
        return spec


def lean_gradio() -> None:
    """Before `import gradio`: no type stubs written at start, no monitoring summary after each event
    (unless the environment sets those GRADIO_ANALYTICS_* variables itself)."""
    for key, value in NO_MONITORING_SUMMARY.items():
        os.environ.setdefault(key, value)
    if STUB_WRITER_MODULE not in sys.modules and not any(isinstance(f, _SkipStubWriter) for f in sys.meta_path):
        sys.meta_path.insert(0, _SkipStubWriter())


def before_gradio() -> None:
    """What app.py does before `import gradio`: the offline switches, then the lean ones above."""
    apply_offline_env()
    lean_gradio()
