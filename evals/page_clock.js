// Installed in every page the browser benchmark opens, before the app's own scripts: times what a
// person sees on the page's own clock (performance.now(), ms since navigation started).
(() => {
  const rd = window.__rd = { clickAt: null, watches: [], longTasks: [], frames: [], messages: [], added: 0, removed: 0 };
  // Playwright's click and check send a real pointerdown: that is when the person pressed.
  document.addEventListener("pointerdown", () => { rd.clickAt = performance.now(); }, true);

  // A watch is a condition on the page; `at` is the first moment it held (checked after every DOM
  // change and on every frame, since a textarea's value changes without a DOM mutation).
  rd.watch = (name, condition) => {
    rd.watches = rd.watches.filter((w) => w.name !== name);
    rd.watches.push({ name, test: new Function(`return (${condition})`), at: null });
  };
  rd.seen = (name) => rd.watches.find((w) => w.name === name)?.at ?? null;
  const check = () => {
    const now = performance.now();
    for (const w of rd.watches) {
      if (w.at === null) {
        try { if (w.test()) w.at = now; } catch (e) { /* not on the page yet */ }
      }
    }
  };
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);

  // Elements mounted and unmounted (each with everything inside it).
  const size = (n) => (n.nodeType === 1 ? 1 + n.getElementsByTagName("*").length : 0);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) rd.added += size(n);
      for (const n of r.removedNodes) rd.removed += size(n);
    }
    check();
  }).observe(document, { childList: true, subtree: true });

  // Main-thread work the person waits on.
  const observe = (type, keep) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach((e) => keep(e))).observe({ type, buffered: true }); }
    catch (e) { /* this browser does not report it */ }
  };
  observe("longtask", (e) => rd.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe("long-animation-frame", (e) => rd.frames.push({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    scripts: e.scripts.map((s) => ({ where: `${s.sourceFunctionName || "?"} ${(s.sourceURL || "").split("/").pop()}:${s.sourceCharPosition}`, invoker: s.invoker, duration: s.duration })),
  }));

  // The app's server-sent events (Gradio streams them over fetch): bytes and kind of each message.
  const fetch0 = window.fetch;
  window.fetch = async (...args) => {
    const response = await fetch0(...args);
    const url = String(args[0]?.url ?? args[0]);
    if (!url.includes("/queue/data") || !response.body) return response;
    const [mine, theirs] = response.body.tee();
    (async () => {
      const reader = mine.getReader(), text = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += text.decode(value, { stream: true });
        const parts = buffer.split("\n\n");
        buffer = parts.pop();
        for (const part of parts) {
          const body = part.replace(/^data: ?/, "");
          let kind = "?", outputs = null;
          try {
            const m = JSON.parse(body);
            kind = m.msg; outputs = m.output?.data?.length ?? null;
            if (m.output?.render_config) { kind += "+render"; rd.lastRender = body; }
          } catch (e) { /* a heartbeat or a partial line */ }
          rd.messages.push({ at: performance.now(), bytes: new TextEncoder().encode(part).length, kind, outputs });
        }
      }
    })().catch(() => { /* the app closed the stream: nothing more to count */ });
    return new Response(theirs, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
})();
