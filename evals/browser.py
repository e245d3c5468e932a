"""Driving the app's page in Debian's Chromium (Playwright): launch options and the helpers that
read and fill its elements by id. Shared by the browser test (tests/browser_flow.py) and the browser
benchmark (evals/bench_browser.py)."""

from __future__ import annotations

from pathlib import Path

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1366, "height": 768}
PAGE_CLOCK = Path(__file__).with_name("page_clock.js")
"""The benchmark's in-page recorder: times on the page's own clock (see the file)."""


def launch(playwright):
    """Debian's Chromium, headless, nothing fetched from the internet; never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


def field(page, elem_id: str):
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def cards(page) -> list[str]:
    """The section ids of the cards on the draft tab, in order (read in one go: cards may be re-rendered)."""
    return page.evaluate("() => [...document.querySelectorAll('[id^=rd-card-]')].map((c) => c.id.slice(8))")


def texts(page) -> dict[str, str]:
    """Each card's text as its box holds it, by section id."""
    return page.evaluate("() => Object.fromEntries([...document.querySelectorAll('[id^=rd-card-]')].map((c) =>"
                         " [c.id.slice(8), c.querySelector('[id^=rd-text-] textarea')?.value ?? '']))")
