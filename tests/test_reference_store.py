"""Keeping commodities, places, routes and the hub's settings: rules, history and audit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from hubapp.domain import demo
from hubapp.domain.clock import machine_zone
from hubapp.domain.errors import InputError, message
from hubapp.domain.records import (
    CommodityRecord, Direction, HubSettingsRecord, PlaceRecord, RouteRecord, ServiceRecord,
)
from hubapp.domain.reference_rules import commodity_label as label
from hubapp.domain.reference_rules import (
    hs_code_fits, hs_code_of_key, normal_countries, validate_commodity, validate_place,
    validate_route,
)
from hubapp.domain.validation import ValidationError
from hubapp.store import audit, day_close, open_db, reference, rollup, services, settings, stats
from hubapp.store.db import transaction
from hubapp.store.interchange import ImportRowsRecord, insert_import, lookups
from hubapp.store.users import ADMIN, CLERK, SUPERVISOR, PermissionDenied, UserRecord

from conftest import DEMO_END, HUB_FAR_AWAY, hub_zone_set

# Every test runs on SQLite and on PostgreSQL (conftest's engine).
pytestmark = pytest.mark.usefixtures("engine")

START = DEMO_END - dt.timedelta(days=10)
BOSS = UserRecord("boss", ADMIN)
SUE = UserRecord("sue", SUPERVISOR)
WANG = UserRecord("wang", SUPERVISOR)
ZHAO = UserRecord("zhao", SUPERVISOR)
LI_NA = UserRecord("li.na", SUPERVISOR)
JACKFRUIT = CommodityRecord("081070", "jackfruit", "菠萝蜜", "agri", True)


def totals(db):
    return stats.throughput(db, START, DEMO_END).totals


def count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def used_commodities(db):
    """The two commodities with the most moves in the demo."""
    return [row["commodity_id"] for row in db.query(
        "SELECT commodity_id, COUNT(*) n FROM container_move WHERE commodity_id IS NOT NULL"
        " GROUP BY commodity_id ORDER BY n DESC LIMIT 2")]


@pytest.mark.parametrize("hs_code, expected", [
    ("11062", "must be 6 digits"), ("1106A0", "must be 6 digits"),
    ("770000", "no HS chapter 77"), ("980000", "no HS chapter 98"),
    ("000100", "no HS chapter 00"), ("010000", "no heading 00"), ("850012", "no heading 00")])
def test_bad_hs_codes_are_refused_by_the_field(hs_code, expected):
    errors = validate_commodity(dataclasses.replace(JACKFRUIT, hs_code=hs_code))
    assert [e.field for e in errors] == ["hs_code"]
    assert expected in str(errors[0])


def test_names_and_category_are_required():
    errors = validate_commodity(CommodityRecord("110620", " ", "", "toys", False))
    assert [e.field for e in errors] == ["name_en", "name_zh", "category"]


def test_a_route_without_its_ends_says_they_are_required_as_its_names_do():
    errors = validate_route(RouteRecord("CN-LA", "", "中老铁路", "rail", "CN,LA", "", " "),
                            {"CNCQI", "LAVTE"})
    assert {e.field: message(e) for e in errors} == {
        "name_en": "This field is required", "origin": "This field is required",
        "destination": "This field is required"}


@pytest.mark.parametrize("locode", ["LAVT", "lavte", "LA1TE", "L4VTE", "LAVTE1"])
def test_bad_locodes_are_refused(locode):
    errors = validate_place(PlaceRecord(locode, "Vientiane", "万象", locode[:2]))
    assert "locode" in [e.field for e in errors]


def test_a_locode_with_digits_2_to_9_is_fine():
    assert validate_place(PlaceRecord("USNY2", "Somewhere", "某地", "US")) == []
    errors = validate_place(PlaceRecord("USNY2", "Somewhere", "某地", "GB"))
    assert [e.field for e in errors] == ["country"]


def test_add_a_commodity_find_it_by_any_name_and_see_it_audited(demo_db):
    change = reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, hs_code="0810.70"),
                                      BOSS)
    assert change.what == "reference"
    find = reference.commodity_finder(demo_db)
    new_id = find("菠萝蜜")
    assert new_id is not None and find("Jackfruit") == new_id
    assert reference.get_commodity(demo_db, new_id).hs_code == "081070"
    entry = audit.entries(demo_db, user="boss")[0]
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "commodity", str(new_id))
    assert entry.after["name_zh"] == "菠萝蜜"


def test_a_bad_or_taken_commodity_saves_nothing(demo_db):
    before = count(demo_db, "commodity"), count(demo_db, "audit_log")
    with pytest.raises(ValidationError) as caught:
        reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, hs_code="771234"),
                                 BOSS)
    assert caught.value.errors[0].field == "hs_code"
    with pytest.raises(ValidationError) as caught:
        reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, name_en="Durian"),
                                 BOSS)
    assert [e.field for e in caught.value.errors] == ["name_en"]
    assert (count(demo_db, "commodity"), count(demo_db, "audit_log")) == before


def test_a_space_between_chinese_characters_is_no_other_name_and_is_kept(demo_db):
    """The daily log and imports read "木薯 粉" as 木薯粉 now, so it is 木薯粉's name; a
    commodity saved with such a space is found without it, and stored as typed."""
    with pytest.raises(ValidationError) as caught:
        reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, name_zh="木薯 粉"),
                                 BOSS)
    assert {e.field: message(e) for e in caught.value.errors} == {
        "name_zh": "'木薯 粉' is taken: the daily log and imports read it as '木薯粉', "
                   "cassava flour (木薯粉)'s"}
    reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, name_zh="菠萝 蜜"), BOSS)
    find = reference.commodity_finder(demo_db)
    new_id = find("菠萝蜜")
    assert new_id is not None and find("菠萝  蜜") == find("Jackfruit") == new_id
    assert reference.get_commodity(demo_db, new_id).name_zh == "菠萝 蜜"


def test_a_commoditys_own_problems_and_those_with_others_are_said_at_once(demo_db):
    """The taken names and HS code were said only once the category was chosen."""
    with pytest.raises(ValidationError) as caught:
        reference.save_commodity(
            demo_db, CommodityRecord("1106.20", "Cassava Flour", "木薯粉", "", False), BOSS)
    assert {e.field: message(e) for e in caught.value.errors} == {
        "category": "Choose the commodity's category",
        "name_en": "'Cassava Flour' is taken: the daily log and imports read it as "
                   "'cassava flour', cassava flour (木薯粉)'s",
        "name_zh": "'木薯粉' is taken: the daily log and imports read it as '木薯粉', "
                   "cassava flour (木薯粉)'s",
        "hs_code": "HS code 110620 is already cassava flour (木薯粉)'s: two commodities in use "
                   "cannot share one (retire or change that one first)"}


def test_retire_hides_from_entry_and_keeps_history(demo_db):
    used = used_commodities(demo_db)[0]
    name = reference.get_commodity(demo_db, used).name_en
    before = totals(demo_db)
    by_commodity = stats.throughput(demo_db, START, DEMO_END, "commodity").rows
    reference.set_retired(demo_db, used, True, BOSS)
    with pytest.raises(InputError, match="retired"):
        reference.commodity_finder(demo_db)(name)
    assert used not in [c.id for c in reference.list_commodities(demo_db)]
    assert reference.get_commodity(demo_db, used).retired
    assert totals(demo_db) == before
    assert stats.throughput(demo_db, START, DEMO_END, "commodity").rows == by_commodity
    reference.set_retired(demo_db, used, False, BOSS)
    assert reference.commodity_finder(demo_db)(name) == used
    assert [e.action for e in audit.entries(demo_db, user="boss")] == ["unretire", "retire"]


def test_the_commodity_list_follows_each_change_wherever_it_is_made(demo_db, demo_target):
    """The list is read again only once the file has changed (store.reference keeps it):
    a rename at another desk, a save here and a write taken back each show at once."""
    def names():
        return {c.name_en for c in reference.list_commodities(demo_db, include_retired=True)}

    assert "jackfruit" not in names()
    other = open_db(demo_target)
    try:
        other.execute("UPDATE commodity SET name_en = 'durian fruit' WHERE name_en = 'durian'")
        other.conn.commit()
    finally:
        other.close()
    assert "durian fruit" in names() and "durian" not in names()
    reference.save_commodity(demo_db, JACKFRUIT, BOSS)
    assert "jackfruit" in names()
    with pytest.raises(ZeroDivisionError), transaction(demo_db):
        demo_db.execute("UPDATE commodity SET name_en = 'taken back' WHERE name_en = 'jackfruit'")
        assert "taken back" in names()  # its own write, read inside the transaction
        1 / 0
    assert "jackfruit" in names() and "taken back" not in names()


def test_the_commodity_list_is_read_once_until_the_file_changes(demo_db, engine, monkeypatch):
    reads = []
    read = reference._commodities
    monkeypatch.setattr(reference, "_commodities", lambda *args: reads.append(args) or read(*args))
    first = reference.list_commodities(demo_db, include_retired=True)
    current = reference.list_commodities(demo_db)
    assert current == [c for c in first if not c.retired]
    # A PostgreSQL server says nothing of another client's commits: read each time.
    assert len(reads) == (1 if engine == "sqlite" else 2)
    first.clear()  # a caller's copy: what the next caller gets is whole
    assert reference.list_commodities(demo_db) == current


def test_merge_moves_the_containers_and_keeps_totals(demo_db):
    source, target = used_commodities(demo_db)
    moves = demo_db.execute("SELECT COUNT(*) FROM container_move WHERE commodity_id IN (?, ?)",
                            [source, target]).fetchone()[0]
    before = totals(demo_db)
    change = reference.merge_commodities(demo_db, source, target, BOSS)
    assert change.what == "reference" and change.dates
    assert totals(demo_db) == before
    assert demo_db.execute("SELECT COUNT(*) FROM container_move WHERE commodity_id = ?",
                           [target]).fetchone()[0] == moves
    assert reference.get_commodity(demo_db, source) is None
    assert rollup.differences(demo_db) == []  # the daily roll-up followed
    entry = audit.entries(demo_db, user="boss")[0]
    assert (entry.action, entry.after["merged_into"]) == ("merge", target)


def test_a_merge_changing_closed_days_needs_a_reason_the_days_then_show(demo_db):
    source, target = used_commodities(demo_db)
    days = reference.days_holding(demo_db, source)
    closed = [days[0], days[-1]]
    for day in closed:
        day_close.close_day(demo_db, day, SUE)
    assert reference.days_holding(demo_db, source, closed_only=True) == closed
    newest = audit.newest_id(demo_db)
    with pytest.raises(day_close.ReasonNeeded,
                       match=f"closed days: {closed[0]}, {closed[1]}; give a reason"):
        reference.merge_commodities(demo_db, source, target, WANG)
    assert audit.newest_id(demo_db) == newest
    assert reference.get_commodity(demo_db, source) is not None
    reference.merge_commodities(demo_db, source, target, WANG, reason="one commodity, twice")
    entry = audit.entries(demo_db, limit=1)[0]
    assert (entry.action, entry.after["reason"], entry.after["closed_days"]) == (
        "merge", "one commodity, twice", [day.isoformat() for day in closed])
    for day in closed:
        assert day_close.last_change_after_close(demo_db, day).reason == "one commodity, twice"


def test_a_commodity_another_desk_merged_away_is_neither_retired_nor_edited(demo_db):
    source, target = used_commodities(demo_db)
    loaded = reference.get_commodity(demo_db, source)  # as this desk's list holds it
    reference.merge_commodities(demo_db, source, target, SUE)  # another desk
    newest = audit.newest_id(demo_db)
    for change in (lambda: reference.set_retired(demo_db, source, True, WANG),
                   lambda: reference.save_commodity(
                       demo_db, dataclasses.replace(loaded, perishable=True), WANG, loaded),
                   lambda: reference.merge_commodities(demo_db, source, target, WANG),
                   lambda: reference.merge_commodities(demo_db, target, source, WANG)):
        with pytest.raises(InputError) as caught:
            change()
        assert message(caught.value) == (
            f"{label(loaded)} was merged into {label(reference.get_commodity(demo_db, target))}"
            " at another desk: choose the commodity again")
    assert audit.newest_id(demo_db) == newest
    assert reference.get_commodity(demo_db, source) is None


def test_a_retire_audits_what_was_stored_and_a_repeated_one_nothing(demo_db):
    """With the day of the commodity's last box, if it has any (see the next test)."""
    used = used_commodities(demo_db)[0]
    reference.set_retired(demo_db, used, True, SUE)
    reference.set_retired(demo_db, used, True, WANG)  # from a list not yet refreshed
    reference.set_retired(demo_db, used, False, WANG)
    reference.save_commodity(demo_db, JACKFRUIT, BOSS)
    unused = reference.commodity_finder(demo_db)(JACKFRUIT.name_en)
    reference.set_retired(demo_db, unused, True, SUE)
    stored = reference.get_commodity(demo_db, used)
    names = {"name_en": stored.name_en, "name_zh": stored.name_zh}
    held = {**names, "last_move": reference.days_holding(demo_db, used)[-1].isoformat()}
    jackfruit = {"name_en": JACKFRUIT.name_en, "name_zh": JACKFRUIT.name_zh}
    assert [(e.user_name, e.action, e.before, e.after)
            for e in audit.entries(demo_db, limit=4) if e.action != "create"] == [
        ("sue", "retire", {**jackfruit, "retired": False}, {**jackfruit, "retired": True}),
        ("wang", "unretire", {**names, "retired": True}, {**names, "retired": False}),
        ("sue", "retire", {**held, "retired": False}, {**held, "retired": True})]


