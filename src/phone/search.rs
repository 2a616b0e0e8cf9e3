//! Finding a country in the selector by what the person types: its name (in the page's language
//! or in English), another name people know it by, its ISO code, or its calling code.
//!
//! The order is the one people expect from a phone field's country list: an exact ISO code or
//! name first ("de" → Germany), the main country of a calling code ("+1" → United States, as
//! libphonenumber's main-country flag, which the metadata keeps by listing it first), then names
//! that start with the text, then names with a word that starts with it, then the rest.

use super::{positions, Region};

/// Other names people type, folded as [`rank`] wants its names: short forms, older names and
/// the country's name in its own language. One line per region, `ISO:name,name`.
const ALIASES: &str = "\
US:usa,america
GB:uk,great britain,britain,england,scotland,wales
NL:holland,nederland
CI:ivory coast
DE:deutschland
BR:brasil
ES:espana
IT:italia
AT:osterreich
CH:schweiz,suisse
BE:belgie,belgique
SE:sverige
NO:norge
DK:danmark
FI:suomi
PL:polska
CZ:czech republic,cesko
GR:hellas
HU:magyarorszag
HR:hrvatska
TR:turkey,turkiye
RU:rossiya
AE:uae,emirates
KR:korea,south korea
KP:north korea
JP:nippon
CN:zhongguo
IN:bharat
IR:persia
MM:burma
MK:macedonia
CV:cape verde
SZ:swaziland
TL:east timor
CD:drc
VA:vatican";

/// The other names of the region with ISO code `code`.
///
/// ```
/// use phone_otp::phone::search::aliases;
/// assert!(aliases("GB").any(|a| a == "england"));
/// assert_eq!(aliases("FR").count(), 0);
/// ```
pub fn aliases(code: &str) -> impl Iterator<Item = &'static str> {
    ALIASES
        .lines()
        .find_map(|line| line.strip_prefix(code)?.strip_prefix(':'))
        .unwrap_or_default()
        .split(',')
        .filter(|a| !a.is_empty())
}

/// How well `query` finds `region`, best first (`0` is best), or `None` when it does not.
/// `names` are the country's names, already lower-cased and stripped of accents by the caller
/// (the browser does that best), and so must `query` be; the region's [`aliases`] are added here.
///
/// Letters: 0 for the ISO code or a whole name, 1 for a name that starts with the query, 2 for a
/// word in a name that does, 3 for a name with it inside. Digits (with or without `+`): 0 for the
/// main country of that calling code, 1 for the others that have it, 2 for the longer calling
/// codes that start with it. An empty query lists everything at 4.
///
/// ```
/// use phone_otp::phone::{search::rank, Region};
/// let my = Region::get("MY").unwrap();
/// let names = ["malaysia"];
/// assert_eq!(rank("+60", my, &names), Some(0));
/// assert_eq!(rank("60", my, &names), Some(0));
/// assert_eq!(rank("6", my, &names), Some(2));
/// assert_eq!(rank("my", my, &names), Some(0));
/// assert_eq!(rank("mal", my, &names), Some(1));
/// assert_eq!(rank("lays", my, &names), Some(3));
/// assert_eq!(rank("france", my, &names), None);
/// assert_eq!(rank("", my, &names), Some(4));
/// ```
pub fn rank(query: &str, region: Region, names: &[&str]) -> Option<u8> {
    let query = query.trim();
    if query.is_empty() {
        return Some(4);
    }
    let dial = query.strip_prefix('+').unwrap_or(query).trim_start();
    if !dial.is_empty() && dial.bytes().all(|b| b.is_ascii_digit()) {
        return match region.calling_code.strip_prefix(dial) {
            // The table lists the main country of a calling code first.
            Some("") if Region::with_calling_code(dial).next() == Some(region) => Some(0),
            Some("") => Some(1),
            Some(_) => Some(2),
            None => None,
        };
    }
    if region.code.eq_ignore_ascii_case(query) {
        return Some(0);
    }
    let score = |name: &str| {
        if name == query {
            Some(0)
        } else if name.starts_with(query) {
            Some(1)
        } else {
            // One pass over the name: inside it at all (3), or at the start of a word (2).
            let mut found = positions(name, query).peekable();
            let inside = found.peek().is_some();
            let word = found.any(|i| {
                let before = i.checked_sub(1).and_then(|j| name.as_bytes().get(j));
                matches!(before, Some(b' ' | b'-' | b'(' | b'\''))
            });
            inside.then_some(if word { 2 } else { 3 })
        }
    };
    names
        .iter()
        .map(|name| score(name))
        .chain(aliases(region.code).map(score))
        .flatten()
        .min()
}

