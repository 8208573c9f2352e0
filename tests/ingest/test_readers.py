"""Readers: every kind of input, every encoding we promise, and inputs that must be refused."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from marsad.document import Article
from marsad.ingest import IngestError, read_inputs
from marsad.ingest.clean import Boilerplate

HEADLINE = "مقتل مدنيين اثنين بقصف مدفعي على قرية في ريف حلب"
BODY = (
    "قتل مدنيان اثنان وأصيب أربعة آخرون، صباح اليوم الأربعاء، جراء قصف مدفعي استهدف "
    "قرية تقع شمالي مدينة حلب، بحسب ما أفاد به مصدر طبي في المنطقة.\n\n"
    "وقال المصدر إن القذائف سقطت على منازل سكنية قرب المدرسة الابتدائية، "
    "وإن الجرحى نقلوا إلى مستشفى ميداني قريب."
)
ARTICLE = f"{HEADLINE}\n\n{BODY}\n"
PERSIAN = (
    "نیروهای امنیتی روز گذشته در شهر کرمانشاه سه نفر را بازداشت کردند و گفتند که "
    "تحقیقات درباره این پرونده ادامه دارد. این خبر را یک خبرگزاری محلی گزارش داد."
)
ENGLISH = (
    "Two civilians were killed and four injured this morning when artillery shells "
    "hit a village north of the city, a medical source said."
)

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>اشتباكات بين قوات الأمن ومسلحين في الموصل | موقع التجربة</title>
<meta property="og:title" content="اشتباكات بين قوات الأمن ومسلحين في الموصل">
<meta property="og:site_name" content="موقع التجربة">
<meta property="article:published_time" content="2021-03-14T08:30:00+03:00">
</head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/iraq">محليات</a></li>
<li><a href="/sport">رياضة</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav>
<main>
<article>
<h1>اشتباكات بين قوات الأمن ومسلحين في الموصل</h1>
<div class="share"><span>شارك</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
<p>اندلعت اشتباكات مسلحة، فجر اليوم الأحد، بين قوة من الشرطة الاتحادية ومسلحين مجهولين
في حي الزهراء شرقي مدينة الموصل، ما أسفر عن مقتل مسلح واحد وإصابة شرطيين اثنين.</p>
<p>وقال مصدر أمني إن القوة كانت تنفذ عملية تفتيش روتينية عندما تعرضت لإطلاق نار من
داخل منزل مهجور، مضيفا أن القوات طوقت المنطقة وبدأت عمليات بحث عن مسلحين آخرين.</p>
<p>ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما فتحت السلطات المحلية تحقيقا
في ملابسات الحادثة.</p>
</article>
<aside><h3>أخبار ذات صلة</h3><ul>
<li><a href="/a">افتتاح معرض الكتاب الدولي في أربيل بمشاركة واسعة</a></li>
<li><a href="/b">ارتفاع أسعار الطماطم في الأسواق المحلية هذا الأسبوع</a></li>
</ul></aside>
<section class="newsletter"><p>اشترك في نشرتنا البريدية لتصلك آخر الأخبار</p>
<form><input type="email"><button>اشترك</button></form></section>
</main>
<footer><p>© 2021 موقع التجربة. جميع الحقوق محفوظة.</p>
<a href="?amp">Exit mobile version</a></footer>
</body>
</html>
"""


def read_all(paths: list[str], boilerplate: Boilerplate) -> tuple[list[Article], list[IngestError]]:
    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in read_inputs(paths, boilerplate):
        (errors if isinstance(item, IngestError) else articles).append(item)  # type: ignore[arg-type]
    return articles, errors


def read_one(path: Path, boilerplate: Boilerplate) -> Article:
    articles, errors = read_all([str(path)], boilerplate)
    assert errors == [], errors
    assert len(articles) == 1
    return articles[0]


