"""``python -m vblint`` runs the command line."""

from vblint.cli import main

main()