/// The positions in `items` of those `query` finds, best first; within a rank they keep their
/// order in `items` (the list is sorted by name). `names` gives an item's region and its folded
/// names, as [`rank`] takes them.
///
/// ```
/// use phone_otp::phone::{search::ranked, Region};
/// let list = [("DK", "denmark"), ("DE", "germany"), ("BD", "bangladesh")];
/// let items: Vec<_> = list.iter().map(|(c, n)| (Region::get(c).unwrap(), vec![n.to_string()])).collect();
/// let found = ranked("de", &items, |(r, names)| (*r, names.as_slice()));
/// assert_eq!(found, [1, 0, 2]);
/// ```
pub fn ranked<T>(
    query: &str,
    items: &[T],
    names: impl Fn(&T) -> (Region, &[String]),
) -> Vec<usize> {
    let ranks: Vec<Option<u8>> = items
        .iter()
        .map(|item| {
            let (region, names) = names(item);
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            rank(query, region, &names)
        })
        .collect();
    // Ranks are 0–4: one pass per rank keeps the list's order within a rank, without a sort.
    (0..=4u8)
        .flat_map(|r| {
            ranks
                .iter()
                .enumerate()
                .filter(move |(_, x)| **x == Some(r))
                .map(|(i, _)| i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every region, named in English as a browser would (only the names the cases need; the
    /// rest by ISO code), sorted by name as the selector sorts them.
    fn countries() -> Vec<(Region, Vec<String>)> {
        let english = [
            ("US", "united states"),
            ("GB", "united kingdom"),
            ("DE", "germany"),
            ("DK", "denmark"),
            ("RU", "russia"),
            ("KZ", "kazakhstan"),
            ("CA", "canada"),
            ("GG", "guernsey"),
            ("IM", "isle of man"),
            ("JE", "jersey"),
            ("UA", "ukraine"),
            ("UM", "u.s. outlying islands"),
            ("VI", "u.s. virgin islands"),
            ("AS", "american samoa"),
            ("NL", "netherlands"),
            ("CI", "cote d’ivoire"),
            ("BR", "brazil"),
            ("ES", "spain"),
            ("MA", "morocco"),
            ("MY", "malaysia"),
            ("MG", "madagascar"),
            ("MW", "malawi"),
            ("ML", "mali"),
            ("BD", "bangladesh"),
            ("GN", "guinea"),
            ("GW", "guinea-bissau"),
            ("GQ", "equatorial guinea"),
            ("PG", "papua new guinea"),
        ];
        let mut all: Vec<(Region, Vec<String>)> = Region::all()
            .map(|r| {
                let name = english
                    .iter()
                    .find(|(c, _)| *c == r.code)
                    .map_or(r.code.to_ascii_lowercase(), |(_, n)| n.to_string());
                (r, vec![name])
            })
            .collect();
        all.sort_by(|a, b| a.1.cmp(&b.1));
        all
    }

    /// The ISO codes of the first `n` countries `query` finds.
    fn first(query: &str, n: usize) -> Vec<&'static str> {
        let all = countries();
        ranked(query, &all, |(r, names)| (*r, names.as_slice()))
            .into_iter()
            .take(n)
            .filter_map(|i| all.get(i).map(|(r, _)| r.code))
            .collect()
    }

    #[test]
    fn an_exact_iso_code_comes_first() {
        assert_eq!(first("de", 2), ["DE", "DK"]);
        assert_eq!(first("ma", 1), ["MA"]);
        assert_eq!(first("my", 1), ["MY"]);
        assert_eq!(first("gb", 1), ["GB"]);
    }

    #[test]
    fn a_calling_code_lists_its_main_country_first() {
        assert_eq!(first("+1", 1), ["US"]);
        assert_eq!(first("1", 1), ["US"]);
        assert_eq!(first("+44", 4), ["GB", "GG", "IM", "JE"]);
        assert_eq!(first("+7", 2), ["RU", "KZ"]);
        assert_eq!(first("+ 60", 1), ["MY"]);
    }

    #[test]
    fn name_prefixes_before_words_before_the_rest() {
        assert_eq!(first("guinea", 4), ["GN", "GW", "GQ", "PG"]);
        assert_eq!(first("mala", 2), ["MW", "MY"]);
        assert_eq!(first("ger", 1), ["DE"]);
    }

    #[test]
    fn aliases_and_native_names_find_their_country() {
        for (query, code) in [
            ("usa", "US"),
            ("uk", "GB"),
            ("england", "GB"),
            ("britain", "GB"),
            ("great britain", "GB"),
            ("holland", "NL"),
            ("ivory coast", "CI"),
            ("deutschland", "DE"),
            ("deutsch", "DE"),
            ("brasil", "BR"),
            ("espana", "ES"),
            ("america", "US"),
        ] {
            assert_eq!(first(query, 1), [code], "{query}");
        }
        // "uk" is the United Kingdom before Ukraine.
        assert_eq!(first("uk", 2), ["GB", "UA"]);
    }

    #[test]
    fn nothing_found_and_everything_listed() {
        assert!(first("zzz", 1).is_empty());
        assert_eq!(first("", 500).len(), Region::all().count());
    }
}
