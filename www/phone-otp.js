// <phone-otp>, the drop-in script tag:
//   <script type="module" src="https://your.cdn/phone-otp/phone-otp.js"></script>
// defines the element; the wasm and the CSS load from beside this file, not from the page's URL.
// The only global it adds is the element's name.
import { define, load } from "./element.js";

define();
load();
