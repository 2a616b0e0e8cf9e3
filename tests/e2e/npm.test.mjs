// The npm package end to end: installs the tarball from scripts/package into a fresh Vite app in a
// temporary folder, type-checks a typed usage example with tsc, builds the app, serves it from
// the devserver and completes a verification in Chromium. Needs the npm registry (vite, typescript).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, freshPhone } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = mkdtempSync(path.join(os.tmpdir(), "phone-otp-vite-"));
function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: app, stdio: "pipe", encoding: "utf8" });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
  }
}

let server, browser;
before(async () => {
  const tarball = readdirSync(path.join(root, "target/package")).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "run scripts/package first");
  writeFileSync(path.join(app, "package.json"), JSON.stringify({
    name: "vite-app", private: true, type: "module",
    dependencies: { "phone-otp": `file:${path.join(root, "target/package", tarball)}` },
    devDependencies: { vite: "7", typescript: "5" },
  }));
  writeFileSync(path.join(app, "index.html"), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vite app</title></head>
<body>
  <form id="f"><phone-otp endpoint="/api" name="phone" required></phone-otp><button>Sign up</button></form>
  <output id="out"></output>
  <script type="module" src="/main.ts"></script>
</body></html>`);
  writeFileSync(path.join(app, "main.ts"), `import { define } from "phone-otp";
define();
const form = document.getElementById("f") as HTMLFormElement;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  document.getElementById("out")!.textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
`);
  // A typed usage example: tsc must accept it against the package's declarations.
  writeFileSync(path.join(app, "usage.ts"), `import { define, mount, type PhoneOtpOptions } from "phone-otp";
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
`);
  writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({
    compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "bundler", strict: true, noEmit: true, lib: ["ES2022", "DOM", "DOM.Iterable"], skipLibCheck: false },
    include: ["main.ts", "usage.ts"],
  }));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
  // The app is built by the test below; the devserver reads the folder on each request.
  server = await startServer({ dist: path.join(app, "dist") });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test("tsc accepts the typed usage example", () => {
  run("npx", ["tsc", "-p", "."]);
});

test("a Vite app built from the tarball completes a verification and submits the number", async () => {
  run("npx", ["vite", "build", "--logLevel", "error"]);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  const phone = freshPhone();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.locator("input[autocomplete=one-time-code]").fill(await server.codeFor(phone));
  await page.locator(".phone-otp[data-state=verified]").waitFor();
  await page.getByRole("button", { name: "Sign up" }).click();
  assert.equal(JSON.parse(await page.locator("#out").textContent()).phone, phone);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Vite build ships the other languages' texts, fetched for a page in that language", async () => {
  // Runs after the build above. The wasm carries English only; i18n/fr.json must have been
  // carried along by Vite through element.js's `new URL(`./i18n/${name}.json`, import.meta.url)`.
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByLabel("Phone number").waitFor();
  await page.evaluate(() => {
    const el = document.createElement("phone-otp");
    el.setAttribute("locale", "fr");
    document.body.append(el);
  });
  await page.getByLabel("Numéro de téléphone").waitFor();
  await page.getByRole("button", { name: "Envoyer le code" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
