"""`python -m app` runs the `nervechart` command line."""

from app.cli.main import main

raise SystemExit(main())
