"""Named errors of retrieval; the CLI and the app turn them into messages."""


class RetrievalError(Exception):
    """The index cannot be opened or searched; the message says what to do."""


class SkippedFile(Exception):
    """A file that cannot be imported; the message is the reason, in one line."""
