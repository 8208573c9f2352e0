"""Loading the package's YAML language data, merged with a user's files of the same name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from marsad.kb.model import ValidationReport

DATA_DIR = Path(__file__).parent / "data"


class KnowledgeBaseError(Exception):
    """A knowledge-base file cannot be used; the message names the file and the problem."""


def data_path(*parts: str) -> Path:
    """Path of a file shipped in the package's data folder."""
    return DATA_DIR.joinpath(*parts)


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeBaseError(f"{path}:{where} invalid YAML ({exc})") from exc
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read ({exc.strerror})") from exc


def load_lexicon(name: str, extra_dirs: Sequence[Path] = ()) -> dict[str, Any]:
    """The package's `lexicon/<name>.yaml`, extended by `<dir>/lexicon/<name>.yaml` of users.

    Lists are extended, mappings updated, scalars replaced: a user's file adds words.
    """
    merged = _as_mapping(read_yaml(data_path("lexicon", f"{name}.yaml")), name)
    for folder in extra_dirs:
        path = Path(folder) / "lexicon" / f"{name}.yaml"
        if path.exists():
            _merge(merged, _as_mapping(read_yaml(path), str(path)))
    return merged


def lint_lexicon(name: str, data: dict[str, Any], report: ValidationReport) -> None:
    """Report presentation forms and non-NFC text in a lexicon's words."""
    import unicodedata

    for value in _strings(data):
        if unicodedata.normalize("NFC", value) != value:
            report.errors.append(f"lexicon {name}: {value!r} is not NFC")
        if any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in value):
            report.errors.append(f"lexicon {name}: {value!r} uses presentation forms")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _as_mapping(data: Any, name: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{name}: a lexicon file must hold a mapping")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + value
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
