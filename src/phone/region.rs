//! Regions and their phone metadata, read from the metadata file; their formats from their
//! calling code's file (see [`super::data`]).

use super::pattern::{matches, Mode};
use std::sync::OnceLock;

/// One region's phone metadata: a borrowed view of its line in the generated table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// ISO 3166-1 alpha-2 code, upper case (`"MY"`).
    pub code: &'static str,
    /// Country calling code, digits only (`"60"`).
    pub calling_code: &'static str,
    /// Pattern of the international call prefix dialled from this region (`"00"`, `"011"`).
    pub idd: &'static str,
    /// The national prefix (`"0"`), or empty.
    pub national_prefix: &'static str,
    /// Pattern of what is stripped before the national number, when it is not just the prefix.
    pub prefix_for_parsing: &'static str,
    /// What replaces a `prefix_for_parsing` match that captured digits (`"268$1"`).
    pub prefix_transform: &'static str,
    /// For a region that shares its calling code: the national numbers it owns, as a prefix.
    pub leading_digits: &'static str,
    /// For a shared region without leading digits: the pattern of its whole national numbers.
    pub pattern: &'static str,
    pub(super) lengths: &'static str,
    /// Its place among the regions of its calling code (the main region is 0): its line in the
    /// calling code's file.
    pub(super) index: usize,
}

impl Default for Region {
    /// The United States, where no other region is chosen or known.
    fn default() -> Self {
        super::generated::DEFAULT
    }
}

impl Region {
    /// The region with ISO code `code`, in any case.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// let my = Region::get("my").unwrap();
    /// assert_eq!((my.code, my.calling_code, my.national_prefix), ("MY", "60", "0"));
    /// assert!(Region::get("XX").is_none());
    /// ```
    pub fn get(code: &str) -> Option<Region> {
        Region::all().find(|r| r.code.eq_ignore_ascii_case(code))
    }

    /// Every region, in the table's order (grouped by calling code); none while the metadata
    /// is not loaded (see [`super::data`]).
    pub fn all() -> impl Iterator<Item = Region> {
        // Read once: a keystroke looks regions up several times, and reading the 48 KB table
        // each time was most of the work of a keystroke.
        static TABLE: OnceLock<Vec<Region>> = OnceLock::new();
        let table = match (TABLE.get(), super::data::metadata()) {
            (Some(table), _) => table.as_slice(),
            (None, Some(text)) => TABLE.get_or_init(|| {
                // The ISO codes come first, in the order of the lines.
                let mut lines = text.lines().filter(|l| !l.starts_with('#'));
                let codes = lines.next().unwrap_or_default().split(';');
                let mut table: Vec<Region> = Vec::new();
                for (code, line) in codes.zip(lines) {
                    if let Some(mut r) = Region::read(code, line) {
                        // Regions of a calling code follow each other, the main one first.
                        r.index = match table.last() {
                            Some(last) if last.calling_code == r.calling_code => last.index + 1,
                            _ => 0,
                        };
                        table.push(r);
                    }
                }
                table
            }),
            (None, None) => &[],
        };
        table.iter().copied()
    }

