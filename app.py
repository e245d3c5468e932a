"""The web interface: paste facts → outline → draft (streamed) → edit/regenerate → check → download.

Wiring only: one builder per tab. What is shown comes from drafting.shell.present, what a button
does from drafting.shell.session and the Workbench. A refusal is a message beside the button pressed
(the last output of every event), never an error over the page. Run: python app.py
"""

import functools
import hashlib
import inspect
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from drafting.shell.settings import Settings, apply_offline_env

apply_offline_env()

import gradio as gr  # noqa: E402  (after the offline switches)

from drafting.shell import present as P  # noqa: E402
from drafting.shell import session as S  # noqa: E402
from drafting.shell.users import Logins  # noqa: E402
from drafting.shell.workbench import Workbench  # noqa: E402

STATIC = Path(__file__).resolve().parent / "static"
CSS = (STATIC / "app.css").read_text(encoding="utf-8")
HEAD = f"<script>{(STATIC / 'app.js').read_text(encoding='utf-8')}</script>"
PLACEHOLDER = "每行一条本年度的工作事实，数字照实填写，例如：\n- 全年开展普法宣传28场次，发放宣传资料8万余册\n- 偏远山区普法覆盖面还不够"
QUIET = {"api_visibility": "private", "show_progress": "hidden"}


def on(trigger, fn, inputs, outputs, **options):
    """Bind `fn`; if it fails, its last output (the message beside the button) says why, the rest stay."""
    def refused(exc: Exception):  # a refusal: shown beside the button, the page stays as it was
        values = tuple(S.refusal(exc) if i == len(outputs) - 1 else gr.skip() for i in range(len(outputs)))
        return values if len(values) > 1 else values[0]

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            return refused(exc)

    @functools.wraps(fn)
    def stream(*args, **kwargs):
        try:
            yield from fn(*args, **kwargs)
        except Exception as exc:
            yield refused(exc)
    return trigger(stream if inspect.isgeneratorfunction(fn) else run, inputs, outputs,
                   **({"api_visibility": "private"} | options))


def session_of(request) -> str:
    return getattr(request, "session_hash", "") or ""


def note(elem_id: str) -> gr.Markdown:
    return gr.Markdown(elem_classes="rd-note", elem_id=elem_id)


def build_app(settings: Settings, workbench: Workbench, logins: Logins | None = None) -> gr.Blocks:
    logins = logins or Logins()
    ui = SimpleNamespace(api="private" if logins else "public", wb=workbench, settings=settings,
                         owner=lambda request: logins.owner(getattr(request, "username", None)),
                         export_dir=Path(tempfile.mkdtemp(prefix="reportdraft-export-")))
    plain, detail = P.backend_banner(settings.llm_configured, settings.model)
    with gr.Blocks(title="妇联报告起草") as demo:
        ui.draft, ui.view = gr.State(None), gr.State({})
        notice = f"\n\n<span class='rd-flag'>{P.esc(workbench.store.notice)}</span>" if workbench.store.notice else ""
        gr.Markdown(f"## 妇联年度报告起草\n{plain}{notice}", elem_id="rd-banner")
        with gr.Accordion("详情（给管理员）", open=False):
            gr.Markdown(P.esc(detail))
        with gr.Tabs() as ui.tabs:
            with gr.Tab("1 填写与提纲", id="form"):
                build_form_tab(ui)
            with gr.Tab("2 初稿与修改", id="draft", elem_id="rd-tab-draft"):
                build_draft_tab(ui)
            with gr.Tab("3 已保存的草稿", id="saved") as ui.saved_tab:
                build_saved_tab(ui)
        for wire in (wire_outline, wire_draft, wire_saved):
            wire(ui)

        def on_leave(request: gr.Request):  # the browser left: stop its model calls, close their connections
            workbench.running.cancel(session_of(request))

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
    ui.facts = gr.Textbox(label="本年度工作事实（每行一条）", lines=9, placeholder=PLACEHOLDER, max_length=100_000,
                          elem_id="rd-facts")
    with gr.Row(equal_height=True):
        ui.outline_btn = gr.Button("生成提纲", variant="primary", scale=0, elem_id="rd-outline")
        ui.new_btn = gr.Button("另起一份新草稿", scale=0, elem_id="rd-new")
        ui.outline_msg = note("rd-outline-msg")
    ui.outline_table = gr.Dataframe(headers=P.OUTLINE_HEADERS, interactive=False, wrap=True, max_height=420,
                                    label="提纲：每条事实放在哪一部分", elem_id="rd-outline-table")
    with gr.Row():
        ui.move_fact = gr.Dropdown([], label="把这条事实…", scale=3, elem_id="rd-move-fact")
        ui.move_to = gr.Dropdown([], label="…移到这一部分", scale=2, elem_id="rd-move-to")
        ui.move_btn, ui.move_msg = gr.Button("移动", scale=0, elem_id="rd-move"), note("rd-move-msg")
    with gr.Row():
        ui.rename_which, ui.rename_to = gr.Dropdown([], label="改名的部分", scale=2), gr.Textbox(label="新标题", scale=2)
        ui.rename_btn, ui.add_heading = gr.Button("改名", scale=0), gr.Textbox(label="新增部分的标题", scale=2)
        ui.add_btn = gr.Button("添加部分", scale=0)
    ui.previous = gr.Markdown(elem_id="rd-previous")
    ui.accepted = gr.CheckboxGroup([], label="把这些同比数据加入草稿（由工具计算，附公式和出处）", visible=False,
                                   elem_id="rd-compare")
    with gr.Accordion("导入本单位往年报告（可选）", open=False):
        ui.uploads = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf", ".html"],
                             label=f"往年报告（每个不超过 {ui.settings.max_upload_mb} MB）", elem_id="rd-uploads")
        ui.import_log = gr.Markdown(elem_id="rd-import-log")
    with gr.Row(equal_height=True):
        ui.write_btn = gr.Button("确认提纲，生成初稿", variant="primary", scale=0, elem_id="rd-write")
        ui.write_msg = note("rd-write-msg")
    ui.form = [ui.org, ui.short, ui.year, ui.kind, ui.addressee, ui.when, ui.period, ui.facts, ui.level, ui.body, ui.leader]
    ui.outline_outputs = [ui.draft, ui.profile, ui.outline_table, ui.move_fact, ui.move_to, ui.rename_which,
                          ui.previous, ui.accepted]


