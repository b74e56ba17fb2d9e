"""The well-being domain's public API: `WellbeingService`, made of small parts with one job each.

    check_ins       the daily check-in (one per day)                      (checkins.py)
    questionnaires  CBI and WHO-5, scored by their published rules        (questionnaires.py)
    low_point       the calm message at a low point, once per episode     (lowpoint.py)
    trends          weeks, rolling averages, a year in pixels             (trends.py, pure; `trend()` here)

Other parts of Onward come in through the Protocols of peers.py, each optional: `workload` (this week's load
ratio, mistakes per week), `mail` (mail sent after hours per week), `support` (the people named as support).
"""

from __future__ import annotations

from onward.hours import WorkingHours
from onward.wellbeing import trends
from onward.wellbeing.checkins import CheckIns
from onward.wellbeing.dates import mondays, week_start
from onward.wellbeing.lowpoint import LowPoint
from onward.wellbeing.peers import AfterHoursMail, SupportPeople, WorkloadPulse
from onward.wellbeing.questionnaires import Questionnaires
from onward.wellbeing.schemas import CheckInView
from onward.workspace import Workspace


class WellbeingService:
    """The well-being of one workspace."""

    def __init__(
        self,
        workspace: Workspace,
        workload: WorkloadPulse | None = None,
        mail: AfterHoursMail | None = None,
        support: SupportPeople | None = None,
    ) -> None:
        self.workspace = workspace
        self.workload = workload
        self.mail = mail
        self.support = support
        self.check_ins = CheckIns(workspace, workload)
        self.questionnaires = Questionnaires(workspace)
        self.low_point = LowPoint(workspace, self.check_ins, self.questionnaires, support)

    @property
    def hours(self) -> WorkingHours:
        return WorkingHours.from_settings(self.workspace.settings)

    def weeks(
        self, check_ins: list[CheckInView] | None = None, *, last: int | None = None, joined: bool = True
    ) -> list[trends.TrendWeek]:
        """Return the weeks from the first check-in (or the `last` few) to this one; `joined` adds mistakes and
        after-hours mail from the workload and mail parts when they are there."""
        today = self.workspace.today
        first = mondays(today, last)[0] if last else None
        rows = self.check_ins.all(since=first) if check_ins is None else check_ins
        if first is not None and rows and rows[0].day > first:
            first = week_start(rows[0].day)  # a newer workspace: no empty years before its first check-in
        return trends.weeks(
            rows,
            today=today,
            work_days=self.hours.days,
            first=first,
            mistakes=self.workload.mistakes_by_week if joined and self.workload else None,
            mail=self.mail.sent_after_hours_by_week
            if joined and self.mail is not None and self.mail.has_mail()
            else None,
        )

    def has_mail(self) -> bool:
        """True when the mail part is there and holds sent mail to count."""
        return self.mail is not None and self.mail.has_mail()

    def today_check_in(self) -> CheckInView | None:
        return self.check_ins.on(self.workspace.today)
