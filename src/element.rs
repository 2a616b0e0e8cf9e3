//! The browser entry points behind the `<phone-otp>` custom element (defined in
//! `www/phone-otp.js`): mount the widget for a host element configured by its attributes, and
//! turn widget events into `phone-otp:*` DOM events on the host.

use crate::config::{strings_from_json, Config};
use crate::events::WidgetEvent;
use crate::json::Json;
use crate::ui::PhoneOtp;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted widget. Freeing it (`free()` from JS) unmounts the widget and releases everything it
/// holds: DOM nodes, timers, listeners, signals.
#[wasm_bindgen]
pub struct Mounted {
    owner: Owner,
    root: web_sys::Element,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
        self.owner.cleanup();
    }
}

/// Mounts the widget into `parent` (inside the host's shadow root), configured by the host's
/// attributes; events are dispatched on `host`. `catalog` is the page language's texts as JSON
/// (`i18n/<lang>.json`), for a build without the `all-locales` feature; the host's own
/// `messages` win over it.
#[wasm_bindgen]
pub fn mount(parent: HtmlElement, host: HtmlElement, catalog: Option<String>) -> Mounted {
    let mut config = config(&host);
    // Texts::text takes the first override for a key: the host's messages come first.
    if let Some(catalog) = catalog.as_deref().and_then(crate::transport::parse) {
        config.messages.extend(strings_from_json(&catalog));
    }
    let dialect = config.backend.dialect.name();
    let on_event = Callback::new(move |(event, message): (WidgetEvent, String)| {
        dispatch(&host, &event, dialect, &message);
    });
    // Async work (the requests) runs on wasm-bindgen's executor; a second mount finds it set.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // Mounted under its own owner, as `leptos::mount::mount_to` does, without tachys's renderer:
    // the widget's view is one element that keeps itself up to date (`ui::dom`).
    let owner = Owner::new();
    let root = owner.with(|| {
        crate::ui::dom::El::from(view! { <PhoneOtp config on_event /> }.into_inner()).into_element()
    });
    let _ = parent.append_child(&root);
    Mounted { owner, root }
}

/// The host's options, from its attributes. One instance of the generic reader for both entry
/// points, so the wasm holds it once.
fn config(host: &HtmlElement) -> Config {
    Config::from_attributes(|name| host.get_attribute(name), crate::transport::parse)
}

/// The catalog file (`i18n/<name>.json`) a page in language `tag` needs, or `None` when the
/// wasm has its texts (English, or every language with the `all-locales` feature).
#[wasm_bindgen]
pub fn catalog_name(tag: &str) -> Option<String> {
    let lang = crate::i18n::Locale::from_tag(tag);
    let bundled = cfg!(feature = "all-locales") || lang == crate::i18n::Locale::En;
    (!bundled).then(|| lang.tag().to_owned())
}

/// Takes a phone data file fetched beside the script (`phone/metadata.txt`, or a calling code's
/// `phone/cc/<code>.txt`; see [`crate::phone::data`]). True when the data is there now (taken,
/// or already compiled in or installed); false for a file of another kind, format or version,
/// which is left out.
#[wasm_bindgen]
pub fn install_phone_data(text: String) -> bool {
    use crate::phone::data::{install, DataError};
    matches!(install(text), Ok(()) | Err(DataError::Installed))
}

/// Sets how the calling codes' files (`phone/cc/<code>.txt`) are fetched: `load(code)` resolves
/// with the file's text, or null (see [`crate::ui::phone_data::set_loader`]).
#[wasm_bindgen]
pub fn phone_data_from(load: js_sys::Function) {
    crate::ui::phone_data::set_loader(load);
}

/// Forgets the code step kept for reloads, so the next mount starts from the phone step.
#[wasm_bindgen]
pub fn forget(host: HtmlElement) {
    let config = config(&host);
    if let Some(key) = crate::persist::storage_key(&config.endpoint, config.storage_key.as_deref())
    {
        crate::ui::storage::save(&key, None);
    }
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

fn to_js(json: &Json) -> JsValue {
    js_sys::JSON::parse(&json.to_string()).unwrap_or(JsValue::NULL)
}

fn dispatch(host: &HtmlElement, event: &WidgetEvent, dialect: &str, message: &str) {
    let detail = Object::new();
    match event {
        WidgetEvent::State(state) => set(&detail, "state", *state),
        WidgetEvent::Sent { phone, id } => {
            set(&detail, "phone", phone.as_str());
            set(&detail, "id", id.as_str());
        }
        WidgetEvent::Verified {
            phone,
            id,
            response,
        } => {
            set(&detail, "phone", phone.as_str());
            set(&detail, "id", id.as_str());
            set(&detail, "dialect", dialect);
            set(&detail, "response", to_js(response));
        }
        WidgetEvent::Failed {
            reason,
            attempts_remaining,
        } => {
            set(&detail, "reason", *reason);
            set(
                &detail,
                "attemptsRemaining",
                attempts_remaining.map_or(JsValue::NULL, JsValue::from),
            );
        }
        WidgetEvent::Expired => {}
        WidgetEvent::Error { kind } => {
            set(&detail, "kind", *kind);
            set(&detail, "message", message);
        }
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let name = format!("phone-otp:{}", event.name());
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(&name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