def outline_view(draft) -> tuple:
    """What tab 1 shows of a draft's outline, in the order of ui.outline_outputs."""
    choices, ticked = P.comparison_choices(draft)
    body = P.section_choices(draft)
    return (draft, P.profile_markdown(draft), P.outline_table(draft), gr.update(choices=P.fact_choices(draft), value=None),
            gr.update(choices=body, value=None), gr.update(choices=body, value=None), P.previous_markdown(draft),
            gr.update(choices=choices, value=ticked, visible=bool(choices)))


def wire_outline(ui) -> None:
    outputs = ui.outline_outputs
    for box in (ui.org, ui.level, ui.body, ui.leader):
        on(box.blur, lambda *fields: P.esc(ui.wb.profile_summary(*fields)) + "\n\n（生成提纲后显示全部判断）",
           [ui.org, ui.short, ui.addressee, ui.level, ui.body, ui.leader], [ui.profile], show_progress="hidden")

    def on_outline(org, short, year, kind, addressee, when, period, facts, level="", body="", leader="",
                   current=None, new=False, request: gr.Request = None):
        draft = ui.wb.outline(org, short, year, kind, addressee, when, period, facts, current=current, new=new,
                              owner=ui.owner(request) or "", level=level, body=body, leader_title=leader)
        same = current is not None and draft.id == current.id
        return *outline_view(draft), {}, "已更新提纲（仍是同一份草稿）。" if same else "已生成提纲，已自动保存。"

    def on_new(*args, request: gr.Request = None):
        return on_outline(*args, new=True, request=request)

    on(ui.outline_btn.click, on_outline, [*ui.form, ui.draft], [*outputs, ui.view, ui.outline_msg],
       api_name="on_outline", api_visibility=ui.api)
    on(ui.new_btn.click, on_new, [*ui.form, ui.draft], [*outputs, ui.view, ui.outline_msg])

    def outline_change(action):
        return lambda draft, *args: (*outline_view(S.outline_change(ui.wb, action, draft, *args)), "已更新提纲，已自动保存。")

    for btn, action, inputs in ((ui.move_btn, "move_fact", [ui.move_fact, ui.move_to]),
                                (ui.rename_btn, "rename_section", [ui.rename_which, ui.rename_to]),
                                (ui.add_btn, "add_section", [ui.add_heading])):
        on(btn.click, outline_change(action), [ui.draft, *inputs], [*outputs, ui.move_msg])

    def on_import(files, draft):  # last year's panel refreshes as soon as the import finishes
        lines = ui.wb.import_reports([Path(f) for f in files or []])
        shown = outline_view(ui.wb.refresh_previous(draft)) if draft is not None else [gr.skip()] * len(outputs)
        return *shown, "\n".join(f"- {P.esc(line)}" for line in lines)

    on(ui.uploads.upload, on_import, [ui.uploads, ui.draft], [*outputs, ui.import_log])


