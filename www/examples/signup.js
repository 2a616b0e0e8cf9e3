// The example's own script: shows what the form would submit instead of leaving the page, and
// logs the widget's events. A real page would let the form post to its server.
const form = document.getElementById("signup");
const out = document.getElementById("submitted");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  out.textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
for (const name of ["sent", "verified", "failed", "expired", "error"]) {
  document.addEventListener(`phone-otp:${name}`, (e) => console.info(`phone-otp:${name}`, e.detail));
}
