"""`reportdraft merge` and `reportdraft eval`: a draft read back from a Word file edited in Word/WPS
and checked again, and drafts or a set of cases checked."""

from __future__ import annotations

from pathlib import Path

from drafting.errors import InputError

from .settings import Settings


def cmd_merge(args, settings: Settings) -> int:
    """An edited .docx back into its draft: changes per section, checks re-run, new version saved."""
    from drafting.domain.types import Draft
    from drafting.engine import Engine
    from drafting.output.word_merge import OtherDraftFile

    from .cases import print_results
    from .services import open_index, open_store

    draft = Draft.from_json(Path(args.draft).read_text(encoding="utf-8"))
    engine = Engine(open_index(settings), store=lambda: open_store(settings))
    try:
        merged, changes = engine.merge(draft, Path(args.docx), other_draft=args.accept_other_draft)
    except OtherDraftFile as exc:
        raise InputError(f"{args.docx} 是从另一份草稿导出的（草稿编号 {exc.file_id}），不是 {args.draft}"
                         f"（{exc.draft_id}）的：没有读回。请读回到那一份草稿的 JSON；"
                         "确要读进这一份，加 --accept-other-draft。") from None
    for change in changes:
        print(f"【{change.heading}】")
        for line in change.diff:
            print(f"  {line}")
    if not changes:
        print("Word 文件与草稿一致，没有改动。")
    Path(args.out or args.draft).write_text(merged.to_json(), encoding="utf-8")
    engine.save(merged, "docx")
    results = engine.check(merged)
    print_results(results)
    return 0 if all(r.passed for r in results) else 1


def cmd_eval(args, settings: Settings) -> int:
    from .cases import eval_cases_command, eval_draft_command

    if args.cases:
        return eval_cases_command(Path(args.cases), settings, args.json, args.backend or ["offline"])
    if not args.draft:
        raise InputError("请给出 DRAFT.json，或 --cases DIR。")
    return eval_draft_command(Path(args.draft), settings, args.json)
