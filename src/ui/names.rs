//! Country names in the page's language, from the browser's own `Intl.DisplayNames`, so the
//! widget ships no table of names.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &Array, options: &Object) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
    type Collator;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Collator", catch)]
    fn new(locales: &Array) -> Result<Collator, JsValue>;

    #[wasm_bindgen(method)]
    fn compare(this: &Collator, a: &str, b: &str) -> f64;
}

/// `items` in the alphabetical order of `locale` (a BCP 47 tag; the browser's own order if it
/// knows no such locale), by `name`; items with the same name keep their order.
///
/// ```ignore
/// let sorted = by_name(countries, |c| &c.name, "fr");
/// ```
pub fn by_name<T>(items: Vec<T>, name: impl Fn(&T) -> &str, locale: &str) -> Vec<T> {
    let Ok(collator) =
        Collator::new(&Array::of1(&locale.into())).or_else(|_| Collator::new(&Array::new()))
    else {
        return items;
    };
    // A binary insertion sort: for 245 names, a few thousand comparisons in the browser, and no
    // general sort's code in the wasm.
    let mut sorted: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        let at = sorted.partition_point(|s| collator.compare(name(s), name(&item)) <= 0.0);
        sorted.insert(at, item);
    }
    sorted
}

/// Names of regions in one language, with English behind it.
pub struct CountryNames {
    local: Option<DisplayNames>,
    english: Option<DisplayNames>,
}

impl CountryNames {
    /// Names in `locale` (a BCP 47 tag), falling back to English where the browser lacks one.
    pub fn new(locale: &str) -> Self {
        let make = |tag: &str| {
            let options = Object::new();
            let _ = Reflect::set(&options, &"type".into(), &"region".into());
            let _ = Reflect::set(&options, &"fallback".into(), &"none".into());
            DisplayNames::new(&Array::of1(&tag.into()), &options).ok()
        };
        CountryNames {
            local: make(locale),
            english: make("en"),
        }
    }

    fn of(names: &Option<DisplayNames>, code: &str) -> Option<String> {
        names.as_ref()?.of(code).ok()?.as_string()
    }

    /// The region's name in the page's language, else in English, else its ISO code.
    pub fn name(&self, code: &str) -> String {
        Self::of(&self.local, code)
            .or_else(|| self.english(code))
            .unwrap_or_else(|| code.to_owned())
    }

    /// The region's English name, when the browser has one.
    pub fn english(&self, code: &str) -> Option<String> {
        Self::of(&self.english, code)
    }
}

/// `text` lower-cased and without accents ("Åland" → "aland"), for search.
pub fn folded(text: &str) -> String {
    // The browser's case tables, not Rust's: they would add 25 KB to the wasm.
    let lower: String = js_sys::JsString::from(text)
        .to_lower_case()
        .normalize("NFD")
        .into();
    lower
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}
