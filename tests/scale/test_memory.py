"""Documents are freed as soon as they are dropped: a long run must not lean on the cycle
collector, whose passes over a worker's heap (the knowledge base) cost more than extraction."""

from __future__ import annotations

import gc

from marsad.document import Article
from marsad.kb.registry import Resources
from marsad.pipeline import process

ARTICLE = (
    "بغداد - قتل ثلاثة مدنيين وأصيب خمسة آخرون بانفجار عبوة ناسفة في قضاء الطارمية شمالي "
    "العاصمة بغداد صباح اليوم الثلاثاء، وفق ما أفاد مصدر أمني. واعتقلت القوات العراقية "
    "مشتبهين اثنين، فيما نفى تنظيم داعش مسؤوليته عن الهجوم."
)


def test_a_processed_document_leaves_no_reference_cycle(resources: Resources) -> None:
    article = Article(id="cycle", text=ARTICLE, published=None)
    process(article, resources)  # warm every lazy cache first
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        document = process(article, resources)
        assert document.events, "the article should give events for the stages to run"
        del document
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
