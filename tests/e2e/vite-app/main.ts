import { define } from "phone-otp";
define();
const form = document.getElementById("f") as HTMLFormElement;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  document.getElementById("out")!.textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
