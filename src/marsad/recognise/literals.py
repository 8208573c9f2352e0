"""The literal strings a regular expression cannot match without, to skip a pattern cheaply.

`required_literals(pattern)` gives sets of strings such that every match of the pattern
contains, for each set, at least one of its strings. A text lacking every string of one set
holds no match, so the (slow) scan can be skipped without changing what is found. The
analysis is conservative: what it cannot reason about (classes, assertions, optional parts)
adds no requirement.
"""

from __future__ import annotations

from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

Requirement = frozenset[str]  # one of these strings is in every match
MAX_REQUIREMENTS = 3  # the most selective requirements kept (each costs a few `in` tests)


def required_literals(pattern: str, flags: int = 0) -> tuple[Requirement, ...]:
    """Requirements of `pattern` (all must hold), most selective first; () when none is known.
    Case-insensitive patterns get none."""
    if flags & 2:  # re.IGNORECASE
        return ()
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & 2:
        return ()
    found = _sequence(parsed.data)
    found.sort(key=_selectivity, reverse=True)
    return tuple(found[:MAX_REQUIREMENTS])


def passes(text: str, requirements: tuple[Requirement, ...]) -> bool:
    """False when `text` lacks every string of some requirement (so no match is possible)."""
    return all(any(s in text for s in requirement) for requirement in requirements)


def _selectivity(requirement: Requirement) -> tuple[int, int]:
    return min(map(len, requirement)), -len(requirement)


def _sequence(items: Any) -> list[Requirement]:
    """Requirements of a sequence: runs of literals, and what each mandatory part needs."""
    found: list[Requirement] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        found += _item(op, av)
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _item(op: Any, av: Any) -> list[Requirement]:
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else []
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if not found:
                return []
            union |= max(found, key=_selectivity)
        return [frozenset(union)]
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return [frozenset(chr(a) for _, a in av)]
    return []
