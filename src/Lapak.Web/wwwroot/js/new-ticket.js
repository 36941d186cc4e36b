// New ticket form: choosing a request type shows its own fields without a reload. Every type's fields are in the
// page; the others stay disabled so only the chosen type's values are sent.
const form = document.querySelector("form[data-ticket-form]");
if (form) {
  const details = form.querySelector("#ticket-details");
  const groups = form.querySelectorAll("[data-type-fields]");
  for (const el of form.querySelectorAll("[data-no-js]")) el.hidden = true;

  const show = (typeId) => {
    for (const group of groups) {
      const on = group.dataset.typeFields === typeId;
      group.hidden = !on;
      group.disabled = !on;
    }
    if (details) details.hidden = false;
  };

  form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === "RequestTypeId") show(e.target.value);
  });
}
