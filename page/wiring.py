"""What every tab binds its buttons with: a refusal is the message beside the button pressed (every
event's last output), and None leaves a component as it is."""

import functools

import gradio as gr

from drafting.shell import session as S

QUIET = {"api_visibility": "private", "show_progress": "hidden"}
NOTE = {"elem_classes": "rd-note"}  # the message beside a button


def on(trigger, fn, inputs, outputs, **options):
    """Bind `fn`; if it fails, its last output (the message beside the button) says why, the rest stay."""
    def guarded(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # shown beside the button; the page stays as it was
            return (*[gr.skip()] * (len(outputs) - 1), S.refusal(exc)) if len(outputs) > 1 else S.refusal(exc)
    return trigger(functools.wraps(fn)(guarded), inputs, outputs, **({"api_visibility": "private"} | options))


def skip(value):
    """None: leave the component as it is."""
    return gr.skip() if value is None else value
