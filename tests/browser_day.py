"""Issue 26's working day in a real browser, where nothing is lost: numbered facts pasted with the
版头 and 版记 filled in, outline, move, rename, add, draft, edit two sections, lock one, correct a
figure in the facts, 生成提纲 again (everything kept, the changed section offered), 生成初稿 again
(it asks), redraft the ticked section, delete a section, 撤销 twice, export (the 版头 in the Word
file), and close the tab with an edit not saved (the page warns). A screenshot of each step.

Used by tests/test_app_browser_day.py; by hand against a running app:
    python -m tests.browser_day http://127.0.0.1:7860/ /tmp/shots
"""

from __future__ import annotations

import sys
from pathlib import Path

from evals.browser import cards, field, launch, texts

from .browser_flow import WAIT, Session, choose, download_docx, rows

FACTS = """1、全年开展“美好生活·民法典相伴”主题宣传活动56余场，发放宣传资料3500余份
2、组织会前学法11次，班子成员年度述法全覆盖
3、受理妇女儿童来信来访138起，办结率100%
4、联合县法院发出人身安全保护令12份
5、党组书记、主席王丽带头讲授法治专题党课2次
6、开展反家庭暴力专题培训6期，培训基层妇联干部420人次
7、建立“巾帼维权岗”15个，覆盖全县12个乡镇
8、组建妇女儿童维权律师团，吸纳律师18名
9、开通12338妇女维权热线，全年接听咨询电话860余个
10、制定《清河縣婦聯2025年普法工作要點》，明確責任分工
11、基层妇联干部法治能力还不够强
12、部分乡镇普法阵地建设相对滞后
13、2026年将继续深化“八五”普法，推进家庭家教家风建设
14、联合县司法局开展“法律进家庭”活动30场"""
HEADER = {"doc_number": "清妇发〔2026〕3号", "signer": "王丽", "cc": "市妇联，县委依法治县办",
          "printer": "清河县妇女联合会办公室"}
ADDED = "创新维权服务"
RENAMED = "存在的问题和短板"


def note(page, elem_id: str) -> str:
    return page.locator(f"#{elem_id}").inner_text()


def section_of(page, fact_text: str) -> str:
    """The outline table's row for a fact (its 所属部分 among its cells)."""
    return rows(page, "rd-outline-table").filter(has_text=fact_text).first.inner_text()


def card_titled(page, words: str) -> str:
    """The id of the card whose title holds `words`."""
    return page.locator("[id^=rd-card-]").filter(has=page.locator("[id^=rd-title-]", has_text=words)).first \
        .get_attribute("id").removeprefix("rd-card-")


def drafted(page, expect) -> None:
    """The draft on the screen: every card's box holds its text."""
    expect(page.locator("#rd-progress")).to_contain_text("全文", timeout=WAIT)
    page.wait_for_function("() => { const t = [...document.querySelectorAll('[id^=rd-text-] textarea')];"
                           " return t.length > 1 && t.every((x) => x.value.length > 0); }", timeout=WAIT)


def outline_and_arrange(s: Session, expect) -> dict:
    page = s.page
    field(page, "rd-org").fill("清河县妇女联合会")
    field(page, "rd-year").fill("2025")
    field(page, "rd-date").fill("2026-01-20")
    page.get_by_text("版头和版记（可选，印在 Word 文件上）").click()
    for name, value in HEADER.items():
        field(page, f"rd-{name}").fill(value)
    field(page, "rd-facts").fill(FACTS)
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-msg")).to_contain_text("已生成提纲", timeout=WAIT)
    out = {"profile": note(page, "rd-profile")}
    s.shot("outline-with-notices", full=True)
    choose(page, "rd-move-fact", "组织会前学法11次")
    choose(page, "rd-move-to", "第一责任人")
    page.click("#rd-move")
    expect(page.locator("#rd-move-msg")).to_contain_text("已移动", timeout=WAIT)
    answers = {"move": note(page, "rd-move-msg")}
    choose(page, "rd-rename-which", "存在的不足")
    field(page, "rd-rename-to").fill(RENAMED)
    page.click("#rd-rename")
    expect(page.locator("#rd-rename-msg")).to_contain_text("已改名", timeout=WAIT)
    answers |= {"rename": note(page, "rd-rename-msg"), "move_after_rename": note(page, "rd-move-msg")}
    field(page, "rd-add-heading").fill(ADDED)
    page.click("#rd-add")
    expect(page.locator("#rd-add-msg")).to_contain_text("已添加", timeout=WAIT)
    answers["add"] = note(page, "rd-add-msg")
    choose(page, "rd-move-fact", "组建妇女儿童维权律师团")
    choose(page, "rd-move-to", ADDED)
    page.click("#rd-move")
    expect(page.locator("#rd-outline-table")).to_contain_text(ADDED, timeout=WAIT)
    out["answers_beside"] = answers
    s.shot("moved-renamed-added", full=True)
    return out


def draft_edit_lock(s: Session, expect) -> dict:
    page = s.page
    page.click("#rd-write")
    expect(page.locator("#rd-write-msg")).to_contain_text("初稿完成", timeout=60_000)
    drafted(page, expect)
    leader, added, gaps = card_titled(page, "第一责任人"), card_titled(page, ADDED), card_titled(page, RENAMED)
    measures = card_titled(page, "主要举措和成效")
    edits = {}
    for sid, extra in ((leader, "班子成员逐一述法，接受评议。"), (added, "律师团全年参与调解案件。")):
        edits[sid] = texts(page)[sid] + extra
        field(page, f"rd-text-{sid}").fill(edits[sid])
        page.click(f"#rd-save-{sid}")
        expect(page.locator(f"#rd-note-{sid}")).to_contain_text("已保存修改", timeout=WAIT)
    page.locator(f"#rd-lock-{gaps} input").check()
    expect(page.locator(f"#rd-note-{gaps}")).to_contain_text("已锁定", timeout=WAIT)
    s.shot("drafted-two-edits-one-lock")
    return {"ids": {"leader": leader, "added": added, "gaps": gaps, "measures": measures}, "edits": edits,
            "before_outline_again": texts(page)}


