"""Happenings told apart: another incident's words, an operation launched now, on short texts
written for these tests."""

from __future__ import annotations

from datetime import date

from event_helpers import only, run


def test_another_incident_is_not_merged_into_the_one_told_before(resources) -> None:  # type: ignore[no-untyped-def]
    # the village lies inside the province of the first attack, and neither has a date of
    # its own: only "وفي حادث منفصل" keeps them apart
    records = run("مقتل جنديين بهجوم في ديالى\nقُتل جنديان عراقيان وأصيب ثالث في هجوم شنه "
                  "مسلحون على نقطة تفتيش للجيش في محافظة ديالى مساء الأحد، بحسب مصدر أمني. "
                  "وفي حادث منفصل، هاجم مسلحون مجهولون منزل مختار قرية الهويدر قرب بعقوبة، "
                  "وقتلوه مع ابنه.", resources)
    assert len(records) == 2
    by_place = {r.location: r for r in records}
    assert by_place["Diyala"].actor2 == "Military Forces of Iraq"
    assert by_place["Diyala"].fatalities == 2
    assert by_place["Al-Hawidr"].actor2 == "Civilians (Iraq)"


def test_a_headline_item_takes_the_separate_incident_it_names(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("مقتل جنديين بانفجار عبوة ناسفة في ديالى وخطف مختار قرية\nقُتل جنديان عراقيان "
                  "بانفجار عبوة ناسفة استهدفت دوريتهم قرب بعقوبة مساء الأحد. وفي حادث منفصل، "
                  "خطف مسلحون مجهولون مختار قرية الهويدر واقتادوه إلى جهة مجهولة.", resources)
    assert sorted(r.sub_event_type for r in records) == [
        "Abduction/forced disappearance", "Remote explosive/landmine/IED"]


def test_an_operation_launched_now_is_no_background(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("العراق: تطورات أمنية في عدد من المحافظات\nعقدت اللجنة الأمنية في البرلمان "
                  "العراقي، اليوم الثلاثاء، اجتماعاً لبحث الأوضاع في المحافظات الشمالية.\nوفي "
                  "كركوك، أعلنت خلية الإعلام الأمني إصابة جنديين بانفجار عبوة ناسفة استهدفت "
                  "دوريتهم في قضاء الحويجة غربي المحافظة مساء أمس الاثنين، مشيرة إلى انطلاق "
                  "عملية تفتيش في القرى المحيطة.", resources)
    assert [(r.sub_event_type, r.event_date, r.injuries) for r in records] == [
        ("Remote explosive/landmine/IED", "2023-05-15", 2)]
    assert records[0].location == "Al Ḩawījah"


def test_the_clause_is_read_again_when_its_first_trigger_is_history(resources) -> None:  # type: ignore[no-untyped-def]
    # "مفخخة" (a car bomb destroyed, read first by precedence) takes "أيار الماضي" and is
    # history; the air raid of Wednesday is the clause's news
    records = run("الأنبار: حصيلة عمليات الجيش\nأعلنت قيادة العمليات المشتركة، اليوم الثلاثاء، "
                  "استمرار العمليات في المحافظة.\nوقالت القيادة إن طيران الجيش العراقي قصف يوم "
                  "الأحد تجمعات لعناصر التنظيم في منطقة البوفراج شمالي الرمادي، ما أسفر عن مقتل "
                  "12 مسلحاً وتدمير ثلاث عجلات مفخخة، ضمن عمليات استعادة القرى التي سقطت بيد "
                  "التنظيم في نيسان الماضي.", resources)
    assert [(r.sub_event_type, r.event_date, r.fatalities) for r in records] == [
        ("Air/drone strike", "2023-05-14", 12)]


def test_helicopters_dropping_barrels_are_an_air_strike(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("ألقت مروحيات النظام السوري، صباح أمس الاثنين، براميل متفجرة على أحياء "
                      "مدينة داريا في ريف دمشق الغربي.", resources))
    assert record.sub_event_type == "Air/drone strike"
    assert record.actor1 == "Military Forces of Syria"
    assert record.event_date == "2023-05-15"
    assert record.location == "Dārayyā"


def test_drones_dropping_bombs_are_an_air_strike(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("ألقت مسيّرات إسرائيلية قنابل حارقة على الأحراج المحيطة ببلدة الناقورة "
                      "جنوبي لبنان مساء الأحد.", resources))
    assert (record.sub_event_type, record.actor1) == ("Air/drone strike",
                                                      "Military Forces of Israel")


def test_an_infiltration_thwarted_is_a_clash(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("أحبطت وحدات الجيش العراقي، فجر أمس الاثنين، محاولة تسلل لعناصر من تنظيم "
                      "داعش قرب قضاء الطارمية شمالي بغداد، وقتلت اثنين منهم.", resources))
    assert record.sub_event_type == "Armed clash"
    assert {record.actor1, record.actor2} == {"Military Forces of Iraq", "Islamic State (Iraq)"}
    assert record.fatalities == 2



def test_a_weapon_told_as_an_adjective_is_the_means_of_the_verb(resources) -> None:  # type: ignore[no-untyped-def]
    # "بالأسلحة الصاروخية": the article on "الصاروخية" is the adjective's, not a strike told
    # before; the targeting verb stands for the happening
    records = run("جنوب لبنان: يوم جديد على الحدود\nأصدرت المقاومة الإسلامية في لبنان، اليوم "
                  "الثلاثاء، سلسلة بيانات حول عملياتها.\nوأعلنت المقاومة الإسلامية استهداف موقع "
                  "المالكية بالأسلحة الصاروخية، مؤكدة تحقيق إصابات مباشرة.",
                  resources)
    assert [(r.sub_event_type, r.location, r.event_date) for r in records] == [
        ("Shelling/artillery/missile attack", "Malkia", "2023-05-16")]


def test_a_happening_set_beside_an_earlier_one_is_not_merged_with_it(resources) -> None:  # type: ignore[no-untyped-def]
    # "ويأتي التفجير بعد أيام من هجوم": the bombing is the one told above; the attack on the
    # base is another happening, whose town is not the bombing's
    records = run("مقتل أربعة جنود بتفجير في الصومال\nقُتل أربعة جنود صوماليين وأصيب ستة آخرون، "
                  "أمس الاثنين، بانفجار سيارة مفخخة استهدفت نقطة تفتيش للجيش جنوبي البلاد، بحسب "
                  "مصدر أمني.\nويأتي التفجير بعد أيام من هجوم شنه مسلحو حركة الشباب على قاعدة "
                  "للجيش في بلدة بارديري بإقليم جدو.", resources)
    bombing = only([r for r in records if r.sub_event_type == "Remote explosive/landmine/IED"])
    assert bombing.location != "Baardheere"
    assert bombing.fatalities == 4
    assert "Baardheere" in {r.location for r in records if r is not bombing}


def test_a_tally_of_attacks_over_weeks_is_no_event(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("شنت طائرات أميركية فجر اليوم غارات على مواقع لفصائل عراقية في البوكمال شرقي "
                  "سوريا. وتأتي هذه الضربات بعدما تعرّضت القوات الأميركية في العراق وسوريا لأكثر "
                  "من 40 هجوماً منذ 17 نيسان الماضي.", resources)
    assert [r.sub_event_type for r in records] == ["Air/drone strike"]
    assert run("قال مسؤول أمني إن القوات الأميركية تعرضت لأكثر من 40 هجوماً بطائرات مسيرة وصواريخ "
               "في العراق وسوريا خلال الأسابيع الماضية.", resources) == []
    # hundreds of shells since last evening are one bombardment
    record = only(run("أمطر مسلحو المعارضة بلدتي الفوعة وكفريا في ريف إدلب منذ مساء أمس بمئات "
                      "القذائف الصاروخية، بحسب المرصد.", resources))
    assert record.sub_event_type == "Shelling/artillery/missile attack"


def test_a_crowd_dispersed_is_a_protest_with_intervention(resources) -> None:  # type: ignore[no-untyped-def]
    for text in ("أطلقت الشرطة الغاز المسيل للدموع على محتجين في حي النصر بمدينة سيدي بوزيد مساء "
                 "أمس.",
                 "أطلقت الشرطة الغاز المسيل للدموع لتفريق محتجين في مدينة سيدي بوزيد مساء أمس."):
        record = only(run(text, resources))
        assert (record.sub_event_type, record.location) == ("Protest with intervention",
                                                            "Sidi Bouzid")
        assert record.actor1 == "Protesters (Tunisia)"


def test_civil_aviation_is_no_air_force(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("اقتحم مئات المحتجين، الجمعة، مطار النجف الدولي وحطموا أجهزة التفتيش في "
                      "صالة المسافرين، مما اضطر سلطة الطيران المدني إلى تعليق الرحلات.",
                      resources))
    assert record.sub_event_type == "Violent demonstration"
    assert record.actor1 == "Rioters (Iraq)"


def test_blasts_told_as_a_strikes_effect_are_the_strike(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("وفي صنعاء، هزت انفجارات متتالية أرجاء المدينة فجر أمس، إثر غارات شنتها "
                      "مقاتلات التحالف العربي على معسكر الحفا في جبل نقم شرق صنعاء.", resources))
    assert record.sub_event_type == "Air/drone strike"
    assert record.location == "Sanaa"


def test_anti_armour_rockets_at_tanks_are_fighting(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("وفي خان يونس، أعلنت كتائب القسام أن مقاتليها استهدفوا أمس الاثنين دبابتين "
                      "من نوع \"ميركافا\" بقذائف \"الياسين 105\" في حي الأمل غربي المدينة.",
                      resources))
    assert record.sub_event_type == "Armed clash"
    record = only(run("وفي خان يونس، قصفت المدفعية الإسرائيلية أمس الاثنين منازل في حي الأمل "
                      "غربي المدينة بعشرات القذائف.", resources))
    assert record.sub_event_type == "Shelling/artillery/missile attack"


def test_an_anniversary_remembers_history(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("أشرف رئيس الحكومة صباح اليوم الثلاثاء بمدينة بن قردان على إحياء الذكرى الأولى "
                  "للتصدي للهجوم الإرهابي الذي استهدف المدينة يوم 7 مارس 2016، بحضور وزيري "
                  "الداخلية والدفاع الوطني.", resources)
    assert records == [], [(r.sub_event_type, r.event_date, r.actor1) for r in records]


def test_a_suicide_driver_told_later_makes_the_bombing_a_suicide_bomb(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("انفجار مقديشو: ارتفاع عدد القتلى إلى 231 في أسوأ هجوم\nارتفعت حصيلة ضحايا "
                      "التفجير الذي نفذ بشاحنة مفخخة وسط العاصمة الصومالية مقديشو يوم الأحد إلى "
                      "231 قتيلا.\nوقال ضابط في الشرطة إن انتحاريا كان يقود الشاحنة، وإنه فجرها "
                      "عندما اعترضت طريقه نقطة تفتيش.", resources))
    assert record.sub_event_type == "Suicide bomb"
    assert record.fatalities == 231  # a count of all the dead: no bomber added


def test_blasts_heard_amid_a_raid_are_the_raid(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("وفي اليمن، شنت مقاتلات التحالف أمس الاثنين غارات مكثفة على معسكر في مدينة "
                      "ذمار اليمنية، وأفادت مصادر محلية بمقتل ثمانية من الحوثيين وتدمير مخازن "
                      "للذخيرة، وسط انفجارات متتالية.", resources))
    assert record.sub_event_type == "Air/drone strike"


def test_led_away_to_an_unknown_place_is_an_abduction(resources) -> None:  # type: ignore[no-untyped-def]
    record = only(run("نيجيريا: مسلحون في أحراش دامبوا\nوفي أحراش قريبة من بلدة دامبوا بولاية "
                      "بورنو النيجيرية، اقتاد مسلحون يشتبه بانتمائهم إلى بوكو حرام ثلاثة من "
                      "جامعي الحطب أمس الاثنين إلى جهة مجهولة.", resources))
    assert record.sub_event_type == "Abduction/forced disappearance"
    # police leading suspects to a station abduct no one
    records = run("اقتاد عناصر الأمن الموقوفين الثلاثة أمس الاثنين إلى مقر الفرقة في مدينة صفاقس.",
                  resources)
    assert "Abduction/forced disappearance" not in {r.sub_event_type for r in records}


def test_a_kidnapping_is_no_retelling_of_a_fight_nearby(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("نيجيريا: هجوم على قاعدة\nهاجم مسلحون من تنظيم داعش أمس الاثنين قاعدة عسكرية في "
                  "بلدة ماغوميري بولاية بورنو، واشتبكوا مع الجنود.\nوفي أحراش قريبة من بلدة "
                  "ماغوميري، اقتاد مسلحون ثلاثة من جامعي الحطب أمس الاثنين إلى جهة مجهولة.",
                  resources)
    subs = sorted(r.sub_event_type for r in records)
    assert subs == ["Abduction/forced disappearance", "Armed clash"], subs


def test_an_interception_joined_after_a_shelling_is_its_own_happening(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("سقوط مقذوفات على صامطة واعتراض صاروخ باليستي باتجاه جازان\n"
                  "قال المتحدث باسم الدفاع المدني إن مقذوفات أطلقت من داخل الأراضي اليمنية "
                  "سقطت مساء اليوم على حي سكني في محافظة صامطة. وأضاف أن الدفاعات الجوية "
                  "اعترضت صاروخاً.", resources, published=date(2015, 8, 13))
    kinds = {(r.sub_event_type, r.location) for r in records}
    assert ("Shelling/artillery/missile attack", "Samitah") in kinds, kinds
    assert "Disrupted weapons use" in {sub for sub, _ in kinds}, kinds


def test_an_air_aggression_is_an_air_raid(resources) -> None:  # type: ignore[no-untyped-def]
    # Al Mayadeen and SANA call an Israeli raid "عدوان جوي"
    record = only(run("وقال مصدر عسكري إن العدو الإسرائيلي نفّذ فجر اليوم عدواناً جوياً على "
                      "محيط بلدة الكسوة بريف دمشق، أدى إلى وقوع بعض الخسائر المادية.", resources))
    assert record.sub_event_type == "Air/drone strike"
    assert record.location == "Al Kiswah"
    assert record.actor1 == "Military Forces of Israel"
