//! The country selector's open list: the search field, the options and the keys that move
//! through them (see [`super::country_select`] for the button and the pattern it follows).
//!
//! Built with [`super::dom`] the first time the list opens, with one handler for all its
//! events. In the release wasm with the `split` feature (the script-tag and npm bundles) this
//! code is a wasm file of its own, `wasm/split_popup.wasm`, which [`open`] loads the first time
//! it is called and [`preload`] fetches ahead; otherwise, as in a Rust app or a debug build, it
//! is part of the one wasm.

use super::country_select::{Country, Popup, Selector};
use super::dom::el;
use super::names::{by_name, folded, CountryNames};
use crate::countries::Countries;
use crate::phone::search::ranked;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Options moved per Page Up / Page Down.
const PAGE: usize = 10;

/// Opens `sel`'s list with what [`Selector::show`] gathered: at once when its code is part of
/// the wasm, else once its file has loaded.
///
/// ```ignore
/// country_popup::open(sel);
/// ```
pub fn open(sel: Selector) {
    #[cfg(wasm_split)]
    leptos::task::spawn_local(async move {
        if lazy::show(sel).await.is_err() {
            // The button stays; the next click tries again.
            sel.close(false);
            super::effects::warn(
                "the country list's code (wasm/split_popup.wasm) did not load: check that it is \
                 served beside wasm/phone-otp_bg.wasm",
            );
        }
    });
    #[cfg(not(wasm_split))]
    show(sel);
}

/// Starts fetching the list's code, so that a click finds it there. Once per page: each
/// pointerover of the button calls it, and a file that failed to load would otherwise be
/// fetched again, and its error logged again, on every one; a click still tries again.
///
/// ```ignore
/// el("button").on("pointerover", |_| country_popup::preload())
/// ```
pub fn preload() {
    #[cfg(wasm_split)]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        if !ASKED.swap(true, Ordering::Relaxed) {
            leptos::task::spawn_local(async {
                let _ = lazy::preload().await;
            });
        }
    }
}

/// The split point: what `wasm-split` (scripts/minify.mjs) moves into `wasm/split_popup.wasm`
/// is what only [`show`] reaches.
#[cfg(wasm_split)]
mod lazy {
    use super::Selector;
    use crate::split::SplitLoaderError;

    #[wasm_split_macros::wasm_split(popup, fallible, preload(preload), wasm_split_path = crate::split)]
    pub fn show(sel: Selector) -> Result<(), SplitLoaderError> {
        super::show(sel);
        Ok(())
    }
}

/// Shows the list: built and filled the first time, then searched for what was typed on the
/// button, and placed above the button when there is no room below.
fn show(sel: Selector) {
    let held = sel.held;
    // Closed (focus left) while the code was on its way: stay closed.
    let opening = held.try_update_value(|h| {
        if let Some(b) = &h.button {
            let _ = b.remove_attribute("aria-busy");
        }
        h.opening.take()
    });
    let Some(Some(typed)) = opening else {
        return;
    };
    if held.with_value(|h| h.countries.is_empty()) {
        let countries = held.with_value(|h| {
            let (options, locale) = &h.options;
            h.tx.0
                .with_value(|w| country_list(options, &w.names, locale))
        });
        held.update_value(|h| h.countries = countries);
    }
    let (wrapper, built) = held.with_value(|h| (h.wrapper.clone(), h.popup.is_some()));
    if let (Some(wrapper), false) = (&wrapper, built) {
        let (owner, id, labels) =
            held.with_value(|h| (h.owner.clone(), h.id.clone(), h.labels.clone()));
        // In the component's owner, so its listeners are released with the component.
        let popup = owner.with(|| build(wrapper, &id, &labels, sel));
        held.update_value(|h| h.popup = popup);
    }
    sel.open.set(true);
    let popup = held.with_value(|h| h.popup.as_ref().map(|p| (p.root.clone(), p.search.clone())));
    let Some((root, search)) = popup else {
        return;
    };
    search.set_value(&typed);
    root.set_hidden(false);
    let _ = search.focus();
    let selected = held.with_value(|h| (h.selected)());
    list(sel, &typed, typed.is_empty().then_some(selected));
    // Upward when the list would run past the bottom of the window and there is more room
    // above.
    let up = wrapper.zip(web_sys::window()).is_some_and(|(w, win)| {
        let rect = w.get_bounding_client_rect();
        let height = win
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let below = height - rect.bottom();
        below < f64::from(root.offset_height()) && rect.top() > below
    });
    root.set_class_name(if up {
        "country-popup up"
    } else {
        "country-popup"
    });
}

