"""The dashboard's charts, in the order it shows them (charts): each a Figure builder and
the table of the numbers behind it; and a chart laid out again for a new size.

Builders take records from hubapp.domain.dashboard, a language ("en" or "zh") and a look
(common.LookRecord: on paper unless given the desk's). daily holds TEU and trains per day,
breakdowns TEU by route and direction and the top commodities, monthly the months year on
year; words, layout and buckets what they share.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from matplotlib.figure import Figure

from hubapp.charts import side_legend
from hubapp.charts.common import ChartTableRecord, LookRecord
from hubapp.charts.dashboard.breakdowns import (
    TOP_COMMODITIES, every_bucket, fit_ranked_names, teu_by_direction, teu_by_direction_table,
    teu_by_route, teu_by_route_table, top_commodities, top_commodities_table,
)
from hubapp.charts.dashboard.daily import (
    teu_per_day, teu_per_day_table, trains_per_day, trains_per_day_table,
)
from hubapp.charts.dashboard.monthly import monthly_teu, monthly_teu_table
from hubapp.charts.dashboard.words import text
from hubapp.domain.dashboard import DashboardRecord
from hubapp.domain.wording import day as day_text, days as days_text


def fit_to_size(figure: Figure) -> None:
    """The chart laid out for its size now, which the desk calls again whenever the chart is
    resized and before it is saved or copied: a legend beside the plot (side_legend.fit),
    ranked bars' names (fit_ranked_names)."""
    side_legend.fit(figure)
    fit_ranked_names(figure)


def empty_text(data: DashboardRecord, language: str, period_only: bool = True) -> str:
    """What an empty chart says: why it has nothing to draw, as far as the records and the
    filter tell. "No data for this period" said the same to a brand-new hub, to a commodity
    that never moved in a busy month and to a period years before the records start.
    period_only: the chart counts the period's days alone, not the monthly chart's months
    up to today, which a period still to come leaves in the past."""
    if data.history_from is None:
        return text("new_hub", language)
    if data.filter.date_to < data.history_from:
        return text("records_start", language).format(
            day=day_text(data.history_from, language))
    if period_only and data.kpis is not None and data.filter.date_from > data.kpis.as_of:
        # Not the filters' fault, nor a quiet period: as the reports say one to come.
        return text("to_come", language).format(
            span=days_text(data.filter.date_from, data.filter.date_to, language))
    return text("filtered" if data.filter.narrowed else "no_data", language)


# A chart's figure in a given look: the desk draws it in its own and again on paper to be
# saved or copied, from the same numbers.
Drawing = Callable[[LookRecord], Figure]


def charts(data: DashboardRecord,
           language: str) -> tuple[tuple[Drawing, ChartTableRecord], ...]:
    """Every dashboard chart, to be drawn in a look, with its table, in the order the
    dashboard shows them."""
    bucket, period = data.filter.bucket, (data.filter.date_from, data.filter.date_to)
    target = None if data.filter.narrowed else data.daily_target
    today, history = data.under_way, data.history_from
    empty = empty_text(data, language)
    every = every_bucket(data.days, bucket, history)
    # The period as the hub kept records in it: a first month begun with them is counted
    # over its days on record ("2017-11 (24–30)"), as TEU per day and the monthly chart say.
    kept = period if history is None or history <= period[0] else (history, period[1])
    return (
        (partial(teu_per_day, data.days, language, data.teu_before, history, today, empty),
         teu_per_day_table(data.days, language, data.teu_before, history, today)),
        (partial(trains_per_day, data.days, target, language, today, history, empty),
         trains_per_day_table(data.days, target, language, today, history)),
        (partial(teu_by_route, data.routes, bucket, language, kept, today, empty,
                 every=every),
         teu_by_route_table(data.routes, bucket, language, kept, today, every=every)),
        (partial(teu_by_direction, data.directions, bucket, language, kept, today, empty,
                 every=every),
         teu_by_direction_table(data.directions, bucket, language, kept, today,
                                every=every)),
        (partial(top_commodities, data.commodities, language, TOP_COMMODITIES, empty),
         top_commodities_table(data.commodities, language)),
        (partial(monthly_teu, data.months, language, data.months_to, data.filter.months_from,
                 empty_text(data, language, period_only=False)),
         monthly_teu_table(data.months, language, data.months_to, data.filter.months_from)),
    )
