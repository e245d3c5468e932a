"""Plan: from the user's facts to the report's outline — which section carries each fact — and,
when the index holds the organisation's earlier report, what last year promised and measured."""
