//! The country selector: a button showing the flag and calling code, which opens a search field
//! and a list of countries on the ARIA 1.2 combobox pattern (the field has `role="combobox"` and
//! points at the highlighted option with `aria-activedescendant`; focus stays in the field).
//!
//! This file is the button, which every page shows. The open list is
//! [`super::country_popup`]: naming, sorting and searching 245 countries is 9 KB of gzipped
//! wasm that a page only needs once the person opens the list, so the script-tag bundle loads
//! it then, as its own wasm file.

use super::country_popup;
use super::dom::{el, Dom};
use super::texts::Tx;
use crate::countries::Countries;
use crate::i18n::Key;
use crate::phone::Region;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A country as the selector shows and searches it.
#[derive(Clone, Debug)]
pub struct Country {
    pub region: Region,
    /// Its name in the page's language.
    pub name: String,
    /// Its names lower-cased and without accents, in the page's language and in English.
    pub search: Vec<String>,
    /// One of the preferred countries listed above the divider; they are also listed in their
    /// alphabetical place, which is the one a search finds.
    pub preferred: bool,
}

/// The popup's elements, once built.
pub struct Popup {
    pub root: HtmlElement,
    pub search: HtmlInputElement,
    pub list: Element,
    pub status: Element,
}

/// All a selector holds, in one arena slot: each `StoredValue` or `NodeRef` is its own generic
/// code in the wasm for every type and every place it is read.
pub struct Held {
    /// The component's owner, for the popup built later from an event handler.
    pub owner: Owner,
    pub tx: Tx,
    /// Which countries are offered and which first, and the page's locale they are sorted in.
    pub options: (Countries, String),
    pub selected: Rc<dyn Fn() -> Region>,
    pub on_select: Rc<dyn Fn(Region)>,
    /// The list, made the first time it opens.
    pub countries: Vec<Country>,
    /// Positions in `countries` of the options listed, best match first.
    pub found: Vec<usize>,
    /// The highlighted one, a position in `found`.
    pub active: usize,
    pub popup: Option<Popup>,
    pub id: String,
    /// "Country", "Search countries", "No country found", in the page's language.
    pub labels: [String; 3],
    pub button: Option<HtmlElement>,
    pub wrapper: Option<Element>,
    /// What the search starts with while the list is on its way: `Some` from the moment the
    /// person asks for the list until it shows, holding what they typed on the button.
    pub opening: Option<String>,
}

/// A selector, for the functions that act on it: `Copy`, so handlers can hold it.
#[derive(Clone, Copy)]
pub struct Selector {
    pub held: StoredValue<Held, LocalStorage>,
    /// Whether the list is open (`aria-expanded`).
    pub open: RwSignal<bool>,
}

impl Selector {
    /// Opens the list with `typed` in its search field (type-ahead on the button; usually
    /// nothing). Typed while the list is still on its way, it is added to the search.
    pub fn show(self, typed: &str) {
        let first = self.held.try_update_value(|h| match &mut h.opening {
            Some(waiting) => {
                waiting.push_str(typed);
                false
            }
            None => {
                h.opening = Some(typed.to_owned());
                // Until the list shows: on a slow network its code can take a moment.
                if let Some(b) = &h.button {
                    let _ = b.set_attribute("aria-busy", "true");
                }
                true
            }
        });
        if first == Some(true) {
            country_popup::open(self);
        }
    }

    /// Closes the list; with `to_button`, focus returns to the button. Also runs on the
    /// focusout of a selector being removed with its step: every access `try_`.
    pub fn close(self, to_button: bool) {
        self.open.try_set(false);
        // Elements are taken out before focus moves: a focus handler may read the selector.
        let button = self
            .held
            .try_update_value(|h| {
                h.opening = None;
                if let Some(b) = &h.button {
                    let _ = b.remove_attribute("aria-busy");
                }
                if let Some(p) = &h.popup {
                    p.root.set_hidden(true);
                }
                h.button.clone()
            })
            .flatten();
        if let Some(b) = button.filter(|_| to_button) {
            let _ = b.focus();
        }
    }
}

