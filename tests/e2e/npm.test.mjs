// The npm package end to end: copies the Vite app in tests/e2e/vite-app/ to a temporary folder,
// installs what its package-lock.json pins (vite, typescript) with `npm ci` and the tarball from
// scripts/package beside them, type-checks a typed usage example with tsc, builds the app, serves
// it from the devserver and completes a verification in Chromium. Needs the npm registry, or
// npm's cache holding the locked versions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, freshPhone } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = path.join(root, "tests/e2e/vite-app");
const app = mkdtempSync(path.join(os.tmpdir(), "phone-otp-vite-"));
function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: app, stdio: "pipe", encoding: "utf8" });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
  }
}
const NPM = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

let server, browser;
before(async () => {
  const tarball = readdirSync(path.join(root, "target/package")).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "run scripts/package first");
  // The app's own files only, should someone have installed or built it in place.
  cpSync(fixture, app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  run("npm", ["ci", ...NPM]);
  // The tarball is new on every build, so it cannot be in the lock: added without saving, the
  // locked packages stay as they are.
  run("npm", ["install", "--no-save", ...NPM, path.join(root, "target/package", tarball)]);
  // The app is built by the test below; the devserver reads the folder on each request.
  server = await startServer({ dist: path.join(app, "dist") });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test("the app is tested with the versions its lockfile pins", () => {
  const lock = JSON.parse(readFileSync(path.join(fixture, "package-lock.json"), "utf8"));
  for (const name of ["vite", "typescript", "rollup", "esbuild"]) {
    const installed = JSON.parse(readFileSync(path.join(app, "node_modules", name, "package.json"), "utf8"));
    assert.equal(installed.version, lock.packages[`node_modules/${name}`].version, name);
  }
  const own = JSON.parse(readFileSync(path.join(app, "node_modules/phone-otp/package.json"), "utf8"));
  assert.equal(own.name, "phone-otp");
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

test("the Vite build ships the country list's own wasm file, fetched when the list opens", async () => {
  // Runs after the build above: wasm/__wasm_split.js names it as `new URL("./split_popup.wasm", import.meta.url)`.
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && errors.push(m.text()));
  await page.goto(server.url);
  await page.locator("[part=country-button]").click();
  await page.getByRole("combobox", { name: "Search countries" }).fill("malaysia");
  await page.getByRole("option", { name: /Malaysia/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
