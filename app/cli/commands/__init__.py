"""One module per `nervechart` subcommand; see `app.cli.main.COMMAND_MODULES`."""
