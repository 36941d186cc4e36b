// Request-type field editor: show only the settings that matter for each field's kind (options for a choice,
// a maximum length for text, columns for a list). Without this script every setting stays visible.
const form = document.querySelector("form[data-request-type-form]");
if (form) {
  const update = () => {
    for (const el of form.querySelectorAll("[data-show-for]")) {
      const select = el.closest("[data-kind-scope]")?.querySelector("select[data-kind]");
      if (select) el.hidden = !el.dataset.showFor.split(" ").includes(select.value);
    }
  };
  form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLSelectElement && e.target.matches("[data-kind]")) update();
  });
  update();
}
