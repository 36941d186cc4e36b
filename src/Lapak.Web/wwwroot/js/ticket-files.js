// Ticket page: canned responses for agents, the file picker's count check, and the way to the rating.

// Canned responses: the list comes from the API with the ticket's placeholders already filled in,
// and "Insert" puts the chosen text where the cursor is in the message box.
// Live updates re-render the reply form, so both are set up again on every fresh copy.
async function setUpCannedPicker() {
  const picker = document.querySelector(".canned-picker[data-canned-url]:not([data-ready])");
  if (!picker) return;
  picker.dataset.ready = "";
  const select = picker.querySelector("select");
  const insert = picker.querySelector("[data-canned-insert]");
  const status = picker.querySelector("[role=status]");
  const box = document.querySelector(picker.dataset.target);
  const bodies = new Map();
  try {
    const response = await fetch(picker.dataset.cannedUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const items = await response.json();
    for (const item of items) {
      bodies.set(item.id, item.body);
      select.add(new Option(item.title, item.id));
    }
    picker.hidden = false;
    if (items.length === 0) {
      select.disabled = true;
      insert.disabled = true;
      status.textContent = status.dataset.empty;
    }
  } catch {
    picker.hidden = false;
    select.disabled = true;
    insert.disabled = true;
    status.textContent = status.dataset.failed;
  }
  insert.addEventListener("click", () => {
    const text = bodies.get(select.value);
    if (!text || !box) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    const before = box.value.slice(0, start);
    const glue = before.length > 0 && !before.endsWith("\n") ? "\n" : "";
    box.value = before + glue + text + box.value.slice(end);
    const caret = (before + glue + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
    status.textContent = status.dataset.inserted;
  });
}

// Too many files: said at once, before the upload; the server checks again (and checks the types).
function setUpFileInputs() {
  for (const input of document.querySelectorAll("input[type=file][data-max-files]:not([data-ready])")) {
    input.dataset.ready = "";
    input.addEventListener("change", () => {
      const max = Number(input.dataset.maxFiles);
      input.setCustomValidity(input.files.length > max ? input.closest(".attachment-input")?.querySelector(".form-text")?.textContent.trim() ?? "" : "");
      if (input.files.length > max) input.reportValidity();
    });
  }
}

await setUpCannedPicker();
setUpFileInputs();
document.addEventListener("lapak:regions-refreshed", () => {
  setUpCannedPicker();
  setUpFileInputs();
});

// Arriving from the resolution e-mail (?rate=…): the rating is what the customer came for, even when signing in lost the #rate.
const rating = document.querySelector("[data-rate-focus]");
if (rating && new URLSearchParams(location.search).has("rate")) {
  rating.scrollIntoView({ block: "start" });
  const first = rating.querySelector("input:checked, input[type=radio], textarea");
  first?.focus({ preventScroll: true });
}
