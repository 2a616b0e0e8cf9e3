// The <phone-otp> custom element and the no-element mount(), without side effects: importing
// this module defines nothing. phone-otp.js (the script tag) and index.js (the npm package) call
// define(). The wasm and the CSS are found beside this file (the literal `new URL(…,
// import.meta.url)` form is what bundlers such as Vite follow to ship them).
import init, { catalog_name as catalogName, forget, install_phone_data as installPhoneData, mount as mountWasm, phone_data_from as phoneDataFrom } from "./wasm/phone-otp.js";

const WASM_URL = new URL("./wasm/phone-otp_bg.wasm", import.meta.url);
const METADATA_URL = new URL("./phone/metadata.txt", import.meta.url);
const CSS_URL = new URL("./phone-otp.css", import.meta.url);
let ready;
/**
 * Loads the wasm once, compiling it while it downloads, and the phone metadata beside it
 * (phone/metadata.txt, 3.4 KB gzip: the regions, their calling codes, prefixes and lengths),
 * which is handed to the wasm before anything mounts. `response` and `metadata` are
 * `fetch`es of them already started (phone-otp.js starts both before this module arrives); by
 * default they are fetched here, in parallel; `firstCode`, `[code, fetch]` of the calling code's
 * file phone-otp.js expects the first widget to need. Without the metadata (a failed fetch, a stale file) the widget still mounts:
 * the field takes input, formats nothing and offers no country list, and one console.warn says why.
 * The formats and patterns of a calling code come later, when a widget needs them (callingCode).
 */
export function load(response, metadata, firstCode) {
  ready ??= Promise.all([
    init({ module_or_path: response ?? fetch(WASM_URL) }),
    Promise.resolve(metadata ?? fetch(METADATA_URL))
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .catch((e) => e),
    firstCode,
  ]).then(([wasm, text, first]) => {
    // A calling code's file phone-otp.js started with the wasm ([code, fetch]): the widget finds it on its way.
    if (first) callingCode(...first);
    if (typeof text === "string" && !installPhoneData(text)) text = new Error("not a metadata file of this version");
    if (typeof text !== "string") {
      console.warn(`phone-otp: ${METADATA_URL.href} could not be loaded (${text.message}); numbers are taken as typed, without countries or formatting`);
    }
    phoneDataFrom(callingCode);
    return wasm;
  });
  return ready;
}

const callingCodes = new Map();
/**
 * The formats and validation patterns of calling code `code` (phone/cc/<code>.txt, 0.2 to 2.4 KB
 * gzip), fetched once per page when a widget first needs them: the text, or null when it cannot
 * be had (one console.warn says why; the next widget mounted tries again). Until then numbers of
 * that calling code are not formatted and only their length is checked.
 */
function callingCode(code, response) {
  if (!callingCodes.has(code)) {
    const url = new URL(`./phone/cc/${code}.txt`, import.meta.url);
    const text = Promise.resolve(response ?? fetch(url))
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .catch((e) => {
        callingCodes.delete(code);
        console.warn(`phone-otp: ${url.href} could not be loaded (${e.message}); numbers of +${code} are not formatted and only their length is checked`);
        return null;
      });
    callingCodes.set(code, text);
  }
  return callingCodes.get(code);
}

const catalogs = new Map();
/**
 * The texts of the host's language (its `locale`, else the browser's) as JSON text, when the
 * wasm does not carry them: fetched once per language from i18n/ beside this file. Null for
 * English, or when the file cannot be had (the widget then speaks English).
 */
function catalog(host) {
  const name = catalogName(host.getAttribute("locale") || navigator.language || "en");
  if (!name) return null;
  if (!catalogs.has(name)) {
    catalogs.set(
      name,
      fetch(new URL(`./i18n/${name}.json`, import.meta.url))
        .then((res) => (res.ok ? res.text() : null))
        .catch(() => null),
    );
  }
  return catalogs.get(name);
}

let flagEmoji;
/** "no-flag-emoji" where the browser draws flags as letters or boxes (no colour on a canvas). */
function flagClass() {
  if (flagEmoji === undefined) {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    flagEmoji = false;
    if (ctx) {
      ctx.font = "16px sans-serif";
      ctx.fillText("\u{1F1FA}\u{1F1F8}", 0, 16);
      const px = ctx.getImageData(0, 0, 24, 20).data;
      for (let i = 0; i < px.length && !flagEmoji; i += 4) flagEmoji = px[i] !== px[i + 1] || px[i + 1] !== px[i + 2];
    }
  }
  return flagEmoji ? "" : "no-flag-emoji";
}

