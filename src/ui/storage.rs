//! The one place that touches `sessionStorage`: where a widget keeps its code step across a
//! reload (under [`crate::persist::storage_key`]), read and written by the widget and cleared by
//! the element's `reset()`.
//!
//! ```no_run
//! use phone_otp::json::Json;
//! use phone_otp::ui::storage;
//! storage::save("phone-otp:/api#signup", Some(&Json::object([("id", Json::from("v1"))])));
//! assert!(storage::load("phone-otp:/api#signup").is_some());
//! storage::save("phone-otp:/api#signup", None);
//! ```

use crate::json::Json;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The JSON kept under `key`, if any and if it parses.
pub fn load(key: &str) -> Option<Json> {
    let text = session_storage()?.get_item(key).ok()??;
    crate::transport::parse(&text)
}

/// Keeps `value` under `key`, or removes the key for `None`.
pub fn save(key: &str, value: Option<&Json>) {
    let Some(storage) = session_storage() else {
        return;
    };
    // Storage can be full or refused (private mode); the flow goes on without it.
    let _ = match value {
        Some(json) => storage.set_item(key, &json.to_string()),
        None => storage.remove_item(key),
    };
}
