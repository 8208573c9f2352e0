"""The run's reader (raw lines parsed on the workers) yields what `read_inputs` yields, and
the batched store calls answer as the one-article calls do."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.document import Article
from marsad.ingest import IngestError, read_inputs
from marsad.ingest.clean import Boilerplate
from marsad.kb.registry import Resources
from marsad.pipeline import extract
from marsad.record import version_string
from marsad.scale.reader import Failure, RawLine, parse_line, read_raw
from marsad.store import open_store
from marsad.store.batch import add_batch, statuses
from marsad.store.store import content_hash


def _as_run_reads(paths: list[str], boilerplate: Boilerplate) -> list[Article | IngestError]:
    out: list[Article | IngestError] = []
    for item in read_raw(paths, boilerplate):
        out.append(parse_line(item, boilerplate) if isinstance(item, RawLine) else item)
    return out


def _key(item: Article | IngestError) -> tuple[object, ...]:
    if isinstance(item, IngestError):
        return ("error", item.source, item.problem)
    return ("article", item.id, item.text, item.title, item.published, item.source)


def test_raw_reading_matches_read_inputs(tmp_path: Path, boilerplate: Boilerplate,
                                         corpus: Path) -> None:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join([lines[0], "", "{not json", '{"id": "x"}',
                                               '{"id": "y", "text": "short English text"}',
                                               lines[1]]) + "\n", encoding="utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines[2:6]) + "\n")
    (folder / "c.txt").write_text("قال مصدر أمني إن انفجاراً وقع اليوم في وسط المدينة "
                                  "وأسفر عن مقتل شخصين وإصابة آخرين", encoding="utf-8")
    (folder / "d.jsonl").write_bytes(b'{"id": "z", "text": "\xff\xfe"}\n')
    paths = [str(folder), str(tmp_path / "missing.jsonl")]
    expected = [_key(i) for i in read_inputs(paths, boilerplate)]
    assert [_key(i) for i in _as_run_reads(paths, boilerplate)] == expected
    assert sum(1 for k in expected if k[0] == "error") == 5


def test_failures_survive_pickling() -> None:
    import pickle

    failure = pickle.loads(pickle.dumps(Failure.of(IngestError("f.jsonl:3", "invalid JSON"))))
    assert str(failure.error()) == "f.jsonl:3: invalid JSON"


def test_batched_statuses_and_writes_match_single_calls(tmp_path: Path, corpus: Path,
                                                        resources: Resources) -> None:
    articles = [a for a in read_inputs([str(corpus)], resources.boilerplate)
                if isinstance(a, Article)][:12]
    version = version_string(resources.kb_version)
    records = {a.id: extract(a, resources) for a in articles}
    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "b.db")) as many:
        for article in articles[:6]:
            one.add(article, records[article.id], version)
        add_batch(many, [(a, records[a.id]) for a in articles[:6]], version)
        copy = Article(id="copy", text=articles[0].text, published=articles[0].published,
                       outlet=articles[0].outlet)
        probe = [*articles, copy]
        keys = [(a.id, content_hash(a)) for a in probe]
        assert statuses(many, keys, version) == [one.status(a, version) for a in probe]
        assert statuses(many, keys, "other")[:6] == ["changed"] * 6
        results = add_batch(many, [(a, records.get(a.id, [])) for a in probe], version)
        assert [r.status for r in results] == ["unchanged"] * 6 + ["stored"] * 6 + ["duplicate"]
        for article in articles[6:]:
            one.add(article, records[article.id], version)
        assert one.counts() == many.counts()
        assert [r.to_dict() for r in one.events()] == [r.to_dict() for r in many.events()]
