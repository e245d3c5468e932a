"""Facts in, a whole draft out, offline — the main job of the product."""

from __future__ import annotations

import json

import pytest
import yaml

from drafting.domain.meta import build_meta
from drafting.domain.types import Draft, strip_markers
from drafting.engine import draft_report
from drafting.output.render import to_text
from drafting.review import (
    figure_accuracy,
    foreign_particulars,
    markers,
    required_sections,
    run_checks,
)
from drafting.shell.cli import main
from drafting.write.offline import OfflineComposer
from drafting.write.pipeline import regenerate_section
from retrieval.ingest import import_file
from retrieval.text import sentences

from .conftest import CORPUS, SEEDS

FACTS = """- 全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次
- 开展会前学法16次，组织法律专题培训2次，年度学法考试优秀率达到100%
- 受理妇女儿童信访案件43件，帮助申请法律援助3人次，办结率100%
- 发放“春蕾计划”助学金19.06万元，资助229名女学生
- 偏远山区普法覆盖面还不够
"""


def _draft(seed_index, org="青川县妇女联合会", year=2024, kind="fazhi", facts=FACTS, **kw):
    meta = build_meta(org, year, kind, when=f"{year + 1}-01-20", **kw)
    return draft_report(meta, facts, index=seed_index)


def test_staff_pastes_facts_every_figure_survives_and_the_first_responsible_section_is_there(seed_index):
    draft = _draft(seed_index)
    text = strip_markers(to_text(draft))
    for figure in ["28场次", "8万余册", "超10万人次", "16次", "100%", "43件", "19.06万元", "229名"]:
        assert figure in text
    assert any(s.role == "first_responsible" and s.text for s in draft.sections)
    assert figure_accuracy(draft).passed and required_sections(draft).passed and markers(draft).passed
    assert "8万余册【F1】" in to_text(draft)


def test_a_draft_reads_as_a_report(seed_index):
    draft = _draft(seed_index)
    text = to_text(draft, markers=False)
    assert text.startswith("青川县妇女联合会2024年度法治政府建设工作情况报告\n县委、县政府：\n")
    assert "现将2024年度法治政府建设工作情况报告如下：" in text
    assert "一是" in text and "二是" in text
    assert text.rstrip().endswith("青川县妇女联合会\n2025年1月20日")
    assert "市妇联" not in text and "区妇联" not in text, "self-reference follows the user's organisation"
    assert "县妇联" in text


def test_every_section_lists_its_sources(seed_index):
    draft = _draft(seed_index)
    for section in draft.body_sections():
        assert section.sources, section.heading
        assert all(src.doc and src.chunk_id for src in section.sources)
    fact_ids = [fid for s in draft.sections for fid in s.fact_ids]
    assert sorted(fact_ids) == sorted(f.id for f in draft.facts), "every fact lands exactly once"


def test_the_preamble_names_the_right_congress_for_the_year(seed_index):
    old = _draft(seed_index, year=2020)
    new = _draft(seed_index, year=2024)
    early = _draft(seed_index, year=2019)
    assert "十九届" in old.sections[0].text and "二十大" not in to_text(old)
    assert "二十大" in new.sections[0].text and "十九大" not in to_text(new)
    assert "二十届二中、三中全会" in new.sections[0].text
    assert "习近平法治思想" not in to_text(early)
    assert all(r.passed for r in run_checks(early) if r.name == "time_wording")


def test_regenerating_one_section_leaves_the_others_alone(seed_index):
    draft = _draft(seed_index)
    target = next(s for s in draft.sections if s.role == "plans")
    again = regenerate_section(draft, target.id, OfflineComposer(), seed_index)
    changed = [s.id for s, t in zip(draft.sections, again.sections, strict=True) if s.text != t.text]
    assert changed == [target.id]
    assert again.section(target.id).variant == 1


def test_draft_json_round_trips(seed_index):
    draft = _draft(seed_index)
    assert Draft.from_json(draft.to_json()) == draft


