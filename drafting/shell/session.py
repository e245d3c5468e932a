"""What one browser session does, as plain functions the app binds to its buttons.

Each takes the session's draft (and view: notes beside cards, check findings) and returns what
changed and the message to show beside the button pressed. A refusal (a locked section, no draft
yet, a year out of range…) is such a message, never an exception over the page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

from drafting.domain.types import Draft
from drafting.errors import InputError, ReportDraftError
from drafting.write.events import EventKind
from retrieval.errors import RetrievalError

from . import cards as C
from . import present as P
from . import saved_view
from .form import Form
from .workbench import Workbench

NOTES = {"undo": "已撤销到上一版（再点一次继续往前撤销）。", "use_attempt": "已换用（再点一次换回）。"}
PROFILE = ["org", "short", "addressee", "level", "body", "leader"]
"""The fields of the form the organisation profile is read from."""


def merge_log(changes) -> str:
    """What changed in a Word file edited in Word/WPS, per section."""
    if not changes:
        return "文件与草稿一致，没有改动。"
    return "**改动：**\n" + "\n".join(f"- {P.esc(c.heading)}：" + P.esc("；".join(c.diff[:6])) for c in changes)


def check_target(targets: list[str], index) -> str:
    """The section a clicked row of the checks table points to ('' for none)."""
    row = index[0] if isinstance(index, list | tuple) else index
    return targets[row] if isinstance(row, int) and 0 <= row < len(targets) else ""


def refusal(exc: Exception) -> str:
    """The message for an action that could not be done (red, beside the button); never claims
    anything was saved."""
    if isinstance(exc, ReportDraftError | RetrievalError):
        text = f"⚠ {exc}"
    else:
        text = f"⚠ 出错了（{type(exc).__name__}）：这一步没有完成，也没有保存，请重试；反复出现请联系管理员。"
    return f"<span class='rd-refusal'>{P.esc(text)}</span>"


def section_action(wb: Workbench, draft: Draft | None, view: dict | None, sid: str, action: str, arg=None,
                   cancel: threading.Event | None = None) -> tuple[Draft | None, dict | None]:
    """edit / undo / lock / regenerate / use_attempt on one section: (the new draft or None when
    nothing changed, the view with the answer beside that section's card)."""
    try:
        section = draft.section(sid) if draft is not None else None
        if section is None:
            raise InputError("这份草稿里没有这一部分：请先生成初稿。")
        if action == "lock":
            if section.locked == bool(arg):
                return None, None
            return wb.lock(draft, sid, bool(arg)), C.with_note(view, sid, "已锁定。" if arg else "已解锁。")
        if action == "regenerate":
            new = wb.regenerate(draft, sid, arg or "", cancel=cancel)
            note = C.regen_note(wb.settings.llm_configured, arg or "", section.text, new.section(sid).text)
        elif action == "edit":
            new, note = wb.edit(draft, sid, arg or ""), C.save_note(arg or "")
        else:
            new, note = getattr(wb, action)(draft, sid), NOTES[action]
        return new, C.with_note(view, sid, kept_note(wb, new) or note, clear_findings=True)
    except Exception as exc:  # the refusal is the card's note; the draft stays as it is
        if action == "edit":  # and the user's text stays in the box, marked unsaved
            return None, with_unsaved(view, sid, arg or "", refusal(exc))
        return None, C.with_note(view, sid, refusal(exc))


KEPT = "⚠ 数据库暂时无法连接：这次修改已暂存在应用的内存中，数据库恢复后自动保存（在此之前请勿重启应用）。"


def kept_note(wb: Workbench, draft: Draft) -> str:
    """KEPT while a save of this draft waits in memory for the database; '' once it is written."""
    return KEPT if wb.store.kept(draft.id) is not None else ""


UNSAVED = "您改的文字仍在框中，但没有保存（标题旁标着“未保存”）：处理好上面的问题后，再点“保存修改”。"


def with_unsaved(view: dict | None, sid: str, text: str, refused: str) -> dict:
    """A save was refused: the card keeps the user's text in its box, marked unsaved, and says so
    (the next change that succeeds on that section shows the draft's text again)."""
    view = C.with_note(view, sid, f"{refused}<br>{UNSAVED}")
    return {**view, "unsaved": {**view.get("unsaved", {}), sid: text}}


def section_id(draft: Draft | None, number) -> str:
    """The id of the section at position `number` (0: the preamble); '' when there is none."""
    n = int(number or 0)
    return draft.sections[n].id if draft is not None and 0 <= n < len(draft.sections) else ""


def need(draft: Draft | None, message: str = "请先生成初稿。") -> Draft:
    """The session's draft, or a refusal saying what to do first."""
    if draft is None:
        raise InputError(message)
    return draft


ASK_FIRST = {"move_fact": "请先选择要移动的事实和目标部分。", "rename_section": "请先选择部分并填写新标题。",
             "add_section": "请先填写新部分的标题。", "delete_section": "请先选择要删除的部分。"}
DONE = {"move_fact": "已移动，已自动保存。", "rename_section": "已改名，已自动保存。",
        "put_back": "未写入的事实已放回第一个工作部分的末尾，已自动保存；可以再移到合适的部分。",
        "add_section": "已添加，已自动保存。",
        "delete_section": "已删除这一部分（其中的事实现在不在任何部分，可以移到别处）。点“撤销上一步”可以恢复。"}


def outline_change(wb: Workbench, action: str, draft: Draft | None, *args) -> Draft:
    """move_fact / rename_section / add_section / delete_section, after checking the user chose what is needed."""
    if draft is None:
        raise InputError("请先填写并生成提纲。")
    if not all(args):
        raise InputError(ASK_FIRST[action])
    return getattr(wb, action)(draft, *args)


def undo_step(wb: Workbench, draft: Draft | None) -> tuple[Draft, str]:
    """撤销上一步: the draft as it was before its last action, and what was undone."""
    draft, undone, before = wb.undo_step(need(draft, "还没有草稿：没有可以撤销的步骤。"))
    return draft, P.undo_note(undone, before)


def saved_page(wb: Workbench, query: str, offset, owner: str | None) -> tuple[list, list[str], int, str]:
    """(table rows, their draft ids, the offset shown, 第 1–20 份，共 N 份)."""
    offset = max(0, int(offset or 0))
    rows, total = wb.saved(query, offset, P.PAGE, owner)
    if not rows and offset:  # past the end (after a delete): the last page
        offset = max(0, (total - 1) // P.PAGE * P.PAGE)
        rows, total = wb.saved(query, offset, P.PAGE, owner)
    label = saved_view.page_label(offset, len(rows), total, query)
    return saved_view.saved_rows(rows), [r.id for r in rows], offset, label


def saved_action(wb: Workbench, action: str, draft_id: str, name: str, owner: str | None) -> str:
    """rename / delete / restore a saved draft; the message to show."""
    if not draft_id:
        raise InputError("请先在列表中点选一份草稿。")
    if action == "rename":
        return f"已改名为“{P.esc(wb.rename_saved(draft_id, name, owner))}”。"
    if action == "delete":
        wb.delete_saved(draft_id, owner)
        return "已删除。点“撤销删除”可以恢复。"
    wb.restore_saved(draft_id, owner)
    return "已恢复。"


def pick_saved(wb: Workbench, draft_id: str, owner: str | None) -> tuple[str, str, str, str]:
    """A row clicked in the saved list: (its id, a preview, its name for the rename box, no message)."""
    name = wb.store.row(draft_id).name if wb.store.row(draft_id) else ""
    return draft_id, saved_view.preview(wb.open(draft_id, owner), name), name, ""


def open_saved(wb: Workbench, draft_id: str, owner: str | None) -> tuple[Draft, Form, str]:
    """(the draft, the tab-1 form as it was when the draft was made, the message)."""
    if not draft_id:
        raise InputError("请先在列表中点选一份草稿。")
    draft = wb.open(draft_id, owner)
    return draft, Form.of(draft), f"已打开：{P.esc(draft.meta.title)}"


def profile_note(wb: Workbench, form: Form) -> str:
    """The profile as the name is typed, before the outline shows every decision."""
    return P.esc(wb.profile_summary(form)) + "\n\n（生成提纲后显示全部判断）"


def outline(wb: Workbench, form: Form, current: Draft | None = None, new: bool = False,
            owner: str = "") -> tuple[Draft, str]:
    """生成提纲 (again): the outline and what happened to the saved draft — on the same draft,
    everything the user did is kept and what changed in the facts is listed."""
    done = wb.reoutline(form, current=current, new=new, owner=owner)
    draft = done.draft
    if current is None or new:
        return draft, "已生成提纲，已自动保存。"
    if draft.id != current.id:
        return draft, "年份或报告类型变了，这是另一份报告：已另起一份新草稿（原来的草稿仍在“已保存的草稿”里）。"
    return draft, ("已更新提纲（仍是同一份草稿）：您的移动、改名、添加、锁定和已写的文字都保留。\n\n"
                   + P.change_lines(draft, done.changes))


def written(draft: Draft | None) -> bool:
    """Whether any section has text (生成初稿 then asks before writing over it)."""
    return draft is not None and any(s.text.strip() for s in draft.sections)


def ask_redraft(draft: Draft) -> str:
    """What 生成初稿 says on a draft already written, instead of writing over the user's work."""
    _, ticked, which = P.redraft_choices(draft)
    edited = [P.heading_of(draft, s.id) for s in draft.sections if s.edited]
    hand = f"其中“{'”“'.join(edited[:4])}”{'等' if len(edited) > 4 else ''}是您手改过的。" if edited else ""
    return (f"这份草稿已经起草过，{hand}重新起草会替换所选部分的文字（可以撤销）：下面已勾选{which}"
            f"（{len(ticked)} 个部分），点“按勾选重新起草”；或点“全部重新起草”（锁定的部分除外）。")


def write(wb: Workbench, draft: Draft | None, chosen, cancel: threading.Event | None = None,
          every: float = 0.4, only: frozenset[str] | None = None) -> Iterator[tuple[Draft, bool]]:
    """(draft so far, finished) while the sections (all, or those of `only`) are written: streamed
    text a few times a second."""
    draft = wb.accept(need(draft, "请先填写并生成提纲。"), list(chosen or []))
    if only is not None and not only:
        raise InputError("没有勾选要重新起草的部分：请勾选，或点“全部重新起草”。")
    yield draft, False
    shown = 0.0
    for event in wb.write(draft, cancel=cancel, only=only):
        if event.kind is EventKind.FINISHED:
            yield event.draft, True
        elif event.kind in (EventKind.DONE, EventKind.TEXT) and time.monotonic() - shown > every:
            shown, draft = time.monotonic(), wb.with_text(draft, event.section_id, event.text)
            yield draft, False


def write_steps(wb: Workbench, draft: Draft | None, chosen, cancel: threading.Event | None = None,
                only: frozenset[str] | None = None):
    """What the page shows while drafting: (draft, view, full text, first step, message); None leaves a
    part as it is. A failure is the last step's message (the sections written so far are kept)."""
    try:
        for n, (current, done) in enumerate(write(wb, draft, chosen, cancel, only=only)):
            yield (current, {} if done or not n else None, C.full_text(current) if done else None, n == 0,
                   (finished(only) if done else "正在起草……"))
    except Exception as exc:  # shown beside the button
        yield None, None, None, False, refusal(exc)


def finished(only: frozenset[str] | None) -> str:
    if only is None:
        return "初稿完成，已自动保存。"
    return f"已重新起草所选的 {len(only)} 个部分，其余保持不变；已自动保存（点“撤销上一步”可以恢复）。"


def check(wb: Workbench, draft: Draft | None, view: dict | None) -> tuple[list, list[str], dict, str]:
    """(table rows, the section of each row, the view with findings on the cards, the summary)."""
    rows, targets, findings, summary = P.check_view(need(draft), wb.check(draft))
    return rows, targets, {**(view or {}), "findings": findings, "notes": {}}, summary


def import_files(wb: Workbench, files, draft: Draft | None, owner: str = "") -> tuple[Draft | None, str]:
    """Import the user's earlier reports (for `owner`'s drafts only, '' shared); the draft's
    last-year panel looked up again at once."""
    lines = wb.import_reports([Path(f) for f in files or []], owner)
    return (wb.refresh_previous(draft) if draft is not None else None), "\n".join(f"- {P.esc(x)}" for x in lines)


def export(wb: Workbench, draft: Draft | None, directory: Path) -> tuple[list[str], str]:
    paths = wb.export(need(draft), directory / draft.id)
    return [str(p) for p in paths], "已导出：请在下方下载 Word 和 Markdown 文件。"


def merge(wb: Workbench, draft: Draft | None, file) -> tuple[Draft, dict, list, list[str], str, str]:
    """A Word file edited in Word/WPS read back, and the checks run again on it: (the merged draft,
    the view with their findings, the checks table, its rows' sections, the summary, what changed)."""
    merged, changes = wb.merge_docx(need(draft), Path(file))
    rows, targets, view, summary = check(wb, merged, {})
    return merged, view, rows, targets, f"读回 Word 文件后重新检查：{summary}", merge_log(changes)
