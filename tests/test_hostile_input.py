"""Hostile case files, facts and names (issue 17): one clear message and exit 2, never a
traceback, a hang or a silent cut; nothing typed can break an export."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafting.domain.facts import fact_warnings, parse_facts
from drafting.domain.meta import build_meta, settle
from drafting.errors import InputError
from drafting.shell.cli import main

from .conftest import qingchuan

CASE = """org: 青川县妇女联合会
year: 2024
report_type: fazhi
date: 2025-01-20
facts:
  - 全年开展普法宣传28场次
  - 开展会前学法16次
"""


def _case(tmp_path, text: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_drafting(monkeypatch):
    """Fails the test if drafting starts: these inputs must be refused before the index opens."""
    from drafting.shell import services

    def refuse(*_a, **_k):
        raise AssertionError("drafting started")

    monkeypatch.setattr(services, "open_index", refuse)


# -- case files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line, field", [
    ("org: 12345", "org"),
    ("report_type: [fazhi]", "report_type"),
    ("short_name: [x]", "short_name"),
    ("year: 2024.7", "year"),
    ("year: true", "year"),
    ("addressee: {a: 1}", "addressee"),
    ("facts: 全年开展普法宣传28场次", "facts"),
])
def test_a_field_of_the_wrong_type_is_named_and_exits_2(data_dir, tmp_path, capsys, no_drafting, line, field):
    key = line.split(":")[0]
    text = "\n".join(x for x in CASE.splitlines() if not x.startswith(key + ":")
                     and not (key == "facts" and x.startswith("  -"))) + "\n" + line + "\n"
    assert main(["draft", "--case", str(_case(tmp_path, text))]) == 2
    err = capsys.readouterr().err
    assert f"的 {field} 应是" in err and "Traceback" not in err


def test_an_impossible_date_is_a_message_not_a_crash(data_dir, tmp_path, capsys, no_drafting):
    text = CASE.replace("date: 2025-01-20", "date: 2024-13-45")
    assert main(["draft", "--case", str(_case(tmp_path, text))]) == 2
    assert "日期 '2024-13-45' 不是有效日期" in capsys.readouterr().err


LAUGHS = "\n".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
BOMB = ('org: 青川县妇女联合会\nyear: 2024\nreport_type: fazhi\n'
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        f"{LAUGHS}\n{{field}}: *i\nfacts: [开展普法宣传28场次]\n")


@pytest.mark.parametrize("field", ["doc_number", "date"])
def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(data_dir, tmp_path, capsys, no_drafting, field):
    text = BOMB.replace("{field}", field)
    assert len(text.encode()) < 600, "a few hundred bytes that stand for 9**9 strings"
    start = time.perf_counter()
    assert main(["draft", "--case", str(_case(tmp_path, text))]) == 2
    assert time.perf_counter() - start < 0.5
    assert "不支持 YAML 锚点和别名" in capsys.readouterr().err


def test_the_corpus_manifest_refuses_aliases_too(tmp_path):
    from retrieval.errors import RetrievalError
    from retrieval.index import load_manifest

    (tmp_path / "manifest.yaml").write_text(BOMB.replace("{field}", "title"), encoding="utf-8")
    with pytest.raises(RetrievalError, match="别名"):
        load_manifest(tmp_path)


# -- invisible characters -----------------------------------------------------------------------

HIDDEN = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
          "\ud800"]  # a lone surrogate: no text at all, and it broke the simplified-Chinese converter


@pytest.mark.parametrize("char", HIDDEN)
def test_bidi_overrides_and_zero_width_characters_are_removed_from_facts_with_a_warning(char):
    raw = f"开展普法宣传{char}28场次\n开展会前学法16次"
    facts = parse_facts(raw)
    assert facts[0].text == "开展普法宣传28场次" and facts[0].figures[0].value == 28
    assert any("不可见的控制字符" in w for w in fact_warnings(facts, raw))


def test_an_emoji_sequence_warns_about_emoji_only():
    raw = "开展普法宣传28场次👩\u200d👧"
    facts = parse_facts(raw)
    assert facts[0].text == "开展普法宣传28场次"
    assert fact_warnings(facts, raw) == ["已去掉表情符号：公文中不使用表情符号。"]


def test_hidden_characters_are_removed_from_the_names_and_the_user_is_told():
    meta = build_meta("青川县\u202e妇女联合会\u200b", 2024, "fazhi", short_name="县妇联\ufeff", when="2025-01-20")
    assert (meta.org, meta.short_name) == ("青川县妇女联合会", "县妇联")
    notices = settle(meta, parse_facts("开展普法宣传28场次")).notices
    assert any(n.startswith("单位全称：已去掉不可见的控制字符") for n in notices)
    assert any(n.startswith("自称：已去掉不可见的控制字符") for n in notices)


# -- field lengths ------------------------------------------------------------------------------

@pytest.mark.parametrize("field, label", [
    ("org", "单位全称"), ("short_name", "自称"), ("addressee", "主送机关"), ("doc_number", "发文字号"),
    ("signer", "签发人"), ("cc", "抄送"), ("printer", "印发机关"), ("leader_title", "负责人职务"),
])
def test_every_name_field_has_a_length_cap(field, label):
    values = {"org": "青川县妇女联合会", field: "某" * 1_000_000}
    org = values.pop("org")
    with pytest.raises(InputError, match=f"{label}过长（1000000 字，上限"):
        build_meta(org, 2024, "fazhi", **values)


def test_the_longest_allowed_name_still_exports(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    org = "某" * 56 + "妇女联合会"[:4]
    assert len(org) == 60
    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    draft = bench.outline(qingchuan("开展普法宣传28场次", org=org))
    docx_path, md_path = bench.export(draft, tmp_path / "out")
    assert docx_path.stat().st_size > 0 and len(docx_path.name.encode()) < 255


# -- output paths -------------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--out", "--md", "--docx"])
def test_an_output_folder_that_does_not_exist_is_said_before_drafting(data_dir, tmp_path, capsys, no_drafting, option):
    target = tmp_path / "no" / "such" / "dir" / "draft.out"
    assert main(["draft", "--case", str(_case(tmp_path, CASE)), option, str(target)]) == 2
    err = capsys.readouterr().err
    assert "不存在" in err and "没有开始起草" in err and "Traceback" not in err


def full_disk(tmp_path, name: str = "draft.out"):
    """An output file on a full disk: it passes the checks before drafting, and writing it fails
    with ENOSPC after (a link to /dev/full)."""
    link = tmp_path / name
    link.symlink_to("/dev/full")
    return link


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("option", ["--out", "--md"])
def test_an_output_that_fails_after_drafting_keeps_the_draft_in_the_store(data_dir, tmp_path, capsys, option):
    from drafting.output.store import DraftStore

    assert main(["draft", "--case", str(_case(tmp_path, CASE)), option, str(full_disk(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert "无法写入输出文件（No space left on device）" in err and "Traceback" not in err
    assert f"草稿已存入草稿库 {data_dir / 'drafts.sqlite3'}" in err and "注意：" not in err.split("错误：")[1]
    draft_id = err.split("编号 ")[1].split("）")[0]
    assert DraftStore(data_dir / "drafts.sqlite3").load(draft_id).meta.org == "青川县妇女联合会"


def test_outputs_in_a_writable_folder_pass_the_check_before_drafting(tmp_path):
    from drafting.engine import Outputs

    Outputs(json=tmp_path / "draft.json").check()
    with pytest.raises(InputError, match="是一个目录"):
        Outputs(docx=tmp_path).check()


def test_terse_facts_draft_from_the_command_line_without_a_traceback(data_dir, tmp_path, capsys):
    """"其他7条", "5人" … each crashed 生成提纲 and the CLI with ZeroDivisionError (placement)."""
    facts = tmp_path / "facts.txt"
    facts.write_text("\n".join(["其他7条", "线索7条", "共7条", "新增2家", "5人", "7条", "其它5项"]), encoding="utf-8")
    out = tmp_path / "d.md"
    assert main(["draft", "--facts", str(facts), "--type", "fazhi", "--org", "青川县妇女联合会", "--year", "2024",
                 "--date", "2025-01-20", "--md", str(out)]) == 0, capsys.readouterr().err
    assert "Traceback" not in capsys.readouterr().err and "5人" in out.read_text(encoding="utf-8")


def test_a_control_character_in_a_long_paste_no_longer_breaks_the_word_export(tmp_path):
    """ESC or BEL in a short paste is refused as binary; one in a long paste used to reach the draft
    and make every Word export fail."""
    from drafting.engine import draft_report
    from drafting.output.word import write_docx

    facts = ("全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次\x07\n"
             "开展会前学法16次\n受理信访案件43件，办结率100%")
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts)
    assert write_docx(draft, tmp_path / "d.docx").stat().st_size > 0