def test_a_file_may_hold_a_retired_commodity_up_to_its_last_box_when_that_is_later(demo_db):
    """Boxes entered ahead for a planned train hold it after the day it was retired: the
    hub's export of them read back refused. An entry of an older release, noting no last
    box, still ends at the retirement day."""
    used = used_commodities(demo_db)[0]
    last = reference.days_holding(demo_db, used)[-1]
    reference.set_retired(demo_db, used, True, BOSS)
    (entry,) = audit.entries(demo_db, limit=1)
    retired_on = last - dt.timedelta(days=2)
    demo_db.execute("UPDATE audit_log SET at = ? WHERE id = ?",
                    [f"{retired_on}T12:00:00+00:00", entry.id])
    demo_db.conn.commit()

    def refused() -> list[dt.date]:
        check = lookups(demo_db).retired_after
        return [day for day in (retired_on + dt.timedelta(days=n) for n in range(4))
                if check(used, day)]

    assert refused() == [last + dt.timedelta(days=1)]
    older = {name: value for name, value in entry.after.items() if name != "last_move"}
    demo_db.execute("UPDATE audit_log SET after = ? WHERE id = ?",
                    [json.dumps(older), entry.id])
    demo_db.conn.commit()
    assert refused() == [retired_on + dt.timedelta(days=n) for n in (1, 2, 3)]


