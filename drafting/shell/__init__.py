"""Shell: the edges people touch — settings from the environment, wiring (index, writer, case
files), the workbench of actions the app calls, presenters for the app, and the CLI."""
