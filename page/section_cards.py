"""The draft tab's section cards: built once for each set of sections, then filled by value.

Rebuilding every card whenever the draft changed cost the page 0.4–0.8 s a press (a render sends
every card's components, and Gradio's frontend copies the props of every component that was ever
an output on each status message). So `gr.render` runs only when the sections themselves change
(`ui.layout`, the tuple of their ids); one listener inside it (`fill`) sends plain values, and only
those that changed since they were last sent (`ui.shown`); a card's buttons answer on their own card
in the same response. Components and listeners carry keys, so a card keeps its ids (and the text
being typed in its box) across a re-render. No container is ever an event's output."""

from __future__ import annotations

import time

import gradio as gr

from drafting.shell import cards as C
from drafting.shell import session as S

from . import redraft as R
from .wiring import QUIET, skip

PARTS = ("title", "text", "lock", "attempt", "note", "info")
"""What `fill` may change on a card, in the order of card_values and build_card's components."""


def card_values(card: C.Card) -> tuple:
    """What a card shows, in the order of PARTS."""
    warning = f"\n\n<span class='rd-warn'>⚠ {card.warning}</span>" if card.warning else ""
    return C.card_title(card) + warning, card.text, card.locked, card.has_attempt, card.note, card.info


def changed(now: tuple, before: tuple | None) -> list:
    """The values to send: only those that differ from what the card shows (skip for the rest)."""
    return [gr.skip() if before is not None and before[i] == value else
            gr.update(visible=value) if PARTS[i] == "attempt" else value for i, value in enumerate(now)]


FIXED = 9
"""fill's outputs before the cards': layout, shown, goto, want_tab, full text, 字数, the redraft panel (3)."""


def fill(draft, view, shown: dict, want_tab: bool, parts: dict[str, list], fresh: str = "") -> tuple:
    """(layout, shown, goto, want_tab, full text, 字数, the redraft panel, every card's parts): what
    changed since it was last sent. New sections set the layout, which renders their cards; the cards
    kept get their values. `fresh`: ids of cards the page has just mounted (sent whole, whatever was
    sent before: an answer that reached the page before its card did is sent again)."""
    cards = {card.id: card_values(card) for card in C.section_cards(draft, view)}
    layout = tuple(cards)
    text, before = C.full_text(draft), shown.get("_full")
    mounted = set(fresh.split())
    values = []
    for sid in parts:
        if sid not in cards:
            values += [gr.skip()] * len(PARTS)
            continue
        values += changed(cards[sid], None if sid in mounted else shown.get(sid))
    tab = (f"draft {time.monotonic()}", False) if want_tab else (gr.skip(), gr.skip())
    redraft = R.state(draft)
    panel = R.panel(redraft) if redraft != shown.get("_redraft") else (gr.skip(),) * 3
    sent = {sid: cards[sid] for sid in parts if sid in cards}  # a card not built yet is sent once it is
    return (layout if layout != tuple(parts) else gr.skip(), {**sent, "_full": text, "_redraft": redraft}, *tab,
            text if text != before else gr.skip(), C.totals(draft) if text != before else gr.skip(), *panel, *values)


def build_card(ui, card: C.Card) -> list:
    """One section's card; its parts in the order of PARTS."""
    sid, small = card.id, {"size": "sm", "scale": 0, "min_width": 96}
    title_md, text_value, locked, has_attempt, note, info = card_values(card)
    with gr.Column(variant="panel", elem_id=f"rd-card-{sid}", key=f"card-{sid}"):
        title = gr.Markdown(title_md, elem_id=f"rd-title-{sid}", key=f"title-{sid}")
        with gr.Row(key=f"body-{sid}"):
            with gr.Column(scale=3, key=f"main-{sid}"):
                text = gr.Textbox(text_value, show_label=False, lines=6, max_lines=30, interactive=True,
                                  key=f"text-{sid}", elem_id=f"rd-text-{sid}")
                with gr.Row(equal_height=True, key=f"actions-{sid}"):
                    save = gr.Button("保存修改", variant="primary", elem_id=f"rd-save-{sid}", key=f"save-{sid}",
                                     **small)
                    undo = gr.Button("撤销到上一版", elem_id=f"rd-undo-{sid}", key=f"undo-{sid}", **small)
                    lock = gr.Checkbox(locked, label="锁定", interactive=True, key=f"lock-{sid}",
                                       scale=0, min_width=80, container=False, elem_id=f"rd-lock-{sid}")
                    copy = gr.Button("复制本部分", elem_id=f"rd-copy-{sid}", key=f"copy-{sid}", **small)
                    copy_marked = gr.Button("复制（含标记）", elem_id=f"rd-copyf-{sid}", key=f"copyf-{sid}", **small)
                with gr.Row(equal_height=True, key=f"again-{sid}"):
                    instruction = gr.Textbox(show_label=False, placeholder="修改要求，如：更简练、突出反家暴", scale=3,
                                             interactive=True, container=False, key=f"instr-{sid}",
                                             elem_id=f"rd-instr-{sid}")
                    regen = gr.Button("重新生成本部分", elem_id=f"rd-regen-{sid}", key=f"regen-{sid}", **small)
                    attempt = gr.Button("换用大模型的尝试稿", visible=has_attempt, elem_id=f"rd-attempt-{sid}",
                                        key=f"attempt-{sid}", **small)
                beside = gr.Markdown(note, elem_classes="rd-note", elem_id=f"rd-note-{sid}", key=f"note-{sid}")
            with gr.Column(scale=2, key=f"side-{sid}"):
                info_md = gr.Markdown(info, elem_id=f"rd-info-{sid}", key=f"info-{sid}")
    parts = [title, text, lock, attempt, beside, info_md]
    state = [ui.draft, ui.view, ui.shown]
    for button, action, extra in ((save, "edit", [text]), (undo, "undo", []), (regen, "regenerate", [instruction]),
                                  (attempt, "use_attempt", []), (lock, "lock", [lock])):
        listen = button.input if button is lock else button.click
        event = listen(card_answer(ui, action, sid), [*state, *extra], [*state, *parts], key=f"{action}-{sid}", **QUIET)
        if action == "edit":  # the page stops warning about this box once the save is kept
            event.then(None, [title], None, js=f"(t) => rdSaved('{sid}', t)", key=f"saved-{sid}", **QUIET)
    for button, markers in ((copy, "false"), (copy_marked, "true")):
        button.click(None, [text], [beside], js=f"(t) => rdCopy(t, {markers})", key=f"copy-{markers}-{sid}", **QUIET)
    return parts


def card_answer(ui, action: str, sid: str):
    """A card's button: the answer (or the refusal) on its own card, in the same response; the rest
    of the page follows by value (fill). Another user's session: nothing changes."""
    def run(request: gr.Request, draft, view, shown, *args):  # gr.Request: given to a positional parameter only
        if not ui.mine(request):
            return (gr.skip(),) * (3 + len(PARTS))
        with ui.wb.running.call(getattr(request, "session_hash", "") or "") as cancel:
            new, new_view = S.section_action(ui.wb, draft, view, sid, action, *args, cancel=cancel)
        card = next((c for c in C.section_cards(new or draft, new_view or view) if c.id == sid), None)
        if card is None:
            return skip(new), skip(new_view), *[gr.skip()] * (1 + len(PARTS))
        now, shown = card_values(card), {**(shown or {})}
        values, shown[sid] = changed(now, shown.get(sid)), now
        return skip(new), skip(new_view), shown, *values
    return run
