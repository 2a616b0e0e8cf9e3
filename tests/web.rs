//! Component tests in headless Chromium: mount the widget, drive it through the DOM, compare.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test does).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use phone_otp::PhoneOtp;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the widget with `endpoint` into a fresh container and returns the container.
fn mount(endpoint: &'static str) -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <PhoneOtp endpoint=endpoint /> },
    )
    .forget();
    host
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `check` holds, up to two seconds.
async fn until(mut check: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if check() {
            return true;
        }
        sleep(20).await;
    }
    false
}

fn find<T: JsCast>(host: &HtmlElement, selector: &str) -> T {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn notice(host: &HtmlElement) -> String {
    find::<HtmlElement>(host, "[part=notice]")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn phone_field_is_a_labelled_tel_input() {
    let host = mount("/api");
    let input: HtmlInputElement = find(&host, "input[type=tel]");
    assert_eq!(input.get_attribute("autocomplete").as_deref(), Some("tel"));
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("tel"));
    let label: HtmlElement = find(&host, &format!("label[for='{}']", input.id()));
    assert_eq!(label.text_content().as_deref(), Some("Phone number"));
    let root: HtmlElement = find(&host, ".phone-otp");
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("entry"));
}

#[wasm_bindgen_test]
async fn a_short_number_gets_a_message_and_stays() {
    let host = mount("/api");
    let input: HtmlInputElement = find(&host, "input[type=tel]");
    type_into(&input, "12345");
    find::<HtmlElement>(&host, "[part~=send]").click();
    // The browser here says en-US, so the United States is selected.
    assert!(
        until(|| notice(&host).contains("too short for United States")).await,
        "{}",
        notice(&host)
    );
    // Laid out as typed (1 is the national prefix), and every digit kept.
    assert_eq!(input.value(), "1 (234) 5");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
fn typing_formats_the_number_and_the_caret_follows_its_digit() {
    let host = mount("/api");
    let input: HtmlInputElement = find(&host, "input[type=tel]");
    type_into(&input, "4155552671");
    assert_eq!(input.value(), "(415) 555-2671");
    assert_eq!(input.selection_start().unwrap(), Some(14));
    // Nine digits, then a 9 typed after "(41": the caret lands after it, before the ")".
    type_into(&input, "415555267");
    assert_eq!(input.value(), "(415) 555-267");
    input.set_value("(4195) 555-267");
    input.set_selection_range(4, 4).unwrap();
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(input.value(), "(419) 555-5267");
    assert_eq!(input.selection_start().unwrap(), Some(4));
}

#[wasm_bindgen_test]
fn the_country_button_names_the_selected_country() {
    let host = mount("/api");
    let button: HtmlElement = find(&host, "[part=country-button]");
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Country: United States +1")
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    let search: HtmlInputElement = find(&host, "[role=combobox]");
    assert_eq!(
        search.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let active = search
        .get_attribute("aria-activedescendant")
        .unwrap_or_default();
    let option: HtmlElement = find(&host, &format!("#{active}"));
    assert_eq!(
        option.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(option
        .text_content()
        .unwrap_or_default()
        .contains("United States"));
}

#[wasm_bindgen_test]
async fn an_unreachable_backend_gives_a_network_message_and_keeps_the_number() {
    // Port 9 (discard) is closed on the test machine: the fetch fails before any response.
    let host = mount("http://127.0.0.1:9/api");
    let input: HtmlInputElement = find(&host, "input[type=tel]");
    type_into(&input, "+60182258491");
    find::<HtmlElement>(&host, "[part~=send]").click();
    assert!(
        until(|| notice(&host).contains("Could not reach the server")).await,
        "{}",
        notice(&host)
    );
    let input: HtmlInputElement = find(&host, "input[type=tel]");
    assert_eq!(input.value(), "+60 18 225 8491");
}