def test_the_day_a_commodity_was_retired_or_recoded_is_the_hubs(demo_db, desk_far_from_the_hub):
    """Noon UTC is the next day at a hub 14 hours ahead and midnight at a desk 12 hours
    behind, which took the hub's day before for the day: a box of it refused its
    commodity, and a code the commodity had that day with it."""
    hub_zone_set(demo_db, HUB_FAR_AWAY)
    reference.save_commodity(demo_db, JACKFRUIT, BOSS)
    jackfruit = reference.commodity_finder(demo_db)(JACKFRUIT.name_en)
    reference.save_commodity(demo_db, dataclasses.replace(
        reference.get_commodity(demo_db, jackfruit), hs_code="081040"), BOSS)
    # Its former code is another's now: it fits the jackfruit only up to the day it changed.
    reference.save_commodity(demo_db, dataclasses.replace(
        JACKFRUIT, name_en="jackfruit seeds", name_zh="菠萝蜜籽"), BOSS)
    reference.set_retired(demo_db, jackfruit, True, BOSS)
    day = dt.date(2026, 3, 2)
    demo_db.execute("UPDATE audit_log SET at = ? WHERE entity = 'commodity' AND entity_id = ?"
                    " AND action IN ('update', 'retire')",
                    [f"{day - dt.timedelta(days=1)}T12:00:00+00:00", str(jackfruit)])
    demo_db.conn.commit()
    assert reference.retire_days(demo_db)[jackfruit] == day
    check = lookups(demo_db).retired_after
    assert [later for later in (day, day + dt.timedelta(days=1)) if check(jackfruit, later)] \
        == [day + dt.timedelta(days=1)]
    assert reference.former_hs_codes(demo_db)[jackfruit] == {JACKFRUIT.hs_code: day}


def test_places_and_routes_are_added_checked_and_audited(demo_db):
    with pytest.raises(ValidationError) as caught:
        reference.save_place(demo_db, PlaceRecord("LAV", "Nowhere", "无处", "LA"), BOSS,
                             new=True)
    assert caught.value.errors[0].field == "locode"
    reference.save_place(demo_db, PlaceRecord("lalpq", "Luang Prabang", "琅勃拉邦", "la"),
                         BOSS, new=True)
    with pytest.raises(ValidationError):  # the same UN/LOCODE twice
        reference.save_place(demo_db, PlaceRecord("LALPQ", "Luang", "琅勃拉邦", "LA"), BOSS,
                             new=True)
    route = RouteRecord("CN-LA-LPQ", "China–Laos Railway to Luang Prabang", "中老铁路（琅勃拉邦）",
                        "rail", "CN,LA", "CNCQI", "LALPQ")
    reference.save_route(demo_db, route, BOSS, new=True)
    with pytest.raises(ValidationError) as caught:
        reference.save_route(demo_db, dataclasses.replace(route, destination="XXXXX"), BOSS,
                             new=False)
    assert [e.field for e in caught.value.errors] == ["destination"]
    assert route in reference.list_routes(demo_db)
    assert [(e.action, e.entity) for e in audit.entries(demo_db, user="boss")] == [
        ("create", "route"), ("create", "place")]


def test_a_routes_countries_are_2_letter_codes_stored_comma_separated(demo_db):
    places = {place.locode for place in reference.list_places(demo_db)}
    for route in reference.list_routes(demo_db):  # the demo's, as shipped, stay as they are
        assert validate_route(route, places) == [] and normal_countries(route.countries) == \
            route.countries, route
    route = dataclasses.replace(reference.list_routes(demo_db)[0], countries="cn、la；TH vn")
    reference.save_route(demo_db, route, BOSS, new=False)
    assert reference.list_routes(demo_db)[0].countries == "CN,LA,TH,VN"
    for countries, message in (("", "This field is required"), (
            "CN,LAO", "Country 'LAO' is not a 2-letter country code: give the codes like "
                      "CN,LA, separated by commas or spaces")):
        assert refused_fields(lambda: reference.save_route(demo_db, dataclasses.replace(
            route, countries=countries), BOSS, new=False)) == {"countries": message}


