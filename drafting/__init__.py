"""Drafting: facts in, a checked draft report out (offline composer or LLM writer)."""
