"""The daily log: the screen clerks live in (a day's services and the containers on them)."""

from hubapp.ui.daily_log.screen import DailyLogScreen

__all__ = ["DailyLogScreen"]
