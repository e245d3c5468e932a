"""Write the example drafts in docs/examples from their cases: a 法治政府建设 report, a 普法履职报告
and a half-year work summary, each as JSON (with markers), Markdown (with the notes a reader sees)
and Word. Run after the composer changes:  python -m evals.make_examples"""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafting.engine import draft_report
from drafting.output.render import to_markdown
from drafting.output.word import write_docx
from drafting.review import check_draft
from drafting.shell.services import load_case, meta_from_case
from retrieval.index import ReportIndex

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {"fazhi_2024": "qingchuan_fazhi_2024", "pufa_2024": "qingchuan_pufa_2024",
            "zongjie_half_2024": "qingchuan_zongjie_half_2024"}


def main() -> None:
    out = ROOT / "docs" / "examples"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        index = ReportIndex(Path(tmp))
        index.index_corpus(ROOT / "corpus")
        for name, case_name in EXAMPLES.items():
            case = load_case(ROOT / "evals" / "cases" / f"{case_name}.yaml")
            draft = draft_report(meta_from_case(case), "\n".join(case["facts"]), index=index)
            results = check_draft(draft, index)
            (out / f"{name}.json").write_text(draft.to_json(), encoding="utf-8")
            (out / f"{name}.md").write_text(to_markdown(draft, markers=False, results=results), encoding="utf-8")
            write_docx(draft, out / f"{name}.docx", results=results)
            failed = [r.label for r in results if not r.passed]
            print(f"{name}: {len(draft.sections)} sections, checks failed: {failed or 'none'}")


if __name__ == "__main__":
    main()
