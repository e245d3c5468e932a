"""Every doubt travels with the files staff read: each open problem is a Word comment at its
sentence (a first comment on the title says how many there are) and a "> 待核实" note under its
section in Markdown; nothing of it is printed in the report's body; a fixed problem is gone."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn

from drafting.domain.findings import Finding, Severity
from drafting.domain.meta import build_meta
from drafting.domain.types import strip_markers
from drafting.engine import draft_report
from drafting.output.render import MOSTLY_STOCK, to_markdown, to_text
from drafting.output.word import write_docx
from drafting.review import run_checks
from drafting.write.pipeline import recheck

FACTS = ("全年开展普法宣传31场次，发放宣传资料6万余册\n开展会前学法18次\n"
         "受理妇女儿童信访案件47件，帮助申请人身安全保护令3人次，办结率100%\n"
         "党组书记、主席带头讲授法治专题党课1次\n基层普法力量不足，原因是专职人员少、经费有限\n"
         "2025年将在全县建成婚姻家庭纠纷调解室10个\n2025年将开展“八五”普法总结验收")
"""Facts for every part (a duty, a problem with its cause, two plans): the draft needs no 通用表述."""
INVENTED = "另培训骨干60人。"
STOCK = "广大妇女群众尊法学法守法用法的意识和依法维权的能力进一步提升。"


@pytest.fixture
def clean(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    return draft_report(meta, FACTS, index=seed_index)


@pytest.fixture
def doubtful(clean, seed_index):
    """A section with an invented figure (flagged by the checks) and a 通用表述 the user should confirm."""
    section = next(s for s in clean.sections if "F1" in s.fact_ids)
    edited = replace(section, text=section.text + STOCK + INVENTED, stock=[STOCK])
    draft = replace(clean, sections=[edited if s.id == section.id else s for s in clean.sections])
    return recheck(draft, seed_index, [section.id])


def comments(path) -> list[tuple[str, str]]:
    """(comment text, the text it is anchored on), in the order of the comments part."""
    with zipfile.ZipFile(path) as zf:
        if "word/comments.xml" not in zf.namelist():
            return []
    document = docx.Document(str(path))
    body = document.element.body
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                anchored[cid] = anchored.get(cid, "") + (el.text or "")
    part = document.part._comments_part.element
    out = []
    for comment in part.findall(qn("w:comment")):
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in comment.findall(qn("w:p")))
        out.append((text, anchored.get(comment.get(qn("w:id")), "")))
    return out


def test_a_clean_draft_carries_only_its_sources(clean, tmp_path):
    found = comments(write_docx(clean, tmp_path / "clean.docx", results=run_checks(clean)))
    assert found and all(text.startswith("事实：") for text, _ in found)
    assert "待核实" not in to_markdown(clean)


def test_each_problem_is_a_comment_at_its_sentence_after_a_first_comment_on_the_title(doubtful, tmp_path):
    path = write_docx(doubtful, tmp_path / "doubtful.docx")
    found = comments(path)
    first_text, first_anchor = found[0]
    assert first_text.startswith("本稿尚有 3 处待核实") and first_anchor == doubtful.meta.title
    at = dict(found)
    assert at["待核实：数字无出处：60人（事实里没有这个数字）"] == INVENTED
    assert at["待核实：含数字的句子没有来源标记"] == INVENTED
    stock = next(anchor for text, anchor in found if text.startswith("通用表述，请核实"))
    assert stock == STOCK
    assert sum(text.startswith("事实：") for text, _ in found) == len([s for s in doubtful.sections if s.text])
    printed = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "待核实" not in printed and "通用表述" not in printed, "problems are comments, not body text"


def test_check_results_passed_in_become_comments_too_and_whole_draft_ones_go_on_the_title(doubtful, tmp_path):
    sections = [s for s in doubtful.sections if s.role != "plans"]  # a required part missing
    draft = replace(doubtful, sections=sections)
    results = run_checks(draft)
    found = comments(write_docx(draft, tmp_path / "checked.docx", results=results))
    assert found[0][1] == draft.meta.title and "缺少“" in found[0][0], "a whole-draft finding is on the title"
    assert sum("60人" in text for text, _ in found) == 1, "a flag the checks also found is one comment"


def test_a_problem_without_a_sentence_sits_on_its_sections_heading(clean, tmp_path):
    section = next(s for s in clean.sections if "F2" in s.fact_ids)
    note = Finding("model_fallback", "大模型未能完成本部分（请求超时），已改用离线起草，请核对。", Severity.WARNING)
    flagged = replace(section, flags=[note])
    draft = replace(clean, sections=[flagged if s.id == section.id else s for s in clean.sections])
    found = comments(write_docx(draft, tmp_path / "h.docx"))
    anchor = next(anchor for text, anchor in found if "已改用离线起草" in text)
    assert anchor.endswith(section.heading) and anchor[1] == "、"


def test_markdown_has_a_note_block_under_the_section(doubtful):
    md = to_markdown(doubtful, markers=False)
    section = next(s for s in doubtful.sections if "F1" in s.fact_ids)
    after = md.split(section.heading, 1)[1].split("\n## ", 1)[0]
    assert f"> 待核实：数字无出处：60人（事实里没有这个数字）（“{INVENTED}”）" in after
    assert f"> 通用表述，请核实：“{STOCK}”" in after
    assert md.split("\n")[2].startswith("> 本稿尚有 3 处待核实")
    assert "待核实" not in to_text(doubtful), "plain text is the report as printed"


def test_fixing_the_problem_clears_it_from_both_files(doubtful, seed_index, tmp_path):
    section = next(s for s in doubtful.sections if INVENTED in s.text)
    fixed = replace(section, text=section.text.replace(INVENTED, "").replace(STOCK, ""), stock=[])  # both deleted
    draft = recheck(replace(doubtful, sections=[fixed if s.id == section.id else s for s in doubtful.sections]),
                    seed_index)
    assert "待核实" not in to_markdown(draft)
    assert all(text.startswith("事实：") for text, _ in comments(write_docx(draft, tmp_path / "fixed.docx")))


def test_a_source_comment_quotes_each_fact_with_its_figures(clean, tmp_path):
    found = comments(write_docx(clean, tmp_path / "src.docx"))
    f3 = next(text for text, _ in found if "F3（" in text)
    assert "受理妇女儿童信访案件47件，帮助申请人身安全保护令3人次，办结率100%" in f3
    f1 = next(text for text, _ in found if "F1（" in text)
    assert "31场次" in f1 and "6万余册" in f1


def test_what_the_tool_decided_about_the_date_is_on_the_title(seed_index, tmp_path):
    from datetime import date

    from drafting.plan.start import new_draft
    from drafting.write.pipeline import write_draft

    meta = build_meta("青川县妇女联合会", 2024, "fazhi")
    draft = write_draft(new_draft(meta, FACTS, seed_index, today=date(2025, 2, 10)), index=seed_index)
    assert draft.meta.notices
    first_text, first_anchor = comments(write_docx(draft, tmp_path / "n.docx"))[0]
    assert first_anchor == draft.meta.title and "成文日期" in first_text


def test_the_composers_stock_is_one_comment_a_section_when_it_is_most_of_the_section(seed_index, tmp_path):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    written = draft_report(meta, "全年开展普法宣传28场次\n开展会前学法16次\n下一步将开展“美丽庭院”创建",
                           index=seed_index)
    assert any(s.stock for s in written.sections), "通用表述 for a draft without a leader's fact"
    found = comments(write_docx(written, tmp_path / "stock.docx"))
    markdown = to_markdown(written)
    for section in (s for s in written.sections if s.stock):
        text = strip_markers(section.text)
        mostly = sum(len(c) for c in section.stock) / len(text) >= MOSTLY_STOCK and len(section.stock) > 1
        said = f"本部分主要是通用表述（{len(section.stock)} 句）"
        whole = [a for t, a in found if said in t and section.heading in a]
        single = [a for t, a in found if t == "通用表述，请核实" and any(c in a for c in section.stock)]
        if mostly:  # one comment for the section, at its heading, not one a sentence
            assert len(whole) == 1 and not single, section.heading
        else:  # a few suggestions among the facts: one comment at each
            assert not whole and len(single) == len(section.stock), section.heading
            assert f"> 通用表述，请核实：“{section.stock[0]}”" in markdown
    assert any(sum(len(c) for c in s.stock) / len(strip_markers(s.text)) < MOSTLY_STOCK
               for s in written.sections if s.stock), "the plans hold a fact: suggestions are a part of them"

def test_the_apps_export_carries_what_the_checks_find(doubtful, seed_index, tmp_path):
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    missing = replace(doubtful, sections=[s for s in doubtful.sections if s.role != "plans"])
    _, md_path = bench.export(missing, tmp_path / "out")
    assert "缺少“" in md_path.read_text(encoding="utf-8"), "a required part missing is said in the file"
