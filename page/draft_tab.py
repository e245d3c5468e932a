"""Tab 2, 初稿与修改: drafting (streamed), a card per section with its actions (section_cards.py),
撤销上一步, the checks, the export and an edited Word file read back."""

from __future__ import annotations

import gradio as gr

from drafting.shell import cards as C
from drafting.shell import present as P
from drafting.shell import session as S

from . import section_cards as K
from .wiring import NOTE, QUIET, on, skip


def build(ui) -> None:
    with gr.Row(equal_height=True):
        progress = gr.Markdown(elem_id="rd-progress")
        undo = gr.Button("撤销上一步", size="sm", scale=0, min_width=110, elem_id="rd-undo-step")
        undo_msg = gr.Markdown(elem_id="rd-undo-step-msg", **NOTE)
        copy_all = gr.Button("复制全文", size="sm", scale=0, min_width=110, elem_id="rd-copy-all")
        copy_marked = gr.Button("复制全文（含【F】标记）", size="sm", scale=0, min_width=190, elem_id="rd-copy-all-f")
        copy_msg = gr.Markdown(elem_id="rd-copy-msg", **NOTE)
    full = gr.Textbox(visible=False, elem_id="rd-full")
    targets = gr.State([])
    jump = gr.Textbox(visible=False)
    mounted = gr.Textbox(visible=False)  # ids of cards the page has just mounted (static/app.js)
    ui.layout = gr.State(())
    ui.shown = gr.State({})
    ui.want_tab = gr.State(False)
    build_cards(ui, full, progress, mounted)
    with gr.Row(equal_height=True):
        check_btn = gr.Button("运行检查", variant="primary", scale=0, min_width=120, elem_id="rd-check")
        export_btn = gr.Button("导出 Word 和 Markdown", scale=0, min_width=250, elem_id="rd-export")
        check_msg = gr.Markdown(elem_id="rd-check-msg", **NOTE)
    check_table = gr.Dataframe(headers=P.CHECK_HEADERS, interactive=False, wrap=True, elem_id="rd-check-table",
                               label="检查结果（点一行跳到相应部分）", column_widths=["16%", "8%", "56%", "20%"])
    downloads = gr.File(label="下载（不含【F】标记）", file_count="multiple", visible=False, interactive=False,
                        elem_id="rd-downloads")
    with gr.Accordion("读回在 Word/WPS 中改过的文件", open=False):
        edited = gr.File(file_types=[".docx"], label="改过的 .docx", elem_id="rd-edited")
        merge_log = gr.Markdown(elem_id="rd-merge-log")
    for btn, markers in ((copy_all, "false"), (copy_marked, "true")):
        btn.click(None, [full], [copy_msg], js=f"(t) => rdCopy(t, {markers})", **QUIET)

    def on_change(draft, request: gr.Request):  # for API clients: the whole text and its 字数
        ui.owner(request)  # the session's own user only
        return C.full_text(draft), C.totals(draft)
    gr.Button(visible=False).click(on_change, [ui.draft], [full, progress], api_name="on_change", **QUIET)
    bind_writing(ui, full)

    def on_undo(draft, request: gr.Request):  # 撤销上一步: the whole draft one action back
        ui.owner(request)  # the session's own user only
        back, said = S.undo_step(ui.wb, draft)
        return {**ui.outline_view(back), ui.view: {}, undo_msg: said}
    on(undo.click, on_undo, [ui.draft], [*ui.outline_outputs, ui.view, undo_msg])

    def on_check(draft, view, request: gr.Request):
        ui.owner(request)  # the session's own user only
        return S.check(ui.wb, draft, view)
    on(check_btn.click, on_check, [ui.draft, ui.view], [check_table, targets, ui.view, check_msg])

    def on_pick(found, event: gr.SelectData):  # a click in the checks table jumps to the section
        return S.check_target(found, event.index) or gr.skip()
    check_table.select(on_pick, [targets], [jump], **QUIET).then(None, [jump], None, js="(s) => rdJump(s)")

    def on_export(draft, request: gr.Request):
        ui.owner(request)  # the session's own user only
        paths, said = S.export(ui.wb, draft, ui.export_dir)
        return gr.update(value=paths, visible=True), said
    on(export_btn.click, on_export, [ui.draft], [downloads, check_msg])

    def on_merge(draft, file, request: gr.Request):  # the checks run again and their table shows them
        ui.owner(request)  # the session's own user only
        return S.merge(ui.wb, draft, file)
    on(edited.upload, on_merge, [ui.draft, edited], [ui.draft, ui.view, check_table, targets, check_msg, merge_log])


