// API tokens page: copy the new secret, and confirm before revoking.
for (const button of document.querySelectorAll("[data-copy-target]")) {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector(`[data-copy-status="${button.dataset.copyTarget}"]`);
  button.addEventListener("click", async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      // No clipboard API (plain http or an old browser): select it so Ctrl+C works.
      field.focus();
      field.select();
      copied = document.execCommand?.("copy") ?? false;
    }
    if (status) status.textContent = copied ? button.dataset.copied : button.dataset.copyFailed;
  });
}

for (const form of document.querySelectorAll("form[data-confirm]")) {
  form.addEventListener("submit", (e) => {
    if (!window.confirm(form.dataset.confirm)) e.preventDefault();
  });
}
