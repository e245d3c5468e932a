// Copy a section or the whole draft (with or without its 【F】 markers), and jump to a section.
window.rdCopy = (text, markers) => {
  const s = markers ? (text || "") : (text || "").replace(/【[FD]\d+】/g, "");
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(s);
  } else {  // plain http on a LAN address: the older way still works
    const area = document.createElement("textarea");
    area.value = s;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  return markers ? "已复制（含【F】标记）" : "已复制（不含标记）";
};
window.rdJump = (sid) => {
  const card = document.getElementById("rd-card-" + sid);
  if (!card) return;
  card.scrollIntoView({ block: "start" });
  card.classList.add("rd-jump");
  setTimeout(() => card.classList.remove("rd-jump"), 2500);
};
window.rdShowDraft = (t) => {  // set by the server when the draft is ready to be read
  if (t) document.querySelector("#rd-tab-draft-button")?.click();
};
// A section box edited and not saved: the page warns before it is closed or left (the edit would be lost).
window.rdDirty = new Map();
document.addEventListener("input", (e) => {
  const box = e.target.closest && e.target.closest("[id^=rd-text-]");
  if (box && e.target.tagName === "TEXTAREA") window.rdDirty.set(box.id.slice("rd-text-".length), e.target.value);
}, true);
window.rdSaved = (sid, title) => {  // after 保存修改: kept unless the card says 未保存
  if (!String(title || "").includes("未保存")) window.rdDirty.delete(sid);
};
window.rdUnsaved = () => [...window.rdDirty].filter(([sid, typed]) =>
  document.querySelector(`#rd-text-${sid} textarea`)?.value === typed).map(([sid]) => sid);
window.addEventListener("beforeunload", (e) => {
  if (window.rdUnsaved().length) {
    e.preventDefault();
    e.returnValue = "有修改还没有保存：离开本页会丢失这些修改。";
    return e.returnValue;
  }
});
// Cards the page mounts for the first time ask the server for their values once they are there.
window.rdMounted = new Set();
window.rdKnown = new Set();
window.rdTakeMounted = () => { const ids = [...window.rdMounted].join(" "); window.rdMounted.clear(); return ids; };
new MutationObserver((records) => {
  let fresh = false;
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;  // text written into a box: not a card
      const found = node.matches("[id^=rd-card-]") ? [node] : node.querySelectorAll("[id^=rd-card-]");
      for (const card of found) {
        const sid = card.id.slice("rd-card-".length);
        if (!window.rdKnown.has(sid)) { window.rdKnown.add(sid); window.rdMounted.add(sid); fresh = true; }
      }
    }
  }
  if (fresh) setTimeout(() => document.getElementById("rd-refill")?.click(), 0);
}).observe(document.documentElement, { childList: true, subtree: true });
