//! The country selector: a button showing the flag and calling code, which opens a search field
//! and a list of countries on the ARIA 1.2 combobox pattern (the field has `role="combobox"` and
//! points at the highlighted option with `aria-activedescendant`; focus stays in the field).
//!
//! Built with [`super::dom`], like the steps: as `view!` trees, the popup and its up to 245
//! options cost 17 KB of gzipped wasm in generic rendering code, for a list that is rebuilt
//! wholesale on every keystroke anyway. The popup is built the first time it opens, with one
//! handler for all its events.

use super::dom::{el, Dom};
use super::names::folded;
use crate::phone::{search::ranked, Region};
use leptos::prelude::*;
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

/// Options moved per Page Up / Page Down.
const PAGE: usize = 10;

/// The popup's elements, once built, and the listener that keeps them working.
struct Popup {
    root: HtmlElement,
    search: HtmlInputElement,
    list: Element,
    status: Element,
}

/// All a selector holds, in one arena slot: each `StoredValue` or `NodeRef` is its own generic
/// code in the wasm for every type and every place it is read.
struct Held {
    /// The component's owner, for the popup built later from an event handler.
    owner: Owner,
    countries: Vec<Country>,
    /// Positions in `countries` of the options listed, best match first.
    found: Vec<usize>,
    /// The highlighted one, a position in `found`.
    active: usize,
    popup: Option<Popup>,
    id: String,
    labels: [String; 3],
    button: Option<HtmlElement>,
    wrapper: Option<Element>,
}

