"""Tab 1, 填写与提纲: the form (who writes, the year, the facts), the outline table and its changes,
last year's report and the comparisons it offers, and importing earlier reports."""

import time

import gradio as gr

from drafting.shell import present as P
from drafting.shell import session as S
from drafting.shell.form import Form

from . import material_section
from .wiring import NOTE, on


def build(ui) -> None:
    with gr.Row():
        ui.org = gr.Textbox(label="单位全称", placeholder="某某县妇女联合会", scale=3, elem_id="rd-org")
        ui.year = gr.Number(label="报告年份", value=time.localtime().tm_year - 1, precision=0, elem_id="rd-year")
        ui.kind = gr.Dropdown(P.KIND_CHOICES, value=P.KIND_DEFAULT, label="报告类型", scale=2, elem_id="rd-kind")
    with gr.Row():
        ui.period = gr.Radio(P.PERIOD_CHOICES, value="", label="总结期间", scale=3, elem_id="rd-period")
        ui.date = gr.Textbox(label="成文日期（留空由工具判断）", placeholder="2025-01-20", scale=2, elem_id="rd-date")
    ui.profile = gr.Markdown(elem_id="rd-profile")
    with gr.Accordion("单位信息（自动识别，可修改）", open=False), gr.Row():
        for name, label, hint in P.PROFILE_FIELDS:  # short, addressee, level, body, leader
            setattr(ui, name, gr.Textbox(label=label, placeholder=hint, elem_id=f"rd-{name}"))
    ui.facts = gr.Textbox(label="本年度工作事实（每行一条）", lines=9, placeholder=P.PLACEHOLDER, max_length=100_000, elem_id="rd-facts")
    material_section.build(ui)  # the year's 工作信息 → facts; sets ui.origins, a field of the Form
    with gr.Row(equal_height=True):
        ui.outline_btn = gr.Button("生成提纲", variant="primary", scale=0, elem_id="rd-outline")
        new_btn = gr.Button("另起一份新草稿", scale=0, elem_id="rd-new")
        ui.outline_msg = gr.Markdown(elem_id="rd-outline-msg", **NOTE)
    ui.outline_table = gr.Dataframe(headers=P.OUTLINE_HEADERS[:2] + P.OUTLINE_HEADERS[3:4], interactive=False, wrap=True,
                                    max_height=560, label="提纲：每条事实放在哪一部分", elem_id="rd-outline-table")
    with gr.Row():
        ui.move_fact = gr.Dropdown([], label="把这条事实…", scale=3, elem_id="rd-move-fact")
        ui.move_to = gr.Dropdown([], label="…移到这一部分", scale=2, elem_id="rd-move-to")
        move_btn, move_msg = gr.Button("移动", scale=0, elem_id="rd-move"), gr.Markdown(elem_id="rd-move-msg", **NOTE)
    with gr.Row():
        ui.rename_which, rename_to = gr.Dropdown([], label="改名的部分", scale=2), gr.Textbox(label="新标题", scale=2)
        rename_btn, add_heading = gr.Button("改名", scale=0), gr.Textbox(label="新增部分的标题", scale=2)
        add_btn = gr.Button("添加部分", scale=0)
    ui.previous = gr.Markdown(elem_id="rd-previous")
    ui.accepted = gr.CheckboxGroup([], label="加入草稿的同比数据（工具计算，附公式和出处）", visible=False, elem_id="rd-compare")
    with gr.Accordion("导入本单位往年报告（可选）", open=False):
        uploads = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf", ".html"], elem_id="rd-uploads",
                          label=f"往年报告（每个不超过 {ui.settings.max_upload_mb} MB）")
        import_log = gr.Markdown(elem_id="rd-import-log")
    with gr.Row(equal_height=True):
        ui.write_btn = gr.Button("确认提纲，生成初稿", variant="primary", scale=0, min_width=200, elem_id="rd-write")
        ui.write_msg = gr.Markdown(elem_id="rd-write-msg", **NOTE)
    ui.form = {name: getattr(ui, name) for name in Form.names()}  # the fields by name, in the API's order
    ui.outline_outputs = outputs = list(outline_view(ui, None))
    for box in (ui.org, ui.level, ui.body, ui.leader):  # the profile follows the name as it is typed
        on(box.blur, lambda *values: S.profile_note(ui.wb, Form.of_values(values, S.PROFILE)),
           [ui.form[name] for name in S.PROFILE], [ui.profile], show_progress="hidden")

    # gr.Request is given to an ordinary positional parameter only: first, before the fields
    def on_outline(request: gr.Request, *values, new: bool = False):  # the fields, then the draft
        draft, said = S.outline(ui.wb, Form.of_values(values[:-1]), values[-1], new, ui.owner(request) or "")
        return {**outline_view(ui, draft), ui.view: {}, ui.write_msg: "", ui.outline_msg: said}

    def on_new(request: gr.Request, *values):  # another draft, never the one open
        return on_outline(request, *values, new=True)
    shown, form = [*outputs, ui.view, ui.write_msg, ui.outline_msg], list(ui.form.values())
    on(ui.outline_btn.click, on_outline, [*form, ui.draft], shown, api_name="on_outline",
       api_visibility=ui.api)
    on(new_btn.click, on_new, [*form, gr.State(None)], shown, api_name="on_new")

    def outline_change(action):
        def run(request: gr.Request, draft, *args):
            ui.owner(request)  # the session's own user only
            return {**outline_view(ui, S.outline_change(ui.wb, action, draft, *args)), move_msg: "已更新提纲，已自动保存。"}
        return run
    for btn, action, inputs in ((move_btn, "move_fact", [ui.move_fact, ui.move_to]),
                                (rename_btn, "rename_section", [ui.rename_which, rename_to]),
                                (add_btn, "add_section", [add_heading])):
        on(btn.click, outline_change(action), [ui.draft, *inputs], [*outputs, move_msg])

    def on_import(files, draft, request: gr.Request = None):  # last year's panel refreshes once imported
        draft, log = S.import_files(ui.wb, files, draft, ui.owner(request) or "")
        return {**(outline_view(ui, draft) if draft is not None else {}), import_log: log}
    on(uploads.upload, on_import, [uploads, ui.draft], [*outputs, import_log])


def outline_view(ui, draft) -> dict:  # what tab 1 shows of a draft's outline, by component
    (choices, ticked), body, table = P.comparison_choices(draft), P.section_choices(draft), P.outline_table(draft)
    return {ui.draft: draft, ui.profile: P.profile_markdown(draft), ui.previous: P.previous_markdown(draft),
            ui.outline_table: gr.update(value=table, column_widths=P.column_widths(table["headers"])),
            ui.move_fact: gr.update(choices=P.fact_choices(draft), value=None),
            **{box: gr.update(choices=body, value=None) for box in (ui.move_to, ui.rename_which)},
            ui.accepted: gr.update(choices=choices, value=ticked, visible=bool(choices))}
