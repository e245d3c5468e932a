"""Domain: what a report is — the draft types (Fact, Section, Draft), the report kinds and their
sections, the organisation profile (level and body), the writing date and the timeline of
time-bound wording, fact parsing, and the guard against other organisations' particulars."""
