// The npm package's entry: `import { define } from "phone-otp"; define();`
export { define, mount, load, PhoneOtpElement } from "./element.js";
