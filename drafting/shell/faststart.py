"""What `python app.py` need not do before the page answers.

Gradio, as installed, spends about a second of CPU of every start on a tool for its own developers:
each of its ~70 component classes, as it is defined, calls `create_or_modify_pyi`, which reads the
class's source file again, parses it, renders a Jinja template and rewrites the `.pyi` type-stub
file beside it in site-packages. Nothing at run time reads those files. `skip_type_stub_writer()`,
called before gradio is imported, replaces that one function with one that does nothing, as soon as
its module is loaded; nothing else of gradio changes. If a gradio release renames it, nothing is
replaced and the start is only slower (tests/test_faststart.py then says so)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

STUB_WRITER_MODULE, STUB_WRITER = "gradio.component_meta", "create_or_modify_pyi"


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


def skip_type_stub_writer() -> None:
    """Before `import gradio`: its type-stub writer will do nothing (about a second less per start)."""
    if STUB_WRITER_MODULE not in sys.modules and not any(isinstance(f, _SkipStubWriter) for f in sys.meta_path):
        sys.meta_path.insert(0, _SkipStubWriter())
