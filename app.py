"""The web interface (python app.py, on http://127.0.0.1:7860): one builder per tab lays it out and
binds its buttons; what is shown comes from drafting.shell.present, what a button does from
drafting.shell.session. A refusal is the message beside the button pressed (every event's last output)."""

import functools
import hashlib
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from drafting.shell.gradio_lean import before_gradio
from drafting.shell.settings import Settings

before_gradio()  # the offline switches, and none of gradio's work for its developers (1 s less per start)

import gradio as gr  # noqa: E402  (after the offline switches)

from drafting.shell import present as P  # noqa: E402
from drafting.shell import session as S  # noqa: E402
from drafting.shell.services import open_for_app  # noqa: E402
from drafting.shell.users import Logins  # noqa: E402
from drafting.shell.workbench import Workbench  # noqa: E402

STATIC = Path(__file__).resolve().parent / "static"
CSS = (STATIC / "app.css").read_text(encoding="utf-8")
HEAD = f"<script>{(STATIC / 'app.js').read_text(encoding='utf-8')}</script>"
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


def build_app(settings: Settings, workbench: Workbench, logins: Logins | None = None) -> gr.Blocks:
    logins = logins or Logins()
    ui = SimpleNamespace(api="private" if logins else "public", wb=workbench, settings=settings,
                         owner=lambda request: logins.owner(getattr(request, "username", None)),
                         export_dir=Path(tempfile.mkdtemp(prefix="reportdraft-export-")))
    plain, detail = P.backend_banner(settings.llm_configured, settings.model, workbench.store.notice)
    with gr.Blocks(title="妇联报告起草") as demo:
        ui.draft, ui.view = gr.State(None), gr.State({})
        gr.Markdown(f"## 妇联年度报告起草\n{plain}", elem_id="rd-banner")
        with gr.Accordion("详情（给管理员）", open=False):
            gr.Markdown(P.esc(detail))
        with gr.Tabs() as ui.tabs:
            with gr.Tab("1 填写与提纲", id="form"):
                build_form_tab(ui)
            with gr.Tab("2 初稿与修改", id="draft", elem_id="rd-tab-draft"):
                build_draft_tab(ui)
            with gr.Tab("3 已保存的草稿", id="saved") as ui.saved_tab:
                build_saved_tab(ui)

        def on_leave(request: gr.Request):  # the browser left: stop its model calls, close their connections
            workbench.running.cancel(getattr(request, "session_hash", "") or "")
        demo.unload(on_leave)
    return demo


def build_form_tab(ui) -> None:
    with gr.Row():
        ui.org = gr.Textbox(label="单位全称", placeholder="某某县妇女联合会", scale=3, elem_id="rd-org")
        ui.year = gr.Number(label="报告年份", value=time.localtime().tm_year - 1, precision=0, elem_id="rd-year")
        ui.kind = gr.Dropdown(P.KIND_CHOICES, value="fazhi", label="报告类型", scale=2, elem_id="rd-kind")
    with gr.Row():
        ui.period = gr.Radio(P.PERIOD_CHOICES, value="", label="总结期间", scale=3, elem_id="rd-period")
        ui.when = gr.Textbox(label="成文日期（留空由工具判断）", placeholder="2025-01-20", scale=2, elem_id="rd-date")
    ui.profile = gr.Markdown(elem_id="rd-profile")
    with gr.Accordion("单位信息（自动识别，可修改）", open=False), gr.Row():
        ui.short, ui.addressee, ui.level, ui.body, ui.leader = [
            gr.Textbox(label=label, placeholder=hint, elem_id=f"rd-{name}") for name, label, hint in P.PROFILE_FIELDS]
    ui.facts = gr.Textbox(label="本年度工作事实（每行一条）", lines=9, placeholder=P.PLACEHOLDER, max_length=100_000, elem_id="rd-facts")
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
    ui.form = [ui.org, ui.short, ui.year, ui.kind, ui.addressee, ui.when, ui.period, ui.facts, ui.level, ui.body, ui.leader]
    ui.outline_outputs = outputs = [ui.draft, ui.profile, ui.outline_table, ui.move_fact, ui.move_to, ui.rename_which,
                                    ui.previous, ui.accepted]
    for box in (ui.org, ui.level, ui.body, ui.leader):  # the profile follows the name as it is typed
        on(box.blur, lambda *fields: P.esc(ui.wb.profile_summary(*fields)) + "\n\n（生成提纲后显示全部判断）",
           [ui.org, ui.short, ui.addressee, ui.level, ui.body, ui.leader], [ui.profile], show_progress="hidden")

    def on_outline(*form, request: gr.Request = None):  # the form, the session's draft (and True: a new one)
        draft, said = S.outline(ui.wb, *form, owner=ui.owner(request) or "")
        return *outline_view(draft), {}, "", said
    shown = [*outputs, ui.view, ui.write_msg, ui.outline_msg]
    on(ui.outline_btn.click, on_outline, [*ui.form, ui.draft], shown, api_name="on_outline", api_visibility=ui.api)
    on(new_btn.click, on_outline, [*ui.form, gr.State(None), gr.State(True)], shown, api_name="on_new")

    def outline_change(action):
        return lambda draft, *args: (*outline_view(S.outline_change(ui.wb, action, draft, *args)), "已更新提纲，已自动保存。")
    for btn, action, inputs in ((move_btn, "move_fact", [ui.move_fact, ui.move_to]),
                                (rename_btn, "rename_section", [ui.rename_which, rename_to]),
                                (add_btn, "add_section", [add_heading])):
        on(btn.click, outline_change(action), [ui.draft, *inputs], [*outputs, move_msg])

    def on_import(files, draft):  # last year's panel refreshes as soon as the import finishes
        draft, log = S.import_files(ui.wb, files, draft)
        return *(outline_view(draft) if draft is not None else [gr.skip()] * len(outputs)), log
    on(uploads.upload, on_import, [uploads, ui.draft], [*outputs, import_log])


