"""The `reportdraft` command: wiring only. Errors become one clear line and a non-zero exit.

Each command imports what it needs when it runs, so `reportdraft --help` stays quick."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from drafting.errors import InputError, ReportDraftError
from lexicon.roles import Kind, Role
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
    from drafting.domain.meta import build_meta
    from drafting.output.render import to_markdown
    from drafting.plan.continuity import accept_comparisons, previous_lines
    from drafting.write.pipeline import new_draft, write_draft

    from .services import load_case, make_writer, meta_from_case, open_index

    if args.case:
        case = load_case(Path(args.case))
        facts_text = "\n".join(case["facts"])
        meta = meta_from_case(case)
    else:
        if not (args.facts and args.type and args.org and args.year):
            raise_input("请给出 --case CASE.yaml，或同时给出 --facts FILE --type KIND --org NAME --year N。")
        facts_text = read_facts_file(Path(args.facts))
        meta = build_meta(args.org, args.year, args.type, args.short_name or "", args.addressee or "",
                          args.date or "", args.period or "")
    check_outputs([args.out, args.md, args.docx])
    index = open_index(settings).for_owner("")  # the shared reports, never an organisation's uploads
    writer = make_writer(settings, args.backend)
    print(settings.backend_notice() if (args.backend or "") != "offline" else "使用离线起草", file=sys.stderr)
    draft = new_draft(meta, facts_text, index)
    print(profile_line(draft), file=sys.stderr)
    for notice in draft.meta.notices:
        print(f"提示：{notice}", file=sys.stderr)
    for line in previous_lines(draft):
        print(line, file=sys.stderr)
    if args.accept_comparisons:
        offers = draft.previous.get("comparisons", [])
        chosen = range(len(offers)) if args.accept_comparisons == "all" else \
            [int(n) - 1 for n in args.accept_comparisons.split(",") if n.strip().isdigit() and 0 < int(n) <= len(offers)]
        draft = accept_comparisons(draft, list(chosen))
    draft = write_draft(draft, writer, index, concurrency=settings.concurrency)
    if draft.tokens:
        print(f"用量：提示 {draft.tokens.get('prompt_tokens', 0)} tokens，生成 {draft.tokens.get('completion_tokens', 0)} "
              f"tokens，失败重试 {draft.tokens.get('failures', 0)} 次，离线兜底 {draft.tokens.get('fallbacks', 0)} 部分",
              file=sys.stderr)
    for section in draft.sections:
        for flag in section.flags:
            print(f"注意：{section.heading or '导语'}：{flag}", file=sys.stderr)
    for warning in draft.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    if not (args.out or args.md or args.docx):
        print(to_markdown(draft))
        return 0
    results = None
    if args.md or args.docx:  # the files carry the checks' findings as comments and notes
        from drafting.review import check_draft

        results = check_draft(draft, index.documents())
    return write_outputs(draft, args, settings, results)


def check_outputs(paths: list[str | None]) -> None:
    """Before any drafting: every output file can be created (its folder exists and is writable)."""
    for given in filter(None, paths):
        path = Path(given).expanduser()
        folder = path.parent
        if path.is_dir():
            raise_input(f"输出路径 {path} 是一个目录：请给出文件名，例如 {path / '草稿.docx'}。")
        if not folder.is_dir():
            raise_input(f"输出目录 {folder} 不存在：请先创建它（mkdir -p {folder}），或换一个路径。没有开始起草。")
        if not os.access(folder, os.W_OK):
            raise_input(f"输出目录 {folder} 不可写：请换一个目录。没有开始起草。")
        if len(path.name.encode("utf-8")) > 255:
            raise_input(f"输出文件名过长（{len(path.name)} 字）：请用短一些的文件名。没有开始起草。")


def write_outputs(draft, args, settings: Settings, results=None) -> int:
    """Write --out/--md/--docx. A write that fails after drafting keeps the draft in the draft
    store (the app lists it) and says where it is: nothing is lost."""
    from drafting.output.render import to_markdown

    try:
        if args.out:
            Path(args.out).expanduser().write_text(draft.to_json(), encoding="utf-8")
        if args.md:
            Path(args.md).expanduser().write_text(to_markdown(draft, results=results), encoding="utf-8")
        if args.docx:
            from drafting.output.word import write_docx

            write_docx(draft, Path(args.docx).expanduser(), sources=args.sources, results=results)
    except OSError as exc:
        from drafting.output.store import DraftStore

        DraftStore(settings.db_path).save(draft, "cli")
        print(f"错误：无法写入输出文件（{exc.strerror or exc}）。草稿已存入草稿库 {settings.db_path}"
              f"（编号 {draft.id}），可在应用的“已保存的草稿”里打开。", file=sys.stderr)
        return 2
    return 0


def cmd_merge(args, settings: Settings) -> int:
    """An edited .docx back into its draft: changes per section, checks re-run, new version saved."""
    from drafting.domain.types import Draft
    from drafting.output.word_merge import merge_docx

    from .cases import check_draft, print_results
    from .services import open_index, open_store

    draft = Draft.from_json(Path(args.draft).read_text(encoding="utf-8"))
    merged, changes = merge_docx(draft, Path(args.docx))
    for change in changes:
        print(f"【{change.heading}】")
        for line in change.diff:
            print(f"  {line}")
    if not changes:
        print("Word 文件与草稿一致，没有改动。")
    Path(args.out or args.draft).write_text(merged.to_json(), encoding="utf-8")
    open_store(settings).save(merged, "docx")
    results = check_draft(merged, open_index(settings))
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

    return "单位画像：" + profile_of(draft.meta).summary() + f" · 期间：{'上半年' if draft.meta.period == 'half' else '全年'}" \
        + f" · 成文日期：{draft.meta.date or '留空（由签发人填写）'}"


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
