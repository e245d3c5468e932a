"""Tab 1, 填写与提纲: the form (who writes, the year, the facts, 版头 and 版记), the outline table and
its changes (outline_tools.py), last year's report and the comparisons it offers, importing earlier
reports, and 生成初稿 with the choice of what to redraft (redraft.py)."""

import functools
import time

import gradio as gr

from drafting.shell import present as P
from drafting.shell import session as S
from drafting.shell.form import Form

from . import material_section, outline_tools, redraft
from .wiring import NOTE, on

HEADER_FIELDS = [("doc_number", "发文字号（版头）", "清妇发〔2026〕3号"),
                 ("signer", "签发人（版头，上报时用）", "王丽"),
                 ("cc", "抄送（版记）", "市妇联，县委办公室"),
                 ("printer", "印发机关（版记，印发日期即成文日期）", "清河县妇女联合会办公室")]


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
    with gr.Accordion("版头和版记（可选，印在 Word 文件上）", open=False, elem_id="rd-header-fields"), gr.Row():
        for name, label, hint in HEADER_FIELDS:
            setattr(ui, name, gr.Textbox(label=label, placeholder=hint, elem_id=f"rd-{name}"))
    ui.facts = gr.Textbox(label="本年度工作事实（每行一条）", lines=9, placeholder=P.PLACEHOLDER, max_length=100_000,
                          elem_id="rd-facts")
    material_section.build(ui)  # the year's 工作信息 → facts; sets ui.origins, a field of the Form
    with gr.Row(equal_height=True):
        ui.outline_btn = gr.Button("生成提纲", variant="primary", scale=0, elem_id="rd-outline")
        new_btn = gr.Button("另起一份新草稿", scale=0, elem_id="rd-new")
        ui.outline_msg = gr.Markdown(elem_id="rd-outline-msg", **NOTE)
    ui.outline_table = gr.Dataframe(headers=P.OUTLINE_HEADERS[:2] + P.OUTLINE_HEADERS[3:4], interactive=False,
                                    wrap=True, max_height=560, label="提纲：每条事实放在哪一部分",
                                    elem_id="rd-outline-table")
    changes = outline_tools.build(ui)
    ui.previous = gr.Markdown(elem_id="rd-previous")
    ui.accepted = gr.CheckboxGroup([], label="加入草稿的同比数据（工具计算，附公式和出处）", visible=False,
                                   elem_id="rd-compare")
    with gr.Accordion("导入本单位往年报告（可选）", open=False):
        uploads = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf", ".html"],
                          elem_id="rd-uploads", label=f"往年报告（每个不超过 {ui.settings.max_upload_mb} MB）")
        import_log = gr.Markdown(elem_id="rd-import-log")
    with gr.Row(equal_height=True):
        ui.write_btn = gr.Button("确认提纲，生成初稿", variant="primary", scale=0, min_width=200, elem_id="rd-write")
        ui.write_msg = gr.Markdown(elem_id="rd-write-msg", **NOTE)
    redraft.build(ui)
    ui.form = {name: getattr(ui, name) for name in Form.names()}  # the fields by name, in the API's order
    ui.outline_view = functools.partial(outline_view, ui)
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
    outline_tools.bind(ui, changes)
    outline_tools.bind_shape(ui, on_outline, shown)

    def on_import(files, draft, request: gr.Request = None):  # last year's panel refreshes once imported
        draft, log = S.import_files(ui.wb, files, draft, ui.owner(request) or "")
        return {**(outline_view(ui, draft) if draft is not None else {}), import_log: log}
    on(uploads.upload, on_import, [uploads, ui.draft], [*outputs, import_log])


def outline_view(ui, draft) -> dict:  # what tab 1 shows of a draft's outline, by component
    (choices, ticked), body, table = P.comparison_choices(draft), P.section_choices(draft), P.outline_table(draft)
    return {ui.draft: draft, ui.profile: P.profile_markdown(draft), ui.previous: P.previous_markdown(draft),
            ui.outline_table: gr.update(value=table, column_widths=P.column_widths(table["headers"])),
            ui.move_fact: gr.update(choices=P.fact_choices(draft), value=None),
            **{box: gr.update(choices=body, value=None) for box in (ui.move_to, ui.rename_which, ui.delete_which)},
            ui.accepted: gr.update(choices=choices, value=ticked, visible=bool(choices)),
            **{said: "" for said in ui.outline_msgs}}  # the answer of the button pressed is set after this
