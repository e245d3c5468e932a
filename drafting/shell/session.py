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

from . import present as P
from . import saved_view
from .form import Form
from .workbench import Workbench

NOTES = {"undo": "已撤销到上一版。", "use_attempt": "已换用（再点一次换回）。"}
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
            return wb.lock(draft, sid, bool(arg)), P.with_note(view, sid, "已锁定。" if arg else "已解锁。")
        if action == "regenerate":
            new = wb.regenerate(draft, sid, arg or "", cancel=cancel)
            note = P.regen_note(wb.settings.llm_configured, arg or "", section.text, new.section(sid).text)
        elif action == "edit":
            new, note = wb.edit(draft, sid, arg or ""), P.save_note(arg or "")
        else:
            new, note = getattr(wb, action)(draft, sid), NOTES[action]
        return new, P.with_note(view, sid, kept_note(wb, new) or note, clear_findings=True)
    except Exception as exc:  # the refusal is the card's note; the draft stays as it is
        if action == "edit":  # and the user's text stays in the box, marked unsaved
            return None, with_unsaved(view, sid, arg or "", refusal(exc))
        return None, P.with_note(view, sid, refusal(exc))


KEPT = "⚠ 数据库暂时无法连接：这次修改已暂存在应用的内存中，数据库恢复后自动保存（在此之前请勿重启应用）。"


def kept_note(wb: Workbench, draft: Draft) -> str:
    """KEPT while a save of this draft waits in memory for the database; '' once it is written."""
    return KEPT if wb.store.kept(draft.id) is not None else ""


UNSAVED = "您改的文字仍在框中，但没有保存（标题旁标着“未保存”）：处理好上面的问题后，再点“保存修改”。"


def with_unsaved(view: dict | None, sid: str, text: str, refused: str) -> dict:
    """A save was refused: the card keeps the user's text in its box, marked unsaved, and says so
    (the next change that succeeds on that section shows the draft's text again)."""
    view = P.with_note(view, sid, f"{refused}<br>{UNSAVED}")
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


def outline_change(wb: Workbench, action: str, draft: Draft | None, *args) -> Draft:
    """move_fact / rename_section / add_section, after checking the user chose what is needed."""
    if draft is None:
        raise InputError("请先填写并生成提纲。")
    if not all(args):
        raise InputError("请先选择要移动的事实和目标部分。" if action == "move_fact" else "请先选择部分并填写标题。")
    return getattr(wb, action)(draft, *args)


def saved_page(wb: Workbench, query: str, offset, owner: str | None) -> tuple[list, list[str], int, str]:
    """(table rows, their draft ids, the offset shown, 第 1–20 份，共 N 份)."""
    offset = max(0, int(offset or 0))
    rows, total = wb.saved(query, offset, P.PAGE, owner)
    if not rows and offset:  # past the end (after a delete): the last page
        offset = max(0, (total - 1) // P.PAGE * P.PAGE)
        rows, total = wb.saved(query, offset, P.PAGE, owner)
    return saved_view.saved_rows(rows), [r.id for r in rows], offset, saved_view.page_label(offset, len(rows), total, query)


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
    """生成提纲 (again): the outline and what happened to the saved draft."""
    draft = wb.outline(form, current=current, new=new, owner=owner)
    same = current is not None and draft.id == current.id
    return draft, "已更新提纲（仍是同一份草稿）。" if same else "已生成提纲，已自动保存。"


def write(wb: Workbench, draft: Draft | None, chosen, cancel: threading.Event | None = None,
          every: float = 0.4) -> Iterator[tuple[Draft, bool]]:
    """(draft so far, finished) while the sections are written: streamed text a few times a second."""
    draft = wb.accept(need(draft, "请先填写并生成提纲。"), list(chosen or []))
    yield draft, False
    shown = 0.0
    for event in wb.write(draft, cancel=cancel):
        if event.kind is EventKind.FINISHED:
            yield event.draft, True
        elif event.kind in (EventKind.DONE, EventKind.TEXT) and time.monotonic() - shown > every:
            shown, draft = time.monotonic(), wb.with_text(draft, event.section_id, event.text)
            yield draft, False


def write_steps(wb: Workbench, draft: Draft | None, chosen, cancel: threading.Event | None = None):
    """What the page shows while drafting: (draft, view, full text, first step, message); None leaves a
    part as it is. A failure is the last step's message (the sections written so far are kept)."""
    try:
        for n, (current, done) in enumerate(write(wb, draft, chosen, cancel)):
            yield (current, {} if done or not n else None, P.full_text(current) if done else None, n == 0,
                   "初稿完成，已自动保存。" if done else "正在起草……")
    except Exception as exc:  # shown beside the button
        yield None, None, None, False, refusal(exc)


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


def merge(wb: Workbench, draft: Draft | None, file) -> tuple[Draft, dict, str]:
    """A Word file edited in Word/WPS read back: (the merged draft, a fresh view, what changed)."""
    merged, changes = wb.merge_docx(need(draft), Path(file))
    return merged, {}, merge_log(changes)