/// The countries the selector offers: preferred ones first as given, then every one by name
/// (the preferred ones again, in their alphabetical place).
fn country_list(countries: &Countries, names: &CountryNames, locale: &str) -> Vec<Country> {
    let list: Vec<Country> = countries
        .list()
        .into_iter()
        .map(|region| {
            let name = names.name(region.code);
            let mut search = vec![folded(&name)];
            search.extend(names.english(region.code).map(|n| folded(&n)));
            Country {
                region,
                name,
                search,
                preferred: false,
            }
        })
        .collect();
    let mut list = by_name(list, |c| &c.name, locale);
    let mut top: Vec<Country> = countries
        .preferred
        .iter()
        .filter_map(|r| list.iter().find(|c| c.region == *r))
        .map(|c| Country {
            preferred: true,
            ..c.clone()
        })
        .collect();
    top.append(&mut list);
    top
}

/// Lists the countries that match `query`, and highlights the first (or `current`).
fn list(sel: Selector, query: &str, current: Option<crate::phone::Region>) {
    let q = folded(query);
    // A search lists each country once: the preferred copies above the divider stand aside.
    let searching = !q.trim().is_empty();
    let start = sel.held.with_value(|h| {
        let selected = (h.selected)();
        let all = &h.countries;
        let hits: Vec<usize> = ranked(&q, all, |c| (c.region, c.search.as_slice()))
            .into_iter()
            .filter(|&i| !(searching && all.get(i).is_some_and(|c| c.preferred)))
            .collect();
        if let Some(p) = &h.popup {
            p.list.set_text_content(None);
            // A preferred country is listed twice; only its first option is the selected one.
            let mut marked = false;
            for (pos, &i) in hits.iter().enumerate() {
                let Some(c) = all.get(i) else { continue };
                let is_selected = !marked && c.region == selected;
                marked |= is_selected;
                let last_preferred =
                    c.preferred && !all.get(i + 1).is_some_and(|next| next.preferred);
                let li = option(c, pos, is_selected, &h.id);
                if last_preferred {
                    let _ = li.set_attribute("data-divider", "");
                }
                let _ = p.list.append_child(&li);
            }
            p.status
                .set_text_content(hits.is_empty().then_some(h.labels[2].as_str()));
        }
        let start = current
            .and_then(|r| {
                hits.iter()
                    .position(|&i| all.get(i).map(|c| c.region) == Some(r))
            })
            .unwrap_or(0);
        (start, hits)
    });
    let (start, hits) = start;
    sel.held.update_value(|h| h.found = hits);
    highlight(sel, start);
}

/// Moves the highlight to `pos`, names it to screen readers and scrolls it into view.
fn highlight(sel: Selector, pos: usize) {
    sel.held.update_value(|h| h.active = pos);
    let option = sel.held.with_value(|h| {
        let p = h.popup.as_ref()?;
        if let Ok(Some(old)) = p.list.query_selector("li.active") {
            old.set_class_name("");
        }
        match p.list.children().item(pos as u32) {
            Some(option) => {
                option.set_class_name("active");
                let _ = p
                    .search
                    .set_attribute("aria-activedescendant", &option.id());
                Some(option)
            }
            None => {
                let _ = p.search.remove_attribute("aria-activedescendant");
                None
            }
        }
    });
    if let Some(option) = option {
        scroll_into_view(&option);
    }
}

/// Picks the option at `pos`: the list closes and the selector says which country.
fn pick(sel: Selector, pos: usize) {
    let picked = sel.held.with_value(|h| {
        let i = *h.found.get(pos)?;
        let region = h.countries.get(i)?.region;
        Some((region, h.on_select.clone()))
    });
    if let Some((region, on_select)) = picked {
        sel.close(false);
        on_select(region);
    }
}

