"""A draft saved by version 0.2.0 — flags as text, last year's report, a D fact's origin and the usage
as plain dictionaries — opens from the user's database with nothing lost: its flags are findings,
the app and the files show them as before, and saved again it keeps the contract's JSON fields."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from drafting.domain.findings import Severity
from drafting.output.render import to_markdown
from drafting.output.store import DraftStore
from drafting.shell import cards as C

SAVED = Path(__file__).parent / "data" / "draft_saved_by_0.2.0.json"


@pytest.fixture
def old_json() -> dict:
    return json.loads(SAVED.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path, old_json):
    """The user's database with the old draft in it, written as version 0.2.0 wrote it."""
    store = DraftStore(tmp_path / "drafts.sqlite3")
    meta = old_json["meta"]
    row = (old_json["id"], meta["org"], meta["report_type"], meta["year"], meta["title"],
           SAVED.read_text(encoding="utf-8"))
    with sqlite3.connect(tmp_path / "drafts.sqlite3") as db:
        db.execute("INSERT INTO drafts (id, org, report_type, year, title, created, updated, body, name, "
                   "owner) VALUES (?,?,?,?,?,0,0,?,'旧草稿','')", row)
    yield store
    store.close()


def test_its_flags_open_as_findings(store, old_json):
    draft = store.load(old_json["id"])
    stale, = draft.sections[1].flags
    assert (stale.message, stale.severity) == ("F2 的“16次”与上年报告相同，请核实", Severity.WARNING)
    checked = draft.sections[2].flags
    assert all(f.severity is Severity.ERROR for f in checked), "核对未通过 came from the checks on the text"
    assert (checked[-1].message, checked[-1].sentence) == ("数字无出处：60人（事实里没有这个数字）", "另培训骨干60人。")
    fallback, = draft.sections[3].flags
    assert fallback.severity is Severity.WARNING and fallback.message.startswith("大模型未能完成本部分")


def test_last_years_report_the_d_fact_and_the_usage_open_typed(store, old_json):
    draft = store.load(old_json["id"])
    assert draft.previous.found and draft.previous.year == 2023
    assert draft.previous.plans[2].progress == "完成年度计划的90%" and draft.previous.comparisons[-1].kind == "plan"
    assert draft.fact("D1").derived.source == "F1" and draft.fact("D1").derived.offer == 0
    assert draft.tokens.calls == 8 and draft.tokens.fallbacks == 1 and draft.tokens.refused == 0


def kept(old, new) -> bool:
    """Every field of `old` is in `new` with the same value (fields added since may be there too)."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and kept(v, new[k]) for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(map(kept, old, new))
    return old == new


def test_saved_again_it_keeps_every_field_and_each_flag_its_words(store, old_json):
    saved = json.loads(store.load(old_json["id"]).to_json())
    flags = [[(f["message"], f["sentence"]) for f in s.pop("flags")] for s in saved["sections"]]
    old_flags = [s.pop("flags") for s in old_json["sections"]]
    assert kept(old_json, saved), "everything but the flags' shape is as it was saved"
    assert flags[1] == [(old_flags[1][0], "")]
    assert flags[2][-1] == ("数字无出处：60人（事实里没有这个数字）", "另培训骨干60人。")


def test_the_app_and_the_markdown_show_its_flags_as_before(store, old_json):
    draft = store.load(old_json["id"])
    card = C.section_cards(draft)[2]
    assert "⚠ 核对未通过：数字无出处：60人（事实里没有这个数字）——“另培训骨干60人。”" in card.info
    markdown = to_markdown(draft)
    assert "> 待核实：数字无出处：60人（事实里没有这个数字）（“另培训骨干60人。”）" in markdown
    assert "> 待核实：大模型未能完成本部分（服务返回错误 500），已改用离线起草，请核对。" in markdown
