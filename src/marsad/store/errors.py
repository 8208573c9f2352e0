"""Errors of the store: name the database and the problem."""

from __future__ import annotations


class StoreError(Exception):
    def __init__(self, database: str, problem: str) -> None:
        super().__init__(f"{database}: {problem}")
        self.database = database
        self.problem = problem
