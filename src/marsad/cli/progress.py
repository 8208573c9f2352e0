"""The progress bar of the long-running commands (ingest, run): count, rate, elapsed, ETA."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second, and events per second when the task counts events."""

    def render(self, task: Task) -> Text:
        if "events" not in task.fields:
            speed = task.finished_speed or task.speed
            return Text("? art/s" if speed is None else f"{speed:.1f} art/s", style="cyan")
        elapsed = task.elapsed or 0.0
        if not elapsed:
            return Text("? art/s  ? ev/s", style="cyan")
        return Text(f"{task.completed / elapsed:.1f} art/s  "
                    f"{task.fields['events'] / elapsed:.1f} ev/s", style="cyan")


def progress_bar(label: str, console: Console, disable: bool) -> Progress:
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=console, disable=disable)