def correct_a_fact_and_outline_again(s: Session, expect, ids: dict) -> dict:
    page = s.page
    page.get_by_role("tab", name="1 填写与提纲").click()
    field(page, "rd-facts").fill(FACTS.replace("138起", "145起"))
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-msg")).to_contain_text("已更新提纲", timeout=WAIT)
    expect(page.locator("#rd-redraft")).to_contain_text("事实有变", timeout=WAIT)  # the panel follows the draft
    page.wait_for_timeout(300)
    out = {"said": note(page, "rd-outline-msg"), "moved_to": section_of(page, "组织会前学法11次"),
           "added_row": section_of(page, "组建妇女儿童维权律师团"),
           "redraft_ticked": page.locator("#rd-redraft input:checked").evaluate_all(
               "(xs) => xs.map((x) => x.closest('label').innerText.trim())"),
           "redraft_labels": page.locator("#rd-redraft label").all_inner_texts()}
    s.shot("outline-again-keeps-everything", full=True)
    page.get_by_role("tab", name="2 初稿与修改").click()
    out["after_outline_again"] = texts(page)
    out["titles"] = {k: note(page, f"rd-title-{sid}") for k, sid in ids.items()}
    s.shot("cards-after-outline-again")
    return out


def redraft_when_asked(s: Session, expect) -> dict:
    page = s.page
    page.get_by_role("tab", name="1 填写与提纲").click()
    page.click("#rd-write")
    expect(page.locator("#rd-write-msg")).to_contain_text("已经起草过", timeout=WAIT)
    out = {"asked": note(page, "rd-write-msg")}
    s.shot("second-draft-asks")
    before = texts(page)
    page.click("#rd-redraft-btn")
    expect(page.locator("#rd-write-msg")).to_contain_text("已重新起草所选", timeout=60_000)
    drafted(page, expect)
    # the cards are filled by their own event after the answer: wait for the new text, not for any text
    page.wait_for_function("(before) => [...document.querySelectorAll('[id^=rd-text-] textarea')]"
                           ".some((x) => x.value !== before[x.closest('[id^=rd-text-]').id.slice(8)])",
                           arg=before, timeout=WAIT)
    out["after_redraft"] = texts(page)
    return out


def delete_and_undo_twice(s: Session, expect, added: str) -> dict:
    page, out = s.page, {}
    page.get_by_role("tab", name="1 填写与提纲").click()
    choose(page, "rd-delete-which", ADDED)
    page.click("#rd-delete-section")
    expect(page.locator("#rd-delete-msg")).to_contain_text("已删除", timeout=WAIT)
    expect(page.locator(f"#rd-card-{added}")).to_have_count(0, timeout=WAIT)
    out["after_delete_row"] = section_of(page, "组建妇女儿童维权律师团")
    out["cards_after_delete"] = cards(page)
    s.shot("deleted-a-section", full=True)
    out["undo_said"] = []
    for _ in range(2):
        before = note(page, "rd-undo-outline-msg")
        page.click("#rd-undo-outline")
        expect(page.locator("#rd-undo-outline-msg")).not_to_have_text(before, timeout=WAIT)
        expect(page.locator("#rd-undo-outline-msg")).to_contain_text("已撤销", timeout=WAIT)
        out["undo_said"].append(note(page, "rd-undo-outline-msg"))
        expect(page.locator(f"#rd-text-{added} textarea")).to_have_count(1, timeout=WAIT)
        page.wait_for_timeout(500)
        out.setdefault("after_undo", []).append({"row": section_of(page, "组建妇女儿童维权律师团"),
                                                 "cards": cards(page), "texts": texts(page)})
    s.shot("undone-twice", full=True)
    return out


def export_and_close(s: Session, expect, downloads: Path, sid: str) -> dict:
    page, out = s.page, {}
    page.get_by_role("tab", name="2 初稿与修改").click()
    out["docx"] = download_docx(page, downloads)
    field(page, f"rd-text-{sid}").fill(texts(page)[sid] + "还没保存的一句。")
    s.shot("an-edit-not-saved")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(1500)
    out["dialogs"], out["still_open"] = dialogs, not page.is_closed()
    if out["still_open"]:
        out["kept_in_box"] = field(page, f"rd-text-{sid}").input_value()
    return out


def run_day(url: str, downloads: Path, shots: Path | None = None) -> dict:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page = context.new_page()
        page.goto(url)
        s = Session(page, shots)
        out = outline_and_arrange(s, expect)
        out |= draft_edit_lock(s, expect)
        out |= correct_a_fact_and_outline_again(s, expect, out["ids"])
        out |= redraft_when_asked(s, expect)
        out |= delete_and_undo_twice(s, expect, out["ids"]["added"])
        out |= export_and_close(s, expect, downloads, out["ids"]["leader"])
        browser.close()
    return out | {"shots": s.taken}


if __name__ == "__main__":
    where = Path(sys.argv[2])
    where.mkdir(parents=True, exist_ok=True)
    print({k: v for k, v in run_day(sys.argv[1], where, where).items() if "texts" not in k})
