"""Tab 2, 初稿与修改: drafting (streamed), a card per section with its actions, the checks, the export
and an edited Word file read back."""

import functools
import hashlib

import gradio as gr

from drafting.shell import cards as C
from drafting.shell import present as P
from drafting.shell import session as S

from .wiring import NOTE, QUIET, on, skip


def build(ui) -> None:
    with gr.Row(equal_height=True):
        progress = gr.Markdown(elem_id="rd-progress")
        copy_all = gr.Button("复制全文", size="sm", scale=0, min_width=110, elem_id="rd-copy-all")
        copy_marked = gr.Button("复制全文（含【F】标记）", size="sm", scale=0, min_width=190, elem_id="rd-copy-all-f")
        copy_msg = gr.Markdown(elem_id="rd-copy-msg", **NOTE)
    full, targets, jump = gr.Textbox(visible=False, elem_id="rd-full"), gr.State([]), gr.Textbox(visible=False)

    @gr.render(inputs=[ui.draft, ui.view], concurrency_limit=1, concurrency_id="cards", show_progress="hidden")
    def cards(draft, view, request: gr.Request):  # one card per section, however many; one render at a time
        ui.owner(request)  # (renders are not re-entrant); another user's session: refused, its cards as they were
        if draft is None:
            gr.Markdown("还没有初稿：在第 1 步生成提纲，再点“确认提纲，生成初稿”。")
        for card in C.section_cards(draft, view):
            build_card(ui, card)
    with gr.Row(equal_height=True):
        check_btn = gr.Button("运行检查", variant="primary", scale=0, min_width=120, elem_id="rd-check")
        export_btn = gr.Button("导出 Word 和 Markdown", scale=0, min_width=250, elem_id="rd-export")
        check_msg = gr.Markdown(elem_id="rd-check-msg", **NOTE)
    check_table = gr.Dataframe(headers=P.CHECK_HEADERS, interactive=False, wrap=True, elem_id="rd-check-table",
                               label="检查结果（点一行跳到相应部分）", column_widths=["16%", "8%", "56%", "20%"])
    downloads = gr.File(label="下载（不含【F】标记）", file_count="multiple", visible=False, interactive=False, elem_id="rd-downloads")
    with gr.Accordion("读回在 Word/WPS 中改过的文件", open=False):
        edited, merge_log = gr.File(file_types=[".docx"], label="改过的 .docx"), gr.Markdown()
    def on_change(draft, request: gr.Request):  # the whole text, for the copy buttons
        ui.owner(request)  # the session's own user only
        return C.full_text(draft), C.totals(draft)
    ui.draft.change(on_change, [ui.draft], [full, progress], **QUIET)
    for btn, markers in ((copy_all, "false"), (copy_marked, "true")):
        btn.click(None, [full], [copy_msg], js=f"(t) => rdCopy(t, {markers})", **QUIET)

    def on_write(draft, chosen, request: gr.Request = None):  # streamed; stopped when the browser leaves
        try:
            ui.owner(request)  # the session's own user only
        except Exception as exc:
            yield *[gr.skip()] * 4, S.refusal(exc)
            return
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            for current, view, text, first, said in S.write_steps(ui.wb, draft, chosen, cancel):
                yield skip(current), skip(view), skip(text), gr.Tabs(selected="draft") if first else gr.skip(), said
    ui.write_btn.click(on_write, [ui.draft, ui.accepted], [ui.draft, ui.view, full, ui.tabs, ui.write_msg],
                       api_name="on_write", api_visibility=ui.api)

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

    def on_merge(draft, file, request: gr.Request):
        ui.owner(request)  # the session's own user only
        return S.merge(ui.wb, draft, file)
    on(edited.upload, on_merge, [ui.draft, edited], [ui.draft, ui.view, merge_log])

    def on_regenerate(draft, view, number, instruction, request: gr.Request = None):  # for API clients (load benchmark)
        return card_action(ui, "regenerate", S.section_id(draft, number))(request, draft, view, instruction)
    hidden = [gr.Number(visible=False, precision=0), gr.Textbox(visible=False)]  # section number, instruction
    gr.Button(visible=False).click(on_regenerate, [ui.draft, ui.view, *hidden], [ui.draft, ui.view],
                                   api_name="on_regenerate", api_visibility=ui.api)


def build_card(ui, card) -> None:
    sid, state, small = card.id, [ui.draft, ui.view], {"size": "sm", "scale": 0, "min_width": 96}
    with gr.Column(variant="panel", elem_id=f"rd-card-{sid}", key=f"card-{sid}"):
        warning = f"\n\n<span class='rd-warn'>⚠ {card.warning}</span>" if card.warning else ""
        gr.Markdown(C.card_title(card) + warning, elem_id=f"rd-title-{sid}")
        with gr.Row():
            with gr.Column(scale=3):
                digest = hashlib.sha1(card.text.encode()).hexdigest()[:10]  # new text from the server: a new box
                text = gr.Textbox(card.text, show_label=False, lines=6, max_lines=30, interactive=True,
                                  key=f"text-{sid}-{digest}", elem_id=f"rd-text-{sid}")
                with gr.Row(equal_height=True):
                    save = gr.Button("保存修改", variant="primary", elem_id=f"rd-save-{sid}", **small)
                    undo = gr.Button("撤销到上一版", elem_id=f"rd-undo-{sid}", **small)
                    lock = gr.Checkbox(card.locked, label="锁定", interactive=True, key=f"lock-{sid}-{card.locked}",
                                       scale=0, min_width=80, container=False, elem_id=f"rd-lock-{sid}")
                    copy = gr.Button("复制本部分", elem_id=f"rd-copy-{sid}", **small)
                    copy_marked = gr.Button("复制（含标记）", elem_id=f"rd-copyf-{sid}", **small)
                with gr.Row(equal_height=True):
                    instruction = gr.Textbox(show_label=False, placeholder="修改要求，如：更简练、突出反家暴", scale=3,
                                             interactive=True, container=False, key=f"instr-{sid}", elem_id=f"rd-instr-{sid}")
                    regen = gr.Button("重新生成本部分", elem_id=f"rd-regen-{sid}", **small)
                    attempt = gr.Button("换用大模型的尝试稿", visible=card.has_attempt, elem_id=f"rd-attempt-{sid}", **small)
                beside = gr.Markdown(card.note, elem_classes="rd-note", elem_id=f"rd-note-{sid}")
            with gr.Column(scale=2):
                gr.Markdown(card.info, elem_id=f"rd-info-{sid}")
    act = functools.partial(card_action, ui, sid=sid)
    for button, action, extra in ((save, "edit", [text]), (undo, "undo", []), (regen, "regenerate", [instruction]),
                                  (attempt, "use_attempt", []), (lock, "lock", [lock])):
        (button.input if button is lock else button.click)(act(action), [*state, *extra], state, **QUIET)
    for button, markers in ((copy, "false"), (copy_marked, "true")):
        button.click(None, [text], [beside], js=f"(t) => rdCopy(t, {markers})", **QUIET)


def card_action(ui, action: str, sid: str):
    """A card's button: the answer (or the refusal) appears beside it; other cards stay as they are."""
    def run(request: gr.Request, draft, view, *args):  # gr.Request: given to a positional parameter only
        if not ui.mine(request):  # another user's session: the draft stays as it is
            return gr.skip(), gr.skip()
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            new, view = S.section_action(ui.wb, draft, view, sid, action, *args, cancel=cancel)
        return skip(new), skip(view)
    return run
