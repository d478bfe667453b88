"""The command line's subcommands, one module each (wired up in :mod:`factcheck.cli`)."""