def _leave_one_out_facts(seed: str) -> list[str]:
    report = import_file(CORPUS / f"{seed}.txt")
    from lexicon.figures import extract_figures, masked_values

    facts = []
    for chunk in report.chunks:
        for sentence in sentences(chunk.text):
            if extract_figures(sentence) and not masked_values(sentence) and len(sentence) < 400:
                facts.append(sentence)
    return facts


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_leave_one_out_on_each_seed(seed_index, name):
    seed = SEEDS[name]
    report = import_file(CORPUS / f"{seed}.txt")
    facts = _leave_one_out_facts(seed)
    assert facts, "each seed has sentences with figures"
    meta = build_meta(report.meta.org, report.meta.year, report.meta.report_type, when="2025-01-20")
    draft = draft_report(meta, "\n".join(facts), index=seed_index, exclude_docs=(seed,))
    accuracy = figure_accuracy(draft)
    assert accuracy.metrics["recall"] == 1.0 and accuracy.metrics["precision"] == 1.0, accuracy.findings[:3]
    assert required_sections(draft).passed
    others = [d for d in seed_index.documents() if d.doc != seed]
    own = report.meta.org + "".join(facts)
    text = to_text(draft)
    leaked = {p for d in others for p in d.particulars if p in text and p not in own}
    assert not leaked
    for section in draft.sections:
        for source in section.sources:
            assert source.doc != seed, "examples come from the other reports"


def test_foreign_names_in_a_draft_are_caught(seed_index):
    from drafting.write.pipeline import context_for

    draft = _draft(seed_index)
    draft.sections[1].text += "依托“暖心刘妈”工作室调解纠纷。"
    result = foreign_particulars(draft, context_for(draft, seed_index).guard)
    assert not result.passed and "暖心刘妈" in result.findings[0].message


def _case(tmp_path, **changes):
    case = {"org": "青川县妇女联合会", "year": 2024, "report_type": "pufa", "short_name": "县妇联",
            "date": "2025-01-20", "facts": FACTS.strip().splitlines()}
    case.update(changes)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return path


def test_cli_drafts_a_case_to_json_and_markdown(data_dir, tmp_path, capsys):
    out, md = tmp_path / "draft.json", tmp_path / "draft.md"
    assert main(["draft", "--case", str(_case(tmp_path)), "--out", str(out), "--md", str(md)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["report_type"] == "pufa" and data["meta"]["backend"] == "offline"
    assert {"id", "role", "heading", "text", "fact_ids", "sources", "flags"} <= set(data["sections"][1])
    assert md.read_text(encoding="utf-8").startswith("# 青川县妇女联合会2024年度“谁执法谁普法”普法责任制履职报告")


@pytest.mark.parametrize("changes, message", [
    ({"report_type": "annual"}, "未知的报告类型"),
    ({"year": 1850}, "不在"),
    ({"year": 2100}, "不在"),
    ({"facts": []}, "没有可用的事实"),
    ({"facts": ["😀"]}, "没有文字"),
    ({"date": "2025/13/45"}, "日期"),
])
def test_cli_bad_case_input_gets_a_message_not_a_traceback(data_dir, tmp_path, capsys, changes, message):
    assert main(["draft", "--case", str(_case(tmp_path, **changes))]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_refuses_a_binary_or_huge_facts_file(data_dir, tmp_path, capsys):
    binary = tmp_path / "facts.bin"
    binary.write_bytes(bytes(range(256)) * 20)
    huge = tmp_path / "huge.txt"
    huge.write_text("开展普法宣传28场次\n" * 400_000, encoding="utf-8")
    for path, message in [(binary, "二进制"), (huge, "过大")]:
        code = main(["draft", "--facts", str(path), "--type", "fazhi", "--org", "青川县妇女联合会", "--year", "2024"])
        assert code == 2
        assert message in capsys.readouterr().err