fn on_key(sel: Selector, ev: &web_sys::KeyboardEvent) {
    let (last, now) = sel
        .held
        .with_value(|h| (h.found.len().saturating_sub(1), h.active));
    let to = match ev.key().as_str() {
        "ArrowDown" => (now + 1).min(last),
        "ArrowUp" => now.saturating_sub(1),
        "PageDown" => (now + PAGE).min(last),
        "PageUp" => now.saturating_sub(PAGE),
        "Home" if ev.ctrl_key() => 0,
        "End" if ev.ctrl_key() => last,
        "Enter" => {
            ev.prevent_default();
            pick(sel, now);
            return;
        }
        "Escape" => {
            ev.prevent_default();
            sel.close(true);
            return;
        }
        "Tab" => {
            sel.close(false);
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    highlight(sel, to);
}

/// The one listener on the popup, for all it does.
fn on_event(sel: Selector, ev: web_sys::Event) {
    match ev.type_().as_str() {
        "keydown" => {
            if let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                on_key(sel, ev);
            }
        }
        "input" => {
            let query = sel
                .held
                .with_value(|h| h.popup.as_ref().map(|p| p.search.value()));
            list(sel, &query.unwrap_or_default(), None);
        }
        // Keeps focus in the search field while the pointer picks.
        "mousedown" if target_option(&ev).is_some() => ev.prevent_default(),
        "click" => {
            let pos = target_option(&ev).and_then(|li| li.get_attribute("data-pos")?.parse().ok());
            if let Some(pos) = pos {
                pick(sel, pos);
            }
        }
        _ => {}
    }
}

/// The `<li>` an event happened in, if any.
fn target_option(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("li[role=option]")
        .ok()?
}

/// Builds the popup inside `wrapper`: search field, list and status line, hidden, with one
/// handler for the events of all three.
fn build(
    wrapper: &Element,
    id: &str,
    [label, search_label, _]: &[String; 3],
    sel: Selector,
) -> Option<Popup> {
    let list_id = format!("{id}-list");
    let search = el("input")
        .attr("type", "text")
        .attr("role", "combobox")
        .attr("part", "country-search")
        .attr("aria-label", search_label)
        .attr("placeholder", search_label)
        .attr("aria-expanded", "true")
        .attr("aria-autocomplete", "list")
        .attr("aria-controls", &list_id)
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .into_element();
    let list = el("ul")
        .attr("role", "listbox")
        .attr("id", &list_id)
        .attr("part", "country-list")
        .attr("aria-label", label)
        .into_element();
    let status = el("p")
        .attr("class", "hint")
        .attr("role", "status")
        .into_element();
    let mut root = el("div")
        .attr("class", "country-popup")
        .attr("part", "country-popup")
        .child(search.clone())
        .child(list.clone())
        .child(status.clone());
    for event in ["keydown", "input", "mousedown", "click"] {
        root = root.on(event, move |ev| on_event(sel, ev));
    }
    let root = root.into_element();
    wrapper.append_child(&root).ok()?;
    Some(Popup {
        root: root.dyn_into().ok()?,
        search: search.dyn_into().ok()?,
        list,
        status,
    })
}

/// One `<li role="option">`: flag, name, calling code, as text (never parsed as markup).
fn option(country: &Country, pos: usize, selected: bool, id: &str) -> Element {
    let region = country.region;
    let id = format!("{id}-{pos}");
    el("li")
        .attr("id", &id)
        .attr("role", "option")
        .attr("part", "country-option")
        .attr("data-pos", &pos.to_string())
        .attr("aria-selected", if selected { "true" } else { "false" })
        .child(
            el("span")
                .attr("class", "flag")
                .attr("data-iso", region.code)
                .attr("aria-hidden", "true")
                .text(&region.flag()),
        )
        .text(&format!(" {} ", country.name))
        .child(
            el("span")
                .attr("class", "dial")
                .text(&format!("+{}", region.calling_code)),
        )
        .into_element()
}

/// Scrolls `el` into view, as little as needed.
fn scroll_into_view(el: &Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    if let Ok(scroll) = js_sys::Reflect::get(el, &"scrollIntoView".into()) {
        if let Ok(scroll) = scroll.dyn_into::<js_sys::Function>() {
            let _ = scroll.call1(el, &options);
        }
    }
}