    /// The regions with calling code `code`, the main one first.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// let codes: Vec<_> = Region::with_calling_code("7").map(|r| r.code).collect();
    /// assert_eq!(codes, ["RU", "KZ"]);
    /// ```
    pub fn with_calling_code(code: &str) -> impl Iterator<Item = Region> + '_ {
        Region::all().filter(move |r| r.calling_code == code)
    }

    /// Which region of calling code `code` a national number belongs to: the first region, main
    /// one first, whose leading digits or number pattern take it; else the main region.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// assert_eq!(Region::of_national("1", "2684641234").unwrap().code, "AG");
    /// assert_eq!(Region::of_national("1", "4155552671").unwrap().code, "US");
    /// assert_eq!(Region::of_national("1", "6135550123").unwrap().code, "CA");
    /// assert_eq!(Region::of_national("44", "7400123456").unwrap().code, "GB");
    /// // libphonenumber gives 07911 1… to Guernsey.
    /// assert_eq!(Region::of_national("44", "7911123456").unwrap().code, "GG");
    /// ```
    pub fn of_national(code: &str, national: &str) -> Option<Region> {
        let main = Region::with_calling_code(code).next()?;
        Some(
            Region::with_calling_code(code)
                .find(|r| {
                    (!r.leading_digits.is_empty()
                        && matches(r.leading_digits, national, Mode::Prefix))
                        || (!r.pattern.is_empty() && matches(r.pattern, national, Mode::Full))
                })
                .unwrap_or(main),
        )
    }

    /// Which region of calling code `code` a national number being typed belongs to, as soon as
    /// its first digits tell: a region sharing the code whose leading digits it starts with, or
    /// whose numbers it can still become once it has an area code's digits (three under +1, four
    /// under +44's Crown Dependencies); the main region once no other can take it; `None` while
    /// it is too early to tell. A complete number is [`Region::of_national`]'s.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// let of = |code, national| Region::of_typed(code, national).map(|r| r.code);
    /// assert_eq!(of("1", "204"), Some("CA"));
    /// assert_eq!(of("1", "415"), Some("US"));
    /// assert_eq!(of("1", "41"), None); // 416 and 418 are Canada's
    /// assert_eq!(of("1", "268"), Some("AG"));
    /// assert_eq!(of("44", "1481"), Some("GG"));
    /// assert_eq!(of("44", "148"), None);
    /// assert_eq!(of("44", "20"), Some("GB"));
    /// assert_eq!(of("60", "12"), Some("MY"));
    /// assert_eq!(of("1", ""), None);
    /// ```
    pub fn of_typed(code: &str, national: &str) -> Option<Region> {
        let main = Region::with_calling_code(code).next()?;
        let whole = Region::of_national(code, national)?;
        if whole != main || national.is_empty() {
            return (!national.is_empty()).then_some(whole);
        }
        let area = if code == "1" { 3 } else { 4 };
        let mut open = false;
        for r in Region::with_calling_code(code).skip(1) {
            let lead =
                !r.leading_digits.is_empty() && matches(r.leading_digits, national, Mode::Partial);
            let number = !r.pattern.is_empty() && matches(r.pattern, national, Mode::Partial);
            if number && national.len() >= area {
                return Some(r);
            }
            open |= lead || number;
        }
        (!open).then_some(main)
    }

    /// The national number lengths this region dials, shortest first.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// let lengths: Vec<_> = Region::get("GB").unwrap().possible_lengths().collect();
    /// assert_eq!(lengths, [7, 9, 10]);
    /// ```
    pub fn possible_lengths(&self) -> impl Iterator<Item = usize> {
        self.lengths.split(',').filter_map(|n| n.parse().ok())
    }

    /// The formats for grouping national numbers, in the order they are tried; none while its
    /// calling code's file is not loaded (see [`super::data`]).
    pub fn formats(&self) -> impl Iterator<Item = Format> {
        let line = super::data::region_line(self.calling_code, self.index).unwrap_or_default();
        let formats = line.split('\t').next().unwrap_or_default();
        formats.split(';').filter_map(Format::read)
    }

    /// The region's flag emoji, from its two regional indicator letters.
    ///
    /// ```
    /// assert_eq!(phone_otp::phone::Region::get("MY").unwrap().flag(), "🇲🇾");
    /// ```
    pub fn flag(&self) -> String {
        self.code
            .bytes()
            .filter_map(|b| char::from_u32(0x1F1E6 + u32::from(b.wrapping_sub(b'A'))))
            .collect()
    }

    fn read(code: &'static str, line: &'static str) -> Option<Region> {
        let mut f = line.split(';');
        Some(Region {
            code,
            calling_code: f.next()?,
            idd: f.next()?,
            national_prefix: f.next()?,
            prefix_for_parsing: f.next()?,
            prefix_transform: f.next()?,
            leading_digits: f.next()?,
            pattern: f.next()?,
            lengths: f.next()?,
            index: 0,
        })
    }
}

/// How a national number is grouped for display (libphonenumber's `NumberFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    /// The sizes of its digit groups, as `3 3,4` for libphonenumber's `(\d{3})(\d{3,4})`.
    pub pattern: &'static str,
    /// The national layout, as `$1-$2 $3`.
    pub template: &'static str,
    /// Pattern of the national numbers this format is for, as a prefix; empty for all.
    pub leading_digits: &'static str,
    /// How the first group is written with the national prefix (`0$1`, `($1)`), or empty.
    pub national_prefix_rule: &'static str,
    /// The international layout when it differs; `NA` when the format is national only.
    pub international: &'static str,
    /// A national layout with digits of its own (Argentina's `$2 15-$3-$4`), for a number typed
    /// with exactly those digits; empty for most formats.
    pub typed: &'static str,
    /// Neither writes a national prefix nor may go without one: not for a number typed with it.
    pub not_after_prefix: bool,
}

impl Format {
    /// The layout for international or national display, or `None` for a national-only format
    /// shown internationally.
    pub fn layout(&self, international: bool) -> Option<&'static str> {
        match (international, self.international) {
            (true, "NA") => None,
            (true, intl) if !intl.is_empty() => Some(intl),
            _ => Some(self.template),
        }
    }

    /// The `(min, max)` digits of each group.
    ///
    /// ```
    /// use phone_otp::phone::Region;
    /// let f = Region::get("MY").unwrap().formats().nth(1).unwrap();
    /// assert_eq!(f.groups(), [(2, 2), (3, 3), (3, 4)]);
    /// ```
    pub fn groups(&self) -> Vec<(usize, usize)> {
        self.pattern
            .split(' ')
            .filter_map(|g| {
                let (min, max) = g.split_once(',').unwrap_or((g, g));
                Some((min.parse().ok()?, max.parse().ok()?))
            })
            .collect()
    }

    fn read(text: &'static str) -> Option<Format> {
        let mut f = text.split('!');
        Some(Format {
            pattern: f.next()?,
            template: f.next()?,
            leading_digits: f.next()?,
            national_prefix_rule: f.next()?,
            international: f.next()?,
            typed: f.next().unwrap_or_default(),
            not_after_prefix: f.next() == Some("1"),
        })
    }
}
