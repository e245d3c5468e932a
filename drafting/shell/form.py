"""Tab 1 of the app as one record: who writes, about which year, and the facts. The form travels by
name, from the page's fields to the engine's request and back when a saved draft is reopened."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from drafting.domain.material import Origin
from drafting.domain.meta import build_meta, parse_date
from drafting.domain.types import Draft, DraftMeta
from drafting.engine import DraftRequest
from lexicon.roles import Kind


@dataclass(frozen=True)
class Form:
    """What the user filled in; '' (or None from an empty field) means "let the tool decide"."""

    org: str = ""
    """单位全称."""
    short: str = ""
    """自称 (县妇联)."""
    year: int | float | str | None = None
    """The year reported on (the page's number field gives a float)."""
    kind: str = Kind.FAZHI.value
    addressee: str = ""
    date: str = ""
    """成文日期 as typed (2025-01-20)."""
    period: str = ""
    """'half', 'annual', or '' (from the facts)."""
    facts: str = ""
    level: str = ""
    body: str = ""
    leader: str = ""
    """负责人称谓 (党组书记、主席)."""
    doc_number: str = ""
    """发文字号 (版头), e.g. 清妇发〔2026〕3号."""
    signer: str = ""
    """签发人 (版头)."""
    cc: str = ""
    """抄送 (版记)."""
    printer: str = ""
    """印发机关 (版记); the 印发日期 is the 成文日期."""
    shape: str = ""
    """A 法治政府建设 report's shape: 'statutory', 'themed', or '' (its own earlier report's, else statutory)."""
    origins: dict[str, list[Origin]] | None = field(default_factory=dict)
    """Where the lines of `facts` taken from the year's 工作信息 were reported, by the line's text
    (the page keeps it, unseen, as the material section adds lines)."""

    @classmethod
    def names(cls) -> list[str]:
        """The fields in the order the page lays them out and its API takes them."""
        return [f.name for f in fields(cls)]

    @classmethod
    def of_values(cls, values, names: list[str] | None = None) -> Form:
        """The form from the values of its fields as the page sends them, in the order of `names`
        (all fields, in the order of `names()`, by default)."""
        return cls(**dict(zip(names or cls.names(), values, strict=True)))

    @classmethod
    def of(cls, draft: Draft) -> Form:
        """The form as it was when this draft was made (reopening restores it)."""
        m = draft.meta
        when = parse_date(m.date)
        return cls(org=m.org, short=m.short_name, year=m.year, kind=m.report_type, addressee=m.addressee,
                   date=when.isoformat() if isinstance(when, date) else "", period=m.period,
                   facts="\n".join(f.text for f in draft.facts if not f.derived), level=m.level, body=m.body,
                   leader=m.leader_title, doc_number=m.doc_number, signer=m.signer, cc=m.cc, printer=m.printer,
                   shape=m.shape, origins={f.text: list(f.origins) for f in draft.facts if f.origins})

    def meta(self) -> DraftMeta:
        """Checked: an InputError says what to fix."""
        profile = {"level": self.level, "body": self.body, "leader_title": self.leader, "doc_number": self.doc_number,
                   "signer": self.signer, "cc": self.cc, "printer": self.printer, "shape": self.shape}
        told = {k: v for k, v in profile.items() if v}
        return build_meta(self.org, self.year, self.kind, self.short or "", self.addressee or "",
                          self.date or "", self.period or "", **told)

    def request(self) -> DraftRequest:
        return DraftRequest(self.meta(), self.facts, origins=self.origins or {})

    def to_dict(self) -> dict:
        """The fields by name, as the page's components take them (the origins as records)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
