// The demo page's "phone": shows the codes from the devserver's dev outbox, newest first, so a
// person can finish the flow by hand. Not part of the widget.
let list;
let shown = -1;

async function poll() {
  try {
    const res = await fetch("/__dev/outbox");
    if (res.ok) {
      const messages = await res.json();
      if (messages.length !== shown) {
        shown = messages.length;
        list.replaceChildren(
          ...messages
            .slice()
            .reverse()
            .map((m) => {
              const li = document.createElement("li");
              li.textContent = `${m.phone}: ${m.code} (${m.channel})`;
              li.dataset.code = m.code;
              return li;
            }),
        );
      }
    }
  } catch {
    // The devserver may be restarting; try again on the next tick.
  }
}

// Trunk puts this script in <head>: start once the page exists.
document.addEventListener("DOMContentLoaded", () => {
  // The demo has no server-side signup: show what the form would submit.
  const form = document.getElementById("signup");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    document.getElementById("submitted").textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
  });
  list = document.getElementById("outbox");
  poll();
  setInterval(poll, 1000);
});