def build_draft_tab(ui) -> None:
    with gr.Row(equal_height=True):
        ui.progress = gr.Markdown(elem_id="rd-progress")
        ui.copy_all = gr.Button("复制全文", size="sm", scale=0, elem_id="rd-copy-all")
        ui.copy_all_f = gr.Button("复制全文（含【F】标记）", size="sm", scale=0, elem_id="rd-copy-all-f")
        ui.copy_msg = note("rd-copy-msg")
    ui.full = gr.Textbox(visible=False, elem_id="rd-full")

    @gr.render(inputs=[ui.draft, ui.view], concurrency_limit=1, concurrency_id="cards", show_progress="hidden")
    def cards(draft, view):  # one card per section, however many; one render at a time (Gradio's render is not re-entrant)
        if draft is None:
            gr.Markdown("还没有初稿：在第 1 步生成提纲，再点“确认提纲，生成初稿”。")
        for card in P.section_cards(draft, view):
            build_card(ui, card)

    with gr.Row(equal_height=True):
        ui.check_btn = gr.Button("运行检查", variant="primary", scale=0, elem_id="rd-check")
        ui.export_btn = gr.Button("导出 Word 和 Markdown", scale=0, elem_id="rd-export")
        ui.check_msg = note("rd-check-msg")
    ui.check_table = gr.Dataframe(headers=P.CHECK_HEADERS, interactive=False, wrap=True, visible=False,
                                  column_widths=["16%", "8%", "56%", "20%"], elem_id="rd-check-table")
    ui.targets, ui.jump = gr.State([]), gr.Textbox(visible=False)
    ui.downloads = gr.File(label="下载（不含【F】标记）", file_count="multiple", visible=False, interactive=False,
                           elem_id="rd-downloads")
    with gr.Accordion("读回在 Word/WPS 中改过的文件", open=False):
        ui.edited, ui.merge_log = gr.File(file_types=[".docx"], label="改过的 .docx"), gr.Markdown()


def build_card(ui, card) -> None:
    sid, state = card.id, [ui.draft, ui.view]
    small = {"size": "sm", "scale": 0, "min_width": 96}
    with gr.Column(variant="panel", elem_id=f"rd-card-{sid}", key=f"card-{sid}"):
        warning = f"\n\n<span class='rd-warn'>⚠ {card.warning}</span>" if card.warning else ""
        gr.Markdown(P.card_title(card) + warning, elem_id=f"rd-title-{sid}")
        with gr.Row():
            with gr.Column(scale=3):
                digest = hashlib.sha1(card.text.encode()).hexdigest()[:10]  # new text from the server: a new box
                text = gr.Textbox(card.text, show_label=False, lines=6, max_lines=30, interactive=True, key=f"text-{sid}-{digest}",
                                  elem_id=f"rd-text-{sid}")
                with gr.Row(equal_height=True):
                    save = gr.Button("保存修改", variant="primary", elem_id=f"rd-save-{sid}", **small)
                    undo = gr.Button("撤销到上一版", elem_id=f"rd-undo-{sid}", **small)
                    lock = gr.Checkbox(card.locked, label="锁定", interactive=True, key=f"lock-{sid}-{card.locked}", scale=0, min_width=80,
                                       container=False, elem_id=f"rd-lock-{sid}")
                    copy = gr.Button("复制本部分", elem_id=f"rd-copy-{sid}", **small)
                    copy_f = gr.Button("复制（含【F】标记）", elem_id=f"rd-copyf-{sid}", **small)
                with gr.Row(equal_height=True):
                    instruction = gr.Textbox(show_label=False, placeholder="修改要求，如：更简练、突出反家暴", scale=3, interactive=True,
                                             container=False, key=f"instr-{sid}", elem_id=f"rd-instr-{sid}")
                    regen = gr.Button("重新生成本部分", elem_id=f"rd-regen-{sid}", **small)
                    attempt = gr.Button("换用大模型的尝试稿", visible=card.has_attempt, elem_id=f"rd-attempt-{sid}", **small)
                beside = gr.Markdown(card.note, elem_classes="rd-note", elem_id=f"rd-note-{sid}")
            with gr.Column(scale=2):
                gr.Markdown(card.info, elem_id=f"rd-info-{sid}")
    for button, action, extra in ((save, "edit", [text]), (undo, "undo", []), (regen, "regenerate", [instruction]),
                                  (attempt, "use_attempt", [])):
        button.click(card_action(ui, action, sid), [*state, *extra], state, **QUIET)
    lock.input(card_action(ui, "lock", sid), [*state, lock], state, **QUIET)
    copy.click(None, [text], [beside], js="(t) => rdCopy(t, false)", **QUIET)
    copy_f.click(None, [text], [beside], js="(t) => rdCopy(t, true)", **QUIET)


