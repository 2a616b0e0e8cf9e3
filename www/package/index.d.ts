// Types for the phone-otp package: the options, the events and the element.

/** Every option; as attributes they are kebab-case (`userId` is `user-id`). */
export interface PhoneOtpOptions {
  /** Base URL of your backend; default "/api". */
  endpoint?: string;
  dialect?: "native" | "idmeta" | "verifik" | "otp-service" | "verifyhq";
  trustFlowId?: string | number;
  trustValidationId?: string;
  project?: string;
  projectFlow?: string;
  gateway?: "sms" | "whatsapp" | "none";
  userId?: string;
  sendPath?: string;
  verifyPath?: string;
  /** 4 to 10; default 6. */
  codeLength?: number;
  /** "sms" (default) or "sms,voice". */
  channels?: "sms" | "sms,voice";
  /** "en" | "fr" | "es" | "pt" | "ms" | "id" | "ar"; default: the browser's language. */
  locale?: string;
  /** Seconds; default 30. */
  resendAfter?: number;
  /** Seconds; default 600. */
  expiresAfter?: number;
  /** Wrong codes allowed per code where the backend does not report the attempts left; unset:
   * not counted. The backend's own count, when it gives one, wins. */
  maxAttempts?: number;
  /** Where the code step is kept across a reload; default: the element's id, else its name;
   * with none of them nothing is kept. */
  storageKey?: string;
  /** Seconds per request; default 15. */
  timeout?: number;
  credentials?: "same-origin" | "include" | "omit";
  /** ISO 3166-1 alpha-2 code of the country selected first ("MY"); default: the browser
   * language's region, else "US". */
  defaultCountry?: string;
  /** The only countries offered, comma-separated ISO codes ("MY,SG,ID"); default: all 245. */
  countries?: string | string[];
  /** The types of number that may get a code, comma-separated or as a list; default: all but
   * premium rate, shared cost, toll free, UAN, pager and voicemail. A fixed line is called
   * when `channels` offers voice. */
  numberTypes?: string | PhoneNumberType[];
  /** Countries listed first, in this order ("MY,SG"). */
  preferredCountries?: string | string[];
  /** Extra headers on every request, such as a CSRF token. */
  requestHeaders?: Record<string, string>;
  /** The verified screen is final: no "Change number" once verified. */
  lockVerified?: boolean;
  /** Colours: "light" (default), "dark", or "auto" (follows prefers-color-scheme). Read by the
   * stylesheet from the element, so changing it restyles without starting over. */
  theme?: "light" | "dark" | "auto";
  /** Your own texts by key name, replacing the catalog's: `{ SendCode: "Text me a code" }`. */
  messages?: Record<string, string>;
  /** Form field name for the verified number (and `${name}-id` for the verification id). */
  name?: string;
  required?: boolean;
  disabled?: boolean;
}

export type PhoneNumberType =
  | "mobile" | "fixed-line" | "fixed-line-or-mobile" | "toll-free" | "premium-rate"
  | "shared-cost" | "voip" | "personal" | "pager" | "uan" | "voicemail";

export type PhoneOtpState =
  | "entry" | "sending" | "code-sent" | "verifying" | "verified"
  | "expired" | "locked" | "already-used" | "not-found";

export interface PhoneOtpVerifiedDetail {
  /** E.164, "+60182258491". */
  phone: string;
  /** The backend's verification id. */
  id: string;
  dialect: NonNullable<PhoneOtpOptions["dialect"]>;
  /** The backend's success body. */
  response: unknown;
}

export interface PhoneOtpEventMap {
  "phone-otp:state": CustomEvent<{ state: PhoneOtpState }>;
  "phone-otp:sent": CustomEvent<{ phone: string; id: string }>;
  "phone-otp:verified": CustomEvent<PhoneOtpVerifiedDetail>;
  "phone-otp:failed": CustomEvent<{
    reason: "invalid" | "locked" | "already_used" | "not_found";
    attemptsRemaining: number | null;
  }>;
  "phone-otp:expired": CustomEvent<Record<string, never>>;
  "phone-otp:error": CustomEvent<{
    kind: "invalid_phone" | "rate_limited" | "rejected" | "network" | "timeout" | "offline" | "server";
    message: string;
  }>;
}

export declare class PhoneOtpElement extends HTMLElement {
  static readonly formAssociated: true;
  readonly state: PhoneOtpState;
  /** The verified number, or null. */
  readonly phone: string | null;
  readonly verified: PhoneOtpVerifiedDetail | null;
  readonly form: HTMLFormElement | null;
  readonly name: string | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
  reset(): void;
  focus(options?: FocusOptions): void;
  addEventListener<K extends keyof PhoneOtpEventMap>(
    type: K,
    listener: (this: PhoneOtpElement, ev: PhoneOtpEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/** Registers `<phone-otp>`; later calls do nothing. */
export declare function define(): void;

/**
 * Loads the wasm (define and mount do it for you), compiling it as it downloads; resolves when it
 * is ready. `response`: a fetch of `wasm/phone-otp_bg.wasm` already started, to use instead.
 */
export declare function load(response?: Promise<Response> | Response): Promise<unknown>;

/** Mounts the widget into `el` without a custom element; events are dispatched on `el`. */
export declare function mount(el: HTMLElement, options?: PhoneOtpOptions): Promise<{ unmount(): void }>;

declare global {
  interface HTMLElementTagNameMap {
    "phone-otp": PhoneOtpElement;
  }
  interface HTMLElementEventMap extends PhoneOtpEventMap {}
}
