//! A matcher for the patterns in libphonenumber's metadata, over ASCII digits.
//!
//! The metadata's patterns use only digits, `\d`, classes (`[2-9]`), groups (`(…)`, `(?:…)`),
//! alternation, `?`, counted repeats (`{n}`, `{n,m}`) and `$`; the generator refuses anything
//! else. The data files spell `\d` as `d` (and groups whose digits no one reads as `(…)`): both
//! spellings are read. Matching them here, by backtracking over a tree parsed from the text, keeps a regex
//! engine out of the wasm and lets the native tests run the same code as the browser. Inputs are
//! phone numbers (at most a few dozen digits) and the patterns are our own data, so backtracking
//! stays cheap; still, a match gives up after [`STEPS`] steps rather than hang on a pathological
//! pattern, and a pattern this module cannot read matches nothing.

use std::cell::Cell;

/// Steps one match may take before it gives up as no match. The metadata's patterns take a few
/// hundred at most on any phone number.
pub const STEPS: u32 = 100_000;

/// How much of the input a pattern must account for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The whole input, as `^(?:p)$`.
    Full,
    /// A prefix of the input, as `^(?:p)` (libphonenumber's `lookingAt`).
    Prefix,
    /// As `Prefix`, or the input runs out while the pattern still wants digits: the input could
    /// still become a match as the person types on.
    Partial,
}

/// Whether `pattern` matches `input` in `mode`.
///
/// ```
/// use phone_otp::phone::pattern::{matches, Mode};
/// assert!(matches("1(?:[2-69][02-9]|[78])", "1202", Mode::Prefix));
/// assert!(matches("1(?:[2-69][02-9]|[78])", "1", Mode::Partial));
/// assert!(!matches("1(?:[2-69][02-9]|[78])", "11", Mode::Partial));
/// assert!(matches("[2-9]\\d{9}", "4155552671", Mode::Full));
/// assert!(!matches("[2-9]\\d{9}", "415555267", Mode::Full));
/// // The data files' spelling of the same.
/// assert!(matches("[2-9]d{9}", "4155552671", Mode::Full));
/// ```
pub fn matches(pattern: &str, input: &str, mode: Mode) -> bool {
    find(pattern, input, mode).is_some()
}

/// A match at the start of the input: where it ends and what each capturing group took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Bytes of the input the match took.
    pub end: usize,
    /// Capturing groups, numbered from 1 at index 0; `None` for a group that took no part.
    pub groups: Vec<Option<(usize, usize)>>,
}

/// The first match of `pattern` at the start of `input` in `mode`, in the order a JavaScript
/// `RegExp` would find it (greedy, leftmost alternative first).
///
/// ```
/// use phone_otp::phone::pattern::{find, Mode};
/// let found = find("([457]\\d{6})$|1", "4641234", Mode::Prefix).unwrap();
/// assert_eq!((found.end, found.groups), (7, vec![Some((0, 7))]));
/// let found = find("([457]\\d{6})$|1", "12684641234", Mode::Prefix).unwrap();
/// assert_eq!((found.end, found.groups), (1, vec![None]));
/// ```
pub fn find(pattern: &str, input: &str, mode: Mode) -> Option<Found> {
    let mut parser = Parser {
        text: pattern.as_bytes(),
        at: 0,
        groups: 0,
    };
    let root = parser.alternatives()?;
    if parser.at != parser.text.len() {
        return None;
    }
    let matcher = Matcher {
        input: input.as_bytes(),
        partial: mode == Mode::Partial,
        groups: (0..parser.groups).map(|_| Cell::new(None)).collect(),
        steps: Cell::new(STEPS),
    };
    let len = input.len();
    let mut end = None;
    let root = Item {
        node: Node::Group(root, None),
        min: 1,
        max: 1,
    };
    let found = matcher.seq(std::slice::from_ref(&root), 0, &mut |p| {
        if mode == Mode::Full && p != len {
            return false;
        }
        end = Some(p);
        true
    });
    found.then(|| Found {
        // A partial match that ran out of input took all of it.
        end: end.unwrap_or(len),
        groups: matcher.groups.iter().map(Cell::get).collect(),
    })
}

type Seq = Vec<Item>;

struct Item {
    node: Node,
    min: u8,
    max: u8,
}

