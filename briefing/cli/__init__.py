"""The `briefing` command line: one thin module per command group over the jobs of briefing.jobs.

Importing this package registers every command on `app` (briefing.cli.app).
"""

from briefing.cli import build, db, email, extract, ingest, look
from briefing.cli.app import app

__all__ = ["app", "build", "db", "email", "extract", "ingest", "look"]