def card_action(ui, action: str, sid: str):
    """A card's button: the answer (or the refusal) appears beside it; other cards stay as they are."""
    def run(draft, view, *args, request: gr.Request = None):
        with ui.wb.running.call(session_of(request)) as cancel:
            new, view = S.section_action(ui.wb, draft, view, sid, action, *args, cancel=cancel)
        return (gr.skip() if new is None else new), (gr.skip() if view is None else view)
    return run


def wire_draft(ui) -> None:
    ui.draft.change(lambda d: (P.full_text(d), P.totals(d)), [ui.draft], [ui.full, ui.progress], **QUIET)

    def on_write(draft, chosen, request: gr.Request = None):
        S.need(draft, "请先填写并生成提纲。")
        with ui.wb.running.call(session_of(request)) as cancel:
            if draft.previous.get("comparisons"):
                draft = ui.wb.accept(draft, list(chosen or []))
            yield draft, {}, "", gr.Tabs(selected="draft"), "正在起草……"
            shown = 0.0
            for event in ui.wb.write(draft, cancel=cancel):
                if event.kind == "finished":
                    yield event.draft, {}, P.full_text(event.draft), gr.skip(), "初稿完成，已自动保存。"
                elif event.kind in ("done", "text") and time.monotonic() - shown > 0.4:
                    shown, draft = time.monotonic(), ui.wb.with_text(draft, event.section_id, event.text)
                    yield draft, gr.skip(), gr.skip(), gr.skip(), "正在起草……"

    on(ui.write_btn.click, on_write, [ui.draft, ui.accepted], [ui.draft, ui.view, ui.full, ui.tabs, ui.write_msg],
       api_name="on_write", api_visibility=ui.api)
    for btn, markers in ((ui.copy_all, "false"), (ui.copy_all_f, "true")):
        btn.click(None, [ui.full], [ui.copy_msg], js=f"(t) => rdCopy(t, {markers})", **QUIET)

    def on_check(draft, view):
        rows, targets, findings, summary = P.check_view(S.need(draft), ui.wb.check(draft))
        return gr.update(value=rows, visible=True), targets, {**(view or {}), "findings": findings, "notes": {}}, summary

    on(ui.check_btn.click, on_check, [ui.draft, ui.view], [ui.check_table, ui.targets, ui.view, ui.check_msg])

    def on_pick(targets, event: gr.SelectData):  # a click in the checks table jumps to the section
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return targets[row] if 0 <= row < len(targets) and targets[row] else gr.skip()

    ui.check_table.select(on_pick, [ui.targets], [ui.jump], **QUIET).then(None, [ui.jump], None, js="(s) => rdJump(s)")

    def on_export(draft):
        paths = ui.wb.export(S.need(draft), ui.export_dir / draft.id)
        return gr.update(value=[str(p) for p in paths], visible=True), "已导出：请在下方下载 Word 和 Markdown 文件。"

    on(ui.export_btn.click, on_export, [ui.draft], [ui.downloads, ui.check_msg])

    def on_merge(draft, file):
        merged, changes = ui.wb.merge_docx(S.need(draft), Path(file))
        return merged, P.merge_log(changes)

    on(ui.edited.upload, on_merge, [ui.draft, ui.edited], [ui.draft, ui.merge_log])


