//! Whether a typed number can be sent, what type of number it is, and what is wrong with it
//! when it cannot.
//!
//! Until the patterns of the number's calling code are loaded (see [`super::data`]) only the
//! length is checked against the region; with them, a number must match its region's patterns as libphonenumber's
//! `getNumberType` reads them, and its type must be one the widget takes ([`NumberTypes`]).
//! Without the metadata (its fetch failed) no region is known: see [`international`].

use super::data::{metadata, patterns, Patterns, RegionPatterns};
use super::parse::{digits, parse, Parsed};
use super::pattern::{matches, Mode};
use super::region::Region;

/// What is wrong with a number (intl-tel-input's error codes, and what the patterns add).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was typed.
    Empty,
    /// Letters or symbols that are not part of a phone number.
    NotANumber,
    /// No country has the calling code after `+`.
    CountryCode,
    /// Without the metadata, a number not typed as `+` (or `00`) and 8 to 15 digits: only an
    /// international number can be read then (see [`international`]).
    NeedsCountryCode,
    /// Fewer digits than any number of the region has.
    TooShort,
    /// More digits than any number of the region has.
    TooLong,
    /// Between the region's lengths, but not one of them.
    InvalidLength,
    /// A possible length, but no number of the region looks like it (+1 123 456 7890).
    InvalidForRegion,
    /// A type of number the widget does not send codes to (the `number-types` option).
    Type(NumberType),
    /// A fixed line, which cannot receive a text message, and the widget offers no voice call.
    NoTextMessages,
    /// A region the widget does not take numbers from (its `countries` option); the flow
    /// decides this, not [`validate`].
    NotOffered,
}

/// A number that cannot be sent: the problem, and the region it was judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub problem: Problem,
    /// ISO code of the region, when the problem is about one.
    pub region: Option<&'static str>,
}

/// The types of number libphonenumber tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberType {
    FixedLine,
    Mobile,
    /// Where the region's fixed lines and mobiles cannot be told apart (the United States).
    FixedLineOrMobile,
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
}

