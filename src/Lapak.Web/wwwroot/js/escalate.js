// Ticket escalation form: shows the team select only for "another team" and the branch select only for the branch
// targets. Without this script both stay visible and the server ignores the one that does not apply.
function sync(form) {
  const target = form.querySelector("input[name='Target']:checked")?.value;
  for (const group of form.querySelectorAll("[data-escalate-for]")) {
    group.hidden = target != null && !group.dataset.escalateFor.split(" ").includes(target);
  }
}

function syncAll() {
  for (const form of document.querySelectorAll("[data-escalate-form]")) sync(form);
}

document.addEventListener("change", (ev) => {
  const form = ev.target instanceof HTMLElement ? ev.target.closest("[data-escalate-form]") : null;
  if (form) sync(form);
});
// The ticket page swaps its regions in after a live change; the fresh form starts unsynced.
document.addEventListener("lapak:regions-refreshed", syncAll);
syncAll();
