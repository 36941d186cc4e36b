// Ticket page: a button copies the ticket code, for pasting into a chat or an e-mail.
// It only appears where the clipboard API works (secure pages); elsewhere the code is plain text to select.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.querySelector(button.dataset.copy);
  const label = button.querySelector("span");
  if (!source || !label || !navigator.clipboard) continue;
  const original = label.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      label.textContent = button.dataset.copied;
      setTimeout(() => { label.textContent = original; }, 2000);
    } catch {
      // Permission refused: nothing to do, the code stays selectable.
    }
  });
}
