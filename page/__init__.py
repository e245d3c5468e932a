"""The web page, one module per tab: each lays its part out and binds its buttons; what is shown
comes from drafting.shell.present, what a button does from drafting.shell.session. app.py puts the
tabs together and starts the server. Nothing in drafting/, retrieval/ or evals/ imports this."""

from drafting.shell.settings import apply_offline_env

apply_offline_env()  # before anything imports gradio