/** Attributes that configure the widget; a change remounts it with the new configuration. */
const CONFIG = [
  "endpoint", "dialect", "trust-flow-id", "trust-validation-id", "project", "project-flow",
  "gateway", "user-id", "send-path", "verify-path", "code-length", "channels", "locale",
  "resend-after", "expires-after", "timeout", "credentials", "request-headers", "messages",
  "default-country", "countries", "preferred-countries", "lock-verified", "max-attempts", "storage-key", "number-types",
];

export class PhoneOtpElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = [...CONFIG, "disabled"];

  #internals = this.attachInternals();
  // phone-otp.js may have painted a skeleton in it already (#mount replaces it).
  #root = this.shadowRoot ?? this.attachShadow({ mode: "open", delegatesFocus: true });
  #container = null;
  #mounted = null;
  #leaving = 0;
  #state = "entry";
  #verified = null;

  constructor() {
    super();
    if (!this.#root.querySelector("link")) {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = CSS_URL.href;
      this.#root.append(css);
    }
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
    const loaded = this.#mounted !== null;
    this.#unmount();
    if (loaded) forget(this);
    this.#verified = null;
    this.#state = "entry";
    this.#syncForm();
    if (this.isConnected) this.#mount();
  }

  focus(options) {
    // The number or code field, not the country button before it.
    const field = this.#root.querySelector('[part="phone-input"], [part="code-input"]');
    (field ?? this.#root.querySelector("button"))?.focus(options);
  }

  async connectedCallback() {
    // Moved in the DOM: disconnected and connected in the same task; keep everything.
    if (this.#leaving) {
      clearTimeout(this.#leaving);
      this.#leaving = 0;
      return;
    }
    await load();
    await this.#mount();
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

  async #mount() {
    const texts = await catalog(this);
    // Unmounted, moved or mounted again while the texts were on their way.
    if (!this.isConnected || this.#mounted) return;
    this.#container = document.createElement("div");
    this.#container.className = flagClass();
    this.#container.toggleAttribute("inert", this.hasAttribute("disabled"));
    this.#root.append(this.#container);
    this.#mounted = mountWasm(this.#container, this, texts ?? undefined);
    this.#takeOver();
    this.#syncForm();
  }

  /**
   * Replaces the skeleton phone-otp.js painted, in the same task as the mount (nothing is seen
   * in between), handing what was typed in it to the phone field as input, so the flow formats
   * and keeps it; the caret stays after the same digit and the focus comes along.
   */
  #takeOver() {
    const skeleton = this.#root.querySelector("[data-skeleton]");
    if (!skeleton) return;
    const typed = skeleton.querySelector("input");
    const { value, selectionStart, selectionEnd } = typed;
    const focused = this.#root.activeElement === typed;
    skeleton.remove();
    const field = this.#container.querySelector('[part="phone-input"]');
    if (!field) return;
    field.value = value;
    field.setSelectionRange(selectionStart, selectionEnd);
    if (focused) field.focus();
    if (value) field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  #unmount() {
    this.#mounted?.free();
    this.#mounted = null;
    this.#container?.remove();
    this.#container = null;
  }

  #heard(name, detail) {
    if (name === "state") this.#state = detail.state;
    // "Change number" after a verification takes it back.
    if (name === "state" && detail.state !== "verified") this.#verified = null;
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

/**
 * Registers the element as `<phone-otp>` (once; later calls do nothing) and starts loading the
 * wasm, so it is on its way before the first element connects.
 */
export function define() {
  load();
  if (!customElements.get("phone-otp")) customElements.define("phone-otp", PhoneOtpElement);
}

const ATTRIBUTE = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Mounts the widget into `el` without a custom element: `options` are the attributes in camel
 * case (`{ endpoint: "/api", dialect: "verifyhq", userId: "u1" }`), events are dispatched on
 * `el`, and the theme is added to the document once. Returns `{ unmount() }`.
 */
export async function mount(el, options = {}) {
  await load();
  if (!document.querySelector("link[data-phone-otp-css]")) {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = CSS_URL.href;
    css.dataset.phoneOtpCss = "";
    document.head.append(css);
  }
  for (const [key, value] of Object.entries(options)) {
    const name = ATTRIBUTE(key);
    if (value === false || value == null) el.removeAttribute(name);
    else if (Array.isArray(value)) el.setAttribute(name, value.join(","));
    else el.setAttribute(name, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  el.classList.add("phone-otp-host");
  const texts = await catalog(el);
  const container = document.createElement("div");
  container.className = flagClass();
  el.append(container);
  const mounted = mountWasm(container, el, texts ?? undefined);
  return {
    unmount() {
      mounted.free();
      container.remove();
    },
  };
}