def test_reference_data_and_settings_are_a_supervisors_or_an_admins_to_change(demo_db):
    source, target = used_commodities(demo_db)
    place = PlaceRecord("LALPQ", "Luang Prabang", "琅勃拉邦", "LA")
    route = RouteRecord("CN-LA-LPQ", "China–Laos Railway to Luang Prabang", "中老铁路（琅勃拉邦）",
                        "rail", "CN,LA", "CNCQI", "LALPQ")
    writes = {
        "add commodity": lambda actor: reference.save_commodity(demo_db, JACKFRUIT, actor),
        "retire": lambda actor: reference.set_retired(demo_db, source, True, actor),
        "merge": lambda actor: reference.merge_commodities(demo_db, source, target, actor),
        "add place": lambda actor: reference.save_place(demo_db, place, actor, new=True),
        "add route": lambda actor: reference.save_route(demo_db, route, actor, new=True),
        "delete route": lambda actor: reference.delete_route(demo_db, route.code, actor),
        "delete place": lambda actor: reference.delete_place(demo_db, place.locode, actor),
        "settings": lambda actor: settings.save(
            demo_db, HubSettingsRecord(hub_name="Guoyuan Port"), actor),
    }
    newest = audit.newest_id(demo_db)
    for write in writes.values():
        with pytest.raises(PermissionDenied, match=r"^wang \(clerk\) may not do this; it needs "
                                                   r"the role supervisor or admin$"):
            write(UserRecord("wang", CLERK))
    assert audit.newest_id(demo_db) == newest
    for write in writes.values():
        write(SUE)
    assert [e.user_name for e in audit.entries(demo_db, limit=len(writes))] == \
        ["sue"] * len(writes)


def test_settings_are_saved_and_each_change_audited(demo_db):
    zone = machine_zone()  # the demo's, where this computer's can be named
    assert settings.load(demo_db) == HubSettingsRecord(daily_train_target=demo.train_target(),
                                                       time_zone=zone)
    changed = HubSettingsRecord(hub_name="Guoyuan Port", daily_train_target=24, teu_45ft=2.25,
                                time_zone=zone)
    assert settings.save(demo_db, changed, BOSS).what == "settings"
    assert settings.load(demo_db) == changed
    entry = audit.entries(demo_db, user="boss")[0]
    assert (entry.entity, entry.before, entry.after) == ("setting", {
        "hub_name": "Chongqing International Logistics Hub Park", "teu_45ft": 2.0,
        "daily_train_target": demo.train_target()}, {"hub_name": "Guoyuan Port", "teu_45ft": 2.25,
                                    "daily_train_target": 24})
    with pytest.raises(ValidationError):
        settings.save(demo_db, HubSettingsRecord(teu_45ft=2.5), BOSS)
    assert settings.load(demo_db) == changed


def test_a_retired_commodity_is_found_only_where_a_stored_service_keeps_it(demo_db):
    durian = reference.commodity_finder(demo_db)("durian")
    reference.set_retired(demo_db, durian, True, BOSS)
    with pytest.raises(InputError) as caught:
        reference.commodity_finder(demo_db)("榴莲")
    assert message(caught.value) == (
        "durian (榴莲) is retired: choose another commodity, or ask a supervisor to bring it "
        "back into use")
    with pytest.raises(InputError, match="retired"):
        reference.commodity_finder(demo_db)("081060")  # by its HS code too
    assert reference.commodity_finder(demo_db)("榴莲", keep={durian}) == durian


def test_a_commodity_in_use_keeps_its_hs_code_to_itself(demo_db):
    """Cassava chips with cassava flour's 110620 took over every later "110620" entry."""
    flour = reference.commodity_finder(demo_db)("cassava flour")
    chips = CommodityRecord("110620", "Cassava chips", "木薯片", "agri", False)
    before = count(demo_db, "commodity"), count(demo_db, "audit_log")
    with pytest.raises(ValidationError) as caught:
        reference.save_commodity(demo_db, chips, BOSS)
    assert [(e.field, message(e)) for e in caught.value.errors] == [("hs_code", (
        "HS code 110620 is already cassava flour (木薯粉)'s: two commodities in use cannot "
        "share one (retire or change that one first)"))]
    assert (count(demo_db, "commodity"), count(demo_db, "audit_log")) == before
    assert reference.commodity_finder(demo_db)("1106.20") == flour

    # Once flour is retired, chips may have the code, and a bare code finds chips; flour
    # cannot come back into use beside it, and typing it says what to use instead.
    reference.set_retired(demo_db, flour, True, BOSS)
    reference.save_commodity(demo_db, chips, BOSS)
    find = reference.commodity_finder(demo_db)
    assert find("110620") == find("Cassava chips") != flour
    with pytest.raises(InputError) as caught:
        find("木薯粉")
    assert message(caught.value) == (
        "cassava flour (木薯粉) is retired: use Cassava chips (木薯片) (the same HS code) instead")
    with pytest.raises(ValidationError, match="already Cassava chips"):
        reference.set_retired(demo_db, flour, False, BOSS)
    assert reference.get_commodity(demo_db, flour).retired
    # A service that holds flour keeps it: there the bare code could mean either.
    with pytest.raises(InputError) as caught:
        reference.commodity_finder(demo_db)("110620", keep={flour})
    assert message(caught.value) == (
        "HS code 110620 is shared by Cassava chips (木薯片), cassava flour (木薯粉): type the "
        "commodity's name")
    assert reference.commodity_finder(demo_db)("cassava flour", keep={flour}) == flour


def test_an_hs_code_two_commodities_in_use_share_from_old_data_finds_neither(demo_db):
    demo_db["commodity"].insert({"hs_code": "110620", "name_en": "Cassava chips",
                                 "name_zh": "木薯片", "category": "agri", "perishable": 0})
    find = reference.commodity_finder(demo_db)
    with pytest.raises(InputError, match="shared by Cassava chips .*, cassava flour"):
        find("110620")
    assert find("cassava chips") != find("cassava flour")


def test_a_form_writes_only_what_it_changed_over_another_desks_edit(demo_db):
    loaded = next(c for c in reference.list_commodities(demo_db) if c.name_en == "laptops")
    reference.save_commodity(demo_db, dataclasses.replace(loaded, name_en="notebook computers"),
                             ZHAO)  # another desk, since the form opened
    reference.save_commodity(demo_db, dataclasses.replace(loaded, perishable=True), LI_NA,
                             loaded)
    stored = reference.get_commodity(demo_db, loaded.id)
    assert (stored.name_en, stored.perishable) == ("notebook computers", True)

    place = reference.list_places(demo_db)[0]
    reference.save_place(demo_db, dataclasses.replace(place, name_zh="新名字"), ZHAO, new=False)
    reference.save_place(demo_db, dataclasses.replace(place, name_en="New name"), LI_NA,
                         new=False, loaded=place)
    stored_place = next(p for p in reference.list_places(demo_db) if p.locode == place.locode)
    assert (stored_place.name_en, stored_place.name_zh) == ("New name", "新名字")


