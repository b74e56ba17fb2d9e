"""Alex's demo postings: a few hand-written job ads to rank against what Alex loves and could do without."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onward.fit.demo import FitPeers

# title, company, location, work mode, description
POSTINGS = [
    (
        "Adult Education Coordinator",
        "Eastside Learning Centre",
        "Riverside",
        "hybrid",
        """We are looking for a coordinator for our adult education program.
- Plan and lead evening literacy and numeracy workshops for adult learners
- Assess new learners and place them in small groups
- Train and support volunteer tutors, and run the monthly tutor meeting
- Work with the branch libraries that host our classes
- Track learner progress and share it with the program director""",
    ),
    (
        "Training Specialist",
        "Northwind Credit Union",
        "Riverside",
        "on-site",
        """Join our people team as a training specialist.
- Design and deliver workshops for new and experienced staff
- Coach team leads on how to run their own training sessions
- Write clear learning materials and short guides
- Measure what people learned and improve the courses each quarter""",
    ),
    (
        "Grant Writer",
        "Harbour Arts Foundation",
        "Remote",
        "remote",
        """We need a grant writer to grow our funding.
- Research foundations and government funders that fit our mission
- Write grant proposals and letters of inquiry
- Prepare grant reports and budgets for funders on a tight calendar
- Keep the grants calendar and track every deadline""",
    ),
    (
        "Office Manager (wear many hats!)",
        "Brightside Dental Group",
        "Riverside",
        "on-site",
        """Our busy office needs someone who loves to wear many hats.
- Answer phones and greet patients at the front desk
- Keep the books: pay invoices, reconcile accounts and run payroll
- Fix printer, laptop and network problems and manage our software accounts
- Write the monthly newsletter and post on our social media accounts
- Schedule staff shifts and cover the volunteer rota
- Order supplies and deal with the cleaning and maintenance contractors
- Plan the staff party and community events""",
    ),
    (
        "Volunteer Scheduler",
        "Riverside Food Bank",
        "Riverside",
        "on-site",
        """Keep our volunteer shifts running smoothly.
- Build the weekly volunteer schedule and fill gaps at short notice
- Call and email volunteers to confirm their shifts
- Keep the volunteer database up to date""",
    ),
]


def fill(services: FitPeers, today: dt.date) -> None:
    """Add Alex's demo postings (without embeddings: they are computed the first time postings are ranked)."""
    services.fit_matching.add_postings(
        [
            {
                "title": title,
                "company": company,
                "location": location,
                "work_mode": mode,
                "description": description,
                "posted": today - dt.timedelta(days=3 + number),
            }
            for number, (title, company, location, mode, description) in enumerate(POSTINGS)
        ],
        source="demo",
        embed=False,
    )
