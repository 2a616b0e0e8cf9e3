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
use leptos::html;
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
    let owner = StoredValue::new_local(Owner::current().unwrap_or_default());
    let make_list = countries;
    let countries = StoredValue::new(Vec::<Country>::new());
    // Positions in `countries` of the options listed, best match first, and the highlighted one.
    let found = StoredValue::new(Vec::<usize>::new());
    let active = StoredValue::new(0usize);
    let popup = StoredValue::new_local(None::<Popup>);
    let button_ref = NodeRef::<html::Button>::new();
    let wrapper_ref = NodeRef::<html::Div>::new();
    let label = labels[0].clone();
    let texts = StoredValue::new((id, labels));

    let region_at = move |pos: usize| {
        let i = found.with_value(|f| f.get(pos).copied())?;
        countries.with_value(|all| all.get(i).map(|c| c.region))
    };
    // Moves the highlight to `pos`, names it to screen readers and scrolls it into view.
    let highlight = move |pos: usize| {
        active.set_value(pos);
        popup.with_value(|p| {
            let Some(p) = p else { return };
            if let Ok(Some(old)) = p.list.query_selector("li.active") {
                old.set_class_name("");
            }
            match p.list.children().item(pos as u32) {
                Some(option) => {
                    option.set_class_name("active");
                    let _ = p
                        .search
                        .set_attribute("aria-activedescendant", &option.id());
                    scroll_into_view(&option);
                }
                None => {
                    let _ = p.search.remove_attribute("aria-activedescendant");
                }
            }
        });
    };
    // Lists the countries that match `query`, and highlights the first (or `current`).
    let list = move |query: &str, current: Option<Region>| {
        let q = folded(query);
        // A search lists each country once: the preferred copies above the divider stand aside.
        let searching = !q.trim().is_empty();
        let hits: Vec<usize> = countries.with_value(|all| {
            ranked(&q, all, |c| (c.region, c.search.as_slice()))
                .into_iter()
                .filter(|&i| !(searching && all.get(i).is_some_and(|c| c.preferred)))
                .collect()
        });
        let selected = untrack(selected);
        popup.with_value(|p| {
            let Some(p) = p else {
                return;
            };
            p.list.set_text_content(None);
            countries.with_value(|all| {
                // A preferred country is listed twice; only its first option is the selected one.
                let mut marked = false;
                for (pos, &i) in hits.iter().enumerate() {
                    let Some(c) = all.get(i) else { continue };
                    let is_selected = !marked && c.region == selected;
                    marked |= is_selected;
                    let last_preferred =
                        c.preferred && !all.get(i + 1).is_some_and(|next| next.preferred);
                    let li = option(c, pos, is_selected, texts);
                    if last_preferred {
                        let _ = li.set_attribute("data-divider", "");
                    }
                    let _ = p.list.append_child(&li);
                }
            });
            let none = texts.with_value(|t| t.1[2].clone());
            p.status
                .set_text_content(hits.is_empty().then_some(none.as_str()));
        });
        let start = current
            .and_then(|r| {
                countries.with_value(|all| {
                    hits.iter()
                        .position(|&i| all.get(i).map(|c| c.region) == Some(r))
                })
            })
            .unwrap_or(0);
        found.set_value(hits);
        highlight(start);
    };
    // Also runs on the focusout of a selector being removed with its step: every access `try_`.
    let close = move |to_button: bool| {
        open.try_set(false);
        popup.try_with_value(|p| {
            if let Some(p) = p {
                p.root.set_hidden(true);
            }
        });
        if to_button {
            if let Some(b) = button_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let pick = move |pos: usize| {
        if let Some(region) = region_at(pos) {
            close(false);
            on_select(region);
        }
    };
    let on_key = move |ev: &web_sys::KeyboardEvent| {
        let last = found.with_value(Vec::len).saturating_sub(1);
        let now = active.get_value();
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
            let query = popup.with_value(|p| p.as_ref().map(|p| p.search.value()));
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
        if countries.with_value(Vec::is_empty) {
            countries.set_value(make_list());
        }
        if popup.with_value(Option::is_none) {
            let built = wrapper_ref
                .get_untracked()
                // In the component's owner, so its listeners are released with the component.
                .and_then(|w| {
                    owner.with_value(|o| o.with(|| build_popup(&w, texts, on_popup_event)))
                });
            popup.set_value(built);
        }
        open.set(true);
        popup.with_value(|p| {
            if let Some(p) = p {
                p.search.set_value(typed);
                p.root.set_hidden(false);
                let _ = p.search.focus();
            }
        });
        list(typed, (typed.is_empty()).then(|| untrack(selected)));
        popup.with_value(|p| {
            if let Some(p) = p {
                // Upward when the list would run past the bottom of the window and there is
                // more room above.
                let up = wrapper_ref
                    .get_untracked()
                    .zip(web_sys::window())
                    .is_some_and(|(w, win)| {
                        let rect = w.get_bounding_client_rect();
                        let height = win
                            .inner_height()
                            .ok()
                            .and_then(|h| h.as_f64())
                            .unwrap_or(0.0);
                        let below = height - rect.bottom();
                        below < f64::from(p.root.offset_height()) && rect.top() > below
                    });
                p.root.set_class_name(if up {
                    "country-popup up"
                } else {
                    "country-popup"
                });
            }
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
        .node_ref(button_ref)
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
    Dom::from(
        el("div")
            .attr("class", "country")
            .attr("part", "country")
            .node_ref(wrapper_ref)
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
            })
            .child(button),
    )
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
    texts: StoredValue<(String, [String; 3])>,
    handler: impl Fn(web_sys::Event) + Copy + 'static,
) -> Option<Popup> {
    let (id, [label, search_label, _]) = texts.get_value();
    let list_id = format!("{id}-list");
    let search = el("input")
        .attr("type", "text")
        .attr("role", "combobox")
        .attr("part", "country-search")
        .attr("aria-label", &search_label)
        .attr("placeholder", &search_label)
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
        .attr("aria-label", &label)
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
fn option(
    country: &Country,
    pos: usize,
    selected: bool,
    texts: StoredValue<(String, [String; 3])>,
) -> Element {
    let region = country.region;
    let id = texts.with_value(|t| format!("{}-{pos}", t.0));
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
