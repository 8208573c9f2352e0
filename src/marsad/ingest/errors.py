"""Errors a reader raises for one input; the batch goes on without it."""

from __future__ import annotations


class IngestError(Exception):
    """One input could not be read: names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
