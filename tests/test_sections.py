"""Many sections (issue 25): a draft takes up to 99 numbered sections and the next one is refused
with a message (the 105th used to fail with a bare IndexError), and saving a section costs the
same whether the draft has 10 sections or 90."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from drafting.domain.types import Section
from drafting.errors import InputError
from drafting.output.render import to_markdown
from drafting.output.store import body_of
from drafting.shell import cards as C
from drafting.shell import session as S
from drafting.shell.outline_edits import MAX_SECTIONS
from drafting.shell.settings import Settings

from .conftest import qingchuan


@pytest.fixture
def bench(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    return Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())


def test_sections_are_added_up_to_the_cap_and_the_next_is_refused_in_chinese(bench):
    draft, _ = S.outline(bench, qingchuan("开展普法宣传28场次\n基层力量不足"))
    while len(draft.body_sections()) < MAX_SECTIONS:
        draft = S.outline_change(bench, "add_section", draft, f"新增工作{len(draft.sections)}")
    assert len(draft.body_sections()) == 99
    with pytest.raises(InputError, match="最多 99 个部分"):
        S.outline_change(bench, "add_section", draft, "第一百个部分")
    assert "最多 99 个部分" in S.refusal(InputError("一份报告最多 99 个部分")), "shown beside the button"
    assert "九十九、" in to_markdown(draft) and len(C.section_cards(draft)) == 100
    assert bench.store.load(draft.id) == draft, "the refused addition changed nothing"


def _wide(draft, count: int):
    """The draft with `count` sections in all, the extra ones holding a paragraph each."""
    extra = [Section(id=f"s{100 + i}", role="measures", heading=f"新增工作{i}", text="县妇联开展了工作。" * 40)
             for i in range(count - len(draft.sections))]
    return replace(draft, id=f"wide{count}", sections=draft.sections + extra)


def _statements_of_one_save(bench, draft) -> list[str]:
    bench.store.save(draft, "outline")
    seen: list[str] = []
    bench.store._db.set_trace_callback(seen.append)
    try:
        S.section_action(bench, draft, {}, draft.sections[-1].id, "edit", "县妇联修改了这一部分。")
    finally:
        bench.store._db.set_trace_callback(None)
    return seen


def test_saving_one_section_runs_as_many_statements_with_90_sections_as_with_10(bench):
    """A save used to ask the database for each section's last version: 90 queries for 90 cards."""
    draft, _ = S.outline(bench, qingchuan("开展普法宣传28场次\n基层力量不足"))
    small, large = _statements_of_one_save(bench, _wide(draft, 10)), _statements_of_one_save(bench, _wide(draft, 90))
    assert len(small) == len(large) <= 10, (small, large)  # the row, its name, versions, one step of history


def test_the_stored_body_is_the_drafts_json(bench):
    outlined, _ = S.outline(bench, qingchuan("开展普法宣传28场次\n基层力量不足"))
    draft = next(d for d, done in S.write(bench, outlined, []) if done)
    assert json.loads(body_of(draft)) == json.loads(draft.to_json())
