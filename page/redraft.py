"""Redrafting a draft already written, on tab 1 by 生成初稿: which sections (ticked: those whose facts
changed, or else those not edited by hand; locked ones never), 按勾选重新起草 or 全部重新起草. Shown
once the draft has text, and kept up to date with the draft by the cards' fill (section_cards.py)."""

from __future__ import annotations

import gradio as gr

from drafting.shell import present as P
from drafting.shell import session as S


def build(ui) -> None:
    ui.redraft = gr.CheckboxGroup([], label="重新起草这些部分", visible=False, elem_id="rd-redraft")
    with gr.Row():
        ui.redraft_btn = gr.Button("按勾选重新起草", variant="primary", visible=False, scale=0, min_width=160,
                                   elem_id="rd-redraft-btn")
        ui.redraft_all_btn = gr.Button("全部重新起草", visible=False, scale=0, min_width=140, elem_id="rd-redraft-all")
    ui.redraft_outputs = [ui.redraft, ui.redraft_btn, ui.redraft_all_btn]


def state(draft) -> tuple:
    """What the panel shows for this draft (choices, ticks, what the ticks are, shown or not): kept
    by the page to send the panel only when it changed."""
    choices, ticked, which = P.redraft_choices(draft)
    return tuple(choices), tuple(ticked), which, S.written(draft)


def panel(shows: tuple) -> tuple:
    """The panel's updates for a `state`: its choices and ticks, its buttons."""
    choices, ticked, which, shown = shows
    label = f"重新起草这些部分（已勾选{which}；锁定的部分不会改动，其余保持不变）" if which else "重新起草这些部分"
    return (gr.update(choices=list(choices), value=list(ticked), visible=shown, label=label),
            gr.update(visible=shown), gr.update(visible=shown))
