//! Which countries the selector offers, in what order, and which it starts on: the
//! `default-country`, `countries` and `preferred-countries` options.

use crate::phone::Region;

/// Which countries the selector offers and which it starts on.
///
/// ```
/// use phone_otp::countries::Countries;
/// let c = Countries::from_lists(Some("my"), Some("MY, SG, ID, XX"), Some("SG"));
/// assert_eq!(c.initial(Some("en-GB")).code, "MY");
/// let codes: Vec<_> = c.list().iter().map(|r| r.code).collect();
/// assert_eq!(codes, ["SG", "MY", "ID"]);
/// // Without a default, the browser language's region, if offered, else the first offered.
/// let c = Countries::from_lists(None, Some("MY,SG"), None);
/// assert_eq!(c.initial(Some("ms-SG")).code, "SG");
/// assert_eq!(c.initial(Some("en-US")).code, "MY");
/// assert_eq!(Countries::default().initial(Some("fr")).code, "US");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Countries {
    /// `default-country`: an ISO 3166-1 alpha-2 code.
    pub default: Option<Region>,
    /// `countries`: the only ones offered, comma-separated ISO codes; empty for all.
    pub allow: Vec<Region>,
    /// `preferred-countries`: shown first, in this order.
    pub preferred: Vec<Region>,
}

impl Countries {
    /// Reads the three lists; unknown codes are left out.
    pub fn from_lists(default: Option<&str>, allow: Option<&str>, preferred: Option<&str>) -> Self {
        let regions = |list: Option<&str>| -> Vec<Region> {
            let mut out: Vec<Region> = Vec::new();
            for r in list
                .unwrap_or_default()
                .split(',')
                .filter_map(|c| Region::get(c.trim()))
            {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
            out
        };
        Countries {
            default: default.and_then(|c| Region::get(c.trim())),
            allow: regions(allow),
            preferred: regions(preferred),
        }
    }

    /// Whether the selector offers `region`.
    pub fn allows(&self, region: Region) -> bool {
        self.allow.is_empty() || self.allow.contains(&region)
    }

    /// The region to start on: `default-country`, else the region of the browser's `language`
    /// (`en-GB` → GB), else the United States; the first offered one when those are not offered.
    pub fn initial(&self, language: Option<&str>) -> Region {
        let from_language = language.and_then(|tag| {
            tag.split(['-', '_'])
                .skip(1)
                .find(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                .and_then(Region::get)
        });
        [self.default, from_language, Some(Region::default())]
            .into_iter()
            .flatten()
            .find(|r| self.allows(*r))
            .or_else(|| self.allow.first().copied())
            .unwrap_or_default()
    }

    /// The regions offered, preferred ones first; the rest in table order (the selector sorts
    /// them by name in the page's language).
    pub fn list(&self) -> Vec<Region> {
        let mut out: Vec<Region> = self
            .preferred
            .iter()
            .copied()
            .filter(|r| self.allows(*r))
            .collect();
        let rest: Vec<Region> = match self.allow.is_empty() {
            true => Region::all().collect(),
            false => self.allow.clone(),
        };
        let preferred = out.len();
        for r in rest {
            if !out[..preferred].contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// How many of [`Countries::list`] are preferred ones.
    pub fn preferred_count(&self) -> usize {
        self.preferred.iter().filter(|r| self.allows(**r)).count()
    }
}
