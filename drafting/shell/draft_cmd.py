"""`reportdraft draft`: the options or a case file into a request for the engine; who writes, what
was decided and last year's report shown before the sections, then the draft or its files."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from drafting.errors import InputError

from .settings import Settings


def cmd_draft(args, settings: Settings) -> int:
    """Translate the options into a request for the engine; show its outline, then the draft or its files."""
    from drafting.engine import Engine, EventKind, OutputsNotWritten
    from drafting.output.render import to_markdown

    from .services import make_writer, open_index, open_store

    request, outputs = draft_request(args), draft_outputs(args)
    outputs.check()
    index = open_index(settings).for_owner("")  # the shared reports, never an organisation's uploads
    writer = make_writer(settings, args.backend)
    engine = Engine(index, writer, lambda: open_store(settings), settings.concurrency)
    print(settings.backend_notice() if (args.backend or "") != "offline" else "使用离线起草", file=sys.stderr)

    def show(event) -> None:
        if event.kind is EventKind.OUTLINED:
            show_outline(event.draft)

    try:
        result = engine.run(request, outputs, on_event=show)
    except OutputsNotWritten as failed:  # the draft is kept in the store; say so after what it holds
        show_draft(failed.draft)
        print(f"错误：{failed}", file=sys.stderr)
        return 2
    show_draft(result.draft)
    if not outputs.paths:
        print(to_markdown(result.draft, results=result.results))  # every open problem, as in the files
    return 0


def draft_request(args):
    """The request a case file or the --facts/--type/--org/--year options make."""
    from drafting.domain.meta import build_meta
    from drafting.engine import DraftRequest

    from .services import load_case, meta_from_case

    if args.case:
        case = load_case(Path(args.case))
        facts_text, meta = "\n".join(case["facts"]), meta_from_case(case)
    else:
        if not (args.facts and args.type and args.org and args.year):
            raise_input("请给出 --case CASE.yaml，或同时给出 --facts FILE --type KIND --org NAME --year N。")
        facts_text = read_facts_file(Path(args.facts))
        meta = build_meta(args.org, args.year, args.type, args.short_name or "", args.addressee or "",
                          args.date or "", args.period or "")
    if args.shape:
        meta = replace(meta, shape=args.shape)
    chosen = args.accept_comparisons or ""
    accept = "all" if chosen == "all" else tuple(int(n) - 1 for n in chosen.split(",")
                                                 if n.strip().isdigit() and int(n) > 0)
    return DraftRequest(meta, facts_text, accept=accept)


def draft_outputs(args):
    from drafting.engine import Outputs

    def path(given: str | None) -> Path | None:
        return Path(given).expanduser() if given else None

    return Outputs(json=path(args.out), markdown=path(args.md), docx=path(args.docx), sources=args.sources)


def show_outline(draft) -> None:
    """Before the sections are written: who writes as the tool understood it, what it decided, last year."""
    from drafting.plan.continuity import previous_lines

    print(profile_line(draft), file=sys.stderr)
    for notice in draft.meta.notices:
        print(f"提示：{notice}", file=sys.stderr)
    for line in previous_lines(draft):
        print(line, file=sys.stderr)


def show_draft(draft) -> None:
    """After: what the model cost, each section's open problems, the facts' warnings."""
    spent = draft.tokens
    if not spent.empty:
        print(f"用量：提示 {spent.prompt_tokens} tokens，生成 {spent.completion_tokens} tokens，"
              f"失败重试 {spent.failures} 次，离线兜底 {spent.fallbacks} 部分", file=sys.stderr)
    for section in draft.sections:
        for flag in section.flags:
            print(f"注意：{section.heading or '导语'}：{flag.line}", file=sys.stderr)
    for warning in draft.warnings:
        print(f"提示：{warning}", file=sys.stderr)


def raise_input(message: str):
    raise InputError(message)


def profile_line(draft) -> str:
    """Who writes, as the tool understood it: checked by the user before anything else."""
    from drafting.domain.wording import profile_of

    period = "上半年" if draft.meta.period == "half" else "全年"
    return (f"单位画像：{profile_of(draft.meta).summary()} · 期间：{period}"
            f" · 成文日期：{draft.meta.date or '留空（由签发人填写）'}")


def read_facts_file(path: Path) -> str:
    from retrieval.errors import SkippedFile
    from retrieval.readers import decode_text

    if not path.is_file():
        raise_input(f"找不到事实文件 {path}。")
    if path.stat().st_size > 5 * 1024 * 1024:
        raise_input(f"事实文件 {path} 过大（超过 5 MB）：请只放本年度的要点，每行一条。")
    try:
        return decode_text(path.read_bytes())
    except SkippedFile as exc:
        raise_input(f"事实文件 {path} 无法读取：{exc}。")