impl NumberType {
    /// Every type.
    pub const ALL: [NumberType; 11] = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::FixedLineOrMobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::Voip,
        NumberType::PersonalNumber,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];

    /// The types of the fields of a region's patterns in `metadata.txt`, in order
    /// (metadata.max.json's).
    pub const FIELDS: [NumberType; 10] = [
        NumberType::FixedLine,
        NumberType::Mobile,
        NumberType::TollFree,
        NumberType::PremiumRate,
        NumberType::PersonalNumber,
        NumberType::Voicemail,
        NumberType::Uan,
        NumberType::Pager,
        NumberType::Voip,
        NumberType::SharedCost,
    ];

    /// The order libphonenumber tries the types other than fixed line in.
    const OTHERS: [NumberType; 9] = [
        NumberType::Mobile,
        NumberType::PremiumRate,
        NumberType::TollFree,
        NumberType::SharedCost,
        NumberType::Voip,
        NumberType::PersonalNumber,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
    ];

    /// The name in the `number-types` option.
    ///
    /// ```
    /// use phone_otp::phone::validate::NumberType;
    /// assert_eq!(NumberType::PremiumRate.name(), "premium-rate");
    /// assert_eq!(NumberType::from_name("premium-rate"), Some(NumberType::PremiumRate));
    /// assert_eq!(NumberType::from_name("landline"), None);
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            NumberType::FixedLine => "fixed-line",
            NumberType::Mobile => "mobile",
            NumberType::FixedLineOrMobile => "fixed-line-or-mobile",
            NumberType::TollFree => "toll-free",
            NumberType::PremiumRate => "premium-rate",
            NumberType::SharedCost => "shared-cost",
            NumberType::Voip => "voip",
            NumberType::PersonalNumber => "personal",
            NumberType::Pager => "pager",
            NumberType::Uan => "uan",
            NumberType::Voicemail => "voicemail",
        }
    }

    /// The type of a name in the `number-types` option.
    pub fn from_name(name: &str) -> Option<NumberType> {
        NumberType::ALL.into_iter().find(|t| t.name() == name)
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The number types that may receive a code (the `number-types` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberTypes(u16);

impl Default for NumberTypes {
    /// Everything but premium rate, shared cost, toll free, UAN, pager and voicemail: numbers
    /// that cost the sender, or that no one answers or reads texts on.
    fn default() -> Self {
        NumberTypes::of(&[
            NumberType::Mobile,
            NumberType::FixedLineOrMobile,
            NumberType::FixedLine,
            NumberType::Voip,
            NumberType::PersonalNumber,
        ])
    }
}

impl NumberTypes {
    /// The set of `types`.
    pub fn of(types: &[NumberType]) -> NumberTypes {
        NumberTypes(types.iter().fold(0, |set, t| set | t.bit()))
    }

    /// The types named in a comma-separated list; unknown names are ignored, and a list that
    /// names none gives the default.
    ///
    /// ```
    /// use phone_otp::phone::validate::{NumberType, NumberTypes};
    /// let t = NumberTypes::parse("mobile, fixed-line-or-mobile");
    /// assert!(t.contains(NumberType::Mobile) && !t.contains(NumberType::FixedLine));
    /// assert_eq!(NumberTypes::parse("nonsense"), NumberTypes::default());
    /// ```
    pub fn parse(list: &str) -> NumberTypes {
        let set = list
            .split(',')
            .filter_map(|name| NumberType::from_name(name.trim()))
            .fold(0, |set, t| set | t.bit());
        match set {
            0 => NumberTypes::default(),
            set => NumberTypes(set),
        }
    }

    /// Whether numbers of type `t` may receive a code.
    pub fn contains(self, t: NumberType) -> bool {
        self.0 & t.bit() != 0
    }
}

/// A number that can be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// E.164 form.
    pub e164: String,
    /// ISO code of the number's region (Jersey for +44 7797 …, not the United Kingdom); empty
    /// when the metadata is not loaded.
    pub region: &'static str,
    /// Its type, when the patterns are loaded.
    pub number_type: Option<NumberType>,
}

impl Valid {
    /// How it may get a code under `allowed` types: `Ok(true)` when only by a voice call (a fixed
    /// line), which needs `voice` offered; else what is wrong.
    ///
    /// ```
    /// use phone_otp::phone::validate::{Problem, Valid, NumberType, NumberTypes};
    /// let landline = Valid { e164: "+442079460958".into(), region: "GB", number_type: Some(NumberType::FixedLine) };
    /// assert_eq!(landline.delivery(NumberTypes::default(), true), Ok(true));
    /// assert_eq!(landline.delivery(NumberTypes::default(), false), Err(Problem::NoTextMessages));
    /// let premium = Valid { number_type: Some(NumberType::PremiumRate), ..landline };
    /// assert_eq!(premium.delivery(NumberTypes::default(), true), Err(Problem::Type(NumberType::PremiumRate)));
    /// ```
    pub fn delivery(&self, allowed: NumberTypes, voice: bool) -> Result<bool, Problem> {
        match self.number_type {
            None => Ok(false),
            Some(t) if !allowed.contains(t) => Err(Problem::Type(t)),
            Some(NumberType::FixedLine) if !voice => Err(Problem::NoTextMessages),
            Some(t) => Ok(t == NumberType::FixedLine),
        }
    }
}

/// The E.164 form of the number in `text`, read as a number of `selected` unless it is
/// international, or what is wrong with it; with the loaded patterns, if any (see [`check`]).
///
/// ```
/// use phone_otp::phone::{validate::{validate, Problem}, Region};
/// let my = Region::get("MY").unwrap();
/// assert_eq!(validate("018-225 8491", my).unwrap(), "+60182258491");
/// let short = validate("018-225", my).unwrap_err();
/// assert_eq!((short.problem, short.region), (Problem::TooShort, Some("MY")));
/// assert_eq!(validate("+999 1234", my).unwrap_err().problem, Problem::CountryCode);
/// assert_eq!(validate("call me", my).unwrap_err().problem, Problem::NotANumber);
/// ```
pub fn validate(text: &str, selected: Region) -> Result<String, Invalid> {
    check(text, selected, patterns()).map(|v| v.e164)
}

/// The number in `text` (read as a number of `selected` unless it is international), checked
/// against its region's lengths and, when `patterns` are given, its patterns; the number type is
/// known then. The type is not judged here: see [`Valid::delivery`]. Without the metadata, the
/// number is [`international`]'s to judge.
///
/// ```
/// use phone_otp::phone::{data::patterns, validate::{check, NumberType, Problem}, Region};
/// let us = Region::get("US").unwrap();
/// let e = check("+1 123 456 7890", us, patterns()).unwrap_err();
/// assert_eq!((e.problem, e.region), (Problem::InvalidForRegion, Some("US")));
/// // Without the patterns only the length is checked.
/// assert!(check("+1 123 456 7890", us, None).is_ok());
/// let premium = check("+44 901 234 5678", us, patterns()).unwrap();
/// assert_eq!(premium.number_type, Some(NumberType::PremiumRate));
/// let jersey = check("+44 7797 712345", us, patterns()).unwrap();
/// assert_eq!((jersey.region, jersey.number_type), ("JE", Some(NumberType::Mobile)));
/// ```
pub fn check(text: &str, selected: Region, patterns: Option<Patterns>) -> Result<Valid, Invalid> {
    if metadata().is_none() {
        return international(text);
    }
    let Some(parsed) = parse(text, selected) else {
        return Err(invalid(Problem::NotANumber, None));
    };
    if parsed.national.is_empty() && parsed.prefix.is_empty() {
        return Err(invalid(Problem::Empty, None));
    }
    let Some(region) = parsed.region else {
        return Err(invalid(Problem::CountryCode, None));
    };
    // Until its calling code's file is in (or without it, when its fetch failed), the region's
    // numbers are judged by their lengths alone, as without any patterns.
    let patterns = patterns.filter(|p| p.has(region.calling_code));
    let judged = judge(&parsed, region, patterns);
    // libphonenumber strips a national prefix only when what is left still looks like a number
    // of the region; when it does not, the digits with the prefix may be the number. Too short
    // without it ("123 456 7890" in the US), the number is judged with it; of a length between
    // the region's without it ("07911 2345"), that length is what is wrong.
    match (
        &judged,
        patterns.and_then(|p| with_prefix(&parsed, region, p)),
    ) {
        (Err(e), Some(whole)) => {
            let with = judge(&whole, region, patterns);
            match e.problem {
                Problem::TooShort => with,
                _ => with.or(judged),
            }
        }
        _ => judged,
    }
}

/// The number in `text` judged without the metadata, as [`check`] does when its fetch failed: no
/// region is known, so only an international number can be read. `+` or `00`, then 8 to 15
/// digits, the first not 0, is sent as typed, of no region (`""`) and no type (so no
/// `number-types` filter refuses it): the backend judges it. Anything else is
/// [`Problem::NeedsCountryCode`], never [`Problem::CountryCode`]: the missing table is the
/// server's fault, not the person's.
///
/// ```
/// use phone_otp::phone::validate::{international, Problem};
/// let gb = international("+44 (0)7911-123456").unwrap();
/// assert_eq!((gb.e164.as_str(), gb.region, gb.number_type), ("+447911123456", "", None));
/// assert_eq!(international("0060 18 225 8491").unwrap().e164, "+60182258491");
/// assert_eq!(international("07911 123456").unwrap_err().problem, Problem::NeedsCountryCode);
/// assert_eq!(international("+44 7911").unwrap_err().problem, Problem::NeedsCountryCode);
/// assert_eq!(international("call me").unwrap_err().problem, Problem::NotANumber);
/// assert_eq!(international(" ").unwrap_err().problem, Problem::Empty);
/// ```
pub fn international(text: &str) -> Result<Valid, Invalid> {
    // "+44 (0)20 …": the (0) is the trunk prefix, dialled only from inside the country; with no
    // table to say which countries have one, it is dropped wherever it is written so.
    let mut kept = String::new();
    let mut from = 0;
    for at in super::positions(text, "(0)") {
        kept.push_str(text.get(from..at).unwrap_or_default());
        from = at + 3;
    }
    kept.push_str(text.get(from..).unwrap_or_default());
    let Some((plus, digits)) = digits(&kept) else {
        return Err(invalid(Problem::NotANumber, None));
    };
    if !plus && digits.is_empty() {
        return Err(invalid(Problem::Empty, None));
    }
    let number = match plus {
        true => Some(digits.as_str()),
        false => digits.strip_prefix("00"),
    };
    match number {
        Some(n) if (8..=15).contains(&n.len()) && !n.starts_with('0') => Ok(Valid {
            e164: format!("+{n}"),
            region: "",
            number_type: None,
        }),
        _ => Err(invalid(Problem::NeedsCountryCode, None)),
    }
}

fn invalid(problem: Problem, region: Option<Region>) -> Invalid {
    Invalid {
        problem,
        region: region.map(|r| r.code),
    }
}

fn judge(parsed: &Parsed, region: Region, patterns: Option<Patterns>) -> Result<Valid, Invalid> {
    let len = parsed.national.len();
    let lengths: Vec<usize> = region.possible_lengths().collect();
    let problem = if lengths.contains(&len) {
        match parsed.e164() {
            // E.164 allows 15 digits in all.
            Some(e164) if e164.len() <= 16 => {
                let Some(p) = patterns else {
                    return Ok(Valid {
                        e164,
                        region: region.code,
                        number_type: None,
                    });
                };
                return match typed(region, &parsed.national, p) {
                    Some((r, t)) => Ok(Valid {
                        e164,
                        region: r.code,
                        number_type: Some(t),
                    }),
                    None => Err(invalid(Problem::InvalidForRegion, Some(region))),
                };
            }
            _ => Problem::TooLong,
        }
    } else if lengths.iter().all(|&l| len < l) {
        Problem::TooShort
    } else if lengths.iter().all(|&l| len > l) {
        Problem::TooLong
    } else {
        Problem::InvalidLength
    };
    Err(invalid(problem, Some(region)))
}

/// The region of `national` among those of `region`'s calling code and its type, as
/// libphonenumber finds them: the first region, main one first, whose leading digits take the
/// number or whose patterns give it a type.
fn typed(region: Region, national: &str, p: Patterns) -> Option<(Region, NumberType)> {
    let mut regions = Region::with_calling_code(region.calling_code).peekable();
    let main = *regions.peek()?;
    if Region::with_calling_code(region.calling_code)
        .nth(1)
        .is_none()
    {
        return Some((main, number_type(main, national, p)?));
    }
    regions.find_map(|r| {
        if r.leading_digits.is_empty() {
            number_type(r, national, p).map(|t| (r, t))
        } else {
            // Leading digits decide the region; its patterns then decide the type.
            matches(r.leading_digits, national, Mode::Prefix)
                .then(|| Some((r, number_type(r, national, p)?)))?
        }
    })
}

/// The type of the national number `national` of `region`, or `None` when it is not a valid
/// number there (libphonenumber's `getNumberType`).
///
/// ```
/// use phone_otp::phone::{data::patterns, validate::{number_type, NumberType}, Region};
/// let gb = Region::get("GB").unwrap();
/// let p = patterns().unwrap();
/// assert_eq!(number_type(gb, "7400123456", p), Some(NumberType::Mobile));
/// assert_eq!(number_type(gb, "2079460958", p), Some(NumberType::FixedLine));
/// assert_eq!(number_type(gb, "9012345678", p), Some(NumberType::PremiumRate));
/// assert_eq!(number_type(gb, "0012345678", p), None);
/// let us = Region::get("US").unwrap();
/// assert_eq!(number_type(us, "2015550123", p), Some(NumberType::FixedLineOrMobile));
/// ```
pub fn number_type(region: Region, national: &str, p: Patterns) -> Option<NumberType> {
    let rp = p.region(region.code)?;
    if !general(&rp, region, national) {
        return None;
    }
    let is = |t: NumberType| is_of_type(&rp, region, national, t);
    if is(NumberType::FixedLine) {
        let mobile = field(&rp, NumberType::Mobile).0;
        return Some(match mobile.is_empty() || is(NumberType::Mobile) {
            true => NumberType::FixedLineOrMobile,
            false => NumberType::FixedLine,
        });
    }
    NumberType::OTHERS.into_iter().find(|&t| is(t))
}

/// Whether `national` matches the region's national number pattern; where the file leaves it
/// out, whether a number type takes it, which comes to the same (see [`RegionPatterns::general`]).
fn general(rp: &RegionPatterns, region: Region, national: &str) -> bool {
    match rp.general {
        "" => NumberType::FIELDS
            .iter()
            .any(|&t| is_of_type(rp, region, national, t)),
        general => matches(general, national, Mode::Full),
    }
}

fn field(rp: &RegionPatterns, t: NumberType) -> (&'static str, &'static str) {
    NumberType::FIELDS
        .iter()
        .position(|&f| f == t)
        .and_then(|i| rp.types.get(i))
        .copied()
        .unwrap_or_default()
}

fn is_of_type(rp: &RegionPatterns, region: Region, national: &str, t: NumberType) -> bool {
    let (pattern, lengths) = field(rp, t);
    let lengths = match lengths {
        "" => region.lengths,
        own => own,
    };
    !pattern.is_empty()
        && lengths.split(',').any(|l| l.parse() == Ok(national.len()))
        && matches(pattern, national, Mode::Full)
}

/// The national number with the national prefix kept, where libphonenumber would keep it: the
/// digits with it match the national number pattern and those without do not, or those without
/// are too short or of an impossible length.
fn with_prefix(parsed: &Parsed, region: Region, p: Patterns) -> Option<Parsed> {
    // A trunk prefix dropped after the calling code ("+49 (0) 151 …"): the digits as typed,
    // which some regions' numbers start with (Japan's 0077 toll-free numbers).
    if parsed.international {
        return (parsed.transformed && parsed.typed != parsed.national).then(|| Parsed {
            national: parsed.typed.clone(),
            transformed: false,
            ..parsed.clone()
        });
    }
    if parsed.prefix.is_empty() {
        return None;
    }
    let rp = p.region(region.code)?;
    let mut whole = parsed.prefix.clone();
    whole.push_str(&parsed.national);
    let len = parsed.national.len();
    let possible = region.possible_lengths().any(|l| l == len);
    let too_long = region.possible_lengths().all(|l| len > l);
    let pattern_says = general(&rp, region, &whole) && !general(&rp, region, &parsed.national);
    (pattern_says || (!possible && !too_long)).then(|| Parsed {
        national: whole,
        prefix: String::new(),
        ..parsed.clone()
    })
}