/// A button that opens a searchable list of countries.
///
/// Keyboard: ↓ or ↑ on the button opens the list, and so does a letter or digit typed on it
/// (type-ahead: the search starts with it, the best match highlighted); in the search field ↓ ↑
/// Page Down Page Up (and Ctrl+Home, Ctrl+End) move the highlight, Enter picks, Escape closes and
/// returns to the button, Tab closes. The list opens upward when there is no room below it.
///
/// ```ignore
/// view! {
///     <CountrySelect tx countries locale selected=move || region.get()
///         on_select=move |r| region.set(r) id="c1".into() />
/// }
/// ```
#[component]
pub fn CountrySelect(
    /// The page's texts and country names.
    tx: Tx,
    /// Which countries are offered, and which are listed first.
    countries: Countries,
    /// The page's locale (a BCP 47 tag): the list is sorted in its order.
    locale: String,
    /// The selected country (read reactively).
    selected: impl Fn() -> Region + Copy + Send + Sync + 'static,
    /// Called with the country picked.
    on_select: impl Fn(Region) + Copy + Send + Sync + 'static,
    /// Prefix for the element ids.
    id: String,
) -> Dom {
    let open = RwSignal::new(false);
    let labels = [Key::Country, Key::CountrySearch, Key::CountryNone].map(|k| tx.text(k));
    let label = labels[0].clone();
    let sel = Selector {
        held: StoredValue::new_local(Held {
            owner: Owner::current().unwrap_or_default(),
            tx,
            options: (countries, locale),
            selected: Rc::new(selected),
            on_select: Rc::new(on_select),
            countries: Vec::new(),
            found: Vec::new(),
            active: 0,
            popup: None,
            id,
            labels,
            button: None,
            wrapper: None,
            opening: None,
        }),
        open,
    };

    let button_label = move || {
        let region = selected();
        format!(
            "{label}: {} +{}",
            tx.country(region.code),
            region.calling_code
        )
    };

    let button = el("button")
        .attr("type", "button")
        .attr("class", "country-button")
        .attr("part", "country-button")
        .attr("aria-haspopup", "listbox")
        .attr_with("aria-expanded", move || Some(open.get().to_string()))
        .attr_with("aria-label", move || Some(button_label()))
        // The list's code starts on its way when the pointer or focus comes near.
        .on("pointerover", |_| country_popup::preload())
        .on("focus", |_| country_popup::preload())
        .on("click", move |_| {
            if open.get_untracked() {
                sel.close(true)
            } else {
                sel.show("")
            }
        })
        .on("keydown", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let key = ev.key();
            // Type-ahead: one printable character (a letter, a digit, `+`) starts a search.
            let printable = key.chars().nth(1).is_none()
                && key != " "
                && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
            if printable || matches!(key.as_str(), "ArrowDown" | "ArrowUp") {
                ev.prevent_default();
                sel.show(if printable { &key } else { "" });
            } else if key == "Escape" {
                // Asked for the list and changed their mind while its code was on its way (or
                // nothing to close: then this changes nothing).
                sel.close(false);
            }
        })
        .child(
            el("span")
                .attr("aria-hidden", "true")
                .child(
                    el("span")
                        .attr("class", "flag")
                        .attr_with("data-iso", move || Some(selected().code.to_owned()))
                        .text_with(move || selected().flag()),
                )
                .text_with(move || format!(" +{}", selected().calling_code)),
        );
    let wrapper = el("div")
        .attr("class", "country")
        .attr("part", "country")
        .on("focusout", move |ev| {
            // Focus left the selector (Tab, a click elsewhere): close without moving it.
            let inside = ev
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(|ev| ev.related_target())
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(
                    ev.current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                )
                .is_some_and(|(to, me)| me.contains(Some(&to)));
            if !inside {
                sel.close(false);
            }
        });
    sel.held.update_value(|h| {
        h.button = button.element().dyn_ref().cloned();
        h.wrapper = Some(wrapper.element().clone());
    });
    Dom::from(wrapper.child(button))
}
