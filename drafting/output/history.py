"""撤销, two ways: the whole draft one step back, and one section one version back.

Every action that changes a draft is one step (the draft as it stood after it, in `steps`); 撤销上一步
takes the draft back to the step before the last one and marks that one undone, so a second 撤销
goes one further back. The next action drops the undone steps (nothing to redo: the user went on).

A section's text and heading also have versions (`versions`, one per change). 撤销到上一版 on a
card walks back through them: a version whose reason is `back:k` takes the section back to version
k, and what came after k is off its stack, so pressing again goes further back instead of returning
to the text just undone. Functions here run inside the store's transaction, on its connection.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.domain.types import Draft
from drafting.errors import DraftingError

KEEP_STEPS = 200
"""Steps kept per draft; older ones go (撤销 reaches 199 actions back)."""
BACK = "back:"
HAND = ("edit", "docx")
"""Reasons of versions whose text the user wrote (a save, a Word file read back)."""
LATEST = ("SELECT v.section_id, v.version, v.text, v.heading FROM versions v JOIN "
          "(SELECT section_id, MAX(version) AS top FROM versions WHERE draft_id=? GROUP BY section_id) m "
          "ON v.section_id = m.section_id AND v.version = m.top WHERE v.draft_id=?")
"""The latest version of every section of a draft, in one statement (a save used to ask per section)."""
STEPS_TABLE = """CREATE TABLE IF NOT EXISTS steps (
    draft_id TEXT, step INTEGER, body TEXT, reason TEXT, created {real}, undone {real},
    PRIMARY KEY (draft_id, step))"""


@dataclass(frozen=True)
class Version:
    number: int
    heading: str
    text: str
    reason: str


def versions_of(db, draft_id: str, section_id: str) -> list[Version]:
    """A section's versions, oldest first."""
    rows = db.execute("SELECT version, heading, text, reason FROM versions WHERE draft_id=? AND section_id=? "
                      "ORDER BY version", (draft_id, section_id)).fetchall()
    return [Version(*row) for row in rows]


def stack_of(history: list[Version]) -> list[Version]:
    """The versions the section can still go back through, oldest first; the last is where it stands."""
    stack: list[Version] = []
    for version in history:
        if not version.reason.startswith(BACK):
            stack.append(version)
            continue
        target = int(version.reason.removeprefix(BACK))
        if any(v.number == target for v in stack):
            while stack[-1].number != target:
                stack.pop()
    return stack


def one_back(history: list[Version]) -> Version:
    """The version 撤销到上一版 takes a section to."""
    stack = stack_of(history)
    if len(stack) < 2:
        raise DraftingError("这一部分没有更早的版本。")
    return stack[-2]


def write_versions(db, draft: Draft, reason: str, now: float, forced: dict[str, str] | None = None) -> None:
    """A new version of every section whose text or heading changed (and of those in `forced`,
    with the reason given there)."""
    forced = forced or {}
    latest = {row[0]: row[1:] for row in db.execute(LATEST, (draft.id, draft.id)).fetchall()}
    for section in draft.sections:  # one query above, an insert only for a changed section
        last = latest.get(section.id)
        if section.id not in forced and last and (last[1], last[2]) == (section.text, section.heading):
            continue
        db.execute("INSERT INTO versions VALUES (?,?,?,?,?,?,?)",
                   (draft.id, section.id, (last[0] + 1) if last else 1, section.heading, section.text,
                    forced.get(section.id, reason), now))


def returns_to(db, draft: Draft) -> dict[str, str]:
    """For a draft taken a step back: each changed section's reason `back:k`, k its latest earlier
    version with that text, so that 撤销到上一版 then goes on from there."""
    latest = {row[0]: row[1:] for row in db.execute(LATEST, (draft.id, draft.id)).fetchall()}
    out = {}
    for section in draft.sections:
        last = latest.get(section.id)
        if last is None or (last[1], last[2]) == (section.text, section.heading):
            continue
        stack = stack_of(versions_of(db, draft.id, section.id))[:-1]
        same = [v for v in stack if (v.text, v.heading) == (section.text, section.heading)]
        if same:
            out[section.id] = f"{BACK}{same[-1].number}"
    return out


def add_step(db, draft_id: str, body: str, reason: str, now: float) -> None:
    """The draft after one action (the same draft again is not a step); the undone steps go (the
    user went on from there), and the oldest beyond KEEP_STEPS."""
    live = db.execute("SELECT step, body FROM steps WHERE draft_id=? AND undone IS NULL ORDER BY step DESC LIMIT 1",
                      (draft_id,)).fetchone()
    if live is not None and live[1] == body:
        return
    top = live[0] if live is not None else 0
    db.execute("DELETE FROM steps WHERE draft_id=? AND (undone IS NOT NULL OR step<=?)",
               (draft_id, top + 1 - KEEP_STEPS))
    db.execute("INSERT INTO steps VALUES (?,?,?,?,?,NULL)", (draft_id, top + 1, body, reason, now))


def step_back(db, draft_id: str, now: float) -> tuple[Draft, str, str]:
    """The draft as it was before its last step, that step marked undone; (the draft, what the step
    undone was, what the step before it was — '' when there is none left to undo)."""
    live = db.execute("SELECT step, reason FROM steps WHERE draft_id=? AND undone IS NULL ORDER BY step DESC LIMIT 3",
                      (draft_id,)).fetchall()
    if len(live) < 2:
        raise DraftingError("没有可以撤销的步骤了：这份草稿已回到最早保存的样子（或更早的步骤已超过保留的 "
                            f"{KEEP_STEPS} 步）。")
    db.execute("UPDATE steps SET undone=? WHERE draft_id=? AND step=?", (now, draft_id, live[0][0]))
    body = db.execute("SELECT body FROM steps WHERE draft_id=? AND step=?", (draft_id, live[1][0])).fetchone()[0]
    return Draft.from_json(body), live[0][1], live[1][1] if len(live) > 2 else ""
