"""Retrieval: import earlier reports, structure them into sections, index and search them."""