def test_two_desks_edits_that_make_a_route_end_where_it_starts_are_refused(demo_db):
    """Each form was valid alone; stored together, CN-LA ran from Kunming to Kunming."""
    loaded = next(r for r in reference.list_routes(demo_db) if r.code == "CN-LA")
    reference.save_route(demo_db, dataclasses.replace(loaded, destination="CNKMG"), ZHAO,
                         new=False, loaded=loaded)  # another desk, since the form opened
    with pytest.raises(ValidationError) as caught:
        reference.save_route(demo_db, dataclasses.replace(loaded, origin="CNKMG"), LI_NA,
                             new=False, loaded=loaded)
    assert [(e.field, str(e)) for e in caught.value.errors] == [
        ("destination", "Destination CNKMG is the same as the origin")]
    stored = next(r for r in reference.list_routes(demo_db) if r.code == "CN-LA")
    assert (stored.origin, stored.destination) == (loaded.origin, "CNKMG")


def test_a_record_saved_unchanged_writes_no_audit_entry(demo_db):
    """Edit, then Save: an update entry whose before was its after made every desk reload."""
    commodity = reference.list_commodities(demo_db)[0]
    place = reference.list_places(demo_db)[0]
    route = reference.list_routes(demo_db)[0]
    newest = audit.newest_id(demo_db)
    assert reference.save_commodity(demo_db, commodity, BOSS, loaded=commodity) is None
    assert reference.save_place(demo_db, place, BOSS, new=False, loaded=place) is None
    assert reference.save_route(demo_db, route, BOSS, new=False, loaded=route) is None
    assert audit.newest_id(demo_db) == newest
    # Typed back as another desk had already changed it: the same, nothing to write.
    renamed = dataclasses.replace(place, name_en="Renamed")
    reference.save_place(demo_db, renamed, ZHAO, new=False, loaded=place)
    newest = audit.newest_id(demo_db)
    assert reference.save_place(demo_db, renamed, BOSS, new=False, loaded=place) is None
    assert audit.newest_id(demo_db) == newest
    assert reference.save_place(demo_db, place, BOSS, new=False, loaded=renamed) is not None
    assert audit.newest_id(demo_db) == newest + 1


def test_a_commodity_typed_full_width_is_found_as_typed_on_a_plain_keyboard(demo_db):
    """A Chinese input method types １１０６２０ and Ｃａｓｓａｖａ; the grid said "not in the list"."""
    find = reference.commodity_finder(demo_db)
    flour = find("110620")
    assert find("１１０６２０") == find("Ｃａｓｓａｖａ flour") == find("１１０６．２０") == flour
    assert find("cassava\u3000flour") == find(" 木薯粉\u00a0") == flour
    # A stored name with full-width brackets, as Chinese names are written, is found either way.
    reference.save_commodity(
        demo_db, CommodityRecord("120242", "Groundnuts (shelled)", "花生（去壳）", "agri", False), BOSS)
    find = reference.commodity_finder(demo_db)
    assert find("花生（去壳）") == find("花生(去壳)") == find("ＧＲＯＵＮＤＮＵＴＳ (shelled)") \
        == find("120242") is not None


def test_codes_typed_full_width_are_stored_as_a_plain_keyboard_types_them(demo_db):
    """A Chinese input method in full-width mode types ０８１０７０ and ＬＡＬＰＱ: the HS code was
    refused as "no HS chapter ０８", and the codes would have been stored as typed."""
    reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, hs_code="０８１０．７０"),
                             BOSS)
    assert reference.get_commodity(
        demo_db, reference.commodity_finder(demo_db)("jackfruit")).hs_code == "081070"
    reference.save_place(demo_db, PlaceRecord("ｌａ ｌｐｑ", "Luang Prabang", "琅勃拉邦", "ＬＡ"),
                         BOSS, new=True)
    reference.save_route(demo_db, RouteRecord("ｃｎ－ｌａ－ｌｐｑ", "China–Laos Railway to Luang "
                                              "Prabang", "中老铁路（琅勃拉邦）", "rail", "CN,LA",
                                              "CNCQI", "LALPQ"), BOSS, new=True)
    assert ("LALPQ", "LA") in [(p.locode, p.country) for p in reference.list_places(demo_db)]
    assert "CN-LA-LPQ" in [r.code for r in reference.list_routes(demo_db)]


def refused_fields(save):
    with pytest.raises(ValidationError) as caught:
        save()
    return {e.field: message(e) for e in caught.value.errors}


@pytest.mark.parametrize("name_en, name_zh, field", [
    ("ｃａｓｓａｖａ ｆｌｏｕｒ", "进口木薯粉", "name_en"),  # full-width, from a Chinese input method
    ("cassava  flour", "进口木薯粉", "name_en"), ("Cassava Flour", "进口木薯粉", "name_en"),
    ("木薯粉", "进口木薯粉", "name_en"), ("imported cassava flour", "木薯粉\u3000", "name_zh"),
    ("imported cassava flour", "Cassava flour", "name_zh")])
def test_a_commodity_named_as_the_finder_reads_another_is_refused(demo_db, name_en, name_zh,
                                                                   field):
    """The form compared names with SQL lower(): "ｃａｓｓａｖａ ｆｌｏｕｒ" was saved, and every box
    typed "cassava flour" went to it from then on."""
    flour = reference.commodity_finder(demo_db)("cassava flour")
    before = count(demo_db, "commodity")
    refused = refused_fields(lambda: reference.save_commodity(
        demo_db, CommodityRecord("970500", name_en, name_zh, "agri", False), BOSS))
    assert list(refused) == [field]
    typed = name_en if field == "name_en" else name_zh
    stored = " ".join(typed.split())  # as it would be stored: a run of spaces is one
    assert refused[field].startswith(f"{stored!r} is taken: the daily log and imports read "
                                     "it as ")
    assert refused[field].endswith(", cassava flour (木薯粉)'s")
    assert count(demo_db, "commodity") == before
    assert reference.commodity_finder(demo_db)("cassava flour") == flour


@pytest.mark.parametrize("name_en, name_zh, field, taken", [
    ("rice\u200b", "进口大米", "name_en", "rice"),  # a zero-width space from a web page
    ("lithium–ion batteries", "新电池", "name_en", "lithium-ion batteries"),  # an en dash
    ("lithium - ion batteries", "新电池", "name_en", "lithium-ion batteries"),
    ("cotton trousers", "服装 (棉制长裤)", "name_zh", "服装（棉制长裤）")])
def test_a_look_alike_of_another_commoditys_name_is_refused(demo_db, name_en, name_zh, field,
                                                            taken):
    """Names differing only in dashes, bracket spacing or invisible characters were stored
    as two commodities, while the finders read them as one."""
    refused = refused_fields(lambda: reference.save_commodity(
        demo_db, CommodityRecord("970500", name_en, name_zh, "agri", False), BOSS))
    assert list(refused) == [field]
    assert f"is taken: the daily log and imports read it as {taken!r}" in refused[field]


