"""`reportdraft material FILES… --org … --year …`: the year's 工作信息 → candidate facts and the
questions a drafter asks; optionally written as a facts file or a case file for `reportdraft draft`.

Wiring only: reading, extraction and questions are drafting.plan.material; the model proposer is
drafting.write.proposer."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drafting.errors import InputError
from lexicon.roles import Kind

from .settings import Settings

STDIN = "-"


def add_material_command(sub, with_db) -> None:
    p = with_db(sub.add_parser("material",
                               help="从工作信息、简报、新闻稿中提取候选事实，并列出同类报告通常还写到的内容"))
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="工作信息文件（.txt .md .docx .pdf .html）；- 表示从标准输入读取粘贴的文字")
    p.add_argument("--org", required=True, help="单位全称")
    p.add_argument("--year", required=True, help="报告年份")
    p.add_argument("--type", default=Kind.FAZHI.value, choices=[k.value for k in Kind],
                   help="；".join(f"{k.value}={k.label}" for k in Kind) + "（默认 fazhi）")
    p.add_argument("--period", choices=["half", "annual"], default="annual", help="报告期：全年（默认）或上半年")
    p.add_argument("--backend", choices=["offline", "llm"],
                   help="默认：配置了大模型则由大模型提议（逐条核对数字），否则离线提取")
    p.add_argument("--take", default="all", metavar="all|1,3,5", help="写入文件的候选事实：all（默认）或编号")
    p.add_argument("--answer", action="append", default=[], metavar="KEY=回答",
                   help="回答一个问题（KEY 见输出），回答即成为一条事实；可给多次")
    p.add_argument("--facts-out", help="把选中的候选事实和回答写成事实文件（每行一条），"
                                       "供 reportdraft draft --facts 使用")
    p.add_argument("--case-out", help="写成案例文件（YAML，每条事实注明来源），供 reportdraft draft --case 使用")
    p.add_argument("--json", action="store_true", help="以 JSON 输出全部结果")
    p.set_defaults(func=cmd_material)


def cmd_material(args, settings: Settings) -> int:
    from drafting.domain.meta import build_meta
    from drafting.plan.material import gather, read_material

    from .cli import check_outputs
    from .services import open_index

    meta = build_meta(args.org, args.year, args.type, period=args.period)
    check_outputs([args.facts_out, args.case_out])
    paths = [Path(f) for f in args.files if f != STDIN]
    pasted = sys.stdin.read() if STDIN in args.files else ""
    reading = read_material(paths, pasted, meta.year, settings.max_upload_mb * 1024 * 1024)
    proposer = _proposer(settings, args.backend)
    material = gather(reading, meta, open_index(settings), proposer, workers=settings.concurrency)
    answers = _answers(args.answer, {q.key for q in material.questions})
    if args.json:
        print(json.dumps(material.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_material(material, proposer)
    chosen = _chosen(args.take, material)
    if args.facts_out:
        Path(args.facts_out).expanduser().write_text("\n".join(material.facts(chosen, answers=answers)) + "\n",
                                                     encoding="utf-8")
        print(f"已写入事实文件 {args.facts_out}：reportdraft draft --facts {args.facts_out} --type {args.type} "
              f"--org {meta.org} --year {meta.year}", file=sys.stderr)
    if args.case_out:
        Path(args.case_out).expanduser().write_text(case_yaml(material, meta, chosen, answers), encoding="utf-8")
        print(f"已写入案例文件 {args.case_out}：reportdraft draft --case {args.case_out}", file=sys.stderr)
    return 1 if material.skipped else 0


def _proposer(settings: Settings, backend: str | None):
    if backend == "offline" or (backend is None and not settings.llm_configured):
        print("离线提取候选事实", file=sys.stderr)
        return None
    if not settings.llm_configured:
        raise InputError("设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以使用大模型；当前只能离线提取（--backend offline）。")
    from drafting.write.proposer import ModelProposer

    print(f"由大模型 {settings.model} 提议候选事实，每条的数字都与原文逐字核对", file=sys.stderr)
    return ModelProposer(settings.model_config())


def _chosen(take: str, material) -> list[str] | None:
    if take.strip() == "all":
        return None
    numbers = [n.strip().lstrip("Cc") for n in take.split(",") if n.strip()]
    if not all(n.isdigit() for n in numbers):
        raise InputError(f"--take {take!r} 无法识别：请写 all 或候选事实的编号，例如 1,3,5。")
    known = {c.id for c in material.candidates}
    wrong = [n for n in numbers if f"C{n}" not in known]
    if wrong:
        raise InputError(f"没有编号为 {'、'.join(wrong)} 的候选事实（共 {len(known)} 条）。")
    return [f"C{n}" for n in numbers]


def _answers(given: list[str], keys: set[str]) -> dict[str, str]:
    answers = {}
    for entry in given:
        key, sep, text = entry.partition("=")
        if not sep or not text.strip():
            raise InputError(f"--answer {entry!r} 应写成 KEY=回答，例如 --answer counsel=\"聘请律师2名担任法律顾问\"。")
        if key.strip() not in keys:
            raise InputError(f"没有键为 {key.strip()!r} 的问题：可回答的有 {'、'.join(sorted(keys)) or '（无）'}。")
        answers[key.strip()] = text.strip()
    return answers


def print_material(material, proposer) -> None:
    print(f"读到 {len(material.items)} 条工作信息；候选事实 {len(material.candidates)} 条"
          f"（合并重复 {material.merged} 条），放在一边 {len(material.set_aside)} 条，用时 {material.seconds:.1f} 秒。")
    for file, reason in material.skipped:
        print(f"跳过  {file}：{reason}", file=sys.stderr)
    for aside in material.set_aside:
        print(f"放在一边  {aside.line()}")
    for note in material.notes:
        print(f"提示：{note}", file=sys.stderr)
    for c in material.candidates:
        print(f"\n{c.id:>4}  {c.when or '—'}  {c.text}")
        print(f"      数字：{'、'.join(f.text for f in c.figures) or '无'} · 建议放在：{c.section or '（未放入）'}"
              + (f" · 由 {c.by} 提议" if proposer and c.by != "offline" else ""))
        print(f"      来源：{c.origin.label()}：{c.origin.sentence}")
        for other in c.also:
            print(f"      另见：{other.label()}：{other.sentence}")
    if material.questions:
        print("\n同类报告通常还写到（用 --answer KEY=回答 作答，回答即成为一条事实；不答则不写）：")
    for q in material.questions:
        print(f"  [{q.key}] {q.text}（{q.share}；例：{q.example}——《{q.source}》）")


def case_yaml(material, meta, chosen: list[str] | None, answers: dict[str, str]) -> str:
    """A case file for `reportdraft draft --case`: the facts, each with its source as a comment."""
    lines = [f"org: {json.dumps(meta.org, ensure_ascii=False)}", f"year: {meta.year}",
             f"report_type: {meta.report_type}", f"period: {meta.period or 'annual'}", "facts:"]
    for c in material.candidates:
        if chosen is None or c.id in chosen:
            sources = "；".join(o.label() for o in c.origins).replace("\n", " ")
            lines.append(f"  - {json.dumps(c.text, ensure_ascii=False)}  # {c.id} 来源：{sources}")
    for key, answer in answers.items():
        lines.append(f"  - {json.dumps(answer, ensure_ascii=False)}  # 回答：{key}")
    return "\n".join(lines) + "\n"
