"""The 本年度工作信息 section's steps without a server (drafting.shell.material_view): a paste and a
file read into the table, the item outside the year and the file that cannot be read each said
with its reason; then what goes into the facts box — the ticked candidates as edited, the user's
own row, the answers given — each line taken from a candidate with its sources, and nothing twice."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from drafting.errors import InputError
from drafting.shell import material_view as M
from drafting.shell.form import Form
from drafting.shell.settings import Settings

PASTE = """县妇联开展“三八”维权周普法宣传活动
3月8日，县妇联联合县法院在人民广场开展“三八”维权周普法宣传活动，发放宣传资料1200余份，解答法律咨询80余人次。

县妇联参加2023年宪法宣传周活动
2023年12月4日，县妇联参加全县“宪法宣传周”集中宣传活动，发放宪法读本600余份。

县妇联举办反家暴业务培训班
4月18日，县妇联联合县公安局举办反家庭暴力业务培训班，民警、乡镇妇联主席共86人参加。
"""
FORM = Form(org="岚溪县妇女联合会", year=2024, kind="fazhi")


@pytest.fixture
def read(tmp_path, seed_index):
    bench = SimpleNamespace(settings=Settings.from_env(env={}, data_dir=tmp_path / "data"), index=seed_index)
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64)
    return M.read(bench, FORM, [scan], PASTE)


def test_the_table_and_what_was_left_out_with_why(read):
    rows = M.rows(read)
    assert [r[1] for r in rows] == ["C1", "C2", ""] and rows[-1][5] == M.OWN, "the candidates, then a row for one's own"
    week = rows[0]
    assert week[0] is True and week[2] == "3月8日" and week[4] == "1200余份、80余人次"
    assert week[5].startswith("《县妇联开展“三八”维权周普法宣传活动》（粘贴）：3月8日，县妇联联合县法院")
    assert week[6].startswith("2024年推进法治政府建设"), "the section the outline would file it under"
    summary = M.summary(read)
    assert ("放在一边：《县妇联参加2023年宪法宣传周活动》（粘贴）："
            "日期为2023年12月4日，不在报告期（2024年）内") in summary
    assert "跳过文件 扫描件.pdf：PDF 文件已损坏" in summary
    assert read.questions and all(q.text.startswith("同类报告通常还写到“") for q in read.questions)
    assert "回答会成为一条事实" in M.question_hint(read.questions[0])


def test_ticked_edited_own_and_answered_lines_go_in_each_candidate_with_its_sources(read):
    rows = M.rows(read)
    rows[1][3] = rows[1][3].replace("4月18日，", "4月18日，县妇联")  # edited
    rows[2][0], rows[2][3] = None, "全年开展普法宣传28场次"  # the user's own row, its tick never clicked
    answers = ["组织党组理论学习中心组学法4次", "   "] + [""] * 6  # the second question skipped
    facts, origins, said = M.take(read, rows, answers, "党组书记、主席带头讲授法治专题党课1次", {})
    assert facts.split("\n") == ["党组书记、主席带头讲授法治专题党课1次", rows[0][3], rows[1][3],
                                 "全年开展普法宣传28场次", "组织党组理论学习中心组学法4次"]
    assert list(origins) == [rows[0][3], rows[1][3]], "the user's row and the answer have no source"
    assert [o.edited for o in origins[rows[0][3]]] == [False] and [o.edited for o in origins[rows[1][3]]] == [True]
    assert origins[rows[0][3]][0].file == "粘贴" and "1200余份" in origins[rows[0][3]][0].sentence
    assert "已加入事实框 4 条：候选事实 2 条（其中 1 条经您修改）、自己补充 1 条、回答 1 条" in said

    with pytest.raises(InputError, match="没有要加入的内容"):  # pressed again: nothing twice
        M.take(read, rows, answers, facts, origins)
    kept = facts.replace(rows[0][3] + "\n", "")  # the user deleted a line from the box
    unticked = [[False, *r[1:]] if r[1] == "C1" else r for r in rows[:-1]] + [[True, "", "", "开展家庭教育讲座18场"]]
    again, mapped, said = M.take(read, unticked, [], kept, origins)
    assert again == kept + "\n开展家庭教育讲座18场" and "自己补充 1 条" in said
    assert list(mapped) == [rows[1][3]], "a source goes with its line: none for the line deleted"


def test_what_is_refused_and_said(read, tmp_path, seed_index):
    bench = SimpleNamespace(settings=Settings.from_env(env={}, data_dir=tmp_path / "d"), index=seed_index)
    with pytest.raises(InputError, match="请先上传或粘贴工作信息"):
        M.read(bench, FORM, [], "  ")
    with pytest.raises(InputError, match="单位全称"):
        M.read(bench, Form(year=2024), [], PASTE)
    with pytest.raises(InputError, match="请先上传或粘贴工作信息"):
        M.take(None, [], [], "", {})
    full = "\n".join(f"第{n}条事实" for n in range(1, 200))
    with pytest.raises(InputError, match="超过 200 条"):
        M.take(read, M.rows(read), [], full, {})
