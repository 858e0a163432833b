"""The `briefing` command line: one thin module per command group over the jobs of briefing.jobs.

Importing this package registers every command on `app` (briefing.cli.app).
"""

import sys

# spaCy's thinc imports torch when it is installed (camel-tools' dependencies install it), for
# neural models briefing never runs: its pipeline is a blank Arabic one with rule-based
# components, and it uses camel-tools' character utilities only. thinc's import is optional (no
# torch: has_torch is False), so the command line blocks it: 180 MB less in every build or
# extract and 2.5 s less start-up (issue 15, tests/test_memory.py: the same extraction). Here
# only, where the process is the command's own: a program that imports briefing keeps its torch.
sys.modules.setdefault("torch", None)  # type: ignore[arg-type]

from briefing.cli import build, db, email, extract, ingest, look  # noqa: E402
from briefing.cli.app import app  # noqa: E402

__all__ = ["app", "build", "db", "email", "extract", "ingest", "look"]
