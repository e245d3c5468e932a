"""The app's start skips gradio's type-stub writer (drafting/shell/faststart.py): about a second of
CPU per start, and nothing written into site-packages at run time. If a gradio release renames the
writer, this says so (the start would silently be a second slower again)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_importing_the_app_leaves_out_gradios_type_stub_writer_and_nothing_else():
    probe = ("import app, gradio as gr, gradio.component_meta as meta\n"
             "print(meta.create_or_modify_pyi.__name__)\n"
             "with gr.Blocks() as demo:\n"
             "    box = gr.Textbox('正文', elem_id='rd-probe')\n"
             "print(*[c['props']['value'] for c in demo.get_config_file()['components']\n"
             "        if c['props'].get('elem_id') == 'rd-probe'])\n")
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["no_type_stubs", "正文"], run.stdout
