"""The web interface: paste facts → outline → draft (streamed) → edit/regenerate → check → download.

Wiring only: every action is a drafting.workbench call; text from reports and users is shown as
text (escaped), never as HTML. Run: python app.py  (opens on http://127.0.0.1:7860).
"""

from __future__ import annotations

import html
import tempfile
import time
from pathlib import Path

from drafting.shell.serving import Pace, launch_options, queue_options
from drafting.shell.settings import Settings, apply_offline_env

apply_offline_env()

import gradio as gr  # noqa: E402  (after the offline switches)

from drafting.domain.roles import Kind  # noqa: E402
from drafting.domain.types import Draft  # noqa: E402
from drafting.errors import ReportDraftError  # noqa: E402
from drafting.output.render import section_heading  # noqa: E402
from drafting.plan.continuity import previous_lines  # noqa: E402
from drafting.shell.workbench import Workbench  # noqa: E402
from retrieval.errors import RetrievalError  # noqa: E402

SLOTS = 10
KIND_CHOICES = [(k.label, k.value) for k in Kind]
PLACEHOLDER = """每行一条本年度的工作事实，数字照实填写，例如：
- 全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次
- 开展会前学法16次，年度学法考试优秀率达到100%
- 受理妇女儿童信访案件43件，办结率100%
- 党组书记、主席带头讲授法治专题党课1次
- 偏远山区普法覆盖面还不够"""
CSS = """
.rd-flag { color: #b42318; }
mark { background: #fde68a; }
#rd-status { min-height: 1.5em; }
"""


def kind_label(key: str) -> str:
    try:
        return Kind(key).label
    except ValueError:
        return key


def esc(text: str) -> str:
    return html.escape(text or "", quote=False)


def friendly(fn):
    """Turn our named errors into a message; anything else into a short one — never a traceback."""
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (ReportDraftError, RetrievalError) as exc:
            raise gr.Error(str(exc)) from None
        except gr.Error:
            raise
        except Exception as exc:
            raise gr.Error(f"出错了（{type(exc).__name__}）：工作已自动保存，请重试；若反复出现请联系管理员。") from None
    wrapper.__name__ = fn.__name__
    return wrapper


def outline_rows(draft: Draft | None) -> list[list[str]]:
    if draft is None:
        return []
    where = {fid: s for s in draft.sections for fid in s.fact_ids}
    return [[f.id, f.text, f"{where[f.id].id} {section_heading(draft, where[f.id].id)}" if f.id in where else "（未分配）"]
            for f in draft.facts]


def section_choices(draft: Draft | None) -> list[tuple[str, str]]:
    if draft is None:
        return []
    return [(f"{s.id} {section_heading(draft, s.id) or '导语'}", s.id) for s in draft.sections]


def slot_markdown(draft: Draft, index: int, findings: dict | None) -> str:
    section = draft.sections[index]
    lines = []
    facts = "；".join(f"**{fid}** {esc(draft.fact(fid).text)}" for fid in section.fact_ids if draft.fact(fid))
    lines.append(f"**所用事实：** {facts or '无'}")
    if section.sources:
        lines.append("**参考范例：**")
        for src in section.sources:
            lines.append(f"<details><summary>《{esc(src.title)}》· {esc(src.heading or '导语')}</summary>\n\n"
                         f"{esc(src.text)}\n\n</details>")
    for flag in section.flags:
        lines.append(f"<span class='rd-flag'>⚠ {esc(flag)}</span>")
    for label, finding in (findings or {}).get(section.id, []):
        sentence = f"：<mark>{esc(finding.sentence)}</mark>" if finding.sentence else ""
        lines.append(f"<span class='rd-flag'>✗ {esc(label)}：{esc(finding.message)}</span>{sentence}")
    return "\n\n".join(lines)


def slot_updates(draft: Draft | None, findings: dict | None = None) -> list:
    """For every slot: accordion, text, sources/flags markdown, lock checkbox. Only the accordion
    gets a gr.update (its label and visibility change); the others get plain values, which Gradio
    postprocesses cheaply, where each gr.update builds a new component (see docs/BENCHMARKS.md)."""
    updates = []
    for i in range(SLOTS):
        if draft is None or i >= len(draft.sections):
            updates += [gr.update(visible=False), "", "", False]
            continue
        section = draft.sections[i]
        label = section_heading(draft, section.id) or "导语（开头）"
        mark = " 🔒" if section.locked else ""
        bad = " ✗" if findings and findings.get(section.id) else ""
        updates += [gr.update(visible=True, label=f"{label}{mark}{bad}"), section.text,
                    slot_markdown(draft, i, findings), section.locked]
    return updates


