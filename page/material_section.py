"""Tab 1's section 本年度工作信息（可选）: upload or paste the year's 工作信息, 简报 and news posts; tick,
edit and add to the candidate facts taken from them; answer the questions a drafter would ask; add
it all to the facts box. What is read and shown comes from drafting.shell.material_view.

The candidates stay on the server in the page's session (gr.State) and every event checks the
session's login, so another user holding the session id reads none of them. `ui.origins` (a field
of the Form, unseen) carries the sources of the lines taken from candidates into the outline."""

import gradio as gr

from drafting.shell import material_view as M
from drafting.shell.form import Form

from .wiring import NOTE, on

FIELDS = ["org", "year", "kind", "period", "level", "body", "leader", "facts"]
"""The form's fields a reading needs: who and which year (the period items are kept to), and the
facts already typed (a question they answer is not asked)."""
TYPES = [".txt", ".md", ".docx", ".pdf", ".html"]


def build(ui) -> None:
    ui.origins = gr.State({})
    material = gr.State(None)
    with gr.Accordion("本年度工作信息（可选）：从工作信息、简报、新闻稿中提取事实", open=False, elem_id="rd-material"):
        with gr.Row():
            files = gr.File(file_count="multiple", file_types=TYPES, scale=2, elem_id="rd-mat-files",
                            label="工作信息文件（.txt .md .docx .pdf .html，"
                                  f"每个不超过 {ui.settings.max_upload_mb} MB）")
            pasted = gr.Textbox(label="或粘贴工作信息（可一次粘贴多条，每条以标题或日期开头）", lines=6, scale=3,
                                max_length=300_000, elem_id="rd-mat-paste")
        with gr.Row(equal_height=True):
            read_btn = gr.Button("提取候选事实", variant="primary", scale=0, min_width=140, elem_id="rd-mat-read")
            read_msg = gr.Markdown(elem_id="rd-mat-msg", **NOTE)
        report = gr.Markdown(elem_id="rd-mat-summary")
        table = gr.Dataframe(headers=M.HEADERS, datatype=M.DATATYPES, static_columns=M.STATIC, interactive=True,
                             type="array", wrap=True, max_height=560, column_widths=M.WIDTHS, elem_id="rd-mat-table",
                             label="候选事实：勾选要用的，可直接改文字；最后一行可写自己补充的事实")
        boxes = [gr.Textbox(visible=False, lines=1, elem_id=f"rd-mat-q{n}") for n in range(1, M.QUESTIONS + 1)]
        with gr.Row(equal_height=True):
            add_btn = gr.Button("把勾选的事实和回答加入事实框", variant="primary", scale=0, min_width=300,
                                elem_id="rd-mat-add")
            add_msg = gr.Markdown(elem_id="rd-mat-add-msg", **NOTE)

    # gr.Request is given to an ordinary positional parameter only: first, before the values
    def on_read(request: gr.Request, uploaded, text, *values):
        owner = ui.owner(request) or ""  # the session's own user only; the index as their organisation sees it
        found = M.read(ui.wb, Form.of_values(values, FIELDS), uploaded, text, owner)
        questions = [gr.update(visible=n < len(found.questions), value="",
                               label=found.questions[n].text if n < len(found.questions) else "",
                               info=M.question_hint(found.questions[n]) if n < len(found.questions) else "")
                     for n in range(M.QUESTIONS)]
        said = "已提取，请在下表中勾选。" if found.candidates else "没有提取到候选事实：请看上面的说明。"
        return found, M.rows(found), M.summary(found), *questions, said
    on(read_btn.click, on_read, [files, pasted, *[getattr(ui, name) for name in FIELDS]],
       [material, table, report, *boxes, read_msg])

    def on_add(request: gr.Request, found, rows, facts, origins, *answers):
        ui.owner(request)  # the session's own user only
        return M.take(found, rows, answers, facts, origins)
    on(add_btn.click, on_add, [material, table, ui.facts, ui.origins, *boxes], [ui.facts, ui.origins, add_msg])
