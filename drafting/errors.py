"""The named errors of drafting. Only the edges (CLI, app.py) turn them into messages for people."""


class ReportDraftError(Exception):
    """Base class: the message is written for the user and says what to do."""


class ConfigError(ReportDraftError):
    """A setting is missing or wrong."""


class InputError(ReportDraftError):
    """The user's facts, case file or options cannot be used as given."""


class DraftingError(ReportDraftError):
    """A draft could not be produced or stored."""