def read_error(path: Path, boilerplate: Boilerplate) -> IngestError:
    articles, errors = read_all([str(path)], boilerplate)
    assert articles == []
    assert len(errors) == 1
    return errors[0]


# --- plain text ------------------------------------------------------------------------------


def test_plain_text_file(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "aleppo-shelling.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_one(path, boilerplate)
    assert article.id == "aleppo-shelling"
    assert article.title == HEADLINE
    assert article.text == ARTICLE.strip("\n")
    assert article.published is None
    assert article.source == str(path)


def test_plain_text_drops_boilerplate_lines(tmp_path: Path, boilerplate: Boilerplate) -> None:
    noisy = (
        f"{HEADLINE}\n\nشارك\n{BODY}\n\nاقرأ أيضاً\nتابعونا على فيسبوك وتويتر\n"
        "© 2024 جميع الحقوق محفوظة\nExit mobile version\n"
    )
    path = tmp_path / "noisy.txt"
    path.write_text(noisy, encoding="utf-8")
    text = read_one(path, boilerplate).text
    assert text == f"{HEADLINE}\n\n{BODY}"
    for line in ("شارك", "اقرأ أيضاً", "تابعونا", "©", "Exit mobile version"):
        assert line not in text


def test_windows_line_ends_become_newlines(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_one(path, boilerplate).text == ARTICLE.strip("\n")


# --- encodings -------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8 with BOM": lambda s: s.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
    "utf-16 LE without BOM": lambda s: s.encode("utf-16-le"),
    "utf-16 BE without BOM": lambda s: s.encode("utf-16-be"),
    "windows-1256": lambda s: s.encode("cp1256"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_decode_to_the_same_text(
    encoding: str, tmp_path: Path, boilerplate: Boilerplate
) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(ENCODINGS[encoding](ARTICLE))
    article = read_one(path, boilerplate)
    assert article.text == ARTICLE.strip("\n")
    assert "\ufeff" not in article.text


# --- inputs that must be refused, naming the file ---------------------------------------------

BAD_INPUTS = {
    "binary.txt": bytes(range(256)) * 8,
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)),
    "empty.txt": b"",
    "blank.txt": b" \n\n\t \n",
    "english.txt": ENGLISH.encode("utf-8"),
    "persian.txt": PERSIAN.encode("utf-8"),
    "too-short.txt": "عاجل".encode(),
    "only-boilerplate.txt": "شارك\nExit mobile version\n".encode(),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_file_gives_error_naming_it(
    name: str, tmp_path: Path, boilerplate: Boilerplate
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    error = read_error(path, boilerplate)
    assert error.source == str(path)
    assert str(error).startswith(f"{path}: ")
    assert error.problem


def test_bad_inputs_say_what_is_wrong(tmp_path: Path, boilerplate: Boilerplate) -> None:
    problems = {}
    for name in ("binary.txt", "empty.txt", "english.txt", "persian.txt"):
        path = tmp_path / name
        path.write_bytes(BAD_INPUTS[name])
        problems[name] = read_error(path, boilerplate).problem
    assert "binary" in problems["binary.txt"]
    assert "empty" in problems["empty.txt"]
    assert "not Arabic" in problems["english.txt"]
    assert "not Arabic" in problems["persian.txt"] and "fa" in problems["persian.txt"]


def test_missing_path_gives_error(tmp_path: Path, boilerplate: Boilerplate) -> None:
    missing = str(tmp_path / "nowhere.txt")
    articles, errors = read_all([missing], boilerplate)
    assert articles == []
    assert [e.source for e in errors] == [missing]
    assert "no such file" in errors[0].problem


# --- HTML ------------------------------------------------------------------------------------


def test_html_page_main_text_title_and_date(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "mosul-clash.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_one(path, boilerplate)
    assert article.id == "mosul-clash"
    assert article.title == "اشتباكات بين قوات الأمن ومسلحين في الموصل"
    assert article.published == date(2021, 3, 14)
    assert article.published_source == "page"
    assert article.outlet == "موقع التجربة"
    assert article.raw == PAGE
    text = article.text
    assert text.startswith(article.title)
    assert "حي الزهراء شرقي مدينة الموصل" in text
    assert "ملابسات الحادثة" in text
    for noise in ("Exit mobile version", "شارك", "جميع الحقوق محفوظة", "©", "نشرتنا البريدية",
                  "معرض الكتاب", "أسعار الطماطم", "الرئيسية", "رياضة", "<p>"):
        assert noise not in text, noise


def test_html_without_suffix_is_recognised(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE.replace("الزهراء", "الزهور"), encoding="utf-8")
    article = read_one(path, boilerplate)
    assert "حي الزهور" in article.text
    assert "<article>" not in article.text


def test_html_without_article_text_gives_error(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><title>صفحة</title></head><body><nav>الرئيسية</nav></body></html>",
                    encoding="utf-8")
    error = read_error(path, boilerplate)
    assert error.source == str(path)


# --- JSONL -----------------------------------------------------------------------------------


def record(article_id: str, **extra: object) -> str:
    data: dict[str, object] = {"id": article_id, "text": ARTICLE, **extra}
    return json.dumps(data, ensure_ascii=False)


def corpus_lines() -> list[str]:
    return [
        record("a1", published="2022-01-05", outlet="وكالة التجربة",
               url="https://example.org/a1", title="عنوان من السجل"),
        '{"id": "broken", "text": "نص',  # invalid JSON
        json.dumps({"text": ARTICLE}, ensure_ascii=False),  # no id
        json.dumps({"id": "no-text", "published": "2022-01-05"}),  # no text
        "",
        '["a", "list"]',  # not an object
        record("bad-date", published="5/1/2022"),
        record("a2", published="2022-01-06T10:00:00Z"),
    ]


def check_corpus(items: list[Article | IngestError], name: str) -> None:
    articles = [i for i in items if isinstance(i, Article)]
    errors = {e.source: e.problem for e in items if isinstance(e, IngestError)}
    assert [a.id for a in articles] == ["a1", "a2"]
    first, second = articles
    assert first.published == date(2022, 1, 5)
    assert first.published_source == "record"
    assert (first.outlet, first.url, first.title) == (
        "وكالة التجربة", "https://example.org/a1", "عنوان من السجل")
    assert first.text == ARTICLE.strip("\n")
    assert first.source == f"{name}:1"
    assert second.published == date(2022, 1, 6)
    assert second.title == HEADLINE
    assert set(errors) == {f"{name}:{n}" for n in (2, 3, 4, 6, 7)}
    assert "invalid JSON" in errors[f"{name}:2"]
    assert "'id'" in errors[f"{name}:3"]
    assert "'text'" in errors[f"{name}:4"]
    assert "object" in errors[f"{name}:6"]
    assert "date" in errors[f"{name}:7"]


def test_jsonl_bad_lines_are_errors_and_good_lines_come_through(
    tmp_path: Path, boilerplate: Boilerplate
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    check_corpus(list(read_inputs([str(path)], boilerplate)), str(path))


def test_gzip_jsonl(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(corpus_lines()) + "\n")
    check_corpus(list(read_inputs([str(path)], boilerplate)), str(path))


def test_jsonl_line_with_bad_bytes_does_not_lose_the_rest(
    tmp_path: Path, boilerplate: Boilerplate
) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [record("ok1").encode(), record("latin1").encode()[:-20] + b"\xe9\xff\"}",
             record("ok2").encode()]
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    items = list(read_inputs([str(path)], boilerplate))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1", "ok2"]
    assert [e.source for e in items if isinstance(e, IngestError)] == [f"{path}:2"]


def test_corrupt_gzip_gives_error(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip at all")
    error = read_error(path, boilerplate)
    assert error.source == str(path)


def test_jsonl_record_with_html(tmp_path: Path, boilerplate: Boilerplate) -> None:
    path = tmp_path / "pages.jsonl"
    line = json.dumps({"id": "page1", "html": PAGE.replace("الزهراء", "النور"),
                       "outlet": "منفذ السجل", "published": "2021-03-15"}, ensure_ascii=False)
    path.write_text(line + "\n", encoding="utf-8")
    article = read_one(path, boilerplate)
    assert article.id == "page1"
    assert "حي النور" in article.text
    assert "Exit mobile version" not in article.text
    assert article.outlet == "منفذ السجل"  # the record wins over the page
    assert article.published == date(2021, 3, 15)
    assert article.published_source == "record"


# --- folders and standard input ----------------------------------------------------------------


def test_folder_reads_every_kind_and_skips_hidden(tmp_path: Path, boilerplate: Boilerplate) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a-text.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b-page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c-corpus.jsonl").write_text(record("c1") + "\n", encoding="utf-8")
    (tmp_path / "sub" / "d-nested.txt").write_text(ARTICLE, encoding="cp1256")
    (tmp_path / ".git" / "e-hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".f-hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "z-bad.txt").write_bytes(BAD_INPUTS["binary.txt"])
    articles, errors = read_all([str(tmp_path)], boilerplate)
    assert [a.id for a in articles] == ["a-text", "b-page", "c1", "d-nested"]
    assert [e.source for e in errors] == [str(tmp_path / "z-bad.txt")]


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("kind", ["text", "html", "jsonl"])
def test_stdin(kind: str, monkeypatch: pytest.MonkeyPatch, boilerplate: Boilerplate) -> None:
    data = {
        "text": ARTICLE,
        "html": PAGE.replace("الزهراء", "الجامعة"),
        "jsonl": record("s1") + "\n" + record("s2") + "\n",
    }[kind]
    monkeypatch.setattr(sys, "stdin", FakeStdin(data.encode("utf-8")))
    articles, errors = read_all(["-"], boilerplate)
    assert errors == []
    expected = {"text": ["stdin"], "html": ["stdin"], "jsonl": ["s1", "s2"]}[kind]
    assert [a.id for a in articles] == expected
    if kind == "html":
        assert "حي الجامعة" in articles[0].text
        assert "Exit mobile version" not in articles[0].text
    if kind == "jsonl":
        assert articles[1].source == "<stdin>:2"


@pytest.mark.parametrize("data", [b"", ENGLISH.encode("utf-8"), b"\x00\x01\x02" * 50])
def test_bad_stdin_names_stdin(
    data: bytes, monkeypatch: pytest.MonkeyPatch, boilerplate: Boilerplate
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    articles, errors = read_all(["-"], boilerplate)
    assert articles == []
    assert [e.source for e in errors] == ["<stdin>"]


def test_arabic_with_a_persian_letter_in_a_name_is_still_arabic(tmp_path: Path,
                                                                 boilerplate: Boilerplate) -> None:
    # A Kurdish name spelt with گ sends the text to the language identifier, which keeps it.
    path = tmp_path / "kirkuk.txt"
    path.write_text(ARTICLE.replace("شمالي مدينة حلب", "قرب بلدة گوير"), encoding="utf-8")
    articles, errors = read_all([str(path)], boilerplate)
    assert errors == [] and len(articles) == 1


def test_a_teaser_for_another_article_is_dropped(tmp_path: Path, boilerplate: Boilerplate) -> None:
    teaser = "اقرأ أيضاً: صنعاء: تظاهرة حاشدة في ميدان السبعين تضامناً مع غزة"
    path = tmp_path / "teaser.txt"
    path.write_text(f"{HEADLINE}\n{BODY}\n{teaser}\n", encoding="utf-8")
    text = read_one(path, boilerplate).text
    assert text == f"{HEADLINE}\n{BODY}"
    assert not boilerplate.is_boilerplate("اقرأ أيضاً ما قاله الوزير أمس")  # no colon: prose
