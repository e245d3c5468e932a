"""The `reportdraft` command: wiring only. Errors become one clear line and a non-zero exit.

Each command imports what it needs when it runs, so `reportdraft --help` stays quick."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

from drafting.errors import InputError, ReportDraftError
from lexicon.roles import SHAPES, Kind, Role
from retrieval.errors import RetrievalError, storage_reason

from .material_cmd import add_material_command
from .settings import Settings, apply_offline_env

apply_offline_env()


def cmd_index(args, settings: Settings) -> int:
    from .services import open_index

    index = open_index(settings, build_if_empty=False)
    corpus = Path(args.corpus) if args.corpus else settings.corpus_dir
    run = index.index_corpus(corpus, prune=args.prune, max_bytes=settings.max_upload_mb * 1024 * 1024)
    for doc in run.added:
        print(f"新增  {doc}")
    for doc in run.replaced:
        print(f"更新  {doc}")
    for doc in run.removed:
        print(f"移除  {doc}")
    for path, reason in run.skipped:
        print(f"跳过  {path}：{reason}", file=sys.stderr)
    print(f"共 {len(index.documents())} 份报告、{index.chunk_count()} 个段落在索引中"
          f"（新增 {len(run.added)}，更新 {len(run.replaced)}，未变 {len(run.unchanged)}，跳过 {len(run.skipped)}）。")
    return 1 if run.skipped else 0


def cmd_search(args, settings: Settings) -> int:
    from .services import open_index

    index = open_index(settings)
    results = index.search(args.query, role=args.role, report_type=args.type, k=args.k)
    if args.json:
        print(json.dumps([p.to_dict() for p in results], ensure_ascii=False, indent=2))
        return 0
    for p in results:
        print(f"[{p.score:.3f}] {p.title} · {p.heading or '导语'} （{p.role}）\n    {p.text[:120]}")
    return 0


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


def check_outputs(paths: list[str | None]) -> None:
    """Before any work: every output file named can be created (its folder exists and is writable)."""
    from drafting.engine import check_writable

    check_writable([Path(p).expanduser() for p in paths if p])


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
        raise_input("请给出 DRAFT.json，或 --cases DIR。")
    return eval_draft_command(Path(args.draft), settings, args.json)


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportdraft", description="妇联年度报告起草工具")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", help="索引与数据目录（默认 $REPORTDRAFT_DB 或 ~/.reportdraft）")
        return p

    p = with_db(sub.add_parser("index", help="把往年报告导入索引"))
    p.add_argument("--corpus", help="报告所在目录（默认内置语料）")
    p.add_argument("--prune", action="store_true", help="移除目录里已不存在的报告")
    p.set_defaults(func=cmd_index)

    p = with_db(sub.add_parser("search", help="检索往年报告的段落"))
    p.add_argument("query")
    p.add_argument("--role", choices=[r.value for r in Role], help="；".join(f"{r.value}={r.label}" for r in Role))
    p.add_argument("--type", choices=[k.value for k in Kind], help="；".join(f"{k.value}={k.label}" for k in Kind))
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = with_db(sub.add_parser("draft", help="根据事实起草报告"))
    p.add_argument("--case", help="案例文件（YAML）")
    p.add_argument("--facts", help="事实文件，每行一条")
    p.add_argument("--type", choices=[k.value for k in Kind], help="；".join(f"{k.value}={k.label}" for k in Kind))
    p.add_argument("--org")
    p.add_argument("--year")
    p.add_argument("--short-name")
    p.add_argument("--addressee")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（不填：今天若在通常的成文时间内则用今天，否则留空由签发人填写）")
    p.add_argument("--period", choices=["half", "annual"], help="总结期间（工作总结用）；不填则按事实判断")
    p.add_argument("--shape", choices=list(SHAPES), help="法治政府建设报告的结构：statutory＝一、主要举措和成效下分"
                   "（一）（二）…（默认，或按本单位往年报告）；themed＝按主题分几个一级标题")
    p.add_argument("--backend", choices=["offline", "llm"], help="默认：配置了大模型则用 llm，否则 offline")
    p.add_argument("--accept-comparisons", metavar="all|1,2",
                   help="把与上年报告的同比数据（工具计算）加入草稿：all 或编号")
    p.add_argument("--out", help="草稿 JSON")
    p.add_argument("--md", help="Markdown 文件")
    p.add_argument("--docx", help="Word 文件（GB/T 9704 公文格式）")
    p.add_argument("--sources", choices=["comments", "appendix"], default="comments",
                   help="来源说明放在 Word 批注里（默认）或文末附件")
    p.set_defaults(func=cmd_draft)

    p = with_db(sub.add_parser("merge", help="把在 Word/WPS 中改过的 .docx 读回草稿"))
    p.add_argument("draft", help="草稿 JSON")
    p.add_argument("docx", help="改过的 Word 文件")
    p.add_argument("--out", help="新草稿 JSON（默认覆盖原文件）")
    p.add_argument("--accept-other-draft", action="store_true",
                   help="Word 文件是从另一份草稿导出的，也读进这一份（默认拒绝）")
    p.set_defaults(func=cmd_merge)

    p = with_db(sub.add_parser("eval", help="检查草稿"))
    p.add_argument("draft", nargs="?")
    p.add_argument("--cases", help="案例目录：逐个起草并检查")
    p.add_argument("--backend", choices=["offline", "llm"], action="append",
                   help="起草后端；给两次（--backend offline --backend llm）即对比两者")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    add_material_command(sub, with_db)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(data_dir=Path(args.db).expanduser() if getattr(args, "db", None) else None)
        return args.func(args, settings)
    except (ReportDraftError, RetrievalError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:  # a file or the data directory, not a bug: no traceback
        print(f"错误：无法读写文件（{getattr(exc, 'filename', None) or ''}）：{storage_reason(exc)}。", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
