"""A fact taken from the year's 工作信息 keeps where it was reported — file, title, sentence — from
the facts box to the draft: on the outline, through re-outlining, reopening, drafting, regenerating,
editing and a Word file read back; beside its section's card, as a Word comment on the sentence that
says it and as a note in the Markdown. A fact the user typed has none; a line the user changed after
taking it loses it; a draft saved before facts had sources opens as it did."""

from __future__ import annotations

import json
from dataclasses import replace

from drafting.domain.facts import parse_facts
from drafting.domain.material import Origin
from drafting.domain.types import Draft
from drafting.output.render import to_markdown
from drafting.shell import cards as C
from drafting.shell import session as S
from drafting.shell.form import Form

from .conftest import qingchuan
from .test_app import bench  # noqa: F401  (the fixture)
from .test_flags_in_files import comments

WEEK = Origin("M3", "三八维权周.md", "县妇联走进人民广场送法上门", "2024-03-08",
              "活动现场共解答法律咨询80余人次，发放宣传资料1200余份。")
ECHO = Origin("M9", "上半年工作综述.txt", "上半年工作综述", "2024-07-02", "3月8日，开展“三八”维权周普法宣传活动。")
TAKEN = "3月8日，联合县法院开展“三八”维权周普法宣传活动，解答法律咨询80余人次，发放宣传资料1200余份"
TYPED = "全年受理妇女儿童信访案件43件，办结率100%"
FACTS = f"- {TAKEN}\n{TYPED}\n基层普法力量不足"


def form(facts: str = FACTS, origins=None) -> Form:
    return qingchuan(facts, origins={TAKEN: [WEEK, ECHO]} if origins is None else origins)


def written(bench, draft):  # noqa: F811
    return [d for d, done in S.write(bench, draft, []) if done][-1]


def test_a_line_taken_from_material_keeps_its_sources_and_a_typed_or_changed_one_has_none():
    facts = parse_facts(f"1. {TAKEN}\n同时，{TYPED}\n{TAKEN}，并接受媒体采访", {TAKEN: [WEEK]})
    assert facts[0].origins == [WEEK], "found by the text the line reads as a fact (its bullet off)"
    assert facts[1].origins == [] and facts[2].origins == [], "typed by the user, or changed after taking it"


def test_a_draft_saved_before_facts_had_sources_opens_with_none(bench):  # noqa: F811
    draft, _ = S.outline(bench, form())
    data = json.loads(draft.to_json())
    assert data["facts"][0]["origins"][0]["file"] == "三八维权周.md", "saved in the Draft JSON"
    for fact in data["facts"]:
        del fact["origins"]
    old = Draft.from_dict(data)
    assert all(f.origins == [] for f in old.facts) and old.facts[0].text == TAKEN
    unknown = {**data["facts"][0], "origins": [{**vars(WEEK), "page": 3}]}  # a field a later version adds
    assert Draft.from_dict({**data, "facts": [unknown]}).facts[0].origins == [WEEK]


def test_sources_survive_reoutlining_reopening_drafting_and_every_step(bench, tmp_path):  # noqa: F811
    draft, _ = S.outline(bench, form())
    taken = draft.facts[0]
    assert taken.origins == [WEEK, ECHO] and draft.fact("F2").origins == []
    again, said = S.outline(bench, form(), draft)
    assert "仍是同一份草稿" in said and again.facts[0].origins == [WEEK, ECHO]
    reopened = Form.of(bench.open(again.id))
    assert reopened.origins == {TAKEN: [WEEK, ECHO]}, "reopening a saved draft brings them back"
    assert S.outline(bench, reopened, again)[0].facts[0].origins == [WEEK, ECHO]
    done = written(bench, again)
    assert done.facts[0].origins == [WEEK, ECHO] and bench.store.load(done.id).facts[0].origins == [WEEK, ECHO]
    sid = next(s.id for s in done.sections if "F1" in s.fact_ids)
    regenerated, _ = S.section_action(bench, done, {}, sid, "regenerate", "")
    edited, _ = S.section_action(bench, regenerated, {}, sid, "edit", regenerated.section(sid).text + "效果良好。")
    docx_path, _ = bench.export(edited, tmp_path)
    merged, _ = bench.merge_docx(edited, docx_path)
    assert merged.facts[0].origins == [WEEK, ECHO], "a Word file read back changes no fact"
    changed, _ = S.outline(bench, form(FACTS.replace("80余人次", "90余人次")), merged)
    assert changed.facts[0].origins == [], "the user changed the line in the facts box: it is theirs now"


def test_each_source_is_beside_the_card_a_comment_on_its_sentence_and_a_note_in_markdown(bench, tmp_path):  # noqa: F811
    edited_origin = replace(WEEK, edited=True)
    draft = written(bench, S.outline(bench, form(origins={TAKEN: [edited_origin, ECHO]}))[0])
    section = next(s for s in draft.sections if "F1" in s.fact_ids)
    info = next(c.info for c in C.section_cards(draft) if c.id == section.id)
    assert "事实出处" in info
    assert "F1 取自《县妇联走进人民广场送法上门》（三八维权周.md，2024-03-08）（文字经您修改）" in info
    assert "上半年工作综述.txt" in info and "活动现场共解答法律咨询80余人次" in info
    assert "F2 取自" not in info, "the typed fact beside it has none"

    markdown = to_markdown(draft, markers=False)
    assert ("> 来源：F1 取自《县妇联走进人民广场送法上门》（三八维权周.md，2024-03-08）："
            "“活动现场共解答法律咨询80余人次，发放宣传资料1200余份。”（文字经用户修改）") in markdown
    assert "> 来源：F1 取自《上半年工作综述》（上半年工作综述.txt，2024-07-02）" in markdown
    plain = to_markdown(replace(draft, facts=[replace(f, origins=[]) for f in draft.facts]), markers=False)
    assert plain.split("\n")[2] == markdown.split("\n")[2], "a source is no problem: the count of 待核实 is the same"

    docx_path, _ = bench.export(draft, tmp_path)
    found = [(text, anchor) for text, anchor in comments(docx_path) if text.startswith("来源：F1")]
    assert len(found) == 2 and all("80余人次" in anchor and "1200余份" in anchor for _, anchor in found), \
        "each on the sentence of the draft that says the fact"
    assert "三八维权周.md" in found[0][0] and "活动现场共解答法律咨询80余人次" in found[0][0]


def test_typed_facts_have_no_source_anywhere(bench, tmp_path):  # noqa: F811
    draft = written(bench, S.outline(bench, form(origins={}))[0])
    assert "来源：" not in to_markdown(draft) and all("事实出处" not in c.info for c in C.section_cards(draft))
    assert not [t for t, _ in comments(bench.export(draft, tmp_path)[0]) if t.startswith("来源：")]