def test_names_are_saved_without_invisible_characters_and_never_as_digits(demo_db):
    for name in ("100630", "1006.30"):  # typed, it finds rice by its HS code
        refused = refused_fields(lambda: reference.save_commodity(
            demo_db, dataclasses.replace(JACKFRUIT, name_en=name), BOSS))
        assert refused == {"name_en": "A name of digits only reads as an HS code in the daily "
                                      "log and imports: add a word"}
    reference.save_commodity(demo_db, dataclasses.replace(
        JACKFRUIT, name_en="\u200bjackfruit\u200b", name_zh="菠萝\u200d蜜"), BOSS)
    saved = reference.get_commodity(demo_db, reference.commodity_finder(demo_db)("jackfruit"))
    assert (saved.name_en, saved.name_zh) == ("jackfruit", "菠萝蜜")


def test_a_names_tabs_line_breaks_and_wide_spaces_are_stored_as_one_space(demo_db):
    """Two spreadsheet cells pasted into one field ("frozen duck\\t冷冻鸭\\n") were stored as one
    name holding a tab, shown cut at it and written into every export and report."""
    reference.save_commodity(demo_db, dataclasses.replace(
        JACKFRUIT, name_en="jack\tfruit\n冷冻\n", name_zh="菠萝\u3000\u3000蜜\x00"), BOSS)
    reference.save_place(demo_db, PlaceRecord("LALPQ", "Luang\xa0\r\nPrabang", "琅勃\t拉邦", "LA"),
                         BOSS, new=True)
    reference.save_route(demo_db, RouteRecord("CN-LPQ", "line1\nline2", "行一\n行二", "rail",
                                              "CN,LA", "CNCQI", "LALPQ"), BOSS, new=True)
    settings.save(demo_db, HubSettingsRecord(hub_name="Guoyuan\tPort\n"), BOSS)

    saved = reference.get_commodity(demo_db, reference.commodity_finder(demo_db)("菠萝 蜜"))
    assert (saved.name_en, saved.name_zh) == ("jack fruit 冷冻", "菠萝 蜜")
    assert PlaceRecord("LALPQ", "Luang Prabang", "琅勃 拉邦", "LA") in reference.list_places(
        demo_db)
    assert [(r.name_en, r.name_zh) for r in reference.list_routes(demo_db)
            if r.code == "CN-LPQ"] == [("line1 line2", "行一 行二")]
    assert settings.load(demo_db).hub_name == "Guoyuan Port"
    # Nothing but controls is no name.
    assert refused_fields(lambda: reference.save_commodity(demo_db, dataclasses.replace(
        JACKFRUIT, hs_code="081050", name_en="\x01\t", name_zh="龙眼二"), BOSS)) == {
        "name_en": "This field is required"}


def test_a_name_has_at_most_80_characters(demo_db):
    """A 5,000-character name was saved, and pushed the lists' columns off the screen."""
    said = "A name may have at most 80 characters and this one has 81: shorten it by 1 to save"
    assert refused_fields(lambda: reference.save_commodity(demo_db, dataclasses.replace(
        JACKFRUIT, name_en="j" * 81, name_zh="菠" * 81), BOSS)) == {
        "name_en": said, "name_zh": said}
    assert refused_fields(lambda: reference.save_place(demo_db, PlaceRecord(
        "LALPQ", "Luang Prabang", "琅" * 81, "LA"), BOSS, new=True)) == {"name_zh": said}
    with pytest.raises(ValidationError):
        settings.save(demo_db, HubSettingsRecord(hub_name="h" * 81), BOSS)
    reference.save_commodity(demo_db, dataclasses.replace(  # spaces run together count once
        JACKFRUIT, name_en="j" * 78 + "  j", name_zh="菠" * 80), BOSS)
    assert reference.commodity_finder(demo_db)("菠" * 80) is not None


def test_the_daily_log_and_imports_read_commodity_text_alike(demo_db):
    """A tariff line found only the shipped HS codes, not the hub's own: "0801320000" missed
    the cashew nuts the hub had added as 080132."""
    reference.save_commodity(
        demo_db, CommodityRecord("080132", "cashew nuts", "腰果", "agri", False), BOSS)
    typed, imported = reference.commodity_finder(demo_db), lookups(demo_db).find_commodity
    cashews, flour = typed("cashew nuts"), typed("cassava flour")
    for text, expected in {"0801320000": cashews, "0801.32.00": cashews, "08013200": cashews,
                           "0801 32": cashews, "801320000": cashews, "tapioca flour": flour,
                           "1106.20.00.00": flour, "0801320": None, "bananas ": typed("080390"),
                           # Invisible characters do not count, in a code as in a name.
                           "110620\u200b": flour, "\u200b1106.20": flour,
                           "080132\u200b": cashews, "\u200b0801.32": cashews,
                           "no such thing": None}.items():
        assert (typed(text), imported(text)) == (expected, expected), text


def test_a_dotted_code_a_spreadsheet_kept_as_a_number_is_read_by_its_parts(demo_db):
    """"1106.20" in a cell taken for a number is 1106.2: it read as 011062, no commodity."""
    typed, imported = reference.commodity_finder(demo_db), lookups(demo_db).find_commodity
    for text, code in {"1106.2": "110620", "1006.3": "100630", "803.9": "080390",
                       "901.11": "090111", "8471.3": "847130", "1106.20": "110620",
                       "1106.2000": "110620", "810.6": "081060"}.items():
        assert hs_code_of_key(text) == code, text
        assert (typed(text), imported(text)) == (typed(code), typed(code)) != (None, None), text
    # Undotted digits keep their reading: a dropped leading 0 put back.
    assert (hs_code_of_key("20230"), hs_code_of_key("11062")) == ("020230", "011062")


@pytest.mark.parametrize("typed, stored", [
    ("806.1", "080610"), ("0806.10", "080610"), ("0806.10.00", "080610"), ("８０６.１", "080610")])
def test_the_hs_code_field_reads_a_code_as_the_daily_log_does(demo_db, typed, stored):
    """"806.1" (0806.10 a spreadsheet kept as a number) found grapes in the daily log, yet
    the form refused it as "HS code '8061' must be 6 digits", a code nobody typed."""
    reference.save_commodity(demo_db, dataclasses.replace(JACKFRUIT, hs_code=typed), BOSS)
    assert reference.get_commodity(demo_db, reference.commodity_finder(demo_db)(
        "jackfruit")).hs_code == stored


# "11062" and "1106201" were saved as 011062, "08045" refused as 008045: a digit left out or
# one too many, read as a spreadsheet's dropped leading 0.
@pytest.mark.parametrize("typed", ["8061", "09.01", "1106A0", "1106.2O", "11062", "1106201",
                                   "08045", "1106 201"])