/// A button that opens a searchable list of countries.
///
/// Keyboard: ↓ or ↑ on the button opens the list, and so does a letter or digit typed on it
/// (type-ahead: the search starts with it, the best match highlighted); in the search field ↓ ↑
/// Page Down Page Up (and Ctrl+Home, Ctrl+End) move the highlight, Enter picks, Escape closes and
/// returns to the button, Tab closes. The list opens upward when there is no room below it.
#[component]
pub fn CountrySelect(
    /// Makes the list of countries offered, in the order shown when nothing is typed. Called
    /// when the list first opens: naming and sorting 245 countries is work a page that never
    /// opens it should not wait for.
    countries: impl Fn() -> Vec<Country> + Copy + Send + Sync + 'static,
    /// A country's name in the page's language, for the button.
    name: impl Fn(Region) -> String + Copy + Send + Sync + 'static,
    /// The selected country (read reactively).
    selected: impl Fn() -> Region + Copy + Send + Sync + 'static,
    /// Called with the country picked.
    on_select: impl Fn(Region) + Copy + Send + Sync + 'static,
    /// Prefix for the element ids.
    id: String,
    /// "Country", "Search countries", "No country found", in the page's language.
    labels: [String; 3],
) -> Dom {
    let open = RwSignal::new(false);
    let make_list = countries;
    let label = labels[0].clone();
    let held = StoredValue::new_local(Held {
        owner: Owner::current().unwrap_or_default(),
        countries: Vec::new(),
        found: Vec::new(),
        active: 0,
        popup: None,
        id,
        labels,
        button: None,
        wrapper: None,
    });

    let region_at = move |pos: usize| {
        held.with_value(|h| {
            let i = *h.found.get(pos)?;
            h.countries.get(i).map(|c| c.region)
        })
    };
    // Moves the highlight to `pos`, names it to screen readers and scrolls it into view.
    let highlight = move |pos: usize| {
        held.update_value(|h| h.active = pos);
        let option = held.with_value(|h| {
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
    };
    // Lists the countries that match `query`, and highlights the first (or `current`).
    let list = move |query: &str, current: Option<Region>| {
        let q = folded(query);
        // A search lists each country once: the preferred copies above the divider stand aside.
        let searching = !q.trim().is_empty();
        let selected = untrack(selected);
        let start = held.with_value(|h| {
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
        held.update_value(|h| h.found = hits);
        highlight(start);
    };
    // Also runs on the focusout of a selector being removed with its step: every access `try_`.
    let close = move |to_button: bool| {
        open.try_set(false);
        // Elements are taken out before focus moves: a focus handler may read the selector.
        let button = held
            .try_with_value(|h| {
                if let Some(p) = &h.popup {
                    p.root.set_hidden(true);
                }
                h.button.clone()
            })
            .flatten();
        if let Some(b) = button.filter(|_| to_button) {
            let _ = b.focus();
        }
    };
    let pick = move |pos: usize| {
        if let Some(region) = region_at(pos) {
            close(false);
            on_select(region);
        }
    };
    let on_key = move |ev: &web_sys::KeyboardEvent| {
        let (last, now) = held.with_value(|h| (h.found.len().saturating_sub(1), h.active));
        let to = match ev.key().as_str() {
            "ArrowDown" => (now + 1).min(last),
            "ArrowUp" => now.saturating_sub(1),
            "PageDown" => (now + PAGE).min(last),
            "PageUp" => now.saturating_sub(PAGE),
            "Home" if ev.ctrl_key() => 0,
            "End" if ev.ctrl_key() => last,
            "Enter" => {
                ev.prevent_default();
                pick(now);
                return;
            }
            "Escape" => {
                ev.prevent_default();
                close(true);
                return;
            }
            "Tab" => {
                close(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        highlight(to);
    };
    // One listener on the popup for all it does.
    let on_popup_event = move |ev: web_sys::Event| match ev.type_().as_str() {
        "keydown" => {
            if let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                on_key(ev);
            }
        }
        "input" => {
            let query = held.with_value(|h| h.popup.as_ref().map(|p| p.search.value()));
            list(&query.unwrap_or_default(), None);
        }
        // Keeps focus in the search field while the pointer picks.
        "mousedown" if target_option(&ev).is_some() => ev.prevent_default(),
        "click" => {
            let pos = target_option(&ev).and_then(|li| li.get_attribute("data-pos")?.parse().ok());
            if let Some(pos) = pos {
                pick(pos);
            }
        }
        _ => {}
    };

    // `typed`: what the search starts with (type-ahead on the button), usually nothing.
    let show = move |typed: &str| {
        if held.with_value(|h| h.countries.is_empty()) {
            let countries = make_list();
            held.update_value(|h| h.countries = countries);
        }
        let (wrapper, built) = held.with_value(|h| (h.wrapper.clone(), h.popup.is_some()));
        if let (Some(wrapper), false) = (&wrapper, built) {
            let (owner, id, labels) =
                held.with_value(|h| (h.owner.clone(), h.id.clone(), h.labels.clone()));
            // In the component's owner, so its listeners are released with the component.
            let popup = owner.with(|| build_popup(wrapper, &id, &labels, on_popup_event));
            held.update_value(|h| h.popup = popup);
        }
        open.set(true);
        let popup =
            held.with_value(|h| h.popup.as_ref().map(|p| (p.root.clone(), p.search.clone())));
        let Some((root, search)) = popup else {
            return;
        };
        search.set_value(typed);
        root.set_hidden(false);
        let _ = search.focus();
        list(typed, (typed.is_empty()).then(|| untrack(selected)));
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
    };

    let button_label = move || {
        let region = selected();
        format!("{label}: {} +{}", name(region), region.calling_code)
    };

    let button = el("button")
        .attr("type", "button")
        .attr("class", "country-button")
        .attr("part", "country-button")
        .attr("aria-haspopup", "listbox")
        .attr_with("aria-expanded", move || Some(open.get().to_string()))
        .attr_with("aria-label", move || Some(button_label()))
        .on("click", move |_| {
            if open.get_untracked() {
                close(true)
            } else {
                show("")
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
                show(if printable { &key } else { "" });
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
                close(false);
            }
        });
    held.update_value(|h| {
        h.button = button.element().dyn_ref().cloned();
        h.wrapper = Some(wrapper.element().clone());
    });
    Dom::from(wrapper.child(button))
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
/// `handler` for the events of all three.
fn build_popup(
    wrapper: &Element,
    id: &str,
    [label, search_label, _]: &[String; 3],
    handler: impl Fn(web_sys::Event) + Copy + 'static,
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
        root = root.on(event, handler);
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
