"""`python -m briefing` runs the command line."""

from briefing.cli import app

app(prog_name="briefing")  # the name of the console script, for help and shell completion
