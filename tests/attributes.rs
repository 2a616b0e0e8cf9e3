//! One attribute list: what `Config::from_attributes` reads is what `www/element.js` observes,
//! what `www/package/index.d.ts` types and what README's attribute table documents. A new
//! option added in one place and forgotten in another fails here.

use phone_otp::config::Config;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// Asked for by `Config::from_attributes` only as the storage key's fallbacks: the element's own
/// attributes, not options (a change does not start the widget over); `name` is also the form
/// field's name.
const STORAGE_KEY_FALLBACKS: [&str; 2] = ["id", "name"];
/// Read by `www/element.js` alone: the form's `required`, and `disabled`, observed apart from the
/// options because it makes the widget inert without starting over.
const READ_BY_ELEMENT: [&str; 2] = ["required", "disabled"];

/// Typed and documented, read by no code: the stylesheet styles the element by it, so a change
/// restyles without starting over.
const READ_BY_STYLESHEET: [&str; 1] = ["theme"];

/// Every attribute `Config::from_attributes` asks for, under each dialect: the JSON ones
/// (`messages`, `request-headers`) too, parsed by the function passed in.
fn config_attributes() -> BTreeSet<String> {
    let asked = RefCell::new(BTreeSet::new());
    for dialect in ["native", "idmeta", "verifik", "otp-service", "verifyhq"] {
        Config::from_attributes(
            |name| {
                asked.borrow_mut().insert(name.to_owned());
                (name == "dialect").then(|| dialect.to_owned())
            },
            |_| None,
        );
    }
    asked.into_inner()
}

/// The options: config's attributes without the storage key's fallbacks.
fn options() -> BTreeSet<String> {
    let mut options = config_attributes();
    for own in STORAGE_KEY_FALLBACKS {
        options.remove(own);
    }
    options
}

/// What the npm types and README's table name: the options, the element's own attributes and the
/// stylesheet's (`id` is any element's, left to HTML).
fn attributes() -> BTreeSet<String> {
    let mut all = options();
    all.insert("name".into());
    all.extend(READ_BY_ELEMENT.map(String::from));
    all.extend(READ_BY_STYLESHEET.map(String::from));
    all
}

fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn kebab(camel: &str) -> String {
    camel
        .chars()
        .flat_map(|c| {
            let lower = c.to_ascii_lowercase();
            (c.is_ascii_uppercase().then_some('-').into_iter()).chain([lower])
        })
        .collect()
}

#[test]
fn element_js_observes_every_option() {
    let js = include_str!("../www/element.js");
    let start = js.find("const CONFIG = [").expect("element.js has CONFIG");
    let end = start + js[start..].find("];").expect("CONFIG ends");
    assert_eq!(quoted(&js[start..end]), options());
    for own in READ_BY_ELEMENT {
        assert!(js.contains(&format!("\"{own}\"")), "element.js reads {own}");
    }
}

#[test]
fn the_stylesheet_reads_its_attributes() {
    let css = include_str!("../www/phone-otp.css");
    for attribute in READ_BY_STYLESHEET {
        assert!(
            css.contains(&format!(":host([{attribute}=")),
            "phone-otp.css reads {attribute}"
        );
    }
}

#[test]
fn the_npm_types_name_every_option() {
    let dts = include_str!("../www/package/index.d.ts");
    let start = dts
        .find("export interface PhoneOtpOptions {")
        .expect("index.d.ts has PhoneOtpOptions");
    let end = start + dts[start..].find("\n}").expect("PhoneOtpOptions ends");
    let typed: BTreeSet<String> = dts[start..end]
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let name = line.split_once("?:")?.0;
            name.chars()
                .all(|c| c.is_ascii_alphanumeric())
                .then(|| kebab(name))
        })
        .collect();
    assert_eq!(typed, attributes());
}

#[test]
fn the_readme_table_documents_every_attribute() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("| attribute | default | meaning |")
        .expect("README has the attribute table");
    let documented: BTreeSet<String> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .flat_map(|line| {
            let first = line.split('|').nth(1).unwrap_or_default();
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(documented, attributes());
}
