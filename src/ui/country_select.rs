//! The country selector: a button showing the flag and calling code, which opens a search field
//! and a list of countries on the ARIA 1.2 combobox pattern (the field has `role="combobox"` and
//! points at the highlighted option with `aria-activedescendant`; focus stays in the field).

use super::names::folded;
use crate::phone::{search::rank, Region};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A country as the selector shows and searches it.
#[derive(Clone, Debug)]
pub struct Country {
    pub region: Region,
    /// Its name in the page's language.
    pub name: String,
    /// Its names lower-cased and without accents, in the page's language and in English.
    pub search: Vec<String>,
}

/// Options moved per Page Up / Page Down.
const PAGE: usize = 10;

/// A button that opens a searchable list of countries.
///
/// Keyboard: ↓ or ↑ on the button opens the list; in the search field ↓ ↑ Page Down Page Up
/// Home End move the highlight, Enter picks, Escape closes and returns to the button, Tab closes.
#[component]
pub fn CountrySelect(
    /// The countries offered, in the order shown when nothing is typed.
    countries: StoredValue<Vec<Country>>,
    /// The selected country.
    #[prop(into)]
    selected: Signal<Region>,
    /// Called with the country picked.
    on_select: Callback<Region>,
    /// Prefix for the element ids.
    id: String,
    /// "Country", "Search countries", "No country found", in the page's language.
    labels: [String; 3],
) -> impl IntoView {
    let [label, search_label, none_text] = labels;
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let search_ref = NodeRef::<html::Input>::new();
    let button_ref = NodeRef::<html::Button>::new();
    let list_ref = NodeRef::<html::Ul>::new();
    let list_id = format!("{id}-list");
    let id = StoredValue::new(id);
    let option_id = move |r: Region| id.with_value(|id| format!("{id}-{}", r.code));

    // Indices into `countries`, best match first; every country, in order, for no query.
    let found = Memo::new(move |_| {
        let q = folded(&query.get());
        countries.with_value(|all| {
            let mut hits: Vec<(u8, usize)> = all
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let names: Vec<&str> = c.search.iter().map(String::as_str).collect();
                    Some((rank(&q, c.region, &names)?, i))
                })
                .collect();
            hits.sort_unstable();
            hits.into_iter().map(|h| h.1).collect::<Vec<_>>()
        })
    });
    let region_at = move |pos: usize| {
        let i = found.with(|f| f.get(pos).copied())?;
        countries.with_value(|all| all.get(i).map(|c| c.region))
    };

    let show = move || {
        let current = selected.get_untracked();
        query.set(String::new());
        let pos = found.with_untracked(|f| {
            countries.with_value(|all| f.iter().position(|&i| all[i].region == current))
        });
        active.set(pos.unwrap_or(0));
        open.set(true);
        request_animation_frame(move || {
            if let Some(input) = search_ref.get_untracked() {
                let _ = input.focus();
            }
            scroll_to_active(list_ref);
        });
    };
    let close = move |to_button: bool| {
        open.set(false);
        if to_button {
            if let Some(b) = button_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let pick = move |region: Region| {
        open.set(false);
        on_select.run(region);
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let last = found.with_untracked(Vec::len).saturating_sub(1);
        let now = active.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowDown" => (now + 1).min(last),
            "ArrowUp" => now.saturating_sub(1),
            "PageDown" => (now + PAGE).min(last),
            "PageUp" => now.saturating_sub(PAGE),
            "Home" if ev.ctrl_key() => 0,
            "End" if ev.ctrl_key() => last,
            "Enter" => {
                ev.prevent_default();
                if let Some(region) = region_at(now) {
                    pick(region);
                }
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
        active.set(to);
        request_animation_frame(move || scroll_to_active(list_ref));
    };

    let button_label = {
        let label = label.clone();
        move || {
            let region = selected.get();
            let name = countries.with_value(|all| {
                all.iter()
                    .find(|c| c.region == region)
                    .map_or(region.code.to_owned(), |c| c.name.clone())
            });
            format!("{label}: {name} +{}", region.calling_code)
        }
    };

    view! {
        <div
            class="country"
            part="country"
            on:focusout=move |ev: web_sys::FocusEvent| {
                // Focus left the selector (Tab, a click elsewhere): close without moving it.
                let inside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                    .is_some_and(|(to, me)| me.contains(Some(&to)));
                // Also fired when the step changes and removes the selector: `try_set`.
                if !inside {
                    open.try_set(false);
                }
            }
        >
            <button
                type="button"
                class="country-button"
                part="country-button"
                node_ref=button_ref
                aria-haspopup="listbox"
                aria-expanded=move || open.get().to_string()
                aria-label=button_label
                on:click=move |_| if open.get_untracked() { close(true) } else { show() }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if matches!(ev.key().as_str(), "ArrowDown" | "ArrowUp") {
                        ev.prevent_default();
                        show();
                    }
                }
            >
                <span aria-hidden="true">{move || format!("{} +{}", selected.get().flag(), selected.get().calling_code)}</span>
            </button>
            {
                let list_id = list_id.clone();
                let label = label.clone();
                move || open.get().then(|| view! {
                <div class="country-popup" part="country-popup">
                    <input
                        type="text"
                        role="combobox"
                        part="country-search"
                        node_ref=search_ref
                        aria-label=search_label.clone()
                        aria-expanded="true"
                        aria-autocomplete="list"
                        aria-controls=list_id.clone()
                        aria-activedescendant=move || region_at(active.get()).map(option_id)
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            active.set(0);
                        }
                        on:keydown=on_key
                    />
                    <ul
                        role="listbox"
                        id=list_id.clone()
                        part="country-list"
                        node_ref=list_ref
                        aria-label=label.clone()
                        // Keeps focus in the search field while the pointer picks.
                        on:mousedown=move |ev| ev.prevent_default()
                    >
                        {move || {
                            let current = selected.get();
                            found.get().into_iter().enumerate().map(|(pos, i)| {
                                let (region, name) = countries.with_value(|all| (all[i].region, all[i].name.clone()));
                                view! {
                                    <li
                                        role="option"
                                        id=option_id(region)
                                        part="country-option"
                                        aria-selected=(region == current).to_string()
                                        class:active=move || active.get() == pos
                                        on:click=move |_| pick(region)
                                    >
                                        <span aria-hidden="true">{region.flag()}</span>
                                        " " {name} " "
                                        <span class="dial">{format!("+{}", region.calling_code)}</span>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                    <p class="hint" role="status">
                        {
                            let none_text = none_text.clone();
                            move || found.with(Vec::is_empty).then(|| none_text.clone())
                        }
                    </p>
                </div>
            })}
        </div>
    }
}

/// Scrolls the highlighted option into view, as little as needed.
fn scroll_to_active(list: NodeRef<html::Ul>) {
    let Some(option) = list
        .get_untracked()
        .and_then(|ul| ul.query_selector("li.active").ok().flatten())
    else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    if let Ok(scroll) = js_sys::Reflect::get(&option, &"scrollIntoView".into()) {
        if let Ok(scroll) = scroll.dyn_into::<js_sys::Function>() {
            let _ = scroll.call1(&option, &options);
        }
    }
}