enum Node {
    /// A digit class as a bit set over 0–9.
    Class(u16),
    /// Alternatives, with the capture index of a capturing group.
    Group(Vec<Seq>, Option<usize>),
    /// `$`: the end of the input.
    End,
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    groups: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }

    fn alternatives(&mut self) -> Option<Vec<Seq>> {
        let mut alts = vec![self.seq()?];
        while self.eat(b'|') {
            alts.push(self.seq()?);
        }
        Some(alts)
    }

    fn seq(&mut self) -> Option<Seq> {
        let mut seq = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let node = self.atom()?;
            let (min, max) = self.quantifier()?;
            seq.push(Item { node, min, max });
        }
        Some(seq)
    }

    fn atom(&mut self) -> Option<Node> {
        let b = self.peek()?;
        self.at += 1;
        Some(match b {
            b'0'..=b'9' => Node::Class(1 << (b - b'0')),
            b'\\' if self.eat(b'd') => Node::Class(0x3ff),
            b'd' => Node::Class(0x3ff),
            b'$' => Node::End,
            b'[' => {
                let mut set = 0u16;
                while !self.eat(b']') {
                    let lo = digit(self.peek()?)?;
                    self.at += 1;
                    let hi = if self.eat(b'-') {
                        let hi = digit(self.peek()?)?;
                        self.at += 1;
                        hi
                    } else {
                        lo
                    };
                    for d in lo..=hi {
                        set |= 1 << d;
                    }
                }
                Node::Class(set)
            }
            b'(' => {
                let capture = if self.eat(b'?') {
                    self.eat(b':').then_some(None)?
                } else {
                    self.groups += 1;
                    Some(self.groups - 1)
                };
                let alts = self.alternatives()?;
                self.eat(b')').then_some(Node::Group(alts, capture))?
            }
            _ => return None,
        })
    }

    fn quantifier(&mut self) -> Option<(u8, u8)> {
        if self.eat(b'?') {
            return Some((0, 1));
        }
        if !self.eat(b'{') {
            return Some((1, 1));
        }
        let min = self.number()?;
        let max = if self.eat(b',') { self.number()? } else { min };
        (self.eat(b'}') && min <= max).then_some((min, max))
    }

    fn number(&mut self) -> Option<u8> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(self.text.get(start..self.at)?)
            .ok()?
            .parse()
            .ok()
    }
}

fn digit(b: u8) -> Option<u8> {
    b.is_ascii_digit().then(|| b - b'0')
}

struct Matcher<'a> {
    input: &'a [u8],
    partial: bool,
    groups: Vec<Cell<Option<(usize, usize)>>>,
    steps: Cell<u32>,
}

type Next<'k> = &'k mut dyn FnMut(usize) -> bool;

impl Matcher<'_> {
    fn seq(&self, items: &[Item], pos: usize, next: Next) -> bool {
        match items.split_first() {
            None => next(pos),
            Some((item, rest)) => self.repeat(item, 0, pos, &mut |p| self.seq(rest, p, next)),
        }
    }

    /// Greedy: one more round of `item` first, then the rest of the pattern.
    fn repeat(&self, item: &Item, count: u8, pos: usize, next: Next) -> bool {
        if count < item.max
            && self.atom(&item.node, pos, &mut |p| {
                // A round that took nothing cannot make progress; stop there.
                (p != pos || count < item.min) && self.repeat(item, count + 1, p, next)
            })
        {
            return true;
        }
        count >= item.min && next(pos)
    }

    fn atom(&self, node: &Node, pos: usize, next: Next) -> bool {
        let Some(left) = self.steps.get().checked_sub(1) else {
            return false;
        };
        self.steps.set(left);
        match node {
            Node::Class(set) => match self.input.get(pos) {
                Some(&b) => digit(b).is_some_and(|d| set & (1 << d) != 0) && next(pos + 1),
                None => self.partial,
            },
            Node::End => pos == self.input.len() && next(pos),
            Node::Group(alts, capture) => alts.iter().any(|alt| {
                self.seq(alt, pos, &mut |p| {
                    let Some(cell) = capture.and_then(|i| self.groups.get(i)) else {
                        return next(p);
                    };
                    let before = cell.replace(Some((pos, p)));
                    next(p) || {
                        cell.set(before);
                        false
                    }
                })
            }),
        }
    }
}
