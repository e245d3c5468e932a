"""The app served with its tools for agent platforms: the page, the MCP server at
/gradio_api/mcp/ (Streamable HTTP) and the JSON API at /api/v1/. app.py hands in the UI library
(`gr`), so nothing here imports it."""

from __future__ import annotations

from .access import ToolAccess
from .http_api import PREFIX, api_routes
from .mcp_tools import publish
from .static_cache import StaticCache, gradio_folders
from .tools import AgentTools


def agent_tools(workbench, logins) -> AgentTools:
    """The tools for this app: open, behind the token, or off (access.py says which)."""
    settings = workbench.settings
    return AgentTools(workbench, ToolAccess(settings.api_token, bool(logins)), settings.public_url)


def serve(gr, demo, workbench, logins, options: dict, block: bool = True) -> AgentTools:
    """Launch `demo` (a queued gr.Blocks) with `options` (app.launch_options), the MCP tools when
    they are on, and the JSON API before Gradio's own routes. `block=False` returns once serving."""
    tools = agent_tools(workbench, logins)
    if tools.access.enabled:
        publish(gr, demo, tools)
    options = dict(options)  # the JSON API's routes join app.launch_options' app_kwargs (its middleware)
    app_kwargs = {**options.pop("app_kwargs", {}), "routes": api_routes(tools)}
    demo.launch(**{**options, "prevent_thread_lock": True}, mcp_server=tools.access.enabled, app_kwargs=app_kwargs)
    serve_static_from_memory(gr, demo.app)
    if block:
        where = (demo.local_url or "").rstrip("/")
        print(f"* 起草接口：MCP {where}/gradio_api/mcp/ · JSON {where}{PREFIX}/openapi.json"
              if tools.access.enabled else "* 起草接口未开启：本应用设置了登录，设置 REPORTDRAFT_API_TOKEN 后开启。")
        demo.block_thread()
    return tools


def serve_static_from_memory(gr, app) -> None:
    """Gradio's front-end files answered before its middleware and routes (static_cache.py): `app`
    (a launched demo's FastAPI app) runs `middleware_stack`, built at its first request; ours goes
    around it."""
    if not isinstance(app.middleware_stack, StaticCache):
        stack = app.middleware_stack or app.build_middleware_stack()
        app.middleware_stack = StaticCache(stack, gradio_folders(gr))