def outline_view(draft) -> tuple:  # what tab 1 shows of a draft's outline, in the order of ui.outline_outputs
    (choices, ticked), body, table = P.comparison_choices(draft), P.section_choices(draft), P.outline_table(draft)
    return (draft, P.profile_markdown(draft), gr.update(value=table, column_widths=P.column_widths(table["headers"])),
            gr.update(choices=P.fact_choices(draft), value=None), gr.update(choices=body, value=None),
            gr.update(choices=body, value=None), P.previous_markdown(draft),
            gr.update(choices=choices, value=ticked, visible=bool(choices)))


def build_draft_tab(ui) -> None:
    with gr.Row(equal_height=True):
        progress = gr.Markdown(elem_id="rd-progress")
        copy_all = gr.Button("复制全文", size="sm", scale=0, min_width=110, elem_id="rd-copy-all")
        copy_marked = gr.Button("复制全文（含【F】标记）", size="sm", scale=0, min_width=190, elem_id="rd-copy-all-f")
        copy_msg = gr.Markdown(elem_id="rd-copy-msg", **NOTE)
    full, targets, jump = gr.Textbox(visible=False, elem_id="rd-full"), gr.State([]), gr.Textbox(visible=False)

    @gr.render(inputs=[ui.draft, ui.view], concurrency_limit=1, concurrency_id="cards", show_progress="hidden")
    def cards(draft, view):  # one card per section, however many; one render at a time (renders are not re-entrant)
        if draft is None:
            gr.Markdown("还没有初稿：在第 1 步生成提纲，再点“确认提纲，生成初稿”。")
        for card in P.section_cards(draft, view):
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
    ui.draft.change(lambda d: (P.full_text(d), P.totals(d)), [ui.draft], [full, progress], **QUIET)
    for btn, markers in ((copy_all, "false"), (copy_marked, "true")):
        btn.click(None, [full], [copy_msg], js=f"(t) => rdCopy(t, {markers})", **QUIET)

    def on_write(draft, chosen, request: gr.Request = None):  # streamed; stopped when the browser leaves
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            for current, view, text, first, said in S.write_steps(ui.wb, draft, chosen, cancel):
                yield skip(current), skip(view), skip(text), gr.Tabs(selected="draft") if first else gr.skip(), said
    ui.write_btn.click(on_write, [ui.draft, ui.accepted], [ui.draft, ui.view, full, ui.tabs, ui.write_msg],
                       api_name="on_write", api_visibility=ui.api)

    on(check_btn.click, lambda draft, view: S.check(ui.wb, draft, view), [ui.draft, ui.view],
       [check_table, targets, ui.view, check_msg])

    def on_pick(found, event: gr.SelectData):  # a click in the checks table jumps to the section
        return S.check_target(found, event.index) or gr.skip()
    check_table.select(on_pick, [targets], [jump], **QUIET).then(None, [jump], None, js="(s) => rdJump(s)")

    def on_export(draft):
        paths, said = S.export(ui.wb, draft, ui.export_dir)
        return gr.update(value=paths, visible=True), said
    on(export_btn.click, on_export, [ui.draft], [downloads, check_msg])
    on(edited.upload, lambda draft, file: S.merge(ui.wb, draft, file), [ui.draft, edited], [ui.draft, ui.view, merge_log])

    def on_regenerate(draft, view, number, instruction, request: gr.Request = None):  # for API clients (load benchmark)
        return card_action(ui, "regenerate", S.section_id(draft, number))(draft, view, instruction, request=request)
    hidden = [gr.Number(visible=False, precision=0), gr.Textbox(visible=False)]  # section number, instruction
    gr.Button(visible=False).click(on_regenerate, [ui.draft, ui.view, *hidden], [ui.draft, ui.view],
                                   api_name="on_regenerate", api_visibility=ui.api)


