"""Tab 3, 已保存的草稿: search and page through the saved drafts, preview, open (the form and the
draft come back), rename, delete with undo."""

import time

import gradio as gr

from drafting.shell import present as P
from drafting.shell import session as S

from .form_tab import outline_view
from .wiring import NOTE, on


def build(ui) -> None:
    with gr.Row(equal_height=True):
        search = gr.Textbox(show_label=False, placeholder="按名称、单位或标题搜索", scale=3, elem_id="rd-search")
        search_btn = gr.Button("搜索", scale=0, elem_id="rd-search-btn")
    table = gr.Dataframe(headers=P.SAVED_HEADERS, interactive=False, wrap=True, elem_id="rd-saved",
                         column_widths=["40%", "22%", "8%", "16%", "14%"])
    with gr.Row(equal_height=True):
        prev_btn = gr.Button("上一页", size="sm", scale=0, elem_id="rd-prev")
        page_md = gr.Markdown(elem_id="rd-page")
        next_btn = gr.Button("下一页", size="sm", scale=0, elem_id="rd-next")
    ids = gr.State([])
    offset = gr.State(0)
    picked = gr.State("")
    deleted = gr.State("")
    preview = gr.Markdown("在上面的列表中点一份草稿，这里显示它的概要。", elem_id="rd-preview")
    with gr.Row(equal_height=True):
        open_btn = gr.Button("打开", variant="primary", scale=0, elem_id="rd-open")
        new_name = gr.Textbox(show_label=False, placeholder="草稿的新名称", scale=2, elem_id="rd-new-name")
        rename_btn = gr.Button("改名", scale=0, elem_id="rd-rename-saved")
        delete_btn = gr.Button("删除", variant="stop", scale=0, elem_id="rd-delete")
        restore_btn = gr.Button("撤销删除", scale=0, visible=False, elem_id="rd-restore")
        message = gr.Markdown(elem_id="rd-saved-msg", **NOTE)
    page = [table, ids, offset, page_md]

    def listing(step):
        def run(query, at, request: gr.Request = None):
            return S.saved_page(ui.wb, query, int(at or 0) + step, ui.owner(request))
        return run
    for trigger, start, step in ((search_btn.click, 0, 0), (search.submit, 0, 0), (ui.saved_tab.select, None, 0),
                                 (prev_btn.click, None, -P.PAGE), (next_btn.click, None, P.PAGE)):
        on(trigger, listing(step), [search, offset if start is None else gr.State(0)], page)

    def on_pick(shown, event: gr.SelectData, request: gr.Request = None):
        return S.pick_saved(ui.wb, shown[event.index[0]], ui.owner(request))
    on(table.select, on_pick, [ids], [picked, preview, new_name, message])

    def on_open(draft_id, request: gr.Request = None):  # the whole form and the draft come back
        draft, form, said = S.open_saved(ui.wb, draft_id, ui.owner(request))
        return {**{ui.form[name]: value for name, value in form.to_dict().items()}, **outline_view(ui, draft),
                ui.view: {}, ui.goto: f"draft {time.monotonic()}", ui.write_msg: said, message: said}
    opened = [*ui.form.values(), *ui.outline_outputs, ui.view, ui.goto, ui.write_msg, message]
    on(open_btn.click, on_open, [picked], opened)

    def saved_action(action):
        def run(draft_id, name, query, at, request: gr.Request = None):
            said, deleting = S.saved_action(ui.wb, action, draft_id, name, ui.owner(request)), action == "delete"
            return (*S.saved_page(ui.wb, query, at, ui.owner(request)), gr.update(visible=deleting),
                    draft_id if deleting else "", "（已删除，可撤销）" if deleting else gr.skip(), said)
        return run
    for btn, action, which in ((rename_btn, "rename", picked), (delete_btn, "delete", picked),
                               (restore_btn, "restore", deleted)):
        on(btn.click, saved_action(action), [which, new_name, search, offset],
           [*page, restore_btn, deleted, preview, message])