def test_an_hs_code_refused_is_quoted_as_typed(demo_db, typed):
    assert refused_fields(lambda: reference.save_commodity(
        demo_db, dataclasses.replace(JACKFRUIT, hs_code=typed), BOSS)) == {
        "hs_code": f"HS code {typed!r} must be 6 digits (like 110620)"}


def test_a_heading_written_as_customs_write_it_is_a_heading_beside_its_commodity(demo_db):
    """"09.01" (and 9.01, as a spreadsheet keeps it) is heading 0901, not 000901: a loading
    list giving coffee's heading was refused as disagreeing with coffee's 090111."""
    coffee = reference.get_commodity(demo_db, reference.commodity_finder(demo_db)("090111"))
    for text, code in {"09.01": "0901", "9.01": "0901", "84.71": "8471", "08.": "08",
                       "09.01.11": "090111"}.items():
        assert hs_code_of_key(text) == code, text
    assert all(hs_code_fits(text, coffee) for text in ("09.01", "9.01", "09.", "0901.11"))
    assert not hs_code_fits("08.01", coffee)


def test_a_retired_commoditys_names_stay_taken_and_an_edit_keeping_its_names_saves(demo_db):
    flour = reference.commodity_finder(demo_db)("cassava flour")
    reference.set_retired(demo_db, flour, True, BOSS)
    assert list(refused_fields(lambda: reference.save_commodity(
        demo_db, CommodityRecord("110620", "Cassava flour", "木薯面粉", "agri", False),
        BOSS))) == ["name_en"]
    stored = reference.get_commodity(demo_db, flour)
    reference.save_commodity(demo_db, dataclasses.replace(stored, name_en="Cassava Flour",
                                                          perishable=True), BOSS, stored)
    assert reference.get_commodity(demo_db, flour).name_en == "Cassava Flour"


def test_a_file_already_holding_near_duplicates_opens_and_takes_edits_of_other_fields(
        demo_db):
    """Files saved before names were compared as the finder reads them may hold such pairs:
    nothing refuses them until a name is typed anew."""
    demo_db["commodity"].insert({"hs_code": "110621", "name_en": "Cassava  flour",
                                 "name_zh": "木薯粉（二）", "category": "agri", "perishable": 0})
    demo_db["route"].insert({"code": "CN-LA-EXP", "name_en": "China–Laos Express",
                             "name_zh": "中老铁路", "mode": "rail", "countries": "CN,LA",
                             "origin": "CNCQI", "destination": "LAVTE"})
    twin = next(c for c in reference.list_commodities(demo_db) if c.hs_code == "110621")
    reference.save_commodity(demo_db, dataclasses.replace(twin, perishable=True), BOSS, twin)
    assert reference.get_commodity(demo_db, twin.id).perishable
    express = next(r for r in reference.list_routes(demo_db) if r.code == "CN-LA-EXP")
    reference.save_route(demo_db, dataclasses.replace(express, mode="rail-sea"), BOSS,
                         new=False, loaded=express)
    assert list(refused_fields(lambda: reference.save_route(
        demo_db, dataclasses.replace(express, name_en="china–laos railway"), BOSS,
        new=False))) == ["name_en"]
    # Respelt, the twin's name is typed anew: as the other's it would break a UNIQUE column.
    assert list(refused_fields(lambda: reference.save_commodity(
        demo_db, dataclasses.replace(twin, name_en="cassava flour"), BOSS))) == ["name_en"]


@pytest.mark.parametrize("stored", ["SOYA   BEANS", "Ｓｏｙａ Ｂｅａｎｓ", "soya\u00a0beans",
                                    "soya \u200bbeans"])
def test_a_stored_name_spelt_unlike_its_look_alike_still_takes_it(demo_db, stored):
    """A save compares the names typed with the few stored ones that may read as them, not
    with every commodity's: one in capitals, full-width letters, odd or invisible spaces
    (stored before names were compared as the finders read them) is among those few."""
    demo_db["commodity"].insert({"hs_code": "090962", "name_en": stored, "name_zh": "旧大豆",
                                 "category": "agri", "perishable": 0})
    refused = refused_fields(lambda: reference.save_commodity(
        demo_db, CommodityRecord("970500", "Soya beans", "新大豆", "agri", False), BOSS))
    assert refused == {"name_en": f"'Soya beans' is taken: the daily log and imports read it "
                                  f"as {stored!r}, {stored} (旧大豆)'s"}


def test_routes_and_places_named_as_the_import_reads_another_are_refused(demo_db):
    """CN-LA-EXP named 中老铁路 was saved, and an import row "中老铁路" became CN-LA's."""
    express = RouteRecord("CN-LA-EXP", "China–Laos Express", "中老快线", "rail", "CN,LA",
                          "CNCQI", "LAVTE")
    refused = refused_fields(lambda: reference.save_route(
        demo_db, dataclasses.replace(express, name_zh="中老铁路"), BOSS, new=True))
    assert refused == {"name_zh": "'中老铁路' is taken: the daily log and imports read it as "
                                  "'中老铁路', CN-LA China–Laos Railway (中老铁路)'s"}
    for field, value in (("name_en", "ｃｈｉｎａ–ｌａｏｓ  railway"), ("name_en", "cn-la"),
                         ("name_zh", "CN-LA-TH")):
        assert list(refused_fields(lambda: reference.save_route(
            demo_db, dataclasses.replace(express, **{field: value}), BOSS,
            new=True))) == [field]
    # A code that another route goes by as a name: the import would find that one.
    reference.save_route(demo_db, dataclasses.replace(express, name_en="CN-LAX"), BOSS,
                         new=True)
    assert list(refused_fields(lambda: reference.save_route(
        demo_db, RouteRecord("cn-lax", "Other", "其他", "rail", "CN,LA", "CNCQI", "LAVTE"),
        BOSS, new=True))) == ["code"]

    place = PlaceRecord("LALPQ", "Luang Prabang", "琅勃拉邦", "LA")
    for field, value in (("name_en", "ＣＨＯＮＧＱＩＮＧ ＪＩＡＮＧＢＥＩ Airport"),
                         ("name_zh", "上海"), ("name_en", "cnsha")):
        refused = refused_fields(lambda: reference.save_place(
            demo_db, dataclasses.replace(place, **{field: value}), BOSS, new=True))
        assert list(refused) == [field]
    assert refused["name_en"].endswith("'CNSHA', CNSHA Shanghai (上海)'s")
    assert "LALPQ" not in [p.locode for p in reference.list_places(demo_db)]
    reference.save_place(demo_db, place, BOSS, new=True)
    reference.save_place(demo_db, dataclasses.replace(place, name_en="Luang  Prabang"), BOSS,
                         new=False)  # its own name, spaced differently


