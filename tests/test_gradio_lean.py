"""The app switches off what gradio does for its own developers and for a monitoring page we do not
offer (drafting/shell/gradio_lean.py): the type-stub writer at import (about a second of CPU per
start, and no writes into site-packages), the pandas summary of past events after each event, and
asking for the same __init__ signature again and again.
If a gradio release renames what is switched off, this says so."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

PROBE = """
import app, gradio as gr, gradio.component_meta as meta
with gr.Blocks() as demo:
    box = gr.Textbox('正文', elem_id='rd-probe')
    out = gr.Textbox()
    box.submit(lambda t: t + '。', box, out)
demo.queue()
queue = demo._queue
queue.events_recorded = 3  # three events have run
summary = queue.compute_analytics_summary([{"function": "f", "status": "success", "process_time": 0.1}] * 3)
print(meta.create_or_modify_pyi.__name__, queue.ANALYTICS_MAX_EVENTS, summary)
print(*[c['props']['value'] for c in demo.get_config_file()['components'] if c['props'].get('elem_id') == 'rd-probe'])
import inspect, gradio.blocks as blocks
asked = [blocks.inspect.signature(gr.Textbox.__init__), meta.inspect.getfullargspec(gr.Button.__init__)]
again = [blocks.inspect.signature(gr.Textbox.__init__), meta.inspect.getfullargspec(gr.Button.__init__)]
print(asked[0] is again[0] and asked[1] is again[1], asked == [inspect.signature(gr.Textbox.__init__),
      inspect.getfullargspec(gr.Button.__init__)], blocks.inspect.isclass is inspect.isclass)
"""


def test_importing_the_app_leaves_out_gradios_stub_writer_and_event_summary_and_nothing_else():
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0] == "no_type_stubs 1 {'functions': {}}", "the writer is skipped; one event kept, never summarised"
    assert lines[1] == "正文", "components are built as before"
    assert lines[2] == "True True True", "gradio's modules remember each signature; the rest of inspect is inspect's"
