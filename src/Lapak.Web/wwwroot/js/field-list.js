// Repeatable list fields of the ticket form (visitors and the like): add and remove rows. Rows are numbered
// 0, 1, 2… in the input names and 1, 2, 3… in their legends; removing a row renumbers the rest. Without this
// script the form still offers one blank row each time it is shown.
for (const list of document.querySelectorAll("[data-field-list]")) {
  const rows = list.querySelector("[data-rows]");
  const template = list.querySelector("template[data-row-template]");
  const add = list.querySelector("[data-add-row]");
  const max = Number(list.dataset.maxRows || 20);
  const slot = "__row__";

  const renumber = () => {
    const all = rows.querySelectorAll("[data-row]");
    all.forEach((row, i) => {
      for (const el of row.querySelectorAll("[name],[id],[for],[aria-describedby]")) {
        for (const attr of ["name", "id", "for", "aria-describedby"]) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(/(\.|-)(\d+|__row__)(\.|-)/, `$1${i}$3`));
        }
      }
      const legend = row.querySelector("[data-row-legend]");
      if (legend) legend.textContent = row.dataset.legend.replace("{n}", String(i + 1));
      const remove = row.querySelector("[data-remove-row]");
      if (remove) {
        remove.hidden = all.length === 1;
        remove.setAttribute("aria-label", `${remove.textContent.trim()}: ${legend ? legend.textContent : ""}`);
      }
    });
    add.hidden = all.length >= max;
  };

  add.addEventListener("click", () => {
    const row = template.content.firstElementChild.cloneNode(true);
    rows.appendChild(row);
    renumber();
    row.querySelector("input,select")?.focus();
  });

  rows.addEventListener("click", (e) => {
    const button = e.target.closest("[data-remove-row]");
    if (!button) return;
    const row = button.closest("[data-row]");
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    (next?.querySelector("input,select") || add).focus();
  });

  // The server adds one blank row for browsers without this script; with "Add" at hand it is only clutter.
  const all = rows.querySelectorAll("[data-row]");
  const last = all[all.length - 1];
  if (all.length > 1 && [...last.querySelectorAll("input,select")].every((el) => !el.value)) last.remove();
  renumber();
}
