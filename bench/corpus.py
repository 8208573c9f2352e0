"""A large synthetic corpus made from the team's own dev articles (eval/dev/articles), for
the scale benchmarks: article k recombines template k % T with paragraphs of another
template until it reaches the target size, and substitutes other places and actors (names
taken from the dev gold files), other numbers, and a publication date shifted by up to ten
years. No real text is used: the templates are the team's own.

Each article depends on its index and the seed only, so the first N articles of a larger
corpus are the same N articles; the corpus is written line by line, never held in memory.

usage: python bench/corpus.py N OUT.jsonl[.gz] [--html] [--size BYTES] [--seed S]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev"
ARABIC = re.compile("[\u0600-\u06ff]")
DIGITS = re.compile("[0-9\u0660-\u0669]+")
OUTLETS = ("وكالة المرصد", "صحيفة النهار الجديد", "إذاعة الشرق", "موقع الخبر اليوم",
           "قناة الساحة", "نشرة الأطراف")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    title: str
    paragraphs: list[str]
    published: date
    places: list[list[str]]  # Arabic names of each gold location, canonical first
    actors: list[list[str]]  # Arabic names of each gold actor list


def _arabic(names: list[str]) -> list[str]:
    return [n for n in names if ARABIC.search(n) and len(n) >= 3]


def load_templates(dev: Path = DEV) -> list[Template]:
    templates = []
    for gold_path in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["article"]).resolve().read_text(encoding="utf-8")
        parts = [p.strip() for p in text.split("\n\n") if p.strip()]
        places, actors = [], []
        for event in gold.get("events", []):
            location = event.get("location") or {}
            if names := _arabic(location.get("names", [])):
                places.append(names)
            for key in ("actor1", "actor2"):
                if names := _arabic(event.get(key) or []):
                    actors.append(names)
        templates.append(Template(gold_path.stem, parts[0], parts[1:],
                                  date.fromisoformat(gold["published"]), places, actors))
    return templates


class Generator:
    def __init__(self, templates: list[Template], size: int = 3000, seed: int = 7) -> None:
        self.templates = templates
        self.size = size
        self.seed = seed
        self.places = [p[0] for t in templates for p in t.places if not DIGITS.search(p[0])]
        self.actors = [a[0] for t in templates for a in t.actors
                       if " " in a[0] and not DIGITS.search(a[0])]

    def article(self, k: int) -> dict[str, str]:
        rng = random.Random(self.seed * 1_000_003 + k)
        template = self.templates[k % len(self.templates)]
        swaps = self._swaps(template, rng)
        paragraphs = list(template.paragraphs)
        other = self.templates[rng.randrange(len(self.templates))]
        extra = iter(other.paragraphs[1:] or other.paragraphs)
        body = "\n\n".join([template.title, *paragraphs])
        while len(body.encode("utf-8")) < self.size and (paragraph := next(extra, None)):
            paragraphs.append(paragraph)
            body = "\n\n".join([template.title, *paragraphs])
        shift = rng.randrange(-1500, 1500)
        text = self._substitute(self._numbers(body, rng, shift // 365), swaps)
        title = text.split("\n\n", 1)[0]
        return {"id": f"gen-{k:07d}", "title": title, "outlet": OUTLETS[k % len(OUTLETS)],
                "published": (template.published + timedelta(days=shift)).isoformat(),
                "text": text}

    def _swaps(self, template: Template, rng: random.Random) -> dict[str, str]:
        swaps: dict[str, str] = {}
        for names in template.places:
            target = self.places[rng.randrange(len(self.places))]
            swaps.update({n: target for n in names if n not in swaps})
        for names in template.actors:
            if rng.random() < 0.5 and self.actors:
                target = self.actors[rng.randrange(len(self.actors))]
                swaps.update({n: target for n in names if len(n) >= 5 and n not in swaps})
        return swaps

    @staticmethod
    def _substitute(text: str, swaps: dict[str, str]) -> str:
        if not swaps:
            return text
        pattern = re.compile("|".join(re.escape(n) for n in sorted(swaps, key=len, reverse=True)))
        return pattern.sub(lambda m: swaps[m.group(0)], text)

    @staticmethod
    def _numbers(text: str, rng: random.Random, years: int) -> str:
        def new(match: re.Match[str]) -> str:
            value = int(match.group(0).translate(_WESTERN))
            if 1900 <= value <= 2100:
                result = value + years
            elif value <= 31:
                result = rng.randint(1, 28) if value else 0
            else:
                result = max(1, int(value * rng.uniform(0.5, 1.5)))
            return str(result)
        return DIGITS.sub(new, text)

    def articles(self, count: int, start: int = 0) -> Iterator[dict[str, str]]:
        for k in range(start, start + count):
            yield self.article(k)


_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
PAGE = ("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
        "<title>{title} - {outlet}</title><meta property=\"article:published_time\" "
        "content=\"{published}\"></head><body><header><nav><a href=\"/\">الرئيسية</a> | "
        "<a href=\"/news\">أخبار</a> | <a href=\"/sport\">رياضة</a></nav></header>"
        "<main><article><h1>{title}</h1>{paragraphs}</article></main>"
        "<aside><h3>الأكثر قراءة</h3><ul><li><a href=\"/a\">خبر آخر</a></li></ul></aside>"
        "<footer>جميع الحقوق محفوظة {outlet}</footer></body></html>")


def as_html(article: dict[str, str]) -> dict[str, str]:
    """The article as a news page (navigation, sidebar, footer) in the record's `html`."""
    paragraphs = article["text"].split("\n\n")[1:]
    page = PAGE.format(title=html.escape(article["title"]), outlet=html.escape(article["outlet"]),
                       published=article["published"],
                       paragraphs="".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
    record = {k: v for k, v in article.items() if k != "text"}
    record["html"] = page
    return record


def open_out(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8")  # type: ignore[return-value]
    return path.open("w", encoding="utf-8")


def write_corpus(count: int, path: Path, *, html_pages: bool = False, size: int = 3000,
                 seed: int = 7) -> Path:
    generator = Generator(load_templates(), size, seed)
    with open_out(path) as handle:
        for article in generator.articles(count):
            record = as_html(article) if html_pages else article
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--html", action="store_true", help="write pages in 'html' fields")
    parser.add_argument("--size", type=int, default=3000, help="target bytes of text")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.count, args.out, html_pages=args.html, size=args.size, seed=args.seed)


if __name__ == "__main__":
    main()