def build_app(settings: Settings, workbench: Workbench) -> gr.Blocks:
    export_dir = Path(tempfile.mkdtemp(prefix="reportdraft-export-"))

    with gr.Blocks(title="妇联报告起草") as demo:
        draft_state = gr.State(None)
        gr.Markdown(f"## 妇联年度报告起草\n{esc(settings.backend_notice())}"
                    + (f"\n\n<span class='rd-flag'>{esc(workbench.store.notice)}</span>" if workbench.store.notice else ""))
        status = gr.Markdown("", elem_id="rd-status")
        with gr.Tab("1 填写与提纲"):
            with gr.Row():
                org = gr.Textbox(label="单位全称", placeholder="某某县妇女联合会", elem_id="rd-org")
                short = gr.Textbox(label="自称", placeholder="县妇联", elem_id="rd-short")
                year = gr.Number(label="报告年份", value=time.localtime().tm_year - 1, precision=0, elem_id="rd-year")
                kind = gr.Dropdown(KIND_CHOICES, value="fazhi", label="报告类型", elem_id="rd-kind")
            with gr.Row():
                addressee = gr.Textbox(label="主送机关", placeholder="县委、县政府：", elem_id="rd-addressee")
                when = gr.Textbox(label="成文日期", placeholder="2025-01-20（留空为今天）", elem_id="rd-date")
                period = gr.Radio([("全年", "annual"), ("上半年", "half")], value="annual", label="总结期间（工作总结用）")
            facts = gr.Textbox(label="本年度工作事实（每行一条）", lines=10, placeholder=PLACEHOLDER,
                               max_length=100_000, elem_id="rd-facts")
            outline_btn = gr.Button("生成提纲", variant="primary", elem_id="rd-outline")
            warnings = gr.Markdown()
            outline_table = gr.Dataframe(headers=["事实", "内容", "所属部分"], interactive=False, wrap=True,
                                         label="提纲：每条事实放在哪一部分", elem_id="rd-outline-table")
            with gr.Row():
                move_fact = gr.Dropdown([], label="把事实…")
                move_to = gr.Dropdown([], label="…移到部分")
                move_btn = gr.Button("移动")
            with gr.Row():
                rename_which = gr.Dropdown([], label="改名的部分")
                rename_to = gr.Textbox(label="新标题")
                rename_btn = gr.Button("改名")
                add_heading = gr.Textbox(label="新增部分的标题")
                add_btn = gr.Button("添加部分")
            previous_md = gr.Markdown(elem_id="rd-previous")
            accepted = gr.CheckboxGroup([], label="把这些同比数据加入草稿（由工具计算，附公式和出处）",
                                        visible=False, elem_id="rd-compare")
            with gr.Accordion("导入本单位往年报告（可选）", open=False):
                uploads = gr.File(file_count="multiple", file_types=[".txt", ".md", ".docx", ".pdf", ".html"],
                                  label=f"往年报告（每个不超过 {settings.max_upload_mb} MB）")
                import_btn = gr.Button("导入到范例库")
                import_log = gr.Markdown()
            write_btn = gr.Button("确认提纲，生成初稿", variant="primary", elem_id="rd-write")
        with gr.Tab("2 初稿与修改", elem_id="rd-tab-draft"):
            progress = gr.Markdown(elem_id="rd-progress")
            slots = []
            for i in range(SLOTS):
                with gr.Accordion(f"部分 {i}", visible=False, open=True, elem_id=f"rd-slot-{i}") as acc:
                    with gr.Row():
                        with gr.Column(scale=3):
                            text = gr.Textbox(show_label=False, lines=6, elem_id=f"rd-text-{i}")
                            with gr.Row():
                                save_btn = gr.Button("保存修改", size="sm", elem_id=f"rd-save-{i}")
                                undo_btn = gr.Button("撤销到上一版", size="sm", elem_id=f"rd-undo-{i}")
                                lock = gr.Checkbox(label="锁定", elem_id=f"rd-lock-{i}")
                            with gr.Row():
                                instruction = gr.Textbox(show_label=False, placeholder="修改要求，如：更简练、突出反家暴",
                                                         scale=3, elem_id=f"rd-instr-{i}")
                                regen_btn = gr.Button("重新生成本部分", size="sm", scale=1, elem_id=f"rd-regen-{i}")
                        with gr.Column(scale=2):
                            info = gr.Markdown(elem_id=f"rd-info-{i}")
                slots.append((acc, text, info, lock, save_btn, undo_btn, regen_btn, instruction))
            slot_outputs = [c for acc, text, info, lock, *_ in slots for c in (acc, text, info, lock)]
            with gr.Row():
                check_btn = gr.Button("运行检查", variant="primary", elem_id="rd-check")
                export_btn = gr.Button("导出 Word 和 Markdown", elem_id="rd-export")
            check_table = gr.Dataframe(headers=["检查", "结果", "说明"], interactive=False, wrap=True,
                                       elem_id="rd-check-table")
            downloads = gr.File(label="下载", file_count="multiple", elem_id="rd-downloads")
            with gr.Accordion("读回在 Word/WPS 中改过的文件", open=False):
                edited = gr.File(file_types=[".docx"], label="改过的 .docx")
                merge_btn = gr.Button("读回并检查")
                merge_log = gr.Markdown()
        with gr.Tab("3 已保存的草稿"):
            saved = gr.Dropdown([], label="草稿（单位 · 类型 · 年份 · 保存时间）", elem_id="rd-saved")
            with gr.Row():
                refresh_btn = gr.Button("刷新列表")
                open_btn = gr.Button("打开", variant="primary")

        def outline_view(draft: Draft):
            fact_ids = [f.id for f in draft.facts]
            choices = section_choices(draft)
            body = [c for c in choices if not c[1] == draft.sections[0].id]
            warn = "\n".join(f"- ⚠ {esc(w)}" for w in draft.warnings) or "（事实检查：未发现问题）"
            offers = draft.previous.get("comparisons", [])
            chosen = [int(f.derived.get("offer", -1)) for f in draft.facts if f.derived]
            return (draft, warn, outline_rows(draft), gr.update(choices=fact_ids, value=None),
                    gr.update(choices=body, value=None), gr.update(choices=body, value=None),
                    "\n\n".join(esc(line) for line in previous_lines(draft)),
                    gr.update(choices=[(f"{o['fact_id']} {o['subject']}{o['text']}（{o['formula']}）", i)
                                       for i, o in enumerate(offers)], value=[c for c in chosen if c >= 0],
                              visible=bool(offers)))

        outline_outputs = [draft_state, warnings, outline_table, move_fact, move_to, rename_which,
                           previous_md, accepted]

        @friendly
        def on_outline(org_v, short_v, year_v, kind_v, addr_v, when_v, period_v, facts_v):
            draft = workbench.outline(org_v, short_v, year_v, kind_v, addr_v, when_v, period_v, facts_v)
            return outline_view(draft)

        outline_btn.click(on_outline, [org, short, year, kind, addressee, when, period, facts], outline_outputs)

        @friendly
        def on_move(draft, fact_id, section_id):
            if draft is None or not fact_id or not section_id:
                raise gr.Error("请先生成提纲，再选择事实和目标部分。")
            return outline_view(workbench.move_fact(draft, fact_id, section_id))

        move_btn.click(on_move, [draft_state, move_fact, move_to], outline_outputs)

        @friendly
        def on_rename(draft, section_id, heading):
            if draft is None or not section_id:
                raise gr.Error("请先选择要改名的部分。")
            return outline_view(workbench.rename_section(draft, section_id, heading))

        rename_btn.click(on_rename, [draft_state, rename_which, rename_to], outline_outputs)

        @friendly
        def on_add(draft, heading):
            if draft is None:
                raise gr.Error("请先生成提纲。")
            return outline_view(workbench.add_section(draft, heading))

        add_btn.click(on_add, [draft_state, add_heading], outline_outputs)

        @friendly
        def on_import(files):
            if not files:
                raise gr.Error("请先选择要导入的报告文件。")
            return "\n".join(f"- {esc(line)}" for line in workbench.import_reports([Path(f) for f in files]))

        import_btn.click(on_import, [uploads], [import_log])

        def on_write(draft, chosen):
            if draft is None:
                raise gr.Error("请先填写并生成提纲。")
            if draft.previous.get("comparisons"):
                draft = workbench.accept(draft, list(chosen or []))
            writer = getattr(workbench.writer, "label", "离线起草")
            total = len(draft.sections)
            done: set[str] = set()
            current = draft
            pace = Pace()
            yield (f"正在起草（{esc(writer)}）：0 / {total}", current, *slot_updates(current))
            try:
                for event in workbench.write(draft):
                    if event.kind == "finished":
                        current = event.draft
                    elif event.kind in ("done", "text"):
                        current = _with_text(current, event.section_id, event.text)
                        if event.kind == "done":
                            done.add(event.section_id)
                    if not pace.due(event.kind):
                        continue  # a page update costs more than writing a section offline
                    yield (f"正在起草（{esc(writer)}）：{len(done)} / {total}" if event.kind != "finished"
                           else f"初稿完成（{esc(writer)}），已自动保存。", current, *slot_updates(current))
            except (ReportDraftError, RetrievalError) as exc:
                raise gr.Error(str(exc)) from None

        write_btn.click(on_write, [draft_state, accepted], [progress, draft_state, *slot_outputs])

        for i, (_acc, text, _info, lock, save_btn, undo_btn, regen_btn, instruction) in enumerate(slots):
            def section_id(draft, i=i):
                if draft is None or i >= len(draft.sections):
                    raise gr.Error("没有这一部分：请先生成初稿。")
                return draft.sections[i].id

            @friendly
            def on_save(draft, value, i=i):
                draft = workbench.edit(draft, section_id(draft, i), value)
                return draft, "已保存修改。", *slot_updates(draft)

            @friendly
            def on_undo(draft, i=i):
                draft = workbench.undo(draft, section_id(draft, i))
                return draft, "已撤销到上一版。", *slot_updates(draft)

            @friendly
            def on_lock(draft, locked, i=i):
                if draft is None or i >= len(draft.sections) or draft.sections[i].locked == locked:
                    return draft, gr.update(), *[gr.update()] * len(slot_outputs)
                draft = workbench.lock(draft, section_id(draft, i), locked)
                return draft, ("已锁定。" if locked else "已解锁。"), *slot_updates(draft)

            @friendly
            def on_regen(draft, instruction_v, i=i):
                note = ""
                if instruction_v.strip() and not settings.llm_configured:
                    note = "（未配置大模型：修改要求需要大模型才能执行，已换用其他范例重新生成）"
                draft = workbench.regenerate(draft, section_id(draft, i), instruction_v)
                return draft, f"已重新生成本部分{note}。", *slot_updates(draft)

            save_btn.click(on_save, [draft_state, text], [draft_state, status, *slot_outputs])
            undo_btn.click(on_undo, [draft_state], [draft_state, status, *slot_outputs])
            lock.input(on_lock, [draft_state, lock], [draft_state, status, *slot_outputs])
            regen_btn.click(on_regen, [draft_state, instruction], [draft_state, status, *slot_outputs])

        @friendly
        def on_check(draft):
            if draft is None:
                raise gr.Error("请先生成初稿。")
            from drafting.review import findings_by_section

            results = workbench.check(draft)
            rows = [[r.label, "通过" if r.passed else "未通过",
                     "；".join(f.message for f in r.findings[:5]) + ("…" if len(r.findings) > 5 else "")]
                    for r in results]
            passed = sum(r.passed for r in results)
            return (rows, f"检查完成：{passed} / {len(results)} 项通过。",
                    *slot_updates(draft, findings_by_section(results)))

        check_btn.click(on_check, [draft_state], [check_table, status, *slot_outputs])

        @friendly
        def on_export(draft):
            if draft is None:
                raise gr.Error("请先生成初稿。")
            docx_path, md_path = workbench.export(draft, export_dir / draft.id)
            return [str(docx_path), str(md_path)], "已导出，请在下方下载。"

        export_btn.click(on_export, [draft_state], [downloads, status])

        @friendly
        def on_merge(draft, file):
            if draft is None or not file:
                raise gr.Error("请先打开草稿并选择改过的 .docx 文件。")
            merged, changes = workbench.merge_docx(draft, Path(file))
            log = ["**改动：**"] + [f"- {esc(c.heading)}：" + esc("；".join(c.diff[:6])) for c in changes] \
                if changes else ["文件与草稿一致，没有改动。"]
            return merged, "\n".join(log), *slot_updates(merged)

        merge_btn.click(on_merge, [draft_state, edited], [draft_state, merge_log, *slot_outputs])

        def saved_choices():
            rows = workbench.store.list()
            return gr.update(choices=[(f"{r.org} · {kind_label(r.report_type)} · {r.year} · "
                                       f"{time.strftime('%m-%d %H:%M', time.localtime(r.updated))}", r.id)
                                      for r in rows])

        refresh_btn.click(saved_choices, [], [saved])
        demo.load(saved_choices, [], [saved])

        @friendly
        def on_open(draft_id):
            if not draft_id:
                raise gr.Error("请先选择一份草稿。")
            draft = workbench.store.load(draft_id)
            return (*outline_view(draft), f"已打开：{esc(draft.meta.title)}", *slot_updates(draft))

        open_btn.click(on_open, [saved], [*outline_outputs, status, *slot_outputs])
    return demo


def _with_text(draft: Draft, section_id: str, text: str) -> Draft:
    from dataclasses import replace

    return replace(draft, sections=[replace(s, text=text) if s.id == section_id else s for s in draft.sections])


def make_workbench(settings: Settings) -> Workbench:
    from drafting.shell.services import make_writer, open_index, open_store

    return Workbench(settings, open_index(settings), open_store(settings), make_writer(settings))


def main() -> None:
    try:
        settings = Settings.from_env()
        workbench = make_workbench(settings)
    except (ReportDraftError, RetrievalError) as exc:  # a wrong setting or an absent database: one line
        raise SystemExit(f"错误：{exc}") from None
    demo = build_app(settings, workbench)
    demo.queue(**queue_options(settings)).launch(**launch_options(settings, CSS))


if __name__ == "__main__":
    main()
