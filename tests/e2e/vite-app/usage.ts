// A typed usage example: tsc must accept it against the package's declarations.
import { define, mount, type PhoneOtpOptions } from "phone-otp";
define();
const el = document.querySelector("phone-otp");
el?.addEventListener("phone-otp:verified", (e) => {
  const phone: string = e.detail.phone;
  const id: string = e.detail.id;
  console.log(phone, id, el.state, el.verified?.dialect);
});
el?.addEventListener("phone-otp:failed", (e) => console.log(e.detail.attemptsRemaining ?? 0));
const options: PhoneOtpOptions = { endpoint: "/api", dialect: "verifyhq", userId: "u1", codeLength: 6 };
mount(document.createElement("div"), options).then((m) => m.unmount());
