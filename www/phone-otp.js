// <phone-otp>, the drop-in script tag:
//   <script type="module" src="https://your.cdn/phone-otp/phone-otp.js"></script>
// defines the element; the wasm and the CSS load from beside this file, not from the page's URL.
// The only global it adds is the element's name.
//
// No static import: a module's imports are fetched one level at a time, each only once the one
// before it has arrived (this file, then element.js, then the wasm-bindgen JS, and only then the
// wasm). Instead this file starts everything at once: the wasm (compiled while it streams in)
// and the phone metadata beside it, preload hints for the two scripts and the stylesheet, then imports element.js, which finds its
// own import already on the way.
const at = (file) => new URL(file, import.meta.url).href;
const wasm = fetch(at("./wasm/phone-otp_bg.wasm"));
const metadata = fetch(at("./phone/metadata.txt"));
for (const [rel, file, as] of [
  ["modulepreload", "./element.js"],
  ["modulepreload", "./wasm/phone-otp.js"],
  ["preload", "./phone-otp.css", "style"],
]) {
  const link = document.createElement("link");
  link.rel = rel;
  link.href = at(file);
  if (as) link.as = as;
  document.head.append(link);
}
import("./element.js").then(({ define, load }) => {
  load(wasm, metadata);
  define();
});
