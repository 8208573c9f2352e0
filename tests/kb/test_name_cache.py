"""The name index is cached on disk: a cached index equals a built one; a bad file rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.kb.matcher import Entry, TokenTrie
from marsad.kb.registry import Resources, load_name_trie, names_fingerprint
from marsad.text.tokenise import name_key


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path))
    return tmp_path


def _load(resources: Resources, extra: tuple[Path, ...] = ()) -> TokenTrie:
    return load_name_trie(resources.gazetteer, resources.actors, resources.stopwords, (), extra)


def test_cached_index_equals_built(resources: Resources, cache: Path) -> None:
    built = _load(resources)
    assert len(list(cache.glob("names-*.pickle"))) == 1
    assert not list(cache.glob("*.tmp"))
    cached = _load(resources)
    assert cached.state() == built.state()
    key = name_key("البصرة")
    assert cached.entries(key) and cached.entries(key) == built.entries(key)
    assert all(isinstance(e, Entry) for e in cached.entries(key))


def test_unreadable_cache_is_rebuilt(resources: Resources, cache: Path) -> None:
    path = cache / f"names-{names_fingerprint()}.pickle"
    path.write_bytes(b"not a pickle")
    trie = _load(resources)
    assert trie.size > 0
    assert _load(resources).state() == trie.state()


def test_user_folders_change_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    (folder / "lexicon").mkdir(parents=True)
    before = names_fingerprint([folder])
    (folder / "lexicon" / "stopwords.yaml").write_text("words: [كلمة]\n", encoding="utf-8")
    assert names_fingerprint([folder]) != before
    assert names_fingerprint() != before


def test_pruning_keeps_the_newest(tmp_path: Path) -> None:
    import os

    from marsad.kb.gazetteer_build import prune_caches

    paths = [tmp_path / f"names-{i}.pickle" for i in range(6)]
    for age, path in enumerate(paths):
        path.write_bytes(b"x")
        os.utime(path, (1000 - age, 1000 - age))
    prune_caches(paths[0], "names-*.pickle", 4)
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in paths[:4]]
