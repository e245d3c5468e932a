"""Official terms as data (lexicon/terms.yaml, and an office's own file): every entry is caught in a
draft, corrected in the facts with a notice, and never written by the composer; a law and the
congress are named in full where first named."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.domain.facts import fact_warnings, parse_facts
from drafting.domain.meta import build_meta
from drafting.domain.terms import term_table, use_office_terms
from drafting.domain.types import Draft, strip_markers
from drafting.engine import draft_report
from drafting.review.terms import official_terms
from drafting.shell.cli import main
from lexicon.terms import SHIPPED, Term, corrected, misuses, read_terms

ENTRIES = read_terms(SHIPPED)


@pytest.fixture(autouse=True)
def shipped_table_only():
    """Each test starts and ends with the shipped table (the office's file is process-wide)."""
    use_office_terms(None)
    yield
    use_office_terms(None)


@pytest.fixture(scope="module")
def clean(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    return draft_report(meta, "全年开展普法宣传28场次\n开展会前学法16次", index=seed_index)


@pytest.mark.parametrize("term", ENTRIES, ids=[t.wrong for t in ENTRIES])
def test_each_entry_is_caught_in_a_draft(clean, term: Term):
    assert official_terms(clean).passed, [f.message for f in official_terms(clean).findings]
    measures = next(s for s in clean.sections if s.role == "measures")
    # placed before anything else, so that it is the first mention
    sentence = f"认真学习{term.wrong}相关内容。"
    wrong = replace(clean, sections=[replace(s, text=sentence + s.text) if s.role == "preamble" else s
                                     for s in clean.sections])
    found = official_terms(wrong).findings
    assert [f.message for f in found] == [f"“{term.wrong}”{'首次出现时' if term.first else ''}应写作“{term.right}”"
                                         + (f"（{term.note}）" if term.note else "")], found
    assert found[0].section_id == clean.sections[0].id and measures.id != found[0].section_id


@pytest.mark.parametrize("term", ENTRIES, ids=[t.wrong for t in ENTRIES])
def test_the_composer_never_writes_a_wrong_form(seed_index, term: Term):
    meta = build_meta("青川县妇女联合会", 2019, "pufa", when="2019-12-20")
    facts = f"组织干部学习{term.wrong}12场次\n开展普法宣传20场次"
    draft = draft_report(meta, facts, index=seed_index)
    assert official_terms(draft).passed, [f.message for f in official_terms(draft).findings]
    text = "".join(strip_markers(s.text) for s in draft.sections)
    assert term.right in text and "12场次" in text


def test_a_wrong_form_in_a_fact_is_corrected_when_read_and_said():
    raw = "深入学习习总书记重要讲话精神\n宣传《中国人民共和国反家庭暴力法》"
    facts = parse_facts(raw)
    assert [f.text for f in facts] == ["深入学习习近平总书记重要讲话精神", "宣传《中华人民共和国反家庭暴力法》"]
    warnings = fact_warnings(facts, raw)
    assert any("“习总书记”应写作“习近平总书记”" in w and "已改正" in w for w in warnings)
    assert any("“中国人民共和国”应写作“中华人民共和国”" in w for w in warnings)


def test_a_short_form_after_the_full_one_is_right():
    terms = tuple(t for t in ENTRIES if t.right == "《中华人民共和国妇女权益保障法》")
    text = "学习《中华人民共和国妇女权益保障法》，宣传《妇女权益保障法》"
    assert misuses(text, terms) == []
    assert corrected("宣传《妇女权益保障法》，学习《妇女权益保障法》", terms) == \
        "宣传《中华人民共和国妇女权益保障法》，学习《妇女权益保障法》"


def test_an_office_adds_its_own_names_in_the_data_directory(seed_index, data_dir, tmp_path, capsys):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "terms.yaml").write_text("- wrong: 王主席\n  right: 王丽主席\n  note: 本会主席姓名写全\n"
                                         "- wrong: 暖心妈妈工作室\n  right: “暖心妈妈”工作室\n", encoding="utf-8")
    facts = tmp_path / "facts.txt"
    facts.write_text("王主席带头讲授法治专题党课1次\n依托暖心妈妈工作室调解纠纷12起\n", encoding="utf-8")
    out = tmp_path / "d.json"
    assert main(["draft", "--facts", str(facts), "--type", "fazhi", "--org", "青川县妇女联合会", "--year", "2024",
                 "--date", "2025-01-20", "--out", str(out)]) == 0
    drafted = "".join(s.text for s in Draft.from_json(out.read_text(encoding="utf-8")).sections)
    assert "王丽主席" in drafted and "“暖心妈妈”工作室" in drafted and "王主席带头" not in drafted
    assert {t.wrong for t in term_table()} >= {"王主席", "习总书记"}, "the office's entries and the shipped ones"
    assert main(["eval", str(out)]) == 0


def test_a_wrong_office_table_is_said_at_start(data_dir, monkeypatch, tmp_path, capsys):
    bad = tmp_path / "terms.yaml"
    bad.write_text("- wrong: 王主席\n", encoding="utf-8")
    monkeypatch.setenv("REPORTDRAFT_TERMS", str(bad))
    capsys.readouterr()
    assert main(["search", "普法"]) == 2
    err = capsys.readouterr().err
    assert "规范用语表" in err and "wrong 和 right" in err, err
    monkeypatch.setenv("REPORTDRAFT_TERMS", str(tmp_path / "missing.yaml"))
    capsys.readouterr()
    assert main(["eval", "--cases", str(tmp_path)]) == 2
    assert "REPORTDRAFT_TERMS" in capsys.readouterr().err


def test_a_stock_sentence_is_listed_as_the_text_has_it_after_a_law_named_in_full_earlier():
    """The note under a section quotes the 通用表述 the reader sees: a law named in full in an earlier
    section stays short in this one, in the text and in the note alike."""
    from drafting.domain.types import Section
    from drafting.write.pipeline import in_official_terms

    stock = "以《家庭教育促进法》《妇女权益保障法》等法律法规为重点，开展普法宣传"
    sections = [Section("s1", "measures", "一、举措", "宣讲《妇女权益保障法》42场次【F1】。"),
                Section("s2", "plans", "二、计划", f"一是{stock}。", stock=[stock])]
    earlier, plans = in_official_terms(sections)
    assert "《中华人民共和国妇女权益保障法》" in earlier.text
    assert plans.stock == ["以《中华人民共和国家庭教育促进法》《妇女权益保障法》等法律法规为重点，开展普法宣传"]
    assert plans.stock[0] in plans.text


def test_a_list_of_titles_the_table_cannot_write_alike_stays_as_pasted():
    """学习《教育法》《教师法》《未成年人保护法》…: only one of them has a full title in the table, and a
    list half expanded reads worse than the paste (the sixth reading's 014); a title on its own, or
    beside a regulation's (which has no longer form), is still written in full at its first mention."""
    from lexicon.terms import SHIPPED, corrected, read_terms

    table = read_terms(SHIPPED)
    listed = "学习《教育法》《教师法》《未成年人保护法》《义务教育法》和《行政许可法》等法律法规"
    assert corrected(listed, table, set()) == listed
    assert corrected("组织学习《民法典》《信访工作条例》等法律法规5次", table, set()).startswith(
        "组织学习《中华人民共和国民法典》《信访工作条例》"), "a regulation's title is whole: the law is written in full"
    assert "《中华人民共和国未成年人保护法》" in corrected("学习《未成年人保护法》", table, set())
