"""The `marsad` command: help everywhere, extraction on the seed, and batches with bad inputs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from marsad import __version__
from marsad.cli import extract_cmd
from marsad.cli.main import build_parser, main
from marsad.kb.registry import Resources

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_6f49f01b110b8f80.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is absent")

GOOD_ARTICLE = (
    "مقتل جنديين بانفجار عبوة ناسفة غربي الأنبار\n\n"
    "قتل جنديان من الجيش العراقي وأصيب ثلاثة آخرون، مساء أمس الثلاثاء، بانفجار عبوة ناسفة "
    "استهدفت عجلة عسكرية على الطريق الرابط بين قضاء حديثة وناحية بروانة، بحسب مصدر أمني.\n"
)


def subcommands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
                ) -> list[tuple[tuple[str, ...], argparse.ArgumentParser, str | None]]:
    """Every (sub)command as (argv prefix, parser, its help line)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                found.append(((*prefix, name), sub, helps.get(name)))
                found.extend(subcommands(sub, (*prefix, name)))
    return found


COMMANDS = subcommands(build_parser())


def test_the_commands_we_expect_exist() -> None:
    names = {argv for argv, _, _ in COMMANDS}
    assert {("extract",), ("evaluate",), ("kb",), ("kb", "validate")} <= names


@pytest.mark.parametrize("argv", [argv for argv, _, _ in COMMANDS], ids=" ".join)
def test_every_command_has_help(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    helps = {a: h for a, _, h in COMMANDS}
    assert helps[argv], f"`marsad {' '.join(argv)}` has no help line"
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: marsad " + " ".join(argv))


def test_every_option_has_help() -> None:
    for argv, parser, _ in [((), build_parser(), None), *COMMANDS]:
        for action in parser._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"marsad {' '.join(argv)} {action.option_strings[0]}"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    # (the build: "python" here; "compiled" in the `make fast` environment)
    assert capsys.readouterr().out.strip() == f"marsad {__version__} (python)"


@pytest.fixture
def loaded(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> Resources:
    """`marsad extract` with the session's knowledge base instead of loading it again."""
    monkeypatch.setattr(extract_cmd, "load_resources", lambda dirs: resources)
    return resources


@needs_seed
def test_extract_the_seed(loaded: Resources, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    articles_file = tmp_path / "articles.jsonl"
    events_file = tmp_path / "events.jsonl"
    code = main(["extract", str(SEED), "--published", "2020-05-23",
                 "--articles", str(articles_file), "-o", str(events_file)])
    assert code == 0
    (line,) = articles_file.read_text(encoding="utf-8").splitlines()
    article = json.loads(line)
    assert set(article) == {"id", "title", "outlet", "url", "published", "text"}
    assert article["id"] == SEED.stem
    assert article["published"] == "2020-05-23"
    assert "Exit mobile version" not in article["text"]
    assert "البصرة" in article["text"]
    text = article["text"]
    events = [json.loads(x) for x in events_file.read_text(encoding="utf-8").splitlines()]
    for event in events:
        assert event["article_ids"] == [SEED.stem]
        for span in event["evidence"] + event["claims"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
        for claim in event["claims"]:
            assert text[claim["start"]:claim["end"]] == claim["text"]
    assert "read 1 article(s)" in capsys.readouterr().err


@needs_seed
def test_extract_the_seed_to_stdout_is_stable(loaded: Resources,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for _ in range(2):
        assert main(["extract", str(SEED), "--published", "2020-05-23"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    ids = [json.loads(line)["event_id"] for line in outputs[0].splitlines()]
    assert len(ids) == len(set(ids))


def test_batch_with_one_bad_file(loaded: Resources, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.txt").write_bytes(bytes(range(256)) * 4)
    Path("good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    code = main(["extract", "bad.txt", "good.txt", "--published", "2023-01-11",
                 "--articles", "articles.jsonl", "--format", "csv"])
    assert code == 0
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err
    assert "read 1 article(s), skipped 1" in captured.err
    assert captured.out.startswith("event_id_cnty,event_date,year,")
    ids = [json.loads(x)["id"] for x in Path("articles.jsonl").read_text().splitlines()]
    assert ids == ["good"]


def test_batch_of_only_bad_files_fails(loaded: Resources, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty.txt").write_bytes(b"")
    Path("english.txt").write_text("Two soldiers were killed by a roadside bomb in Anbar.")
    code = main(["extract", "empty.txt", "english.txt", "missing.txt"])
    assert code != 0
    err = capsys.readouterr().err
    for name in ("empty.txt", "english.txt", "missing.txt"):
        assert name in err
