"""Material with a model (a real chat-completions server on 127.0.0.1 that proposes, invents a
figure, drops a qualifier or fails), the coverage questions learned from the seed reports, and the
`reportdraft material` command that writes a facts or case file `reportdraft draft` takes."""

from __future__ import annotations

import json

from drafting.domain.meta import build_meta
from drafting.plan.material import gather, read_material
from drafting.plan.material.coverage import answers_to_facts, coverage_questions, usual_topics
from drafting.shell.cli import main
from drafting.shell.services import load_case
from drafting.shell.settings import Settings
from drafting.write.proposer import ModelProposer
from evals.fixtures.fake_model import ModelServer

ORG = "岚溪县妇女联合会"
ITEMS = ("2024年3月8日上午，岚溪县妇联联合县法院在城关镇人民广场开展“三八”维权周普法宣传活动，发放宣传资料1200余份。"
         "活动现场解答法律咨询80余人次。\n\n"
         "县妇联举办家庭教育讲座\n\n4月以来，县妇联走进12所中小学，举办家庭教育讲座18场，覆盖家长4500余人次。")


def _proposer(tmp_path, url) -> ModelProposer:
    env = {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": "sk-test", "REPORTDRAFT_MODEL": "scripted-model",
           "REPORTDRAFT_TIMEOUT": "3"}
    return ModelProposer(Settings.from_env(env=env, data_dir=tmp_path / "data").model_config())


def _gather(tmp_path, proposer):
    (tmp_path / "信息.txt").write_text(ITEMS, encoding="utf-8")
    reading = read_material([tmp_path / "信息.txt"], year=2024)
    return gather(reading, build_meta(ORG, 2024, "fazhi"), proposer=proposer, workers=1)


def test_a_good_model_proposes_and_each_proposal_is_built_from_its_item(tmp_path):
    with ModelServer() as server:
        material = _gather(tmp_path, _proposer(tmp_path, server.url))
    assert len(server.model.requests) == 2
    assert "【工作信息】" in server.model.requests[0]["messages"][-1]["content"]
    by_model = [c for c in material.candidates if c.by == "scripted-model"]
    assert by_model, "the model's proposals are used"
    figures = {f.text for c in material.candidates for f in c.figures}
    assert figures == {"1200余份", "80余人次", "12所", "18场", "4500余人次"}
    assert not [n for n in material.notes if "未采用" in n]


def test_a_model_that_invents_a_figure_is_refused_and_the_offline_extractor_keeps_every_figure(tmp_path):
    with ModelServer(["invent", "drop_qualifier"]) as server:
        material = _gather(tmp_path, _proposer(tmp_path, server.url))
    refused = [n for n in material.notes if "未采用" in n]
    assert any("数字“60人”原文中没有" in n for n in refused), refused
    assert any("原文中没有" in n for n in refused if "M2" in n), "4500余人次 without 余 is refused"
    figures = [f.text for c in material.candidates for f in c.figures]
    assert "60人" not in figures and "4500人次" not in figures
    assert {"1200余份", "80余人次", "12所", "18场", "4500余人次"} <= set(figures)


def test_a_model_that_fails_leaves_the_whole_job_to_the_offline_extractor(tmp_path):
    with ModelServer(["status:500"] * 5) as server:
        material = _gather(tmp_path, _proposer(tmp_path, server.url))
    assert all(c.by == "offline" for c in material.candidates)
    assert any("由离线提取完成" in n and "500" in n for n in material.notes)
    figures = {f.text for c in material.candidates for f in c.figures}
    assert figures == {"1200余份", "80余人次", "12所", "18场", "4500余人次"}


def test_what_county_fazhi_reports_usually_cover_is_learned_from_the_seed_reports(seed_index):
    usual = {u.topic: u for u in usual_topics(seed_index, "fazhi", "县")}
    assert {"study", "duty_system", "disputes"} <= set(usual)
    assert all(u.of == 3 and u.reports >= 2 for u in usual.values()), "3 fazhi seeds; half or more name it"
    assert "（二）健全普法责任制" in usual["duty_system"].example or usual["duty_system"].example


def test_questions_ask_only_for_what_the_facts_do_not_name_and_answers_become_facts(seed_index):
    meta = build_meta(ORG, 2024, "fazhi")
    asked = {q.key: q for q in coverage_questions(seed_index, meta, ["3月8日，开展“三八”维权周普法宣传活动"])}
    assert "duty_system" in asked and "festival" not in asked
    question = asked["duty_system"]
    assert question.text == "同类报告通常还写到“普法责任制（责任清单）”：今年有相关工作吗？"
    assert question.share.startswith("3份同类报告中有") and question.source
    facts = answers_to_facts(list(asked.values()), {"duty_system": "制定普法责任清单，明确普法任务12项", "study": "  "})
    assert facts == ["制定普法责任清单，明确普法任务12项"], "an empty answer leaves no trace"
    covered = coverage_questions(seed_index, meta, ["制定普法责任清单", "党组中心组学法4次", "排查矛盾纠纷132件"])
    assert "duty_system" not in {q.key for q in covered}


def test_the_material_command_prints_candidates_and_writes_a_case_file_draft_takes(tmp_path, data_dir, capsys):
    (tmp_path / "信息.txt").write_text(ITEMS, encoding="utf-8")
    case = tmp_path / "case.yaml"
    code = main(["material", str(tmp_path / "信息.txt"), "--org", ORG, "--year", "2024", "--backend", "offline",
                 "--take", "1", "--answer", "duty_system=制定普法责任清单", "--case-out", str(case)])
    out = capsys.readouterr().out
    assert code == 0
    assert "C1  3月8日  3月8日，联合县法院在城关镇人民广场开展“三八”维权周普法宣传活动" in out
    assert "[duty_system]" in out
    loaded = load_case(case)
    assert loaded["facts"][0].startswith("3月8日，联合县法院") and loaded["facts"][-1] == "制定普法责任清单"
    assert len(loaded["facts"]) == 2 and "# C1 来源：信息.txt" in case.read_text(encoding="utf-8")
    assert main(["draft", "--case", str(case)]) == 0
    assert "1200余份【F1】" in capsys.readouterr().out


def test_the_material_command_gives_json_and_exit_1_when_a_file_was_skipped(tmp_path, data_dir, capsys):
    (tmp_path / "信息.txt").write_text(ITEMS, encoding="utf-8")
    (tmp_path / "坏.pdf").write_bytes(b"not a pdf at all")
    code = main(["material", str(tmp_path / "信息.txt"), str(tmp_path / "坏.pdf"), "--org", ORG, "--year", "2024",
                 "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [s["file"] for s in data["skipped"]] == ["坏.pdf"]
    first = data["candidates"][0]
    assert {"id", "text", "figures", "when", "file", "sentence", "section", "also", "ticked"} <= set(first)
    assert first["figures"] == ["1200余份", "80余人次"] and first["ticked"] is True