THAI_PLACE = PlaceRecord("THRIA", "Rial", "里亚尔", "TH")
MISTYPED = RouteRecord("CN-TH-RIAL", "China–Thailand rial", "中泰铁路", "rail", "CN,TH", "CNCQI",
                       "THRIA")


def refusal(delete) -> str:
    """The message of the InputError delete() raises."""
    with pytest.raises(InputError) as refused:
        delete()
    return message(refused.value)


def test_an_unused_route_and_then_its_place_are_deleted_each_audited_whole(demo_db):
    reference.save_place(demo_db, THAI_PLACE, BOSS, new=True)
    reference.save_route(demo_db, MISTYPED, BOSS, new=True)
    newest = audit.newest_id(demo_db)
    assert refusal(lambda: reference.delete_place(demo_db, "THRIA", SUE)) == (
        "Place THRIA cannot be deleted: it is the origin or destination of CN-TH-RIAL. "
        "Delete those routes first if no service uses them, or edit the place's names instead")
    assert audit.newest_id(demo_db) == newest
    assert reference.delete_route(demo_db, "CN-TH-RIAL", SUE).what == "reference"
    assert reference.delete_place(demo_db, "THRIA", SUE).what == "reference"
    assert MISTYPED not in reference.list_routes(demo_db)
    assert THAI_PLACE not in reference.list_places(demo_db)
    deleted = audit.entries(demo_db, limit=2)
    assert [(e.user_name, e.action, e.entity, e.entity_id, e.after) for e in deleted] == [
        ("sue", "delete", "place", "THRIA", None), ("sue", "delete", "route", "CN-TH-RIAL", None)]
    # Whole: enough to add it again.
    assert deleted[0].before == dataclasses.asdict(THAI_PLACE)
    assert deleted[1].before == dataclasses.asdict(MISTYPED)
    # Another desk's delete of the same, from a list it read before.
    assert refusal(lambda: reference.delete_route(demo_db, "CN-TH-RIAL", SUE)) == \
        "CN-TH-RIAL no longer exists"
    reference.save_place(demo_db, THAI_PLACE, BOSS, new=True)  # the code is free again


def used_route(db) -> tuple[str, int]:
    """The route of the most services, with their count."""
    row = db.execute("SELECT route_code, COUNT(*) FROM service WHERE route_code IS NOT NULL"
                     " GROUP BY route_code ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    return row[0], row[1]


def test_a_route_or_place_services_use_is_refused_with_their_count_and_left_as_it_is(demo_db):
    code, used = used_route(demo_db)
    routes, places = reference.list_routes(demo_db), reference.list_places(demo_db)
    newest = audit.newest_id(demo_db)
    assert refusal(lambda: reference.delete_route(demo_db, code, BOSS)) == (
        f"Route {code} cannot be deleted: it is the route of {used} services. Edit its names "
        "instead")
    hub = "CNCQI"
    (at_hub,) = demo_db.execute("SELECT COUNT(*) FROM service WHERE origin = ? OR"
                                " destination = ?", [hub, hub]).fetchone()
    ending = sorted(r.code for r in routes if hub in (r.origin, r.destination))
    assert at_hub and len(ending) > 5
    assert refusal(lambda: reference.delete_place(demo_db, hub, BOSS)) == (
        f"Place CNCQI cannot be deleted: it is the origin or destination of {at_hub} services "
        f"and of {', '.join(ending[:5])}, …. Edit its names instead")
    # A place services go to without a route: one added, used by one service.
    reference.save_place(demo_db, THAI_PLACE, BOSS, new=True)
    services.save_service(demo_db, ServiceRecord("T1", DEMO_END, Direction.INBOUND,
                                                 origin="THRIA"), [], BOSS)
    assert refusal(lambda: reference.delete_place(demo_db, "THRIA", BOSS)) == (
        "Place THRIA cannot be deleted: it is the origin or destination of 1 service. Edit its "
        "names instead")
    assert audit.newest_id(demo_db) == newest + 2  # the place and the service only
    assert reference.list_routes(demo_db) == routes
    assert reference.list_places(demo_db) == sorted([*places, THAI_PLACE],
                                                     key=lambda p: p.locode)


def test_a_route_another_desk_gave_a_service_since_this_one_listed_it_stays(
        demo_db, demo_target):
    reference.save_place(demo_db, THAI_PLACE, BOSS, new=True)
    reference.save_route(demo_db, MISTYPED, BOSS, new=True)
    listed = reference.list_routes(demo_db)
    assert MISTYPED in listed
    other_desk = open_db(demo_target)
    try:
        services.save_service(other_desk, ServiceRecord(
            "T2", DEMO_END, Direction.OUTBOUND, route_code="CN-TH-RIAL"), [], WANG)
    finally:
        other_desk.close()
    assert refusal(lambda: reference.delete_route(demo_db, "CN-TH-RIAL", BOSS)) == (
        "Route CN-TH-RIAL cannot be deleted: it is the route of 1 service. Edit its names "
        "instead")
    assert MISTYPED in reference.list_routes(demo_db)


def test_a_service_or_import_naming_what_another_desk_deleted_meanwhile_is_refused_clearly(
        demo_db):
    """Checked before the other desk's delete, saved after it: said by the field or the
    file, not a foreign key's traceback."""
    reference.save_place(demo_db, THAI_PLACE, BOSS, new=True)
    reference.save_route(demo_db, MISTYPED, BOSS, new=True)
    service = ServiceRecord("T3", DEMO_END, Direction.OUTBOUND, route_code="CN-TH-RIAL",
                            destination="THRIA")
    rows = ImportRowsRecord.from_items([(service, [])])
    reference.delete_route(demo_db, "CN-TH-RIAL", SUE)
    reference.delete_place(demo_db, "THRIA", SUE)
    newest = audit.newest_id(demo_db)
    with pytest.raises(ValidationError) as refused:
        services.save_service(demo_db, service, [], WANG)
    assert [(e.field, message(e)) for e in refused.value.errors] == [
        ("destination", "THRIA is no longer in the list: it was deleted at another desk; "
                        "choose again"),
        ("route_code", "CN-TH-RIAL is no longer in the list: it was deleted at another desk; "
                       "choose again")]
    assert refusal(lambda: insert_import(demo_db, rows, WANG, "day.csv")) == (
        "A route or place named in day.csv was deleted at another desk meanwhile; nothing was "
        "imported. Import the file again")
    assert audit.newest_id(demo_db) == newest
    assert "T3" not in [s.service.service_no for s in services.list_day(demo_db, DEMO_END)]
