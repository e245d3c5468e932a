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
