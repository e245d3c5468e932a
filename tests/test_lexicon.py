"""The vocabulary floor: one table for each part of the language of 公文, read the same way by the
importer below and the drafting above."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from drafting.domain.classify import FactKind, classify
from drafting.domain.facts import fact_warnings, parse_facts
from drafting.domain.meta import build_meta
from drafting.domain.profile import profile_for
from drafting.domain.types import Fact
from drafting.plan.plans import plan_items
from drafting.write.offline import LEADER, PLAN_LEAD
from lexicon.cues import LEADER_TITLES, PLAN_AHEAD, heading_role, paragraph_role, title_kind
from lexicon.figures import extract_figures
from lexicon.levels import LEVELS, level_of
from lexicon.plain import INVISIBLE
from lexicon.roles import Kind, Role
from retrieval.ingest import import_file
from retrieval.metadata import places_of, short_name_of


@pytest.mark.parametrize("region, short_name", [
    ("四川省达州市万源市", "市妇联"),
    ("重庆市潼南区", "区妇联"),
    ("宁夏回族自治区", "自治区妇联"),
    ("内蒙古自治区锡林郭勒盟", "盟妇联"),
    ("西藏自治区阿里地区", "地区妇联"),
    ("青川县龙潭镇", "镇妇联"),
    ("东城街道", "街道妇联"),
    ("某某单位", "妇联"),
])
def test_an_imported_report_gets_the_self_name_the_profile_would_give_it(region, short_name):
    assert short_name_of(region) == short_name
    if level_of(region):
        assert profile_for(region + "妇女联合会").self_name == short_name


def test_every_level_is_read_from_the_same_suffixes_by_the_importer_and_the_profile():
    for level in LEVELS.values():
        for suffix in level.suffixes:
            assert level_of("青川" + suffix) == level.key
            assert profile_for("青川" + suffix + "妇女联合会").level == level.key
    assert places_of("宁夏回族自治区中卫市沙坡头区") == ["宁夏", "中卫", "沙坡头"]


def test_a_name_that_is_only_a_level_is_placed_at_that_level():
    for key in LEVELS:
        assert level_of(key) == key
        assert profile_for(key + "妇联").placed


def test_a_plan_is_a_plan_to_the_importer_and_to_the_fact_reader():
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    for lead in PLAN_AHEAD:
        assert heading_role(f"{lead}重点") == Role.PLANS
        assert paragraph_role(Role.SHORTCOMINGS, f"{lead}，将加强普法队伍建设。") == Role.PLANS
        assert classify(Fact("F1", f"{lead}开展普法宣传进村入户活动"), meta) == FactKind.PLAN
        assert PLAN_LEAD.sub("", f"{lead}，将开展普法宣传") == "开展普法宣传"
        last_year = SimpleNamespace(role=Role.PLANS, text=f"一是{lead}，将加强偏远地区普法宣传。")
        assert plan_items([last_year]) == ["加强偏远地区普法宣传"]
    assert paragraph_role(Role.MEASURES, "下一步，将加强普法队伍建设。") == Role.MEASURES


def test_the_head_of_the_organisation_is_named_alike_by_the_classifier_and_the_composer():
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    for title in LEADER_TITLES:
        assert classify(Fact("F1", f"{title}带头学法，讲授法治课2次"), meta) == FactKind.DUTY
        assert LEADER.match(f"{title}，带头学法").end() == len(title) + 1
    assert LEADER.match("党组书记、主席带头述法").group(0) == "党组书记、主席"
    # Mid-sentence only a title of the head says whose duty it is: 主要领导 may be the leadership.
    assert classify(Fact("F1", "今年来，街道主要领导亲自部署意识形态工作"), meta) != FactKind.DUTY
    assert classify(Fact("F1", "今年来，街道党工委书记亲自部署普法工作"), meta) == FactKind.DUTY


def test_the_kind_of_an_imported_report_is_read_from_its_title():
    assert title_kind("沙坡头区妇联“谁执法谁普法”普法责任制履职报告") == Kind.PUFA
    assert title_kind("古县妇女联合会2021年度法治政府建设情况报告") == Kind.FAZHI
    assert title_kind("某某市妇联2023年工作总结及2024年工作计划") == Kind.ZONGJIE
    assert title_kind("关于开展三八节活动的通知") is None
    assert heading_role("存在的不足和原因") == Role.SHORTCOMINGS
    assert heading_role("主要负责人履行推进法治建设第一责任人职责情况") == Role.FIRST_RESPONSIBLE
    assert heading_role("强化组织领导") == Role.MEASURES


# One cleaning for an imported report and a pasted fact: what hides in a text never reaches the
# index or the draft, and a lone surrogate (no text at all) breaks neither.
HIDDEN = "全年开展\u200b普法宣传2\u202e8场次，发放宣传资料8万余册。"
SHOWN = "全年开展普法宣传28场次，发放宣传资料8万余册。"


def _indexed_text(path: Path) -> str:
    report = import_file(path)
    return "".join(c.text for c in report.chunks) + report.meta.title


def test_hidden_characters_in_an_imported_text_or_web_page_never_reach_the_index(tmp_path):
    (tmp_path / "report.txt").write_text(f"一、主要举措\n{HIDDEN}\n", encoding="utf-8")
    entities = HIDDEN.replace("\u200b", "&#x200B;").replace("\u202e", "&#8238;")
    (tmp_path / "report.html").write_text(f"<html><body><p>一、主要举措</p><p>{entities}</p>"
                                          f"<p>{HIDDEN}</p></body></html>", encoding="utf-8")
    for name in ("report.txt", "report.html"):
        text = _indexed_text(tmp_path / name)
        assert SHOWN in text and not INVISIBLE.search(text), name
        assert [f.text for f in extract_figures(text)][:2] == ["28场次", "8万余册"]


def test_a_lone_surrogate_in_an_imported_pdf_is_removed_not_a_crash_or_a_skipped_file(tmp_path):
    # A font map (ToUnicode) that sends one glyph to U+D800: pypdf hands the lone surrogate on.
    glyphs = dict(zip("ABCDEFGHIJKLM", "全年开展普法宣传场次\ud800\u200b\u202e", strict=True))
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf_with_font_map("(ABKCDLEFGH2M8IJ)", glyphs))
    text = _indexed_text(path)
    assert "全年开展普法宣传28场次" in text and not INVISIBLE.search(text)


def test_a_pasted_fact_is_cleaned_the_same_way_and_the_user_is_told():
    raw = "全年开展\ud800普法宣传2\u200b8场次\u202e"
    facts = parse_facts(raw)
    assert facts[0].text == "全年开展普法宣传28场次" and [f.text for f in facts[0].figures] == ["28场次"]
    assert any("不可见" in w for w in fact_warnings(facts, raw))


def _pdf_with_font_map(shown: str, glyphs: dict[str, str]) -> bytes:
    """A one-page PDF showing `shown` in Helvetica, each letter mapped to its glyph by ToUnicode."""
    pairs = "\n".join(f"<{ord(k):02X}> <{ord(v):04X}>" for k, v in glyphs.items())
    cmap = (f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
            f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(glyphs)} beginbfchar\n{pairs}\n"
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    content = f"BT /F1 12 Tf 72 720 Td {shown} Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(out))
    return out + xref + trailer
