"""The engine as a tool calls it: one request in, the draft, the checks' results and the files out —
the same sequence the app, the CLI and the evals run, with its events in order."""

from __future__ import annotations

import docx

from drafting.domain.meta import build_meta
from drafting.engine import DraftRequest, Engine, EventKind, Outputs
from drafting.output.store import DraftStore

from .test_continuity import FACTS_2024


def wanyuan(**options) -> DraftRequest:
    return DraftRequest(build_meta("万源市妇女联合会", 2024, "fazhi", when="2025-01-20"), FACTS_2024, **options)


def test_one_call_gives_the_draft_its_checks_and_its_files(seed_index, tmp_path):
    outputs = Outputs(json=tmp_path / "d.json", markdown=tmp_path / "d.md", docx=tmp_path / "d.docx",
                      markers=False)
    result = Engine(seed_index).run(wanyuan(), outputs)
    assert [s.role for s in result.draft.sections][:2] == ["preamble", "measures"]
    assert {r.name for r in result.results} >= {"figure_accuracy", "foreign_particulars", "time_wording"}
    assert result.passed == all(r.passed for r in result.results)
    assert set(result.files) == {"json", "markdown", "docx"}
    markdown = result.files["markdown"].read_text(encoding="utf-8")
    assert "与上年报告相同，请核实" in markdown and "【F" not in markdown, "open problems travel, markers do not"
    assert any("35场次" in p.text for p in docx.Document(str(result.files["docx"])).paragraphs)


def test_the_outline_comes_first_then_each_section_then_the_finished_draft(seed_index):
    events = []
    draft = Engine(seed_index).draft(wanyuan(), events.append)
    kinds = [e.kind for e in events]
    assert kinds[0] is EventKind.OUTLINED
    assert events[0].draft.previous.found, "last year's report is shown before anything is written"
    assert kinds[-1] is EventKind.FINISHED and events[-1].draft == draft
    for section in draft.sections:
        mine = [e.kind for e in events if e.section_id == section.id]
        assert mine[0] is EventKind.START and mine[-1] is EventKind.DONE


def test_the_comparisons_asked_for_are_put_in(seed_index):
    everything = Engine(seed_index).draft(wanyuan(accept="all"))
    offered = len(everything.comparisons)
    derived = [f.id for f in everything.facts if f.derived]
    assert offered >= 2 and derived == [f"D{n}" for n in range(1, offered + 1)]
    first = Engine(seed_index).draft(wanyuan(accept=(0, 99)))
    offers = [f.derived.offer for f in first.facts if f.derived]
    assert offers == [0], "a position nothing was offered at is ignored"


def test_a_draft_asked_to_be_kept_is_in_the_store_for_its_owner(seed_index, tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    draft = Engine(seed_index, store=store).run(wanyuan(save=True, owner="万源市妇联")).draft
    assert store.load(draft.id) == draft and [r.id for r in store.list(owner="万源市妇联")] == [draft.id]
    store.close()
