// Chat composer: files picked, pasted or dropped are uploaded at once (with progress), shown as chips, and their ids
// ride with the next message as hidden AttachmentIds inputs of #chat-composer. chat.js sends them and then fires
// "chat:sent", which empties the list. The server checks size and type again, by content.

const root = document.querySelector("[data-chat-attachments]:not([data-ready])");
if (root) setUp(root);

function setUp(root) {
  root.dataset.ready = "";
  const form = root.closest("form") ?? document.getElementById("chat-composer");
  const input = root.querySelector("[data-chat-attach-input]");
  const list = root.querySelector("[data-chat-attach-list]");
  const errors = root.querySelector("[data-chat-attach-errors]");
  const status = root.querySelector("[data-chat-attach-status]");
  const maxBytes = Number(root.dataset.maxBytes);
  const maxFiles = Number(root.dataset.maxFiles);
  const extensions = root.dataset.extensions.split(",");
  const t = (key, ...values) => values.reduce((s, v, i) => s.replaceAll(`{${i}}`, v), root.dataset[key] ?? "");
  const pending = new Set(); // entries: { chip, xhr, id, previewUrl }

  root.querySelector("[data-chat-attach-pick]").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    add([...input.files]);
    input.value = ""; // the same file may be picked again after removing it
  });

  // Pasting a screenshot into the message box attaches it; pasted text stays text.
  form?.querySelector("textarea")?.addEventListener("paste", (e) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    add(files);
  });

  // Dropping files anywhere on the conversation.
  const page = document.querySelector("main[data-chat-conversation]") ?? form;
  page?.addEventListener("dragover", (e) => {
    if (!e.dataTransfer?.types.includes("Files")) return;
    e.preventDefault();
    page.classList.add("chat-drop-target");
  });
  page?.addEventListener("dragleave", (e) => {
    if (e.target === page || !page.contains(e.relatedTarget)) page.classList.remove("chat-drop-target");
  });
  page?.addEventListener("drop", (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    page.classList.remove("chat-drop-target");
    add([...e.dataTransfer.files]);
  });

  // Sent files leave the composer; one still uploading stays for the next message.
  form?.addEventListener("chat:sent", () => {
    for (const entry of [...pending]) {
      if (entry.id === null) continue;
      forget(entry);
      pending.delete(entry);
    }
    errors.textContent = "";
  });

  function add(files) {
    const problems = [];
    for (const file of files) {
      const problem = check(file);
      if (problem) problems.push(problem);
      else if (pending.size >= maxFiles) problems.push(t("tTooMany"));
      else upload(file);
    }
    errors.textContent = [...new Set(problems)].join(" ");
  }

  // The same rules as the server's, said before the upload; the server still decides by the bytes.
  function check(file) {
    const dot = file.name.lastIndexOf(".");
    const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : "";
    if (file.size === 0) return t("tEmpty", file.name);
    if (file.size > maxBytes) return t("tTooLarge", file.name);
    if (!extensions.includes(ext)) return t("tNotAccepted", file.name);
    return null;
  }

  function upload(file) {
    const entry = { chip: chip(file), xhr: new XMLHttpRequest(), id: null, previewUrl: null };
    pending.add(entry);
    const bar = entry.chip.querySelector("progress");
    const body = new FormData();
    body.append("file", file, file.name);
    entry.xhr.open("POST", root.dataset.uploadUrl);
    entry.xhr.setRequestHeader("Accept", "application/json");
    entry.xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    entry.xhr.addEventListener("load", () => {
      if (entry.xhr.status === 201) {
        const view = JSON.parse(entry.xhr.responseText);
        entry.id = view.id;
        bar.remove();
        entry.chip.classList.add("is-ready");
        const hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "AttachmentIds";
        hidden.value = view.id;
        entry.hidden = hidden;
        form?.append(hidden);
        status.textContent = t("tUploaded", file.name);
      } else {
        failed(entry, file, problemText(entry.xhr) ?? t("tFailed", file.name));
      }
    });
    entry.xhr.addEventListener("error", () => failed(entry, file, t("tFailed", file.name)));
    entry.xhr.send(body);
    status.textContent = t("tUploading", file.name);
  }

  function failed(entry, file, message) {
    forget(entry);
    pending.delete(entry);
    errors.textContent = message;
    status.textContent = message;
  }

  function problemText(xhr) {
    try {
      const problem = JSON.parse(xhr.responseText);
      const first = Object.values(problem.errors ?? {}).flat()[0];
      return first ?? problem.detail ?? null;
    } catch {
      return null;
    }
  }

  function chip(file) {
    const li = document.createElement("li");
    li.className = "chat-attach-chip";
    if (file.type.startsWith("image/")) {
      const img = document.createElement("img");
      img.alt = "";
      img.width = 40;
      img.height = 40;
      img.className = "chat-attach-thumb";
      img.src = URL.createObjectURL(file);
      img.addEventListener("load", () => URL.revokeObjectURL(img.src), { once: true });
      li.append(img);
    } else {
      const icon = document.createElement("i");
      icon.className = "bi bi-file-earmark-text chat-attach-icon";
      icon.setAttribute("aria-hidden", "true");
      li.append(icon);
    }
    const text = document.createElement("span");
    text.className = "chat-attach-text";
    const name = document.createElement("span");
    name.className = "chat-attach-name";
    name.textContent = file.name;
    const size = document.createElement("span");
    size.className = "chat-attach-size";
    size.textContent = formatSize(file.size);
    text.append(name, size);
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.className = "chat-attach-progress";
    bar.setAttribute("aria-label", t("tUploading", file.name));
    text.append(bar);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "btn btn-sm btn-link chat-attach-remove";
    remove.setAttribute("aria-label", t("tRemove", file.name));
    remove.innerHTML = '<i class="bi bi-x-lg" aria-hidden="true"></i>';
    remove.addEventListener("click", () => {
      for (const entry of pending) {
        if (entry.chip !== li) continue;
        forget(entry);
        pending.delete(entry);
      }
      status.textContent = t("tRemoved", file.name);
      form?.querySelector("textarea")?.focus();
    });
    li.append(text, remove);
    list.append(li);
    return li;
  }

  // Stops an upload still running and takes the file out of the message; an unsent upload is cleaned up by the server.
  function forget(entry) {
    if (entry.xhr.readyState !== XMLHttpRequest.DONE) entry.xhr.abort();
    entry.hidden?.remove();
    entry.chip.remove();
  }
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
