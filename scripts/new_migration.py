"""Autogenerate a migration on a domain's own branch of revisions.

python scripts/new_migration.py "what changed" --branch workload --rev-id 0003_workload
"""

from __future__ import annotations

import argparse

import onward.services  # noqa: F401 - registers every domain's models, so autogenerate sees all tables
from onward.store.migrate import new_revision

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Autogenerate a migration on a domain's branch.")
    parser.add_argument("message")
    parser.add_argument("--branch", required=True, help="the domain, e.g. workload")
    parser.add_argument("--rev-id", required=True, help="e.g. 0001_workload")
    args = parser.parse_args()
    new_revision(args.message, args.branch, args.rev_id)
