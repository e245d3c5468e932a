"""Output: a Draft as the reader gets it — one renderer of report lines feeding Markdown, text and
the Word file (GB/T 9704) — reading an edited Word file back, and the draft store."""
