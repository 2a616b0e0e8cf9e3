//! # phone-otp
//!
//! Verifies a phone number with a one-time code, on any signup page. The pure core (the flow
//! state machine, code sanitizing, each backend dialect's request and response mapping) is plain
//! Rust, tested natively; the shell is a Leptos 0.8 component compiled to WebAssembly.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use phone_otp::PhoneOtp;
//!
//! leptos::mount::mount_to_body(|| view! { <PhoneOtp endpoint="/api" /> });
//! ```

pub mod code;
pub mod config;
pub mod dialect;
pub mod flow;
pub mod i18n;
pub mod json;
pub mod phone;
pub mod template;
pub mod time;
mod transport;
pub mod ui;

pub use ui::PhoneOtp;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the widget into every `<phone-otp>` element on the page, configured by its attributes
/// (see [`config::Config::from_attributes`]).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("phone-otp") else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let mut config = config::Config::from_attributes(|name| host.get_attribute(name));
        if let Some(json) = host
            .get_attribute("request-headers")
            .and_then(|text| transport::parse(&text))
        {
            config.request_headers = config::headers_from_json(&json);
        }
        // The widget lives as long as the page.
        leptos::mount::mount_to(host, move || view! { <PhoneOtp config /> }).forget();
    }
}
