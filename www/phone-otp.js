// <phone-otp>: the drop-in custom element. One line on a page:
//   <script type="module" src="https://your.cdn/phone-otp/phone-otp.js"></script>
// loads the wasm and the CSS from beside this file (not from the page's URL) and defines the
// element. The only global it adds is the element's name.
import init, { mount } from "./wasm/phone-otp.js";

const here = (file) => new URL(file, import.meta.url).href;
const ready = init({ module_or_path: here("wasm/phone-otp_bg.wasm") });

/** Attributes that configure the widget; a change remounts it with the new configuration. */
const CONFIG = [
  "endpoint", "dialect", "trust-flow-id", "trust-validation-id", "project", "project-flow",
  "gateway", "user-id", "send-path", "verify-path", "code-length", "channels", "locale",
  "resend-after", "expires-after", "timeout", "credentials", "request-headers",
];

export class PhoneOtpElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = [...CONFIG, "disabled"];

  #internals = this.attachInternals();
  #root = this.attachShadow({ mode: "open", delegatesFocus: true });
  #container = null;
  #mounted = null;
  #leaving = 0;
  #state = "entry";
  #verified = null;

  constructor() {
    super();
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = here("phone-otp.css");
    this.#root.append(css);
    for (const name of ["state", "verified", "failed", "expired", "sent", "error"]) {
      this.addEventListener(`phone-otp:${name}`, (e) => this.#heard(name, e.detail));
    }
  }

  /** The current step: entry, sending, code-sent, verifying, verified, expired, locked, … */
  get state() { return this.#state; }
  /** The verified number in E.164, or null. */
  get phone() { return this.#verified?.phone ?? null; }
  /** The verification ({ phone, id, dialect, response }) once verified, else null. */
  get verified() { return this.#verified; }
  get form() { return this.#internals.form; }
  get name() { return this.getAttribute("name"); }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }

  /** Back to an empty phone step, forgetting the verification. */
  reset() {
    this.#unmount();
    this.#verified = null;
    this.#state = "entry";
    this.#syncForm();
    if (this.isConnected) this.#mount();
  }

  focus(options) {
    this.#root.querySelector("input, button")?.focus(options);
  }

  async connectedCallback() {
    // Moved in the DOM: disconnected and connected in the same task; keep everything.
    if (this.#leaving) {
      clearTimeout(this.#leaving);
      this.#leaving = 0;
      return;
    }
    await ready;
    if (this.isConnected && !this.#mounted) this.#mount();
  }

  disconnectedCallback() {
    this.#leaving = setTimeout(() => {
      this.#leaving = 0;
      this.#unmount();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === "disabled") {
      this.#container?.toggleAttribute("inert", after !== null);
      return;
    }
    if (this.#mounted) this.reset();
  }

  formResetCallback() { this.reset(); }
  formDisabledCallback(disabled) { this.#container?.toggleAttribute("inert", disabled); }

  #mount() {
    this.#container = document.createElement("div");
    this.#container.toggleAttribute("inert", this.hasAttribute("disabled"));
    this.#root.append(this.#container);
    this.#mounted = mount(this.#container, this);
    this.#syncForm();
  }

  #unmount() {
    this.#mounted?.free();
    this.#mounted = null;
    this.#container?.remove();
    this.#container = null;
  }

  #heard(name, detail) {
    if (name === "state") this.#state = detail.state;
    if (name === "verified") this.#verified = detail;
    if (name === "state" || name === "verified") this.#syncForm();
  }

  /** Form value: the verified number under `name`, the verification id under `name-id`. */
  #syncForm() {
    const name = this.getAttribute("name");
    if (this.#verified && name) {
      const data = new FormData();
      data.append(name, this.#verified.phone);
      data.append(`${name}-id`, this.#verified.id);
      this.#internals.setFormValue(data);
    } else {
      this.#internals.setFormValue(null);
    }
    const input = () => this.#root.querySelector("input") ?? undefined;
    if (this.hasAttribute("required") && !this.#verified) {
      this.#internals.setValidity({ valueMissing: true }, "Verify your phone number first.", input());
    } else {
      this.#internals.setValidity({});
    }
  }
}

if (!customElements.get("phone-otp")) customElements.define("phone-otp", PhoneOtpElement);