def build_card(ui, card) -> None:
    sid, state, small = card.id, [ui.draft, ui.view], {"size": "sm", "scale": 0, "min_width": 96}
    with gr.Column(variant="panel", elem_id=f"rd-card-{sid}", key=f"card-{sid}"):
        warning = f"\n\n<span class='rd-warn'>⚠ {card.warning}</span>" if card.warning else ""
        gr.Markdown(P.card_title(card) + warning, elem_id=f"rd-title-{sid}")
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
    def run(draft, view, *args, request: gr.Request = None):
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            new, view = S.section_action(ui.wb, draft, view, sid, action, *args, cancel=cancel)
        return skip(new), skip(view)
    return run


def build_saved_tab(ui) -> None:
    with gr.Row(equal_height=True):
        search = gr.Textbox(show_label=False, placeholder="按名称、单位或标题搜索", scale=3, elem_id="rd-search")
        search_btn = gr.Button("搜索", scale=0, elem_id="rd-search-btn")
    table = gr.Dataframe(headers=P.SAVED_HEADERS, interactive=False, wrap=True, elem_id="rd-saved",
                         column_widths=["40%", "22%", "8%", "16%", "14%"])
    with gr.Row(equal_height=True):
        prev_btn, page_md = gr.Button("上一页", size="sm", scale=0, elem_id="rd-prev"), gr.Markdown(elem_id="rd-page")
        next_btn = gr.Button("下一页", size="sm", scale=0, elem_id="rd-next")
    ids, offset, picked, deleted = gr.State([]), gr.State(0), gr.State(""), gr.State("")
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

    def on_open(draft_id, request: gr.Request = None):
        draft, values, said = S.open_saved(ui.wb, draft_id, ui.owner(request))
        return *values, *outline_view(draft), {}, gr.Tabs(selected="draft"), said, said
    on(open_btn.click, on_open, [picked], [*ui.form, *ui.outline_outputs, ui.view, ui.tabs, ui.write_msg, message])

    def saved_action(action):
        def run(draft_id, name, query, at, request: gr.Request = None):
            said, deleting = S.saved_action(ui.wb, action, draft_id, name, ui.owner(request)), action == "delete"
            return (*S.saved_page(ui.wb, query, at, ui.owner(request)), gr.update(visible=deleting),
                    draft_id if deleting else "", "（已删除，可撤销）" if deleting else gr.skip(), said)
        return run
    for btn, action, which in ((rename_btn, "rename", picked), (delete_btn, "delete", picked), (restore_btn, "restore", deleted)):
        on(btn.click, saved_action(action), [which, new_name, search, offset], [*page, restore_btn, deleted, preview, message])


def launch_options(settings: Settings, logins: Logins) -> dict:
    """Offline and quiet: loopback unless configured, no footer links (no API page), our CSS and script."""
    return dict(server_name=settings.host, server_port=settings.port, auth=logins.check if logins else None,
                auth_message="请用管理员分配的账号登录。", show_error=False, css=CSS, head=HEAD, footer_links=[],
                max_file_size=f"{settings.max_upload_mb}mb")


def main() -> None:
    settings, workbench = open_for_app()  # a wrong setting or an absent database: one line, no traceback
    logins = Logins.from_settings(settings.auth, settings.users_file)
    build_app(settings, workbench, logins).queue(default_concurrency_limit=8).launch(**launch_options(settings, logins))


if __name__ == "__main__":
    main()