def build_saved_tab(ui) -> None:
    with gr.Row(equal_height=True):
        ui.search = gr.Textbox(show_label=False, placeholder="按名称、单位或标题搜索", scale=3, elem_id="rd-search")
        ui.search_btn = gr.Button("搜索", scale=0, elem_id="rd-search-btn")
    ui.saved_table = gr.Dataframe(headers=P.SAVED_HEADERS, interactive=False, wrap=True, elem_id="rd-saved",
                                  column_widths=["40%", "22%", "8%", "16%", "14%"])
    with gr.Row(equal_height=True):
        ui.prev_btn = gr.Button("上一页", size="sm", scale=0, elem_id="rd-prev")
        ui.page_md = gr.Markdown(elem_id="rd-page")
        ui.next_btn = gr.Button("下一页", size="sm", scale=0, elem_id="rd-next")
    ui.saved_ids, ui.offset, ui.picked, ui.deleted = gr.State([]), gr.State(0), gr.State(""), gr.State("")
    ui.preview = gr.Markdown("在上面的列表中点一份草稿，这里显示它的概要。", elem_id="rd-preview")
    with gr.Row(equal_height=True):
        ui.open_btn = gr.Button("打开", variant="primary", scale=0, elem_id="rd-open")
        ui.new_name = gr.Textbox(show_label=False, placeholder="草稿的新名称", scale=2, elem_id="rd-new-name")
        ui.rename_saved = gr.Button("改名", scale=0, elem_id="rd-rename-saved")
        ui.delete_btn = gr.Button("删除", variant="stop", scale=0, elem_id="rd-delete")
        ui.restore_btn = gr.Button("撤销删除", scale=0, visible=False, elem_id="rd-restore")
        ui.saved_msg = note("rd-saved-msg")


def wire_saved(ui) -> None:
    page = [ui.saved_table, ui.saved_ids, ui.offset, ui.page_md]

    def listing(step=0):
        def run(query, offset, request: gr.Request = None):
            return S.saved_page(ui.wb, query, int(offset or 0) + step, ui.owner(request))
        return run

    for trigger, start, step in ((ui.search_btn.click, 0, 0), (ui.search.submit, 0, 0), (ui.saved_tab.select, None, 0),
                                 (ui.prev_btn.click, None, -P.PAGE), (ui.next_btn.click, None, P.PAGE)):
        on(trigger, listing(step), [ui.search, ui.offset if start is None else gr.State(0)], page)

    def on_pick(ids, event: gr.SelectData, request: gr.Request = None):
        return S.pick_saved(ui.wb, ids[event.index[0]], ui.owner(request))

    on(ui.saved_table.select, on_pick, [ui.saved_ids], [ui.picked, ui.preview, ui.new_name, ui.saved_msg])

    def on_open(draft_id, request: gr.Request = None):
        draft, values, message = S.open_saved(ui.wb, draft_id, ui.owner(request))
        return *values, *outline_view(draft), {}, gr.Tabs(selected="draft"), message, message

    on(ui.open_btn.click, on_open, [ui.picked],
       [*ui.form, *ui.outline_outputs, ui.view, ui.tabs, ui.write_msg, ui.saved_msg])

    def saved_action(action):
        def run(draft_id, name, query, offset, request: gr.Request = None):
            message = S.saved_action(ui.wb, action, draft_id, name, ui.owner(request))
            return (*S.saved_page(ui.wb, query, offset, ui.owner(request)), gr.update(visible=action == "delete"),
                    draft_id if action == "delete" else "", message)
        return run

    for btn, action, which in ((ui.rename_saved, "rename", ui.picked), (ui.delete_btn, "delete", ui.picked),
                               (ui.restore_btn, "restore", ui.deleted)):
        on(btn.click, saved_action(action), [which, ui.new_name, ui.search, ui.offset],
           [*page, ui.restore_btn, ui.deleted, ui.saved_msg])


def make_workbench(settings: Settings) -> Workbench:
    from drafting.output.store import DraftStore
    from drafting.shell.services import make_writer, open_index

    return Workbench(settings, open_index(settings), DraftStore(settings.db_path), make_writer(settings))


def launch_options(settings: Settings, logins: Logins) -> dict:
    """Offline and quiet: loopback unless configured, no footer links (no API page), our CSS and script."""
    return dict(server_name=settings.host, server_port=settings.port, auth=logins.check if logins else None,
                auth_message="请用管理员分配的账号登录。", show_error=False, css=CSS, head=HEAD, footer_links=[],
                max_file_size=f"{settings.max_upload_mb}mb")


def main() -> None:
    settings = Settings.from_env()
    logins = Logins.from_settings(settings.auth, settings.users_file)
    demo = build_app(settings, make_workbench(settings), logins)
    demo.queue(default_concurrency_limit=8).launch(**launch_options(settings, logins))


if __name__ == "__main__":
    main()
