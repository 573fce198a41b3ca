"""Allow `python -m briefgen`."""

from briefgen.cli import run

run()
