"""The web interface (python app.py, on http://127.0.0.1:7860): the three tabs of page/ put together,
the browser's leaving bound, and the server started. Each tab (page/form_tab.py, draft_tab.py,
saved_tab.py) lays out its part and binds its buttons; what is shown comes from drafting.shell.present,
what a button does from drafting.shell.session. A refusal is the message beside the button pressed."""

from pathlib import Path
from types import SimpleNamespace

from drafting.shell.gradio_lean import before_gradio
from drafting.shell.settings import Settings

before_gradio()  # the offline switches, and none of gradio's work for its developers (1 s less per start)

import gradio as gr  # noqa: E402  (after the offline switches)

from drafting.shell import present as P  # noqa: E402
from drafting.shell.launch import serve  # noqa: E402
from drafting.shell.login_limits import LOGIN_MESSAGE, LoginGuard, address_middleware  # noqa: E402
from drafting.shell.page_logins import PageLogins, SessionStreams  # noqa: E402
from drafting.shell.services import open_for_app  # noqa: E402
from drafting.shell.users import Logins  # noqa: E402
from drafting.shell.workbench import Workbench  # noqa: E402
from page import draft_tab, form_tab, saved_tab  # noqa: E402

STATIC = Path(__file__).resolve().parent / "static"
CSS = (STATIC / "app.css").read_text(encoding="utf-8")
HEAD = f"<script>{(STATIC / 'app.js').read_text(encoding='utf-8')}</script>"


def build_app(settings: Settings, workbench: Workbench, logins: Logins | None = None) -> gr.Blocks:
    """The page; `demo.page_logins` ties each page session to its login (launch_options serves its streams)."""
    logins = logins or Logins()
    pages = PageLogins(logins)  # ui.owner(request): the user's organisation, once the session is theirs
    ui = SimpleNamespace(api="private" if logins else "undocumented", wb=workbench, settings=settings,
                         owner=pages.owner, mine=pages.mine, export_dir=settings.data_dir / "tmp" / "exports")
    plain, detail = P.backend_banner(settings.llm_configured, settings.model, workbench.store.notice)
    with gr.Blocks(title="妇联报告起草", delete_cache=(3600, 86400)) as demo:  # Gradio's copies: a day
        ui.demo, ui.draft, ui.view = demo, gr.State(None), gr.State({})
        # "draft …": the browser shows the draft tab (no container is an event's output: see page/section_cards.py)
        ui.goto = gr.Textbox(visible=False, elem_id="rd-goto")
        ui.goto.change(None, [ui.goto], None, js="(t) => rdShowDraft(t)", api_visibility="private",
                       show_progress="hidden")
        gr.Markdown(f"## 妇联年度报告起草\n{plain}", elem_id="rd-banner")
        with gr.Accordion("详情（给管理员）", open=False):
            gr.Markdown(P.esc(detail))
        with gr.Tabs():
            with gr.Tab("1 填写与提纲", id="form"):
                form_tab.build(ui)
            with gr.Tab("2 初稿与修改", id="draft", elem_id="rd-tab-draft"):
                draft_tab.build(ui)
            with gr.Tab("3 已保存的草稿", id="saved") as ui.saved_tab:
                saved_tab.build(ui)

        def on_arrive(request: gr.Request):  # the page opened: its session belongs to this login
            pages.mine(request)
        demo.load(on_arrive, None, None, api_visibility="private", show_progress="hidden")

        def on_leave(request: gr.Request):  # the browser left: stop its model calls, close their connections
            if pages.leave(request):  # only its own user ends a session's drafting
                workbench.running.cancel(getattr(request, "session_hash", "") or "")
        demo.unload(on_leave)
    demo.page_logins = pages
    return demo


def launch_options(settings: Settings, logins: Logins, guard: LoginGuard | None = None,
                   pages: PageLogins | None = None) -> dict:
    """Offline and quiet: loopback unless configured, no footer links (no API page), our CSS and script;
    `pages` (build_app's demo.page_logins): a session's event stream and heartbeat for its own login only."""
    from starlette.middleware import Middleware

    streams = [Middleware(SessionStreams, pages=pages)] if pages else []
    return dict(server_name=settings.host, server_port=settings.port, auth_message=LOGIN_MESSAGE, show_error=False,
                auth=(guard or LoginGuard(logins)).check if logins else None, css=CSS, head=HEAD, footer_links=[],
                max_file_size=f"{settings.max_upload_mb}mb", app_kwargs={"middleware": address_middleware() + streams})


def main() -> None:  # the page, the MCP tools and /api/v1 (drafting/shell/launch.py)
    settings, workbench = open_for_app()  # a wrong setting or an absent database: one line, no traceback
    logins = Logins.from_settings(settings.auth, settings.users_file)
    demo = build_app(settings, workbench, logins).queue(default_concurrency_limit=8)
    serve(gr, demo, workbench, logins, launch_options(settings, logins, pages=demo.page_logins))


if __name__ == "__main__":
    main()
