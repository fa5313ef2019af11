"""The dashboard charts' words in English and Chinese, which the printed reports' charts
use too."""

from __future__ import annotations

from hubapp.domain.wording import number

_TEXT = {
    "no_data": ("No data for this period", "该期间无数据"),
    "new_hub": ("No services recorded yet. Services saved in the daily log or imported "
                "appear here.", "尚无班次记录。在每日台账中保存或导入的班次会显示在这里。"),
    "filtered": ("Nothing matches these filters in this period.",
                 "该期间没有符合筛选条件的数据。"),
    "records_start": ("Records start on {day}.", "记录始于{day}。"),
    "to_come": ("{span} is still to come.", "{span}尚未到来。"),
    "no_trains": ("No trains in this period: its services went by road or river.",
                  "该期间无铁路班列：所有班次均为公路或水运。"),
    "date": ("Date", "日期"),
    "month": ("Month", "月份"),
    "week": ("Week", "周"),
    "days": ("Days", "天数"),
    "teu": ("TEU", "标箱"),
    "tonnes": ("Tonnes", "吨数"),
    "containers": ("Containers", "箱量"),
    "trains": ("Trains", "班列"),
    # After a number in a hover, as the tiles write it: "13,051.0 t", "13 trains".
    "tonnes_unit": ("t", "吨"),
    "train_unit": ("train", "列"),
    "no_commodity_given": ("No container in this period has a commodity given: its {count} "
                           "containers are empties or were logged without one.",
                           "该期间没有集装箱填写货名：{count}个集装箱均为空箱或未填货名。"),
    "no_commodity_given_one": ("No container in this period has a commodity given: its one "
                               "container is an empty or was logged without one.",
                               "该期间没有集装箱填写货名：其1个集装箱为空箱或未填货名。"),
    "trains_unit": ("trains", "列"),
    "route": ("Route", "线路"),
    "commodity": ("Commodity", "货名"),
    "teu_per_day": ("TEU per day", "每日标箱"),
    "average": ("7-day average", "7日平均"),
    "average_starts": ("The 7-day average starts on the 7th day on record.",
                       "7日平均从有记录的第7天起显示。"),
    "so_far": ("Today so far", "今日截至目前"),
    "so_far_day": ("{day} (so far)", "{day}（截至目前）"),
    "so_far_in": ("With today so far", "含今日截至目前"),
    "so_far_note": ("so far", "截至目前"),
    "note": ("Note", "备注"),
    "teu_per_day_week": ("TEU per day, weekly average", "每日标箱（周平均）"),
    "teu_per_day_month": ("TEU per day, monthly average", "每日标箱（月平均）"),
    "teu_a_day": ("TEU a day", "日均标箱"),
    "trains_per_day": ("Trains per day", "每日班列"),
    "trains_per_day_week": ("Trains per day, weekly average", "每日班列（周平均）"),
    "trains_per_day_month": ("Trains per day, monthly average", "每日班列（月平均）"),
    "trains_a_day": ("Trains a day", "日均班列"),
    # What a hover names, then its figure: Chinese text takes the full-width colon.
    "hovered": ("{what}: {figure}", "{what}：{figure}"),
    "a_day_hover": ("{label}: {average} {unit} a day, {total} {unit} in all",
                    "{label}：日均 {average} {unit}，共 {total} {unit}"),
    "target": ("Target", "目标"),
    "at_target": ("At or above target ({target})", "达到或高于目标（{target}）"),
    "below_target": ("Below target", "低于目标"),
    "teu_by_route": ("TEU by route", "各线路标箱"),
    "direction_title": ("Outbound and inbound TEU", "去程与回程标箱"),
    "outbound": ("Outbound", "去程"),
    "inbound": ("Inbound", "回程"),
    "balance": ("Balance (out − in)", "差额（去程−回程）"),
    "top_teu": ("Top commodities by TEU", "标箱最多的货物"),
    "top_tonnes": ("Top commodities by tonnes", "吨数最多的货物"),
    "top_teu_cut": ("Top {count} commodities by TEU", "标箱最多的前{count}种货物"),
    "top_tonnes_cut": ("Top {count} commodities by tonnes", "吨数最多的前{count}种货物"),
    # On the value axis's line: a note above the plot took a line from the bars' names.
    "tied": ("{axis} · {count} tied at {amount}, shown by name",
             "{axis} · {count}种并列{amount}，按名称显示"),
    "monthly": ("Monthly TEU, year on year", "月度标箱同比"),
    "this_year": ("TEU", "标箱"),
    "last_year": ("Same month last year", "去年同月"),
    "same_dates": ("Same dates last year", "去年同期"),
    "until": ("{series}, to {time}", "{series}（截至 {time}）"),
    "month_until": ("{series}, {month} to {time}", "{series}（{month} 截至 {time}）"),
    "last_year_until": ("last year to {time}", "去年截至 {time}"),
    "growth": ("Growth %", "同比增长（%）"),
    "part_recorded": ("Hatched: records start on {day}; a month recorded in part is not compared",
                      "斜线：记录始于{day}，去年该月仅部分有记录，不计同比"),
    # A table's note on a month recorded in part: its hatching and the line under the chart
    # say it there, and a spreadsheet read 37 TEU against 1,215 with a blank growth.
    "part_recorded_note": ("last year on record from {day} only, not compared",
                           "去年该月自{day}起才有记录，不计同比"),
    "no_last_year": ("Records start on {day}: no month last year to compare with",
                     "记录始于{day}：去年没有可比的月份"),
    "no_route": ("(no route)", "（无线路）"),
    "other_routes": ("{count} other routes", "其他{count}条线路"),
    "no_commodity": ("(empty or not given)", "（空箱或未填）"),
}


def text(key: str, language: str) -> str:
    english, chinese = _TEXT[key]
    return chinese if language == "zh" else english


def hovered(what: str, figure: str, language: str) -> str:
    """A hover's text: "Thu 5 Mar: 430 TEU", 3月5日 周四：430 标箱."""
    return text("hovered", language).format(what=what, figure=figure)


def in_teu(value: float, language: str) -> str:
    """A hover's figure with its unit, as the tiles write it: a bare "430" read as trains."""
    return f"{number(value)} {text('teu', language)}"