def build_cards(ui, full, progress, mounted) -> None:
    """The section cards: built once per set of sections, then filled by value as the draft changes."""

    @gr.render(inputs=[ui.draft, ui.view], triggers=[ui.demo.load, ui.layout.change], concurrency_limit=1,
               concurrency_id="cards", show_progress="hidden")
    def cards(draft, view, request: gr.Request):
        ui.owner(request)  # another user's session: refused, its cards as they were
        if draft is None:
            gr.Markdown("还没有初稿：在第 1 步生成提纲，再点“确认提纲，生成初稿”。", key="no-draft")
        parts = {card.id: K.build_card(ui, card) for card in C.section_cards(draft, view)}
        refill = gr.Button("", elem_id="rd-refill", elem_classes="rd-hidden", key="refill")

        def fill(request: gr.Request, draft, view, shown, want_tab, fresh=""):
            if not ui.mine(request):  # the session's own user only
                return (gr.skip(),) * (K.FIXED + len(K.PARTS) * len(parts))
            return K.fill(draft, view, shown or {}, want_tab, parts, fresh or "")
        outputs = [ui.layout, ui.shown, ui.goto, ui.want_tab, full, progress, *ui.redraft_outputs,
                   *[c for p in parts.values() for c in p]]
        state = [ui.draft, ui.view, ui.shown, ui.want_tab]
        gr.on([ui.draft.change, ui.view.change], fill, state, outputs, key="fill", **QUIET)
        # cards the page has just mounted ask for their values (an answer may have come before them)
        refill.click(fill, [*state, mounted], outputs, js="(...a) => [...a.slice(0, 4), rdTakeMounted()]",
                     key="refill-click", **QUIET)


def bind_writing(ui, full) -> None:
    """生成初稿 (streamed; on a draft already written it asks first), 按勾选重新起草 and 全部重新起草."""
    outputs = [ui.draft, ui.view, full, ui.want_tab, ui.write_msg]

    def writing(request, draft, chosen, only, ask=False):
        try:
            ui.owner(request)  # the session's own user only
        except Exception as exc:
            yield *[gr.skip()] * 4, S.refusal(exc)
            return
        if ask and S.written(draft):  # never writes over the user's work without asking (the panel says how)
            yield *[gr.skip()] * 4, S.ask_redraft(draft)
            return
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            for current, view, text, first, said in S.write_steps(ui.wb, draft, chosen, cancel, only):
                yield skip(current), skip(view), skip(text), True if first else gr.skip(), said

    def on_write(draft, chosen, request: gr.Request = None):  # stopped when the browser leaves
        yield from writing(request, draft, chosen, None, ask=True)
    ui.write_btn.click(on_write, [ui.draft, ui.accepted], outputs, api_name="on_write", api_visibility=ui.api)

    def on_redraft(draft, chosen, ticked, request: gr.Request = None):
        yield from writing(request, draft, chosen, frozenset(ticked or []))
    ui.redraft_btn.click(on_redraft, [ui.draft, ui.accepted, ui.redraft], outputs, api_name="on_redraft",
                         api_visibility="private")

    def on_redraft_all(draft, chosen, request: gr.Request = None):
        yield from writing(request, draft, chosen, None)
    ui.redraft_all_btn.click(on_redraft_all, [ui.draft, ui.accepted], outputs, api_name="on_redraft_all",
                             api_visibility=ui.api)  # API clients: every unlocked section, asked or not

    def on_regenerate(request: gr.Request, draft, view, number, instruction):  # for API clients (load benchmark)
        if not ui.mine(request):
            return gr.skip(), gr.skip()
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            new, view = S.section_action(ui.wb, draft, view, S.section_id(draft, number), "regenerate", instruction,
                                         cancel=cancel)
        return skip(new), skip(view)
    hidden = [gr.Number(visible=False, precision=0), gr.Textbox(visible=False)]  # section number, instruction
    gr.Button(visible=False).click(on_regenerate, [ui.draft, ui.view, *hidden], [ui.draft, ui.view],
                                   api_name="on_regenerate", api_visibility=ui.api)
