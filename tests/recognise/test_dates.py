"""Date recogniser: tables of tricky cases (our own sentences) and properties of spans."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognise.dates import DateMention, DateRecogniser
from marsad.recognise.numbers import package_lexicon_path
from marsad.text.normalise import fold, normalise

SAT = date(2020, 5, 23)  # a Saturday, in Ramadan 1441
TUE = date(2018, 6, 19)


@pytest.fixture(scope="module")
def rec() -> DateRecogniser:
    return DateRecogniser.from_package_data()


def only(rec: DateRecogniser, text: str, published: date | None) -> DateMention:
    found = rec.find(normalise(text), published)
    assert len(found) == 1, (text, found)
    return found[0]


# sentence, publication date, expected surface, earliest, latest, precision, kind
CASES = [
    ("قتل شخص أمس في الهجوم", SAT, "أمس", "2020-05-22", "2020-05-22", 1, "relative_day"),
    # the Saudi agency's numeric Hijri dates
    ("وقع الهجوم في 21 / 10 / 1436هـ", SAT, "21 / 10 / 1436هـ", "2015-08-06", "2015-08-06", 1,
     "hijri"),
    ("وأمس قتل شخص", SAT, "أمس", "2020-05-22", "2020-05-22", 1, "relative_day"),
    ("وقع الانفجار بالأمس", SAT, "الأمس", "2020-05-22", "2020-05-22", 1, "relative_day"),
    ("وقعت الغارة البارحة", SAT, "البارحة", "2020-05-22", "2020-05-22", 1, "relative_day"),
    ("قتل ثلاثة بانفجار عبوة مساء أمس الأول", SAT, "مساء أمس الأول", "2020-05-21", "2020-05-21",
     1, "relative_day"),
    ("تعرضت البلدة لقصف متقطع منذ ساعات الصباح", SAT, "منذ ساعات", "2020-05-23", "2020-05-23",
     1, "ago"),
    ("بعد مرور عام كامل على تحرير المدينة", SAT, "بعد مرور عام", "2018-11-23", "2019-11-22", 3,
     "ago"),
    ("قضوا خلال معارك استعادة المدينة الصيف الماضي", SAT, "الصيف الماضي", "2019-06-01",
     "2019-08-31", 3, "period"),
    ("نزح الآلاف من المدينة الشتاء الماضي", SAT, "الشتاء الماضي", "2019-12-01", "2020-02-29", 3,
     "period"),
    ("سقطت قذيفة قبل بضع ساعات", SAT, "قبل بضع ساعات", "2020-05-23", "2020-05-23", 1, "ago"),
    ("اندلعت المواجهات أول أمس", SAT, "أول أمس", "2020-05-21", "2020-05-21", 1,
     "relative_day"),
    ("سقطت قذيفة فجر اليوم على الحي", SAT, "فجر اليوم", "2020-05-23", "2020-05-23", 1,
     "relative_day"),
    ("خرج المحتجون مساء اليوم", SAT, "مساء اليوم", "2020-05-23", "2020-05-23", 1,
     "relative_day"),
    ("يتظاهر الطلاب الليلة أمام الوزارة", SAT, "الليلة", "2020-05-23", "2020-05-24", 1,
     "night"),
    ("هاجم مسلحون القرية الليلة الماضية", SAT, "الليلة الماضية", "2020-05-22", "2020-05-23",
     1, "night"),
    ("وصل الوفد يوم الجمعة", SAT, "يوم الجمعة", "2020-05-22", "2020-05-22", 1, "weekday"),
    ("والجمعة أغلقت الطرق", SAT, "الجمعة", "2020-05-22", "2020-05-22", 1, "weekday"),
    ("أعلن الجيش السبت مقتل جندي", SAT, "السبت", "2020-05-23", "2020-05-23", 1, "weekday"),
    ("جرى الاقتحام السبت الماضي", SAT, "السبت الماضي", "2020-05-16", "2020-05-16", 1,
     "weekday"),
    ("جرت الاشتباكات مساء الخميس", SAT, "مساء الخميس", "2020-05-21", "2020-05-21", 1,
     "weekday"),
    ("قال المتحدث اليوم السبت إن", SAT, "اليوم السبت", "2020-05-23", "2020-05-23", 1,
     "relative_day"),
    ("اعتقلت الشرطة أمس الجمعة ناشطين", SAT, "أمس الجمعة", "2020-05-22", "2020-05-22", 1,
     "relative_day"),
    # weekday disagrees with "yesterday": the weekday nearest before wins
    ("اعتقلت الشرطة أمس الاثنين ناشطين", SAT, "أمس الاثنين", "2020-05-18", "2020-05-18", 1,
     "relative_day"),
    ("قال البيان اليوم (السبت) إن", SAT, "اليوم (السبت)", "2020-05-23", "2020-05-23", 1,
     "relative_day"),
    ("قصف الطيران البلدة ليل الجمعة/ السبت", SAT, "ليل الجمعة/ السبت", "2020-05-22",
     "2020-05-23", 1, "night"),
    ("تسللت مجموعة ليلة الخميس - الجمعة", SAT, "ليلة الخميس - الجمعة", "2020-05-21",
     "2020-05-22", 1, "night"),
    ("دارت معارك ليل الأحد الاثنين", TUE, "ليل الأحد الاثنين", "2018-06-17", "2018-06-18",
     1, "night"),
    ("استمر القصف ليل السبت", SAT, "ليل السبت", "2020-05-23", "2020-05-24", 1, "night"),
    ("وقع الهجوم ليلة الجمعة", SAT, "ليلة الجمعة", "2020-05-21", "2020-05-23", 2, "night"),
    ("تجمع العشرات في الساعات الأخيرة من ليل الجمعة/ السبت", SAT,
     "الساعات الأخيرة من ليل الجمعة/ السبت", "2020-05-22", "2020-05-23", 1, "night"),
    ("أعلنت القوات في 11 من شهر أيار/ مايو الجاري اعتقال", SAT,
     "11 من شهر أيار/ مايو الجاري", "2020-05-11", "2020-05-11", 1, "absolute"),
    ("وصل في 3 أيار/مايو إلى المدينة", SAT, "3 أيار/مايو", "2020-05-03", "2020-05-03", 1,
     "absolute"),
    ("وقعت المجزرة في الثالث من حزيران/يونيو 2018", SAT, "الثالث من حزيران/يونيو 2018",
     "2018-06-03", "2018-06-03", 1, "absolute"),
    ("بدأت الحملة في كانون الثاني/يناير", SAT, "كانون الثاني/يناير", "2020-01-01",
     "2020-01-31", 3, "month"),
    ("قتل ثلاثة في 11 مايو", SAT, "11 مايو", "2020-05-11", "2020-05-11", 1, "absolute"),
    # a day a few days after publication still counts as this year's
    ("المظاهرة المقررة في 27 مايو", SAT, "27 مايو", "2020-05-27", "2020-05-27", 1,
     "absolute"),
    ("اعتقل في 20 حزيران", SAT, "20 حزيران", "2019-06-20", "2019-06-20", 1, "absolute"),
    ("أعلن في 11 من الشهر الجاري", SAT, "11 من الشهر الجاري", "2020-05-11", "2020-05-11", 1,
     "absolute"),
    ("جرت الانتخابات في 11 من الشهر الماضي", SAT, "11 من الشهر الماضي", "2020-04-11",
     "2020-04-11", 1, "absolute"),
    ("تصاعد العنف الشهر الماضي", SAT, "الشهر الماضي", "2020-04-01", "2020-04-30", 3, "month"),
    ("يعود الوفد منتصف الشهر", SAT, "منتصف الشهر", "2020-05-10", "2020-05-20", 3, "period"),
    ("في الحادي عشر من أيار", SAT, "الحادي عشر من أيار", "2020-05-11", "2020-05-11", 1,
     "absolute"),
    ("في الخامس من نيسان", SAT, "الخامس من نيسان", "2020-04-05", "2020-04-05", 1,
     "absolute"),
    ("جرى ذلك في 20 آب/أغسطس الماضي", SAT, "20 آب/أغسطس الماضي", "2019-08-20",
     "2019-08-20", 1, "absolute"),
    ("منذ أيلول/سبتمبر الماضي", SAT, "أيلول/سبتمبر الماضي", "2019-09-01", "2019-09-30", 3,
     "month"),
    ("في يوم الجمعة سابع أيار", SAT, "يوم الجمعة سابع أيار", "2020-05-07", "2020-05-07", 1,
     "absolute"),
    ("التاريخ 23/5/2020 مكتوب", None, "23/5/2020", "2020-05-23", "2020-05-23", 1, "absolute"),
    ("التاريخ ٢٣/٥/٢٠٢٠ مكتوب", None, "٢٣/٥/٢٠٢٠", "2020-05-23", "2020-05-23", 1, "absolute"),
    ("التاريخ 2020-05-23 مكتوب", None, "2020-05-23", "2020-05-23", "2020-05-23", 1,
     "absolute"),
    ("وقع التفجير عام 2015 في المدينة", None, "عام 2015", "2015-01-01", "2015-12-31", 3,
     "year"),
    ("بدأ النزاع أواخر عام 2013", None, "أواخر عام 2013", "2013-09-01", "2013-12-31", 3,
     "year"),
    ("في 20 رمضان 1441 هـ", None, "20 رمضان 1441 هـ", "2020-05-13", "2020-05-13", 1, "hijri"),
    ("قصفت المدينة في العشرين من شهر رمضان", SAT, "العشرين من شهر رمضان", "2020-05-13",
     "2020-05-13", 1, "hijri"),
    ("هاجموا السوق أول أيام عيد الفطر", SAT, "أول أيام عيد الفطر", "2020-05-24",
     "2020-05-24", 1, "hijri"),
    ("اعتقلوا قبل يومين", SAT, "قبل يومين", "2020-05-21", "2020-05-21", 1, "ago"),
    ("اختطف قبل ثلاثة أيام", SAT, "قبل ثلاثة أيام", "2020-05-20", "2020-05-20", 1, "ago"),
    ("طردت منذ نحو أسبوعين", SAT, "منذ نحو أسبوعين", "2020-05-06", "2020-05-12", 2, "ago"),
    ("أطلق سراحه قبل أسبوع", SAT, "قبل أسبوع", "2020-05-13", "2020-05-19", 2, "ago"),
    ("قتل قبل بضعة أيام", SAT, "قبل بضعة أيام", "2020-05-16", "2020-05-21", 2, "ago"),
    ("أعلن الجيش الأسبوع الماضي", SAT, "الأسبوع الماضي", "2020-05-11", "2020-05-17", 2,
     "period"),
    ("اشتباكات مطلع الأسبوع", SAT, "مطلع الأسبوع", "2020-05-18", "2020-05-20", 2, "period"),
    ("قتلوا في نهاية الأسبوع", SAT, "نهاية الأسبوع", "2020-05-22", "2020-05-23", 2, "period"),
    ("اعتقلوا في وقت سابق من هذا الأسبوع", SAT, "في وقت سابق من هذا الأسبوع", "2020-05-18",
     "2020-05-23", 2, "period"),
    ("تكررت الهجمات خلال الأيام الماضية", SAT, "خلال الأيام الماضية", "2020-05-17",
     "2020-05-23", 2, "period"),
    ("تصاعدت الاحتجاجات مؤخراً", SAT, "مؤخراً", "2020-04-23", "2020-05-23", 3, "period"),
    ("ستتواصل المحادثات غدا الأحد", SAT, "غدا الأحد", "2020-05-24", "2020-05-24", 1,
     "relative_day"),
    ("أغلقت المحال يومي الجمعة والسبت", SAT, "يومي الجمعة والسبت", "2020-05-22",
     "2020-05-23", 2, "weekday"),
    ("في جانفي 2019 وقعت", None, "جانفي 2019", "2019-01-01", "2019-01-31", 3, "month"),
    ("في 2 أوت", SAT, "2 أوت", "2019-08-02", "2019-08-02", 1, "absolute"),
    ("في 14 غشت", SAT, "14 غشت", "2019-08-14", "2019-08-14", 1, "absolute"),
    ("في 5 يوليوز", SAT, "5 يوليوز", "2019-07-05", "2019-07-05", 1, "absolute"),
    ("في 9 إبريل", SAT, "9 إبريل", "2020-04-09", "2020-04-09", 1, "absolute"),
    ("في 9 ابريل", SAT, "9 ابريل", "2020-04-09", "2020-04-09", 1, "absolute"),
    ("تولى الحكم فبراير شباط", SAT, "فبراير شباط", "2020-02-01", "2020-02-29", 3, "month"),
    ("في وقت متأخر من ليل الإثنين", TUE, "وقت متأخر من ليل الإثنين", "2018-06-18",
     "2018-06-19", 1, "night"),
]


@pytest.mark.parametrize(("sentence", "published", "surface", "lo", "hi", "prec", "kind"), CASES)
def test_table(
    rec: DateRecogniser, sentence: str, published: date | None, surface: str, lo: str,
    hi: str, prec: int, kind: str,
) -> None:
    m = only(rec, sentence, published)
    assert (m.text, str(m.earliest), str(m.latest), m.precision, m.kind) == (
        surface, lo, hi, prec, kind
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "تجمعوا بعد الإفطار في محيط المبنى",  # a time of day, not a date
        "في اليوم التالي عاد الهدوء",  # "the next day" is not "today"
        "مارس الضغط على الحكومة",  # verb, not March
        "قال أب الضحية",  # father, not August
        "قال رمضان قديروف",  # a name, not the month
        "قتل 4193 شخصاً",  # a count, not a year
        "ذهب إلى المدرسة",
        "وقع الهجوم قبل ثلاثة أيام من لقاء القادة",  # before another happening, not today
    ],
)
def test_no_date(rec: DateRecogniser, sentence: str) -> None:
    assert rec.find(normalise(sentence), SAT) == []


def test_without_publication_only_absolute_dates_with_a_year_resolve(
    rec: DateRecogniser,
) -> None:
    text = "قتل أمس ثلاثة، وفي 11 مايو اثنان، وفي 3 حزيران/يونيو 2018 واحد"
    found = rec.find(normalise(text), None)
    assert [m.text for m in found] == ["أمس", "11 مايو", "3 حزيران/يونيو 2018"]
    assert [(m.earliest, m.precision) for m in found[:2]] == [(None, None), (None, None)]
    assert found[2].earliest == date(2018, 6, 3) and not found[2].anchored


def test_today_with_matching_weekday_is_that_day(rec: DateRecogniser) -> None:
    tuesday = date(2024, 3, 26)
    m = only(rec, "أعلنت البحرية اليوم الثلاثاء", tuesday)
    assert m.earliest == m.latest == tuesday and m.anchored


def test_longest_match_wins(rec: DateRecogniser) -> None:
    found = rec.find(normalise("في الساعات الأخيرة من ليل الجمعة/ السبت"), SAT)
    assert [m.kind for m in found] == ["night"]


def test_hijri_day_without_year_is_most_recent(rec: DateRecogniser) -> None:
    m = only(rec, "في 25 شعبان", SAT)  # 25 Sha'ban 1441 = 2020-04-18
    assert m.earliest == date(2020, 4, 18)


@pytest.mark.parametrize("name", ["dates.yaml", "numbers.yaml"])
def test_lexicon_lint(name: str) -> None:
    """NFC, no presentation forms, no alias claimed by two entries of one table."""
    path = package_lexicon_path(name)
    raw = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in raw)
    doc = yaml.safe_load(raw)
    assert doc["version"]
    for key in ("months", "hijri_months", "weekdays", "ordinal_days", "units", "tens"):
        owner: dict[str, object] = {}
        for entry, forms in doc.get(key, {}).items():
            for form in forms:
                assert owner.setdefault(fold(form), entry) == entry, (key, form)


def test_extra_files_extend_the_lists(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("months:\n  5: [مايس]\n", encoding="utf-8")  # Iraqi-Ottoman May
    rec = DateRecogniser.from_package_data([extra])
    m = only(rec, "في 11 مايس", SAT)
    assert m.earliest == date(2020, 5, 11)


WORDS = st.sampled_from(
    ["قتل", "أمس", "الجمعة", "ليل", "السبت", "/", "في", "11", "أيار", "مايو", "الماضي", "قبل",
     "يومين", "،", "عام", "2018", "اليوم", "مساء", "وأمس", "بالأمس", "رمضان", "شهر", "ً", "ـ"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=12), st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_spans_map_to_original_and_do_not_overlap(
    rec: DateRecogniser, words: list[str], published: date
) -> None:
    text = " ".join(words)
    found = rec.find(normalise(text), published)
    last_end = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        if m.earliest is not None:
            assert m.latest is not None and m.earliest <= m.latest
            assert m.precision in (1, 2, 3)


@settings(max_examples=100, deadline=None)
@given(st.dates(date(2001, 1, 1), date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_latest_on_or_before_publication(
    rec: DateRecogniser, published: date, weekday: int
) -> None:
    names = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    m = only(rec, f"وقع الهجوم يوم {names[weekday]}", published)
    assert m.earliest is not None
    assert m.earliest.weekday() == weekday
    assert timedelta(0) <= published - m.earliest < timedelta(days=7)


def test_a_date_after_since_opens_a_period(rec: DateRecogniser) -> None:
    since = only(rec, "في ثالث حادثة منذ مطلع الشهر الماضي", TUE)
    assert since.since and since.earliest == date(2018, 5, 1)
    assert not only(rec, "قتل مدني مطلع الشهر الماضي", TUE).since


def test_the_same_day_or_night_takes_the_date_told_before(rec: DateRecogniser) -> None:
    found = rec.find(normalise("قصفت القوات ليل الجمعة البلدة، وخلال الليلة نفسها استهدفت "
                               "مدينة مجاورة"), SAT)
    assert [(m.text, m.earliest, m.latest) for m in found] == [
        ("ليل الجمعة", date(2020, 5, 22), date(2020, 5, 23)),
        ("الليلة نفسها", date(2020, 5, 22), date(2020, 5, 23)),
    ]
    later = rec.find(normalise("وقع الانفجار أمس، وفي وقت لاحق من اليوم ذاته اعتقلت الشرطة "
                               "مشتبهاً"), SAT)
    assert later[-1].earliest == later[-1].latest == date(2020, 5, 22)
    assert not rec.find(normalise("وفي اليوم نفسه اعتقلت الشرطة مشتبهاً"), SAT)
