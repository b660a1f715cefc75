"""One module per `nervechart` subcommand; see `app.cli.main.COMMANDS`."""
