"""The reports' words in English and Chinese.

A table of their own rather than Qt's translator: the command line prints
Chinese reports without loading the GUI's translations.
"""

from __future__ import annotations

from hubapp.domain.audit import IN_CHINESE, actor
from hubapp.domain.clock import zone_shown
from hubapp.domain.wording import growth_percent, reference_name

_TEXT = {
    "daily": ("Daily summary", "每日汇总"),
    "monthly": ("Monthly report", "月度报表"),
    "range": ("Period report", "期间报表"),
    "date": ("Date", "日期"),
    "period": ("Period", "期间"),
    # The words and spacing of the Daily log's "Closed by" line.
    "closed": ("Day closed by {name} at {when}", "当日已由 {name} 于 {when} 关账"),
    "changed_after_close": ("{closed}; changed after closing by {name} at {when} (reason: "
                            "{reason})", "{closed}；关账后由 {name} 于 {when} 修改（原因：{reason}）"),
    "open": ("Day not closed yet: figures may still change", "当日尚未关账：数据仍可能变动"),
    # A day closed before, reopened since: a summary printed at its close had other figures.
    "reopened": ("Day reopened by {name} at {when} (reason: {reason}): figures may still change",
                 "当日已由 {name} 于 {when} 重新开账（原因：{reason}）：数据仍可能变动"),
    "closed_again": ("Day reopened by {reopener} at {reopened} (reason: {reason}) and closed "
                     "again by {name} at {when}",
                     "当日已由 {reopener} 于 {reopened} 重新开账（原因：{reason}），并由 {name} 于 "
                     "{when} 再次关账"),
    # A month's or period's days, as far as they have begun.
    "all_closed": ("All days closed", "各日均已关账"),
    "none_closed": ("No day closed yet: figures may still change", "各日均未关账：数据仍可能变动"),
    "open_days": ("{count} of {days} days not closed yet ({which}): figures may still change",
                  "{days}天中有{count}天尚未关账（{which}）：数据仍可能变动"),
    "open_days_many": ("{count} of {days} days not closed yet: figures may still change",
                       "{days}天中有{count}天尚未关账：数据仍可能变动"),
    # Its closed days changed since, each told of in its own summary (changed_after_close).
    "changed_days": ("Changed after closing: {which} (see each day's summary)",
                     "关账后有修改：{which}（详见各日的每日汇总）"),
    "changed_days_many": ("Changed after closing: {count} days (see each day's summary)",
                          "关账后有修改：{count}天（详见各日的每日汇总）"),
    # Who closed or changed a day, where Hub Desk wrote for itself: as the Audit log says it.
    **{own: (own, chinese) for own, chinese in IN_CHINESE.items()},
    "empty_day": ("No movements on this day", "当日无作业"),
    "empty_period": ("No movements in this period", "该期间无作业"),
    # A report of days all after today, in the words that refuse to close such a day.
    "to_come": ("{span} is still to come", "{span}尚未到来"),
    "totals": ("Totals", "合计"),
    "comparison": ("Comparison", "对比"),
    "services": ("Services", "班次"),
    "service": ("Service", "班次号"),
    "route": ("Route", "线路"),
    "direction": ("Dir.", "方向"),
    "time": ("Time", "时间"),
    "containers": ("Containers", "箱量"),
    "teu": ("TEU", "标箱"),
    "full": ("Full", "重箱"),
    "empty": ("Empty", "空箱"),
    "full_empty": ("Full / empty", "重 / 空"),
    "tonnes": ("Tonnes", "吨数"),
    "commodities": ("Main commodities", "主要货物"),
    # The services that did not go, and how the Daily log words their status.
    "not_run": ("Not run", "未开行"),
    # The planned ones not due yet, later today or on a day still to come: none failed to run.
    "planned_services": ("Planned services", "计划班次"),
    "scheduled": ("Scheduled", "计划时间"),
    "status": ("Status", "状态"),
    "planned": ("Planned", "计划"),
    "cancelled": ("Cancelled", "已取消"),
    "remarks": ("Remarks", "备注"),  # a service's notes, as the Daily log's form names them
    # The day's services that went with both times known, counted as the Dashboard's tile
    # counts and names them ("19 timed services", 计入 19 个班次).
    "punctuality": ("Punctuality (±{minutes} min)", "正点率（±{minutes} 分钟）"),
    "on_time": ("On time: {on_time} of {timed} timed services ({share})",
                "正点：计入的 {timed} 个班次中 {on_time} 个（{share}）"),
    "on_time_one": ("On time: {on_time} of 1 timed service ({share})",
                    "正点：计入的 1 个班次中 {on_time} 个（{share}）"),
    "off_below": ("; late or early:", "；晚点或提前的班次如下："),
    # The share on time in a period the report is compared with.
    "share_then": ("{period}: {share}", "{period}：{share}"),
    "actual": ("Actual", "实际时间"),
    "off_by": ("Off schedule", "偏差"),
    "commodity": ("Commodity", "货名"),
    "outbound": ("Out", "去程"),
    "inbound": ("In", "回程"),
    "this_day": ("This day", "本日"),
    "previous_day": ("Previous day", "前一日"),
    "this_month": ("This month", "本月"),
    "previous_month": ("Previous month", "上月"),
    "this_period": ("This period", "本期"),
    "previous_period": ("Previous period", "上期"),
    # "去年" and "无运量", as the Dashboard says them.
    "last_year_daily": ("Same day last year", "去年同日"),
    "last_year_monthly": ("Same month last year", "去年同月"),
    "last_year_range": ("Same period last year", "去年同期"),
    "none_last_year_daily": ("No traffic on the same day last year", "去年同日无运量"),
    "none_last_year_monthly": ("No traffic in the same month last year", "去年同月无运量"),
    "none_last_year_range": ("No traffic in the same period last year", "去年同期无运量"),
    "under_way_monthly": ("Month under way: {span} so far, compared with the same days of the "
                          "previous month ({previous}) and of last year ({last_year})",
                          "本月尚未结束：以下为{span}的数据，与上月同期（{previous}）及"
                          "去年同期（{last_year}）对比"),
    "under_way_range": ("Period under way: {span} so far, compared with as many days before "
                        "({previous}) and the same days last year ({last_year})",
                        "本期尚未结束：以下为{span}的数据，与此前同样天数（{previous}）及"
                        "去年同期（{last_year}）对比"),
    # Today and its twins counted as far as today's records reach, as the Dashboard says it.
    # Kept on one line in a narrow column: "(截至" / "12:24)" and "to" / "12:24" read badly.
    "up_to": ("{span}, to\u00a0{time}", "{span}（截\u2060至\u00a0{time}）"),
    "history_starts": ("Records start on {day}: {span} is counted only from then, and no "
                       "growth is shown against it",
                       "记录始于{day}：{span}只计其后的数据，不计算增长"),
    "not_on_record": ("Records start on {day}: {span} is not on record, so it is not compared",
                      "记录始于{day}：{span}无记录，不作对比"),
    # A report of days wholly before then: about those days themselves, with nothing to compare.
    "day_not_on_record": ("Records start on {day}: {span} is not on record",
                          "记录始于{day}：{span}无记录"),
    "change": ("Change", "变化"),
    "growth_previous": ("vs previous", "环比"),
    "growth_year": ("vs last year", "同比"),
    "per_day": ("By day", "按日"),
    # Today's row while its records still come in, as the Dashboard says it of today.
    "so_far": ("{day} (so far)", "{day}（截至目前）"),
    "per_month": ("By month", "按月"),
    "month": ("Month", "月份"),
    "per_route": ("By route", "按线路"),
    "per_commodity": ("By commodity (top {count} by TEU)", "按货名（标箱前{count}位）"),
    "other": ("All other commodities", "其他货物"),
    "no_route": ("(no route)", "（无线路）"),
    "no_commodity": ("(empty or not given)", "（空箱或未填）"),
    "total": ("Total", "合计"),
    "signatures": ("Signatures", "签字"),
    "prepared": ("Prepared by", "制表人"),
    "checked": ("Checked by (supervisor)", "审核人（主管）"),
    "approved": ("Approved by", "批准人"),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "generated": ("Generated {when}", "生成时间 {when}"),
    "generated_by": ("Generated {when} by {name}", "生成时间 {when}，生成人 {name}"),
    # A time on the hub's clock, its zone named (on_clock). Half-width brackets in Chinese
    # too, round a Latin name: spaced as the time before them, where a "）" left a gap before
    # the 关账 after it.
    "on_clock": ("{when} ({zone})", "{when} ({zone})"),
    "list": (", ", "、"),  # between the items of a list, as each language writes one
    "list_end": ("; ", "；"),  # between a sentence's parts
}

NOTHING = "—"  # where there is no number, as on the Dashboard


def text(key: str, language: str, **values: object) -> str:
    english, chinese = _TEXT[key]
    return (chinese if language == "zh" else english).format(**values)


def on_clock(when: str, zone: str, language: str) -> str:
    """when, a time on the hub's clock (zone's), with the zone named where this computer's
    clock differs (clock.zone_shown): a reader at another desk, or of a PDF sent on, took it
    for their own, and a date a day off theirs for a mistake."""
    shown = zone_shown(zone)
    return text("on_clock", language, when=when, zone=shown) if shown else when


def who(stored: str, language: str) -> str:
    """Who closed or changed a day, by the name stored: Hub Desk's own in the report's
    language, an account's as it is."""
    return actor(stored, lambda _context, own: text(own, language))


def name(name_en: str, name_zh: str, nameless: str, language: str) -> str:
    """A reference name (route, commodity) in the report's language; the text of nameless
    when there is none."""
    return reference_name(name_en, name_zh, text(nameless, language), language)


def growth(current: float, previous: float, language: str) -> str:
    """Growth in % with its sign, or a dash when there is nothing to compare with."""
    if not previous:
        return NOTHING
    return growth_percent((current - previous) / previous * 100, language)
