"""Tab 1's changes to the outline, each answered beside its own button: move a fact (chosen by its
text), rename, add or delete a section, 撤销上一步, and the shape of a 法治政府建设 report (changing
it lays the outline out again, keeping the user's work)."""

from __future__ import annotations

import gradio as gr

from drafting.shell import present as P
from drafting.shell import session as S

from .wiring import NOTE, on


def build(ui) -> dict:
    """The rows of changes (laid out here, bound by `bind` once the outline's outputs are known)."""
    with gr.Row():
        ui.move_fact = gr.Dropdown([], label="把这条事实…", scale=3, elem_id="rd-move-fact")
        ui.move_to = gr.Dropdown([], label="…移到这一部分", scale=2, elem_id="rd-move-to")
        move = gr.Button("移动", scale=0, elem_id="rd-move")
        put_back = gr.Button("放回未写入的事实", scale=0, elem_id="rd-put-back")
        move_msg = gr.Markdown(elem_id="rd-move-msg", **NOTE)
    with gr.Row():
        ui.rename_which = gr.Dropdown([], label="改名的部分", scale=2, elem_id="rd-rename-which")
        rename_to = gr.Textbox(label="新标题", scale=2, elem_id="rd-rename-to")
        rename = gr.Button("改名", scale=0, elem_id="rd-rename")
        rename_msg = gr.Markdown(elem_id="rd-rename-msg", **NOTE)
    with gr.Row():
        heading = gr.Textbox(label="新增部分的标题", scale=2, elem_id="rd-add-heading")
        add = gr.Button("添加部分", scale=0, elem_id="rd-add")
        add_msg = gr.Markdown(elem_id="rd-add-msg", **NOTE)
    with gr.Row():
        ui.delete_which = gr.Dropdown([], label="删除的部分", scale=2, elem_id="rd-delete-which")
        delete = gr.Button("删除这一部分", variant="stop", scale=0, elem_id="rd-delete-section")
        delete_msg = gr.Markdown(elem_id="rd-delete-msg", **NOTE)
        undo = gr.Button("撤销上一步", scale=0, elem_id="rd-undo-outline")
        undo_msg = gr.Markdown(elem_id="rd-undo-outline-msg", **NOTE)
    ui.shape = gr.Radio(P.SHAPE_CHOICES, value="", elem_id="rd-shape",
                        label="报告结构（法治政府建设年度报告；改选后提纲随之更新，已做的修改都保留）")
    ui.outline_msgs = [move_msg, rename_msg, add_msg, delete_msg, undo_msg]  # cleared by each change of the outline
    return {"move": (move, move_msg, [ui.move_fact, ui.move_to]), "put_back": (put_back, move_msg, []),
            "rename": (rename, rename_msg, [ui.rename_which, rename_to]),
            "add": (add, add_msg, [heading]),
            "delete": (delete, delete_msg, [ui.delete_which]),
            "undo": (undo, undo_msg, [])}


def bind(ui, rows: dict) -> None:
    def change(action, said, typed):
        def run(request: gr.Request, draft, *args):
            ui.owner(request)  # the session's own user only
            new = S.outline_change(ui.wb, action, draft, *args)
            return {**ui.outline_view(new), said: S.DONE[action], **{box: "" for box in typed}}
        return run
    for row, action in (("move", "move_fact"), ("put_back", "put_back"), ("rename", "rename_section"),
                        ("add", "add_section"), ("delete", "delete_section")):
        btn, said, inputs = rows[row]
        typed = [box for box in inputs if isinstance(box, gr.Textbox)]  # the title typed: cleared once used
        shown = [c for c in ui.outline_outputs if c is not said]
        on(btn.click, change(action, said, typed), [ui.draft, *inputs], [*shown, *typed, said])
    undo, undo_msg, _ = rows["undo"]

    def on_undo_outline(draft, request: gr.Request):  # 撤销上一步, here too: after a change on this tab
        ui.owner(request)  # the session's own user only
        back, said = S.undo_step(ui.wb, draft)
        return {**ui.outline_view(back), ui.view: {}, undo_msg: said}
    shown = [c for c in ui.outline_outputs if c is not undo_msg]
    on(undo.click, on_undo_outline, [ui.draft], [*shown, ui.view, undo_msg])


def bind_shape(ui, on_outline, shown: list) -> None:
    """A new shape lays the outline out again at once (as 生成提纲 does); before the first outline it
    is only remembered."""
    def on_shape(request: gr.Request, *values):
        if values[-1] is None:  # no draft yet: the shape applies at 生成提纲
            return {ui.outline_msg: "报告结构已选好：点“生成提纲”时按它排列。"}
        return on_outline(request, *values)
    on(ui.shape.input, on_shape, [*ui.form.values(), ui.draft], shown)
